# Warnings (§2.8): exam passes that were ignored or do not count. Every
# message names the person and the exam.
#
# $person (String): the display name, else individual-unnamed ("individual x");
# no message begins with it
# $code (String): the exam code as given (unknown codes) or its canonical form

# $suggested: yes, no; $suggestion (String): the one known code one edit away
warning-unknown-exam-code = The “{ $code }” pass listed for { $person } was ignored: no exam of the Cloud CRM competency has that code.{ $suggested ->
        [yes] {" "}Did you mean { $suggestion }?
       *[no] {""}
    }

# $until (String): the last day a pass counted, as a date
warning-exam-expired = The { $code } pass listed for { $person } stopped counting after { $until }.

# $edition (String): the edition applied; $other (String): the edition that
# has the exam; $when: later, earlier (whether $other came after $edition)
warning-exam-not-in-edition = The { $code } pass listed for { $person } doesn't count: this evaluation uses the { $edition } edition of the rules, which doesn't include { $code }. { $when ->
        [later] The exam was added in the { $other } edition.
       *[earlier] The exam was last included in the { $other } edition.
    }

# $passed_on, $as_of (String): full dates (a comma follows a year mid-sentence)
warning-exam-passed-after-as-of = The { $code } pass listed for { $person } doesn't count yet: its date, { $passed_on }, is after the evaluation date, { $as_of }.

# Repeats of one listing: one warning for all. $code, $person (String);
# $times (Number): how many times the exam is listed (2 or more)
warning-duplicate-exam-pass = The { $code } pass listed for { $person } appears { $times ->
        [2] twice
        [3] three times
        [4] four times
        [5] five times
        [6] six times
        [7] seven times
        [8] eight times
        [9] nine times
       *[other] { $times } times
    }. It counts only once.

# Appended to a level's exam explanation when seats are empty and passes of
# people who fill no seat of the level do not count.
# $count (Number): such passes
warning-exams-note = { $count ->
        [one] One listed exam pass doesn't count (see the warnings). This might be why some seats are empty.
        [2] Two listed exam passes don't count (see the warnings). This might be why some seats are empty.
        [3] Three listed exam passes don't count (see the warnings). This might be why some seats are empty.
        [4] Four listed exam passes don't count (see the warnings). This might be why some seats are empty.
        [5] Five listed exam passes don't count (see the warnings). This might be why some seats are empty.
        [6] Six listed exam passes don't count (see the warnings). This might be why some seats are empty.
        [7] Seven listed exam passes don't count (see the warnings). This might be why some seats are empty.
        [8] Eight listed exam passes don't count (see the warnings). This might be why some seats are empty.
        [9] Nine listed exam passes don't count (see the warnings). This might be why some seats are empty.
       *[other] Of the listed exam passes, { $count } don't count (see the warnings). This might be why some seats are empty.
    }
