# The outlook (§2.7): the day a level is lost or won, and why.

# $change: lapses, won, lost-again (the sentence after a won one, when the
# level is lost again later), won-again (the sentence after a lapses one,
# when the level is attained again later; a lost-again one may follow),
# holds, not-won; $level: silver, gold;
# $last, $day, $horizon (String): dates (the last day the level holds, the
# day it changes, the last day looked at); $causes (String): what enters or
# leaves that day, joined with "and"; $results (String): what follows from
# it, joined with "and"; $keep: possible, cannot (a level that lapses and
# that no keep plan can keep); $why (String): why not (outlook-cannot-keep),
# empty unless $keep is cannot; $today: yes ($last is the day the answer
# has just named: for lapses the evaluation date, for lost-again the day the
# level is won, so it holds for that day alone), no
outlook = { $change ->
        [lapses] { $today ->
            [yes] You keep { $level ->
                [gold] Gold
               *[silver] Silver
            } only through the evaluation date, { $last }. On the next day, { $day }, { $causes }, so { $results }.
           *[no] You’ll keep { $level ->
                [gold] Gold
               *[silver] Silver
            } through { $last }. On { $day }, { $causes }, so { $results }.
        }{ $keep ->
            [cannot] {" "}You can’t keep it through { $horizon }: { $why }.
           *[possible] {""}
        }
        [won] You’ll attain { $level ->
            [gold] Gold
           *[silver] Silver
        } on { $day }. On that day, { $causes }, so { $results }.
        [lost-again] { $today ->
            [yes] You’ll keep { $level ->
                [gold] Gold
               *[silver] Silver
            } for only one day. On the next day, { $day }, { $causes }, so { $results }.
           *[no] You’ll keep { $level ->
                [gold] Gold
               *[silver] Silver
            } through { $last }. On { $day }, { $causes }, so { $results }.
        }
        [won-again] You’ll attain { $level ->
            [gold] Gold
           *[silver] Silver
        } again on { $day }. On that day, { $causes }, so { $results }.
        [holds] You’ll keep { $level ->
            [gold] Gold
           *[silver] Silver
        } through at least { $horizon }.
       *[not-won] Based on your current submission, you won’t attain { $level ->
            [gold] Gold
           *[silver] Silver
        } on any day through { $horizon }.
    }

# $direction: starts, stops; $sign: positive, negative; $amount (String): the
# amount without its sign; $booked (String): a full date, so a comma follows
# its year; $records (Number). Revenue enters the TTM period on the day it
# was booked, the day the sentence has just named, so only revenue that
# leaves it is dated ("that day" would be unclear after a leaving item).
# $period: named (the first revenue item of the sentence names the TTM
# period), again (the revenue items after it, listed together, refer back: "it").
outlook-revenue = { $sign ->
        [negative] a credit of { $amount }
       *[positive] revenue of { $amount }
    }{ $records ->
        [1] {""}
       *[other] {" "}from { $records ->
            [one] one
            [2] two
            [3] three
            [4] four
            [5] five
            [6] six
            [7] seven
            [8] eight
            [9] nine
           *[other] { $records }
        } records
    } { $direction ->
        [starts] enters
       *[stops] booked on { $booked }, leaves
    } { $period ->
        [again] it
       *[named] the TTM period
    }

# $direction: starts, stops; $person, $code (String); $person is the
# display name, else individual-unnamed ("individual x")
outlook-pass = { $person }’s { $code } pass { $direction ->
        [starts] starts to count
       *[stops] stops counting
    }

# Several passes moving one way on one day. $direction: starts, stops;
# $count (Number): all of them; $list (String): outlook-passes-person items
# and outlook-passes-more, joined by outlook-passes-people
outlook-passes = { $count ->
        [one] one
        [2] two
        [3] three
        [4] four
        [5] five
        [6] six
        [7] seven
        [8] eight
        [9] nine
       *[other] { $count }
    } exam { $count ->
        [one] pass { $direction ->
            [starts] starts to count
           *[stops] stops counting
        }
       *[other] passes { $direction ->
            [starts] start to count
           *[stops] stop counting
        }
    } ({ $list })

