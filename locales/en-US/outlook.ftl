# The outlook (§2.7): the day a level is lost or won, and why.

# $change: lapses, won, holds, not-won; $level: silver, gold;
# $last, $day, $horizon (String): dates (the last day the level holds, the
# day it changes, the last day looked at); $causes (String): what enters or
# leaves that day, joined with "and"; $results (String): what follows from
# it, joined with "and"
outlook = { $change ->
        [lapses] { $level ->
            [gold] Gold
           *[silver] Silver
        } holds through { $last }; on { $day }, { $causes }, so { $results }.
        [won] { $level ->
            [gold] Gold
           *[silver] Silver
        } will be attained on { $day }: on that day, { $causes }, so { $results }.
        [holds] { $level ->
            [gold] Gold
           *[silver] Silver
        } holds at least through { $horizon }.
       *[not-won] With the submission as it stands, { $level ->
            [gold] Gold
           *[silver] Silver
        } would not be attained on any day through { $horizon }.
    }

# $direction: starts, stops; $sign: positive, negative; $amount (String): the
# amount without its sign; $booked (String): a full date, so a comma follows
# its year; $records (Number)
outlook-revenue = { $sign ->
        [negative] a credit of { $amount }
       *[positive] { $amount }
    } { $records ->
        [1] booked
       *[other] from { $records } records booked
    } on { $booked }, { $direction ->
        [starts] enters
       *[stops] leaves
    } the TTM period

# $direction: starts, stops; $person, $code (String); $person is the
# display name, else individual-unnamed ("individual x")
outlook-pass = { $person }’s { $code } pass { $direction ->
        [starts] starts to count
       *[stops] stops counting
    }

# Several passes moving one way on one day. $direction: starts, stops;
# $count (Number): all of them; $list (String): outlook-passes-person items
# and outlook-passes-more, joined with "and"
outlook-passes = { $count } exam { $count ->
        [one] pass { $direction ->
            [starts] starts to count
           *[stops] stops counting
        }
       *[other] passes { $direction ->
            [starts] start to count
           *[stops] stop counting
        }
    } ({ $list })

# One person's passes in outlook-passes. $person (String); $codes (String):
# exam codes, joined with "and"; $count (Number): how many
outlook-passes-person = { $person }’s { $codes }

# The passes of the people outlook-passes does not name. $count (Number)
outlook-passes-more = { $count } more

# $edition (String): e.g. 2017-11
outlook-edition = the { $edition } edition of the rules comes into force

# $direction: starts, stops, both; $count (Number): records not named
outlook-more-records = { $count } more { $count ->
        [one] record { $direction ->
            [starts] enters
            [stops] leaves
           *[both] enters or leaves
        }
       *[other] records { $direction ->
            [starts] enter
            [stops] leave
           *[both] enter or leave
        }
    } the TTM period

# $direction: starts, stops, both; $count (Number): passes not named
outlook-more-passes = { $count } more { $count ->
        [one] pass { $direction ->
            [starts] starts to count
            [stops] stops counting
           *[both] starts or stops counting
        }
       *[other] passes { $direction ->
            [starts] start to count
            [stops] stop counting
           *[both] start or stop counting
        }
    }

# $met: yes, no; $sign: positive, negative (credits exceed revenue: a net
# credit); $qualifying (String): the total without its sign; $threshold
# (String): an amount
outlook-revenue-result = { $met ->
        [yes] qualifying revenue rises to { $qualifying }, reaching the { $threshold } threshold
       *[no] qualifying revenue falls to { $sign ->
            [negative] a net credit of { $qualifying }
           *[positive] { $qualifying }
        }, under the { $threshold } threshold
    }

# $met: yes, no
outlook-exams-result = { $met ->
        [yes] the exam requirements are met
       *[no] the exam requirements are no longer met
    }
