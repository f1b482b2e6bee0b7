# The explanations of an evaluation.
#
# Templated messages (rendered once at start for every value of their
# selectors, with the string arguments filled in per call; see
# src/l10n/template.rs and src/api/render/messages/): summary,
# revenue-explanation, revenue-exclusions, revenue-excluded-*,
# exams-holders, gap-explanation, gap-item-revenue, gap-step, gap-step-until,
# revenue-later-qualifying (the service gives every value with its
# argument’s name). Pre-rendered at start for
# every count the catalog allows (plain Fluent calls, kept): exams-met,
# exams-unmet, gap-item-exams, gap-item-individuals. Plain Fluent calls per
# answer: gap-step-pending, gap-step-held-until, gap-step-misdated,
# gap-step-not-accepted, gap-step-holder-moves, exams-note, exams-one-seat,
# exams-holder-taken-over,
# exams-holder-until, exams-holder-may-move, individual-unnamed, exam-option,
# exam-choice.
# Every kind allows anything Fluent allows: select on any selector or any
# Number argument (plural categories or exact numbers such as [0]), reorder,
# drop or repeat arguments. A message may not select on, or pass to a function, an
# argument documented as (String); the service checks this at start.

# $level: gold, silver, none; $partner (String): the partner’s id;
# $edition: the edition’s id (2017-07, 2017-11); $as_of (String): a date
summary = Partner { $partner } { $level ->
        [gold] has attained the Cloud CRM competency at the Gold level
        [silver] has attained the Cloud CRM competency at the Silver level but not yet at the Gold level
       *[none] hasn’t attained the Cloud CRM competency at the Silver or Gold level
    } (as of { $as_of }, under the { $edition } edition of the rules).

# $met: yes, no; $level: silver, gold; $market: developed, developing;
# $sign: positive, negative (credits exceed revenue: a net credit);
# $qualifying (String): the total without its sign; $threshold, $shortfall
# (String): amounts; $start, $end (String): dates; $wording
revenue-explanation = In the TTM period ({ $start }, through { $end }), your Net New Revenue from { $wording ->
        [customer-engagement] cloud sales
       *[plan1] sales
    } of { products } to customers for whom you’re the Digital Partner of Record is { $sign ->
        [negative] a net credit of { $qualifying }
       *[positive] { $qualifying }
    }. { $met ->
        [yes] This meets
       *[no] This is { $shortfall } short of
    } the { $level ->
        [gold] Gold
       *[silver] Silver
    } threshold for { $market ->
        [developing] Developing Markets
       *[developed] Developed Markets
    } ({ $threshold }).

# $items (String): the exclusions, joined with "and"
revenue-exclusions = This total excludes { $items }.
# After revenue-exclusions, when some records dated after the evaluation
# date are for other products or lack DPOR, so that they won’t count even
# once they enter the TTM period. $part: some (others qualify: their net is
# $amount, a String without its sign, which $sign gives: positive, negative,
# zero), none (none qualifies; $amount is empty); $why: other-product,
# without-dpor, both (why the rest won’t count; both: some records for
# one reason, some for the other); $wording, as in
# revenue-explanation (for without-dpor)
revenue-later-qualifying = { $part ->
        [some] { $sign ->
            [negative] Of the revenue dated after the evaluation date, the part that will count later is a net credit of { $amount }; the rest { $why ->
                [other-product] is for other products.
                [without-dpor] is { without-dpor }.
               *[both] is partly for other products and partly { without-dpor }.
            }
            [zero] Of the revenue dated after the evaluation date, the part that will count later nets to { $amount }; the rest { $why ->
                [other-product] is for other products.
                [without-dpor] is { without-dpor }.
               *[both] is partly for other products and partly { without-dpor }.
            }
           *[positive] Of the revenue dated after the evaluation date, { $amount } will count later; the rest { $why ->
                [other-product] is for other products.
                [without-dpor] is { without-dpor }.
               *[both] is partly for other products and partly { without-dpor }.
            }
        }
       *[none] None of the revenue dated after the evaluation date will count, even once it enters the TTM period, because it’s { $why ->
            [other-product] for other products.
            [without-dpor] { without-dpor }.
           *[both] partly for other products and partly { without-dpor }.
        }
    }
