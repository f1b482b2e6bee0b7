# The competency as the source document states it (Microsoft Partner Network,
# "Cloud Customer Relationship Management Competency").
#
# None of these messages is a template: each is a plain Fluent call (the
# exam-choice sentences are rendered once at start for every set of exams an
# edition accepts on some day, and kept). A translator may select on any
# argument, (String) ones included.

competency-cloud-crm-title = Cloud Customer Relationship Management
competency-cloud-crm-description = Be known as a premium provider of Microsoft Dynamics CRM Online or Dynamics 365 by attaining the Cloud Customer Relationship Management competency.

level-silver = Silver
level-gold = Gold
level-none = None

market-developed = Developed Markets
market-developing = Developing Markets

group-application = application
group-deployment = deployment
group-customization = customization

role-application-deployment = application and deployment
role-customization = customization

# A label may carry a .quoted attribute: the title as it stands inside
# quotation marks in a sentence, where a language writes it otherwise
# (Russian capitalizes a quoted title). English needs none.
exam-mb2-714 = Dynamics CRM Customer Service
exam-mb2-713 = Microsoft Dynamics CRM 2016 Sales
exam-mb2-709 = Dynamics CRM Marketing
exam-mb2-710 = Microsoft Dynamics CRM Online Deployment (2015)
exam-mb2-706 = Microsoft Dynamics CRM Online Deployment
exam-mb2-712 = Microsoft Dynamics CRM 2016 Customization and Configuration
exam-mb2-707 = Microsoft Dynamics CRM Customization and Configuration
exam-mb2-717 = Microsoft Dynamics 365 for Sales
exam-mb2-718 = Microsoft Dynamics 365 for Customer Service
exam-mb2-877 = Microsoft Dynamics 365 for Field Service (Available January 2018)
# MB2-877's label once it can be taken (from 2018-01-01, SPEC §2.6): the
# availability note above is shown only before that day.
exam-mb2-877-available = Microsoft Dynamics 365 for Field Service
# The same note on its own, after the title in an exam-option (outside the
# title's quotes)
exam-mb2-877-note = available January 2018
exam-mb2-715 = Microsoft Dynamics 365 customer engagement Online Deployment
exam-mb2-716 = Microsoft Dynamics 365 Customization and Configuration

# Labels of one edition: exam-<edition>-<code> takes the place of
# exam-<code> in that edition’s answers (the November 2017 revision reworded
# some Russian labels). The English labels are the same in both editions.
exam-2017-11-mb2-710 = { exam-mb2-710 }
exam-2017-11-mb2-712 = { exam-mb2-712 }
exam-2017-11-mb2-707 = { exam-mb2-707 }

# $wording: the edition’s product wording (plan1, customer-engagement).
products = { $wording ->
        [customer-engagement] CRM Online or Dynamics 365 Customer Engagement (formerly Plan 1)
       *[plan1] CRM Online or Dynamics 365 Plan 1
    }

# The revenue the edition counts, in words that fit a sentence (the
# November 2017 page’s label, "Cloud Revenue of … – Net New Revenue", does
# not). $wording
revenue-term = Net New Revenue from { $wording ->
        [customer-engagement] cloud sales
       *[plan1] sales
    } of { products }

# $wording
revenue-rule = The TTM (trailing 12 months) period ends on the evaluation date. { revenue-term } in the TTM period counts only if it comes from customers for whom your organization is the Digital Partner of Record (DPOR) for Microsoft CRM Online or Dynamics 365.

# $market (String): a market name; $threshold (String): an amount (in the
# genitive, which Russian needs after its "не менее"); $wording
requirement-threshold = { $market }: your organization must have earned at least { $threshold } in { revenue-term } in the TTM period.

# $count (Number): individuals; $wording: exactly, at-least (the November
# page's "at least": more may pass, but no one fills two seats)
requirement-individuals = Your organization must have { $wording ->
        [at-least] at least {""}
       *[exactly] {""}
    }{ $count ->
        [one] one
        [2] two
        [3] three
        [4] four
       *[other] { $count }
    } { $count ->
        [one] individual pass the exam requirements.
       *[other] individuals pass the exam requirements{ $wording ->
            [at-least] ; no individual can fill more than one seat.
           *[exactly] , each filling a different seat.
        }
    }

