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
warning-exam-not-in-edition = The { $code } pass listed for { $person } does not count: the { $edition } edition of the rules, applied to this evaluation, does not include { $code }; { $when ->
        [later] the exam was added in the { $other } edition.
       *[earlier] the exam was last included in the { $other } edition.
    }

# $passed_on, $as_of (String): full dates (a comma follows a year mid-sentence)
warning-exam-passed-after-as-of = The { $code } pass listed for { $person }, dated { $passed_on }, does not count: it is dated after the evaluation date, { $as_of }.

warning-duplicate-exam-pass = The { $code } pass of { $person } is listed more than once; it counts only once.

# Appended to a level's exam explanation when seats are empty and passes of
# people who fill no seat of the level do not count.
# $count (Number): such passes
warning-exams-note = { $count ->
        [one] One of the listed exam passes does not count, which may be why not every seat is filled (see the warnings).
       *[other] Of the listed exam passes, { $count } do not count, which may be why not every seat is filled (see the warnings).
    }