# An individual listed without a display name, named by id wherever the
# answer names people ($person, $people). $id (String): the individual’s id.
# Lowercase: no sentence begins with $person or $people, so the phrase always
# stands mid-sentence ("…is held by Anna Smirnova and individual u-17.").
individual-unnamed = individual { $id }

# The net of the records one reason leaves out. $sign: positive, negative
# (the records net to a credit), zero (they cancel out: still named);
# $records (Number): how many records the reason leaves out; $amount
# (String): the net without its sign
revenue-excluded-outside-period = { $sign ->
        [negative] { $records ->
            [one] a credit of { $amount } booked before the TTM period
           *[other] a net credit of { $amount } booked before the TTM period
        }
        [zero] { $records ->
            [one] one record of { $amount } booked before the TTM period
            [2] two records booked before the TTM period that net to { $amount }
            [3] three records booked before the TTM period that net to { $amount }
            [4] four records booked before the TTM period that net to { $amount }
            [5] five records booked before the TTM period that net to { $amount }
            [6] six records booked before the TTM period that net to { $amount }
            [7] seven records booked before the TTM period that net to { $amount }
            [8] eight records booked before the TTM period that net to { $amount }
            [9] nine records booked before the TTM period that net to { $amount }
           *[other] { $records } records booked before the TTM period that net to { $amount }
        }
       *[positive] { $amount } booked before the TTM period
    }
# Records dated after the evaluation date: they enter the TTM period of a
# later day, as the parenthesis says (a keep plan that counts on them would
# otherwise read as a contradiction). The same arguments.
revenue-excluded-after-as-of = { $sign ->
        [negative] { $records ->
            [one] a credit of { $amount } dated after the evaluation date (it enters the TTM period later)
           *[other] a net credit of { $amount } dated after the evaluation date (it enters the TTM period later)
        }
        [zero] { $records ->
            [one] one record of { $amount } dated after the evaluation date (it enters the TTM period later)
            [2] two records dated after the evaluation date that net to { $amount } (they enter the TTM period later)
            [3] three records dated after the evaluation date that net to { $amount } (they enter the TTM period later)
            [4] four records dated after the evaluation date that net to { $amount } (they enter the TTM period later)
            [5] five records dated after the evaluation date that net to { $amount } (they enter the TTM period later)
            [6] six records dated after the evaluation date that net to { $amount } (they enter the TTM period later)
            [7] seven records dated after the evaluation date that net to { $amount } (they enter the TTM period later)
            [8] eight records dated after the evaluation date that net to { $amount } (they enter the TTM period later)
            [9] nine records dated after the evaluation date that net to { $amount } (they enter the TTM period later)
           *[other] { $records } records dated after the evaluation date that net to { $amount } (they enter the TTM period later)
        }
       *[positive] { $amount } dated after the evaluation date (it enters the TTM period later)
    }
revenue-excluded-other-product = { $sign ->
        [negative] { $records ->
            [one] a credit of { $amount } for other products
           *[other] a net credit of { $amount } for other products
        }
        [zero] { $records ->
            [one] one record of { $amount } for other products
            [2] two records for other products that net to { $amount }
            [3] three records for other products that net to { $amount }
            [4] four records for other products that net to { $amount }
            [5] five records for other products that net to { $amount }
            [6] six records for other products that net to { $amount }
            [7] seven records for other products that net to { $amount }
            [8] eight records for other products that net to { $amount }
            [9] nine records for other products that net to { $amount }
           *[other] { $records } records for other products that net to { $amount }
        }
       *[positive] { $amount } for other products
    }