# $count (Number): seats of the role; $role: application-deployment,
# customization; $exams (String): the exam choices, joined with "and"
requirement-role = { $role ->
        [customization] Customization
       *[application-deployment] Application and deployment
    } { $count ->
        [one] seat: one individual must pass
        [2] seats: two individuals must each pass
       *[other] seats: { $count } individuals must each pass
    } { $exams }.

# $group (String): group name; $count (Number): how many exams $options
# names; $options (String): the exams, joined with "or": exam-option's,
# with titles, or (in a gap step after the plan's first offer of these
# exams) their codes alone in the locale's "or" list, a retiring exam as
# exam-code-limited (evaluation.ftl)
exam-choice = { $count ->
        [one] the exam { $options }
       *[other] one exam from the { $group } group ({ $options })
    }

# One exam in exam-choice's $options, followed by the options after it:
# the list is built from its end, an option at a time, so that a comma
# goes inside the closing quotation mark (Microsoft style). $code, $label
# (String): the exam, its title without an availability note; $noted: yes
# (before the exam can be taken: $note (String) is its note,
# exam-<code>-note, in square brackets, as a list of several options sits
# in parentheses), no; $join: last (the list's last option, or its only one),
# pair (the first of two), end (the last but one of three or more), middle
# (an earlier one); $rest (String): the options after it, already joined
exam-option = { $code } { $noted ->
        [yes] “{ $label }” [{ $note }]{ $join ->
            [pair] {" "}or { $rest }
            [end] , or { $rest }
            [middle] , { $rest }
           *[last] {""}
        }
       *[no] { $join ->
            [pair] “{ $label }” or { $rest }
            [end] “{ $label },” or { $rest }
            [middle] “{ $label },” { $rest }
           *[last] “{ $label }”
        }
    }

# $retiring (String): a date; $until (String): a date. The source’s wording,
# but “through” for its “until” (the last day counts); shown only on
# evaluation dates through $until. $retired: yes (the evaluation date is
# after $retiring: the exam can no longer be taken, so the note is in the
# past tense), no.
exam-note-retiring = { $retired ->
        [yes] Retired { $retiring }. This exam continues to be accepted for competency qualification through { $until }.
       *[no] Retiring { $retiring }. This exam will continue to be accepted for competency qualification through { $until }.
    }

# $code, $label (String): the exam; $retiring, $until (String): dates;
# $retired: yes when $retiring is before the evaluation date, no; $past: yes
# when $until is before the evaluation date (the passes no longer count), no.
competency-note = Passes of { $code } “{ $label }” ({ $retired ->
        [yes] retired
       *[no] retiring
    } { $retiring }) { $past ->
        [yes] counted
       *[no] count
    } toward competency qualification only through { $until }.

# An exam that can be taken only through a day, under an edition that
# counts its passes and has no retirement note of its own (MB2-709 under the
# 2017-07 edition). $code, $label (String): the exam; $until (String): the
# last day it can be taken, a date; $edition (String): the edition; $past:
# yes (the evaluation date is after $until), no
competency-note-no-longer-offered = { $past ->
        [yes] { $code } “{ $label }” could be taken only through { $until }; passes made by then still count under the { $edition } edition.
       *[no] { $code } “{ $label }” can be taken only through { $until }.
    }

# The exam’s own note before the first day it can be taken (MB2-877 before
# 2018-01-01). $from (String): that day (a comma follows a year mid-sentence)
exam-note-not-yet-available = Can be taken only from { $from }, onward; passes count from that day.

# The same fact as competency-note-no-longer-offered, as the exam’s own note
# (in the exam’s voice, as exam-note-retiring is). $until (String): the last
# day the exam can be taken; $edition; $past: yes (that day is before the
# evaluation date), no.
exam-note-no-longer-offered = { $past ->
        [yes] Could be taken only through { $until }; passes made by then still count under the { $edition } edition.
       *[no] Can be taken only through { $until }.
    }

# $edition; $span: since, until, between, always; $from, $until (String): dates
# ($from and $until end with the year, hence the comma after them.)
edition-in-force = The { $edition } edition of the rules applies to { $span ->
        [since] evaluation dates from { $from }, onward.
        [until] evaluation dates through { $until }.
        [between] evaluation dates from { $from }, through { $until }.
       *[always] every evaluation date.
    }
