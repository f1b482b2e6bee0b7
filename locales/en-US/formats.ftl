# Building blocks the service formats values with.
#
# money is a template (rendered once at start for every value of $plural,
# $sign and $case, with $amount filled in per call; see
# src/l10n/template.rs and src/l10n/formats.rs): select on $plural, $sign
# and $case as Fluent allows, never on $amount. date is a plain Fluent call (each date kept once rendered): a
# translator may select on any of its arguments.

# $amount (String): the number, already formatted by ICU4X (CLDR grouping).
# $plural (String): its CLDR plural category (one, few, many, other).
# $sign (String): negative, positive
# $case (String): the amount's grammatical case in its sentence: nominative,
# genitive (Russian declines the currency's name after "до", "не менее").
# A negative amount takes the minus sign U+2212. English needs neither a
# plural form nor a case after "US$"; the selectors on $plural and $case keep
# the variables and keys of every locale the same.
money = { $sign ->
        [negative] −
       *[positive] {""}
    }US${ $plural ->
       *[other] { $case ->
            [genitive] { $amount }
           *[nominative] { $amount }
        }
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