# Customers the partner isn't DPOR for, as the edition's page names the
# status (the same words in both editions; Russian differs). It ends its
# phrase: "records that net to US$0 from customers for whom …", never
# "… Digital Partner of Record that net to …". $wording
without-dpor = { $wording ->
        [customer-engagement] from customers for whom you aren’t the Digital Partner of Record
       *[plan1] from customers for whom you aren’t the Digital Partner of Record
    }
revenue-excluded-without-dpor = { $sign ->
        [negative] { $records ->
            [one] a credit of { $amount } { without-dpor }
           *[other] a net credit of { $amount } { without-dpor }
        }
        [zero] { $records ->
            [one] one record of { $amount } { without-dpor }
            [2] two records that net to { $amount } { without-dpor }
            [3] three records that net to { $amount } { without-dpor }
            [4] four records that net to { $amount } { without-dpor }
            [5] five records that net to { $amount } { without-dpor }
            [6] six records that net to { $amount } { without-dpor }
            [7] seven records that net to { $amount } { without-dpor }
            [8] eight records that net to { $amount } { without-dpor }
            [9] nine records that net to { $amount } { without-dpor }
           *[other] { $records } records that net to { $amount } { without-dpor }
        }
       *[positive] { $amount } { without-dpor }
    }

# Counts of seats and people (at most four: Gold) are written as words, as
# style guides want for small numbers; "the" never precedes a numeral.
# $required (Number): seats of the level, each for a different individual
exams-met = The exam requirements are met: { $required ->
        [one] the seat is held by a qualified individual.
        [2] both seats are held by qualified individuals.
        [3] all three seats are held by qualified individuals.
        [4] all four seats are held by qualified individuals.
       *[other] all { $required } seats are held by qualified individuals.
    }
# $filled (Number): seats held by qualified individuals; $required (Number): seats
exams-unmet = The exam requirements aren’t met: { $filled ->
        [0] { $required ->
            [one] the seat isn’t held by a qualified individual yet.
            [2] neither seat is held by a qualified individual yet.
            [3] none of the three seats is held by a qualified individual yet.
            [4] none of the four seats is held by a qualified individual yet.
           *[other] none of { $required } seats is held by a qualified individual yet.
        }
        [one] { $required ->
            [2] only one of the two seats is held by a qualified individual.
            [3] only one of the three seats is held by a qualified individual.
            [4] only one of the four seats is held by a qualified individual.
           *[other] only { $filled } of { $required } seats is held by a qualified individual.
        }
       *[other] { $required ->
            [3] only two of the three seats are held by qualified individuals.
            [4] only { $filled ->
                [2] two
                [3] three
               *[other] { $filled }
            } of the four seats are held by qualified individuals.
           *[other] only { $filled } of { $required } seats are held by qualified individuals.
        }
    }
# Who holds the seats of one role (a sentence of its own after exams-met or
# exams-unmet). $role: application-deployment, customization;
# $count (Number): the people named; $seats (Number): the role’s seats at
# this level; $people (String): their names, joined with "and"
exams-holders = { $count ->
        [one] { $seats ->
            [one] The
            [2] One of the two
           *[other] One of { $seats }
        }
       *[other] { $seats ->
            [2] The two
           *[other] { $count } of { $seats }
        }
    } { $role ->
        [customization] customization
       *[application-deployment] application and deployment
    } { $seats ->
        [one] seat is
       *[other] { $count ->
            [one] seats is
           *[other] seats are
        }
    } held by { $people }.

