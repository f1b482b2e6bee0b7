# Building blocks the service formats values with.

# $amount (String): the number, already formatted by ICU4X (CLDR grouping).
# $plural (String): its CLDR plural category (one, few, many, other).
# $sign (String): negative, positive
# A negative amount takes the minus sign U+2212. English needs no plural form
# after "US$"; the selector on $plural keeps the
# variables of every locale the same.
money = { $sign ->
        [negative] −
       *[positive] {""}
    }US${ $plural ->
       *[other] { $amount }
    }

# $year (String), $month (String: jan, feb, … dec), $day (Number)
date = { $month ->
        [jan] January
        [feb] February
        [mar] March
        [apr] April
        [may] May
        [jun] June
        [jul] July
        [aug] August
        [sep] September
        [oct] October
        [nov] November
       *[dec] December
    } { $day }, { $year }
