# Building blocks the service formats values with.

# $amount (String): the number, already formatted by ICU4X (CLDR grouping).
# $plural (String): its CLDR plural category (one, few, many, other).
# $sign (String): negative, positive
# English needs no plural form after "US$"; the selector on $plural keeps the
# variables of every locale the same.
money = { $sign ->
        [negative] -
       *[positive] {""}
    }US${ $plural ->
       *[other] { $amount }
    }

# $year (String), $month (Number 1–12), $day (Number)
date = { $month ->
        [1] January
        [2] February
        [3] March
        [4] April
        [5] May
        [6] June
        [7] July
        [8] August
        [9] September
        [10] October
        [11] November
       *[12] December
    } { $day }, { $year }