# $level: silver, gold; $items (String): what is missing, joined with "and";
# $won: later (the outlook attains the level on $day with the submission
# unchanged; the steps are what attains it on the evaluation date itself,
# not merely before $day, which less may already do: review 39 H1),
# next-day (later, and $day is the day after the evaluation date), no ($day
# is empty);
# $day (String): that day; $pending (Number): how many of the exam passes
# the listed individuals already have, counting only from a later day (the
# steps say when); 0 where $won is later, whose "instead of on" covers them;
# $all: yes (they are all the exam passes $items counts), no
gap-explanation = To attain { $level ->
        [gold] Gold
       *[silver] Silver
    }{ $won ->
        [later] {" "}on the evaluation date instead of on { $day }
        [next-day] {" "}on the evaluation date instead of on { $day }
       *[no] {""}
    }, you still need { $items }.{ $pending ->
        [0] {""}
       *[other] {" "}{ $all ->
            [yes] { $pending ->
                [1] That exam pass is already listed but starts
                [2] Both exam passes are already listed but start
               *[other] All { $pending ->
                    [3] three
                    [4] four
                    [5] five
                    [6] six
                    [7] seven
                    [8] eight
                   *[other] { $pending }
                } exam passes are already listed but start
            }
           *[no] { $pending ->
                [1] One of these exam passes is already listed but starts
                [2] Two of these exam passes are already listed but start
                [3] Three of these exam passes are already listed but start
                [4] Four of these exam passes are already listed but start
                [5] Five of these exam passes are already listed but start
                [6] Six of these exam passes are already listed but start
                [7] Seven of these exam passes are already listed but start
                [8] Eight of these exam passes are already listed but start
               *[other] Of these exam passes, { $pending } are already listed but start
            }
        } to count only later (see the steps).
    }
# $amount (String)
gap-item-revenue = { $amount } more qualifying Net New Revenue
# $count (Number). Counts below ten are words, as in a style guide.
gap-item-exams = { $count ->
        [1] one more exam pass
        [2] two more exam passes
        [3] three more exam passes
        [4] four more exam passes
        [5] five more exam passes
        [6] six more exam passes
        [7] seven more exam passes
        [8] eight more exam passes
        [9] nine more exam passes
       *[other] { $count } more exam passes
    }
# $count (Number)
gap-item-individuals = { $count ->
        [1] one new individual
        [2] two new individuals
        [3] three new individuals
        [4] four new individuals
        [5] five new individuals
        [6] six new individuals
        [7] seven new individuals
        [8] eight new individuals
        [9] nine new individuals
       *[other] { $count } new individuals
    }

# One seat to fill. $who: new, listed; $number (Number): which new individual
# (1, 2, …) when the plan needs several, 0 when it needs one;
# $person (String): the listed individual’s name; $held (Number): how many of
# the role’s exams the listed individual already has; $held_exams (String):
# their codes, joined with "and"; $role: application-deployment,
# customization; $seats (Number): how many seats of $role the level has;
# $exams (String): the exam choices, joined with "and";
# $leaves: none, application-deployment, customization: the role of the seat
# the listed individual holds today and leaves for this one (none: they hold
# no seat, or are new); $freed: taken, open: whether another listed
# individual, who already qualifies for it, takes the seat they leave;
# $taker (String): that individual’s name (empty when open); $stays: yes
# (a keep plan’s step for a listed individual who holds a seat of $role
# today: the step keeps it), takes (another listed individual, $holder, a
# String, holds the seat today and moves to another one:
# gap-step-holder-moves follows), no ($holder is empty). The purpose comes
# first, so that no sentence begins with a name (see individual-unnamed).
gap-step = { $stays ->
        [yes] To keep their { $role ->
            [customization] customization seat
           *[application-deployment] application and deployment seat
        }
        [takes] To take over { $holder }’s { $role ->
            [customization] customization seat
           *[application-deployment] application and deployment seat
        }
       *[no] To fill { $seats ->
            [1] { $role ->
                [customization] the customization seat
               *[application-deployment] the application and deployment seat
            }
           *[other] { $role ->
                [customization] a customization seat
               *[application-deployment] an application and deployment seat
            }
        }
    }, { $who ->
        [new] { $number ->
            [0] a new individual
            [1] one new individual
            [2] a second new individual
            [3] a third new individual
            [4] a fourth new individual
           *[other] new individual { $number }
        } must pass
       *[listed] { $person }{ $held ->
            [0] {""} must pass
            [one] , who has already passed { $held_exams }, must also pass
           *[other] , who has already passed { $held_exams }, must also pass
        }
    } { $exams }{ $leaves ->
        [customization] {" "}and then move to this seat from their customization seat{ $freed ->
            [taken] . That seat goes to { $taker }, who already qualifies for it
           *[open] {""}
        }
        [application-deployment] {" "}and then move to this seat from their application and deployment seat{ $freed ->
            [taken] . That seat goes to { $taker }, who already qualifies for it
           *[open] {""}
        }
       *[none] {""}
    }.

