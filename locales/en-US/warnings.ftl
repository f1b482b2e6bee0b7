# Warnings (§2.8): exam passes that were ignored or do not count. Every
# message names the person and the exam.
#
# $person (String): the display name, else individual-unnamed ("individual x");
# no message begins with it
# $code (String): the exam code as given (unknown codes) or its canonical form

# $suggested: one, two, no (the known codes one edit away; three or more
# suggest nothing); $suggestion (String): the first of them; $alternative
# (String): the second
warning-unknown-exam-code = The “{ $code }” pass listed for { $person } was ignored: the Cloud CRM competency has no exam with that code.{ $suggested ->
        [one] {" "}Did you mean { $suggestion }?
        [two] {" "}Did you mean { $suggestion } or { $alternative }?
       *[no] {""}
    }

# $until (String): the last day a pass counted, as a date
warning-exam-expired = The { $code } pass listed for { $person } no longer counts: { $code } was accepted for competency qualification only through { $until }.

# $edition (String): the edition applied; $other (String): the edition that
# has the exam; $when: later, earlier (whether $other came after $edition),
# pinned (later, and it would apply to the evaluation date: the request
# asked for $edition);
# $other_from (String): the first evaluation date $other applies to, a date
# (a later edition always has one); $yet: yes (with $when later, and no
# edition asked for: the pass counts from a later day), no; $first: later (with $when later: the pass
# has no date, and the exam can be taken only from $first_day, a date after
# $other_from, so it counts only from then), dated (with $when later: the
# pass is dated $first_day, after $other_from, so it counts only from
# then), none ($first_day is empty)
warning-exam-not-in-edition = The { $code } pass listed for { $person } doesn’t count{ $yet ->
        [yes] {" "}yet
       *[no] {""}
    }: this evaluation uses the { $edition } edition of the rules, which doesn’t include { $code }. { $when ->
        [later] The exam was added in the { $other } edition, which applies to evaluation dates from { $other_from }, onward.{ $first ->
            [later] {" "}However, { $code } can’t be taken before { $first_day }, so until you add the date of the pass, it’s counted from { $first_day }, the earliest possible day.
            [dated] {" "}The pass is dated { $first_day }, later than that, so it counts only from that day.
           *[none] {""}
        }
        [pinned] The exam was added in the { $other } edition, which would apply to this evaluation date if the request hadn’t asked for the { $edition } edition.
       *[earlier] The exam was last included in the { $other } edition.
    }

# A pass dated on a day its exam could not be taken: the date is wrong.
# $passed_on, $limit (String): full dates (a comma follows a year
# mid-sentence); $side: before (the exam became available only on $limit),
# after (it could be taken only through $limit, its retirement); $tense:
# present (the evaluation date is before $limit, or for after not past it:
# the exam can’t be taken yet, or still can), past
warning-exam-not-available-on-pass-date = The { $code } pass listed for { $person } doesn’t count: it’s dated { $passed_on }, but { $code } { $side ->
        [before] { $tense ->
            [present] can be taken only from { $limit }, onward
           *[past] couldn’t be taken before { $limit }
        }
       *[after] { $tense ->
            [present] can be taken only through { $limit }
           *[past] could be taken only through { $limit }
        }
    }. Check the date.

# $passed_on, $as_of (String): full dates (a comma follows a year
# mid-sentence); $already: yes (another pass of the exam listed for the same
# individual counts already: this one changes nothing later either), no
warning-exam-passed-after-as-of = { $already ->
        [yes] The { $code } pass listed for { $person } doesn’t count: its date, { $passed_on }, is after the evaluation date, { $as_of }. Another { $code } pass listed for them already counts.
       *[no] The { $code } pass listed for { $person } doesn’t count yet: its date, { $passed_on }, is after the evaluation date, { $as_of }.
    }

# A pass without a date (taken to be passed by the evaluation date) of an
# exam that can be taken only from a later day: it counts from that day at
# the earliest. $from, $as_of (String): full dates (a comma follows a year
# mid-sentence)
warning-exam-not-yet-available = The { $code } pass listed for { $person } doesn’t count yet: it has no date, and { $code } can’t be taken before { $from }, which is after the evaluation date, { $as_of }. Until you add the date of the pass, it’s counted from { $from }, the earliest possible day.

# Repeats of one listing: one warning for all. $code, $person (String);
# $times (Number): how many times the exam is listed (2 or more). The
# listings may be one pass repeated or retakes on other dates: the sentence
# fits both.
warning-duplicate-exam-pass = { $code } is listed { $times ->
        [1] once
        [2] twice
        [3] three times
        [4] four times
        [5] five times
        [6] six times
        [7] seven times
        [8] eight times
        [9] nine times
       *[other] { $times } times
    } for { $person }. Only one of these passes counts.