# One person’s passes in outlook-passes. $person (String); $codes (String):
# exam codes, joined with "and"; $count (Number): how many
outlook-passes-person = { $person }’s { $codes }

# outlook-passes' $list: its items (outlook-passes-person, and
# outlook-passes-more last) joined two at a time from the end, as a CLDR
# list pattern joins its items. $join: pair (the only two), end (the last
# two of three or more), middle (an earlier item and the rest); $several:
# yes when some person has two or more codes, whose own "and" would run
# into the list's ("A’s X and Y, and B’s Z"), no; $first (String): an item;
# $rest (String): the items after it, already joined
outlook-passes-people = { $join ->
        [pair] { $several ->
            [yes] { $first }, and { $rest }
           *[no] { $first } and { $rest }
        }
        [end] { $first }, and { $rest }
       *[middle] { $first }, { $rest }
    }

# The passes of the people outlook-passes does not name. $count (Number)
outlook-passes-more = { $count ->
        [one] one
        [2] two
        [3] three
        [4] four
        [5] five
        [6] six
        [7] seven
        [8] eight
        [9] nine
       *[other] { $count }
    } more

# $edition (String): e.g. 2017-11
outlook-edition = the { $edition } edition of the rules comes into force

# $direction: starts, stops, both; $count (Number): records not named;
# $period: named, again (after revenue items that named the TTM period: "it")
outlook-more-records = { $count ->
        [one] one
        [2] two
        [3] three
        [4] four
        [5] five
        [6] six
        [7] seven
        [8] eight
        [9] nine
       *[other] { $count }
    } more { $count ->
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
    } { $period ->
        [again] it
       *[named] the TTM period
    }