# A listed individual who holds a seat of the step’s role today and whom the
# plan moves, with no exam, to a seat of another role, making room for the
# step’s individual (a sentence after gap-step and the person’s own
# sentences, whose $holder they are; it doesn’t begin with the name, which
# may be "individual a1", nor with "Then", which after a dated sentence
# would read as that day: review 41 M1).
# $person (String): their name; $to: application-deployment, customization:
# the role of the seat they move to; $to_seats (Number): how many seats of
# that role the level has.
gap-step-holder-moves = To free this seat, { $person } moves to { $to_seats ->
        [1] { $to ->
            [customization] the customization seat
           *[application-deployment] the application and deployment seat
        }
       *[other] { $to ->
            [customization] an open customization seat
           *[application-deployment] an open application and deployment seat
        }
    }, for which they already qualify.

# A listed individual’s own passes of groups their step asks for that start
# to count on one day (a sentence after gap-step). $codes (String): the
# exams, joined with "and"; $count (Number): how many; $counts_from
# (String): the date they start to count; $why: dated (they are dated that
# day, after the evaluation date), first-day (they have no date, and that
# day is the first their exams can be taken), edition (the edition applied
# lacks their exams, and that day the edition $edition, a String, that has
# them comes into force; $edition is empty otherwise), late (a keep plan’s
# step: they are dated that day, after the plan’s exams are due)
gap-step-pending = { $why ->
        [late] { $count ->
            [one] Their listed { $codes } pass starts to count only on { $counts_from }, too late to keep the seat without a break.
           *[other] Their listed { $codes } passes start to count only on { $counts_from }, too late to keep the seat without a break.
        }
        [edition] { $count ->
            [one] Their listed { $codes } pass starts to count toward this seat on { $counts_from }, when the { $edition } edition of the rules comes into force.
           *[other] Their listed { $codes } passes start to count toward this seat on { $counts_from }, when the { $edition } edition of the rules comes into force.
        }
        [first-day] { $count ->
            [one] Their listed { $codes } pass has no date, so it starts to count toward this seat on { $counts_from }, the first day { $codes } can be taken.
           *[other] Their listed { $codes } passes have no dates, so they start to count toward this seat on { $counts_from }, the first day these exams can be taken.
        }
       *[dated] { $count ->
            [one] Their listed { $codes } pass starts to count toward this seat on { $counts_from }.
           *[other] Their listed { $codes } passes start to count toward this seat on { $counts_from }.
        }
    }

# A listed individual’s own passes of groups their step asks for, dated on a
# day their exam could not be taken, so the step asks for an exam they list
# (a sentence after gap-step and gap-step-pending). $codes (String): the
# exams, joined with "and"; $count (Number): how many
gap-step-misdated = { $count ->
        [one] Their listed { $codes } pass doesn’t count because of its date (see the warnings).
       *[other] Their listed { $codes } passes don’t count because of their dates (see the warnings).
    }

