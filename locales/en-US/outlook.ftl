# The outlook (§2.7): the day a level is lost or won, and why.

# $change: lapses, won, holds, not-won; $level: silver, gold;
# $last, $day, $horizon (String): dates (the last day the level holds, the
# day it changes, the last day looked at); $items (String): what enters or
# leaves that day and what follows, joined with "and"
outlook = { $change ->
        [lapses] { $level ->
            [gold] Gold
           *[silver] Silver
        } holds through { $last }; on { $day }, { $items }.
        [won] { $level ->
            [gold] Gold
           *[silver] Silver
        } is attained from { $day }: { $items }.
        [holds] { $level ->
            [gold] Gold
           *[silver] Silver
        } holds at least through { $horizon }.
       *[not-won] With the submission as it stands, { $level ->
            [gold] Gold
           *[silver] Silver
        } is not attained on any day through { $horizon }.
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
# display name, else individual-unnamed ("Individual x")
outlook-pass = { $person }’s { $code } pass { $direction ->
        [starts] starts to count
       *[stops] stops counting
    }

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

# The keep plan (issue 25): what to add, by the deadline, so that a level
# attained today holds through the horizon. $level: silver, gold; $parts:
# revenue, exams, both; $horizon, $deadline (String): dates (each ends with
# its year, so a comma follows a date mid-sentence); $revenue (String): an
# amount; $exams (Number): the passes the plan adds (counted when several);
# $steps (String): outlook-keep-step items joined with "and"
outlook-keep = To keep { $level ->
        [gold] Gold
       *[silver] Silver
    } through { $horizon }, { $parts ->
        [revenue] book at least { $revenue } more qualifying revenue by { $deadline }
        [exams] have { $steps } by { $deadline }
       *[both] book at least { $revenue } more qualifying revenue by { $deadline }, and have { $steps } by then
    }{ $exams ->
        [0] {""}
        [1] {""}
       *[other] {" "}({ $exams } more exam passes)
    }.

# Inside outlook-keep ("have … pass …"): individuals offered the same
# exams. $people (String): their names (outlook-keep-new for a new
# individual), joined with "and"; $count (Number): how many; $options
# (String): the exams, "or" within a group, "and" between groups
outlook-keep-step = { $people } { $count ->
        [one] pass
       *[other] each pass
    } { $options }

# A new individual in outlook-keep-step. $number (Number): which one (1,
# 2, …) when the plan needs several, 0 when it needs one
outlook-keep-new = { $number ->
        [0] a new individual
       *[other] new individual { $number }
    }

# No plan keeps the level. $level: silver, gold; $why: no-exam, no-level;
# $horizon, $deadline, $day (String): dates; $group (String): the group's
# name; $edition (String): e.g. 2017-11
outlook-cannot-keep = { $level ->
        [gold] Gold
       *[silver] Silver
    } cannot be kept through { $horizon }: { $why ->
        [no-level] the { $edition } edition of the rules, which applies on { $day }, has no such level
       *[no-exam] no exam of the { $group } group that can be taken by { $deadline }, still counts through { $horizon }
    }.