# $direction: starts, stops, both; $count (Number): passes not named
outlook-more-passes = { $count ->
        [one] one
        [2] two
        [3] three
        [4] four
        [5] five
        [6] six
        [7] seven
        [8] eight
        [9] nine
       *[other] { $count }
    } more { $count ->
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
# credit); $qualifying (String): the total without its sign (in the
# genitive, which Russian needs after its "до"); $threshold (String): an
# amount
outlook-revenue-result = { $met ->
        [yes] your qualifying Net New Revenue rises to { $qualifying } (which meets the { $threshold } threshold)
       *[no] your qualifying Net New Revenue falls to { $sign ->
            [negative] a net credit of { $qualifying }
           *[positive] { $qualifying }
        } (below the { $threshold } threshold)
    }

# $met: yes, again (met once more, after a day they weren’t: won-again),
# no
outlook-exams-result = { $met ->
        [yes] the exam requirements are met
        [again] the exam requirements are met again
       *[no] the exam requirements are no longer met
    }

# The keep plan (issue 25): what to add, and by when, so that a level
# attained today holds through the horizon. $level: silver, gold; $parts:
# revenue, exams, both; $horizon, $deadline (String): dates (each ends with
# its year, so a comma follows a date mid-sentence); $revenue (String): an
# amount; $exams (Number): the passes the plan adds (counted when several,
# in words below ten);
# $steps (String): the outlook-keep-step items as one list (outlook-keep-steps);
# $revenue_by (String): the last day the revenue can be booked; $exams_by
# (String): the last day the exams can be passed (one of the two is
# $deadline, the day the level would be lost); $same: yes (both are
# $deadline), no; $first: exams (the exams are due first: the level is lost
# on the deadline through its exams, and its revenue falls short only on
# $revenue_by; also with $same: yes), revenue (the revenue is due first: the
# seats empty only on $exams_by);
# $by: horizon ($revenue_by, which is $deadline when the plan asks only
# for exams or both are due the same day, is $horizon itself, so the
# sentence says "that day" rather than the date again), date. With two
# deadlines ($same: no), the revenue comes first and the steps last, so that
# the count of passes follows them, whichever is due first (the revenue
# first never falls on $horizon, so it needs no $by).
outlook-keep = To keep { $level ->
        [gold] Gold
       *[silver] Silver
    } through { $horizon }, { $parts ->
        [revenue] book at least { $revenue } more qualifying Net New Revenue by { $by ->
            [horizon] that day
           *[date] { $revenue_by }
        }
        [exams] make sure that, by { $by ->
            [horizon] that day
           *[date] { $exams_by }
        }, { $steps }
       *[both] { $same ->
            [yes] book at least { $revenue } more qualifying Net New Revenue by { $by ->
                [horizon] that day
               *[date] { $deadline }
            }, and make sure that by then { $steps }
           *[no] { $first ->
                [revenue] book at least { $revenue } more qualifying Net New Revenue by { $revenue_by }, and make sure that, by { $exams_by }, { $steps }
               *[exams] book at least { $revenue } more qualifying Net New Revenue by { $by ->
                    [horizon] that day
                   *[date] { $revenue_by }
                }, and make sure that, by { $exams_by }, { $steps }
            }
        }
    }{ $exams ->
        [0] {""}
        [1] {""}
        [2] {" "}(two more exam passes)
        [3] {" "}(three more exam passes)
        [4] {" "}(four more exam passes)
        [5] {" "}(five more exam passes)
        [6] {" "}(six more exam passes)
        [7] {" "}(seven more exam passes)
        [8] {" "}(eight more exam passes)
        [9] {" "}(nine more exam passes)
       *[other] {" "}({ $exams } more exam passes)
    }.

# After outlook-keep, when its passes are due after the deadline (the level
# is lost on the deadline only through its revenue, so the outlook’s
# sentence doesn’t mention the exams). $day (String): the day the seats
# would no longer be filled, a date; $exams (Number): the passes the plan
# adds; $causes (String): what happens that day, as in outlook ("Olga’s
# MB2-709 pass stops counting")
outlook-keep-exams-later = Without the additional { $exams ->
        [one] pass
       *[other] passes
    }, the exam requirements would no longer be met on { $day }, when { $causes }.

# Right after outlook-keep, one per person who holds a seat of
# the level today and whom the plan moves, with no exam, to a seat of
# another role (so that someone whose pass stops counting may need no new
# exam). $person (String): their name (it may be "individual a1", so the
# sentence doesn’t begin with it); $from, $to: application-deployment,
# customization: the roles of the seat they hold and of the one they move
# to; $to_seats (Number): how many seats of that role the level has.
outlook-keep-move = No new exam is needed for { $person } to move from their { $from ->
        [customization] customization seat
       *[application-deployment] application and deployment seat
    } to { $to_seats ->
        [1] { $to ->
            [customization] the customization seat
           *[application-deployment] the application and deployment seat
        }
       *[other] { $to ->
            [customization] a customization seat
           *[application-deployment] an application and deployment seat
        }
    }, for which they already qualify.

# In place of two outlook-keep-move sentences whose people move, with no
# exam, each to the other’s role. $first, $second (String): their names
# (the sentence doesn’t begin with one); $first_from:
# application-deployment, customization: the role of the seat $first holds
# today, to which $second moves
outlook-keep-swap = No new exam is needed for { $first } and { $second } to swap seats, as each already qualifies for the other’s: { $first } takes { $second }’s { $first_from ->
        [customization] application and deployment seat
       *[application-deployment] customization seat
    }, and { $second } takes { $first }’s { $first_from ->
        [customization] customization seat
       *[application-deployment] application and deployment seat
    }.

# Right after outlook-keep and its outlook-keep-move sentences, one per
# person who holds no seat of the level today and whom the plan seats with no
# exam: their listed passes qualify them by $by (String), the plan’s exam
# deadline, a date. $person (String): their name (it may be "individual a1", so the
# sentence doesn’t begin with it); $to: application-deployment,
# customization; $to_seats (Number): how many seats of that role the level
# has; $whose: holder (the seat is $holder’s today, a String: someone the plan
# no longer seats in it), none ($holder is empty)
outlook-keep-take = No new exam is needed for { $person } to { $whose ->
        [holder] take over { $holder }’s { $to ->
            [customization] customization seat
           *[application-deployment] application and deployment seat
        }
       *[none] take { $to_seats ->
            [1] { $to ->
                [customization] the customization seat
               *[application-deployment] the application and deployment seat
            }
           *[other] { $to ->
                [customization] a customization seat
               *[application-deployment] an application and deployment seat
            }
        }
    }: by { $by }, { $person } will qualify for it with their listed passes.

# Right after outlook-keep, when it asks for revenue: revenue dated on the
# evaluation date or before leaves the TTM period by the plan’s last day.
# $as_of, $horizon (String): dates (a comma follows a year mid-sentence)
outlook-keep-revenue-after = That revenue must be dated after { $as_of }: revenue dated on or before that day leaves the TTM period by { $horizon }.

# After outlook-keep, when the outlook’s sentence doesn’t say what the revenue
# it asks for makes up for (revenue doesn’t flip on the change, or keeps
# falling after it). $day (String): the first day it is that low, a date;
# $sign: positive, negative; $qualifying (String): the amount without its
# sign (in the genitive, as above)
outlook-keep-lowest = Without the additional revenue, your qualifying Net New Revenue would fall to { $sign ->
        [negative] a net credit of { $qualifying }
       *[positive] { $qualifying }
    } on { $day }.

# Inside outlook-keep ("make sure that … passes …"): individuals offered the same
# exams. $people (String): their names (outlook-keep-new for a new
# individual, outlook-keep-new-group for several), joined with "and";
# $count (Number): how many people; $options
# (String): the exams, each group as outlook-keep-choice, joined with "and"
outlook-keep-step = { $people } { $count ->
        [one] passes
       *[other] each pass
    } { $options }

# One group’s exams in an outlook-keep-step (its $options joins those of
# several groups with "and"): the exam by code where the group offers one,
# else the group ("one exam from the application group and MB2-710"): the
# keep plan’s steps, which follow, list the exams (review 42 M4). $codes
# (String): the group’s exam when it offers one, else empty; $count
# (Number): how many it offers; $group (String): the group’s label; $but:
# yes (the person’s pass of the group that holds their seat today and stops
# counting, $except, a String, doesn’t help: "other than MB2-709"), no
# ($except is empty); $each: yes (several people each pass one; English
# words it the same), no
outlook-keep-choice = { $each ->
        [yes] { $count ->
            [1] { $codes }
           *[other] one exam from the { $group } group{ $but ->
                [yes] {" "}other than { $except }
               *[no] {""}
            }
        }
       *[no] { $count ->
            [1] { $codes }
           *[other] one exam from the { $group } group{ $but ->
                [yes] {" "}other than { $except }
               *[no] {""}
            }
        }
    }

# The keep plan’s steps (outlook-keep-step items) as one list in
# outlook-keep, joined two at a time from the end, as a CLDR list pattern
# joins its items: "A and B", "A; B; and C" (semicolons, as the steps'
# exams carry commas of their own). $join: pair (the only two
# steps), end (the last two of three or more), middle (an earlier step and
# the rest); $first (String): a step; $rest (String): the steps after it,
# already joined
outlook-keep-steps = { $join ->
        [pair] { $first } and { $rest }
        [end] { $first }; and { $rest }
       *[middle] { $first }; { $rest }
    }

# A new individual in outlook-keep-step. $number (Number): which one (1,
# 2, …) when the plan needs several, 0 when it needs one. The same words as
# gap-step (evaluation.ftl): "a second new individual".
outlook-keep-new = { $number ->
        [0] a new individual
        [1] one new individual
        [2] a second new individual
        [3] a third new individual
        [4] a fourth new individual
       *[other] new individual { $number }
    }

# Several new individuals offered the same exams in outlook-keep-step
# (counted rather than numbered). $count (Number): how many, 2 or more;
# $after (Number): how many new individuals the plan named before them
outlook-keep-new-group = { $count ->
        [2] two
        [3] three
        [4] four
        [5] five
        [6] six
        [7] seven
        [8] eight
        [9] nine
       *[other] { $count }
    }{ $after ->
        [0] {" "}new individuals
       *[other] {" "}more new individuals
    }

# Why no plan keeps a level (the end of outlook, after "You can’t keep it
# through …:"). $why: no-exam, no-level; $horizon, $deadline (the last day
# the plan's exams can be taken), $day (String): dates; $group (String): the group’s name; $edition (String):
# e.g. 2017-11
outlook-cannot-keep = { $why ->
        [no-level] the { $edition } edition of the rules, which applies on { $day }, has no such level
       *[no-exam] no exam of the { $group } group that can be taken by { $deadline }, still counts through { $horizon }
    }