# A listed individual’s own passes of groups their step asks for that the
# edition applied doesn’t accept, so the step asks for an exam they list (a
# sentence after gap-step-misdated). $codes (String): the exams, joined with
# "and"; $count (Number): how many; $why: edition (the edition lacks the
# exams), expired (it no longer accepts their passes); $edition (String):
# the edition applied
gap-step-not-accepted = { $why ->
        [expired] { $count ->
            [one] Their listed { $codes } pass no longer counts (see the warnings).
           *[other] Their listed { $codes } passes no longer count (see the warnings).
        }
       *[edition] { $count ->
            [one] Their listed { $codes } pass doesn’t count under the { $edition } edition of the rules (see the warnings).
           *[other] Their listed { $codes } passes don’t count under the { $edition } edition of the rules (see the warnings).
        }
    }

# A listed individual’s pass that their step counts on (gap-step’s
# $held_exams) and that counts only through a day after the evaluation date,
# when none of their other listed passes keeps the group the next day (a
# sentence after gap-step and gap-step-holder-moves, one per such pass). $code (String): the
# exam; $until (String): the last day it counts, a date; $group (String):
# the group the seat then lacks, as in exam-choice; $then: later (a listed
# pass of theirs of that group starts to count on a later day: $then_code, a
# String, on $then_from, a date), none ($then_code and $then_from are empty),
# kept (a keep plan’s step for the seat the pass holds today, which itself
# asks for another exam of $group: the pass is why; review 42 M3)
gap-step-held-until = { $then ->
        [kept] Their listed { $code } pass, which holds this seat today, counts toward competency qualification only through { $until }.
        [later] Their listed { $code } pass counts toward competency qualification only through { $until }, and their listed { $then_code } pass starts to count only on { $then_from }; to hold the seat in between, they’ll need to pass another exam from the { $group } group.
       *[none] Their listed { $code } pass counts toward competency qualification only through { $until }; to hold the seat after that day, they’ll need to pass another exam from the { $group } group.
    }

# A seat holder of a level not attained whose counted pass stops counting
# within the outlook’s year, when none of their other listed passes keeps
# the group the next day (after the holders’ sentences). $person, $code,
# $until (String): the last day the pass counts, a date; $group (String): the
# group the seat then lacks, as in exam-choice; $then: later (a listed pass
# of theirs of that group starts to count on a later day: $then_code, a
# String, on $then_from, a date), none ($then_code and $then_from are empty)
exams-holder-until = { $then ->
        [later] The { $code } pass listed for { $person } counts toward competency qualification only through { $until }, and their listed { $then_code } pass starts to count only on { $then_from }. In between, they’ll keep their seat only if they’ve passed another exam from the { $group } group.
       *[none] The { $code } pass listed for { $person } counts toward competency qualification only through { $until }. After that day, they’ll keep their seat only if they’ve passed another exam from the { $group } group.
    }

# After the holders’ sentences, for a holder who also qualifies, today, for a
# seat of another role of the level that nobody holds: one individual fills
# one seat. $person (String); $also: customization, application-deployment
# (the role of the open seat); $also_seats (Number): how many seats of that
# role are open; $held: customization, application-deployment (the role
# of the seat they hold); $held_seats (Number): how many seats of that role
# the level has; $again: yes (an exams-one-seat sentence for another holder
# comes right before), no
exams-one-seat = { $again ->
        [yes] Likewise, { $person } qualifies for
       *[no] Each individual can fill only one seat: { $person } also qualifies for
    } { $also_seats ->
        [1] { $also ->
            [customization] the open customization seat
           *[application-deployment] the open application and deployment seat
        }
       *[other] { $also ->
            [customization] an open customization seat
           *[application-deployment] an open application and deployment seat
        }
    } but already holds { $held_seats ->
        [1] { $held ->
            [customization] the customization seat
           *[application-deployment] the application and deployment seat
        }
       *[other] { $held ->
            [customization] a customization seat
           *[application-deployment] an application and deployment seat
        }
    }.

# For a level attained, after the holders’ sentences: a holder whose counted
# pass stops counting within the outlook’s year, and whose seat another
# listed individual then takes with no new exam. $person, $code, $taker
# (String); $until, $from (String): the pass’s last day and the day after;
# $role: customization, application-deployment (the seat’s role); $ready:
# yes (the taker qualifies for it today), no (passes of theirs that count
# later make them qualify by $from)
exams-holder-taken-over = The { $code } pass listed for { $person } counts toward competency qualification only through { $until }. After that day, { $taker } can take over { $person }’s { $role ->
        [customization] customization seat
       *[application-deployment] application and deployment seat
    } with no new exam: { $ready ->
        [yes] they already qualify for it with their listed passes.
       *[no] by { $from }, they will qualify for it with their listed passes.
    }

# Right after exams-holder-until, when the holder still qualifies, after that
# day, for a seat of another role of the level that nobody holds today.
# $person (String): the holder; $to: customization, application-deployment
# (that role); $to_seats (Number): how many seats of that role are open
exams-holder-may-move = Alternatively, { $person } could move to { $to_seats ->
        [1] { $to ->
            [customization] the open customization seat
           *[application-deployment] the open application and deployment seat
        }
       *[other] { $to ->
            [customization] an open customization seat
           *[application-deployment] an open application and deployment seat
        }
    }, for which they already qualify, and leave their { $to ->
        [customization] application and deployment seat
       *[application-deployment] customization seat
    } to someone else.

# Appended to a level’s exam explanation when seats are empty and passes of
# people who fill no seat of the level do not count. Neither a repeat listing
# nor a code that resembles no Cloud CRM exam (AZ-900) is counted, so the warnings
# may list more: the sentence says which passes it counts.
# $count (Number): such passes; $why: later (every one of them is dated
# after the evaluation date, so counts later), yet (every one counts later,
# and some have no date: their exam can be taken only from a later day),
# other; $filled: none (no seat of the level is filled), some
exams-note = { $why ->
        [yet] { $count ->
            [1] One listed exam pass that could help fill a seat doesn’t count yet (see the warnings).
            [2] Two listed exam passes that could help fill a seat don’t count yet (see the warnings).
            [3] Three listed exam passes that could help fill a seat don’t count yet (see the warnings).
            [4] Four listed exam passes that could help fill a seat don’t count yet (see the warnings).
            [5] Five listed exam passes that could help fill a seat don’t count yet (see the warnings).
            [6] Six listed exam passes that could help fill a seat don’t count yet (see the warnings).
            [7] Seven listed exam passes that could help fill a seat don’t count yet (see the warnings).
            [8] Eight listed exam passes that could help fill a seat don’t count yet (see the warnings).
            [9] Nine listed exam passes that could help fill a seat don’t count yet (see the warnings).
           *[other] Of the listed exam passes that could help fill a seat, { $count } don’t count yet (see the warnings).
        }
        [later] { $count ->
            [1] One listed exam pass that could help fill a seat doesn’t count yet because it’s dated after the evaluation date (see the warnings).
            [2] Two listed exam passes that could help fill a seat don’t count yet because they’re dated after the evaluation date (see the warnings).
            [3] Three listed exam passes that could help fill a seat don’t count yet because they’re dated after the evaluation date (see the warnings).
            [4] Four listed exam passes that could help fill a seat don’t count yet because they’re dated after the evaluation date (see the warnings).
            [5] Five listed exam passes that could help fill a seat don’t count yet because they’re dated after the evaluation date (see the warnings).
            [6] Six listed exam passes that could help fill a seat don’t count yet because they’re dated after the evaluation date (see the warnings).
            [7] Seven listed exam passes that could help fill a seat don’t count yet because they’re dated after the evaluation date (see the warnings).
            [8] Eight listed exam passes that could help fill a seat don’t count yet because they’re dated after the evaluation date (see the warnings).
            [9] Nine listed exam passes that could help fill a seat don’t count yet because they’re dated after the evaluation date (see the warnings).
           *[other] Of the listed exam passes that could help fill a seat, { $count } don’t count yet because they’re dated after the evaluation date (see the warnings).
        }
       *[other] { $count ->
            [1] One listed exam pass that could help fill a seat doesn’t count (see the warnings). { $filled ->
                [none] This might be one reason the seats are still empty.
               *[some] This might be one reason not every seat is filled.
            }
            [2] Two listed exam passes that could help fill a seat don’t count (see the warnings). { $filled ->
                [none] This might be one reason the seats are still empty.
               *[some] This might be one reason not every seat is filled.
            }
            [3] Three listed exam passes that could help fill a seat don’t count (see the warnings). { $filled ->
                [none] This might be one reason the seats are still empty.
               *[some] This might be one reason not every seat is filled.
            }
            [4] Four listed exam passes that could help fill a seat don’t count (see the warnings). { $filled ->
                [none] This might be one reason the seats are still empty.
               *[some] This might be one reason not every seat is filled.
            }
            [5] Five listed exam passes that could help fill a seat don’t count (see the warnings). { $filled ->
                [none] This might be one reason the seats are still empty.
               *[some] This might be one reason not every seat is filled.
            }
            [6] Six listed exam passes that could help fill a seat don’t count (see the warnings). { $filled ->
                [none] This might be one reason the seats are still empty.
               *[some] This might be one reason not every seat is filled.
            }
            [7] Seven listed exam passes that could help fill a seat don’t count (see the warnings). { $filled ->
                [none] This might be one reason the seats are still empty.
               *[some] This might be one reason not every seat is filled.
            }
            [8] Eight listed exam passes that could help fill a seat don’t count (see the warnings). { $filled ->
                [none] This might be one reason the seats are still empty.
               *[some] This might be one reason not every seat is filled.
            }
            [9] Nine listed exam passes that could help fill a seat don’t count (see the warnings). { $filled ->
                [none] This might be one reason the seats are still empty.
               *[some] This might be one reason not every seat is filled.
            }
           *[other] Of the listed exam passes that could help fill a seat, { $count } don’t count (see the warnings). { $filled ->
                [none] This might be one reason the seats are still empty.
               *[some] This might be one reason not every seat is filled.
            }
        }
    }

# A sentence after a gap step that offers an exam whose passes count only
# through a day after the evaluation date, or that retires on a later day
# (one per such exam, after the step’s other sentences, last). $code
# (String): the exam; $until (String): the last
# day its passes count; $retires: yes (the exam retires: $retiring, a
# String, is the last day it can be taken), no ($retiring is empty), only
# (it retires on $retiring, and the edition applied sets no last day for its
# passes: $until is empty). "Note that": a fact about the exam, not about
# the step's person, whose sentences come before it (review 42 L7). Later
# steps of the plan that offer the exam again name it as exam-code-limited.
gap-step-until = { $retires ->
        [yes] Note that { $code } can be taken only through { $retiring }, and its passes stop counting toward competency qualification after { $until }.
        [only] Note that { $code } can be taken only through { $retiring }.
       *[no] Note that passes of { $code } count toward competency qualification only through { $until }.
    }

# An exam in a gap step's list of exams by code alone (exam-choice's
# $options in the plan's later steps, after its first step has given the
# titles and gap-step-until), when it retires or its passes stop counting:
# the fact in brackets, so that the step read alone still has it (review
# 42 M1). $code (String); $limit: retiring (it can be taken only through
# $retiring), counts (its passes count only through $until), both;
# $retiring, $until (String): dates, empty where $limit leaves them out
exam-code-limited = { $code } [{ $limit ->
        [retiring] can be taken only through { $retiring }
        [both] can be taken only through { $retiring }; passes count only through { $until }
       *[counts] passes count only through { $until }
    }]
