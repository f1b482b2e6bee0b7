# The explanations of an evaluation.

# $level: gold, silver, none; $partner; $edition; $as_of (String): a date
summary = { $level ->
        [gold] { $partner } has attained the Cloud CRM competency at the Gold level
        [silver] { $partner } has attained the Cloud CRM competency at the Silver level, not yet Gold
       *[none] { $partner } has not attained the Cloud CRM competency: neither Silver nor Gold requirements are all met
    } (rules of edition { $edition }, as of { $as_of }).

# $met: yes, no; $level: silver, gold; $market (String); $qualifying, $threshold,
# $shortfall (String): amounts; $start, $end (String): dates; $wording
revenue-explanation = Qualifying revenue from { products } with customers for whom you are the Digital Partner of Record, in the TTM period from { $start } to { $end }, is { $qualifying }; the { $level ->
        [gold] Gold
       *[silver] Silver
    } threshold for { $market } is { $threshold }{ $met ->
        [yes] , so the requirement is met.
       *[no] , so the requirement is not met: { $shortfall } short.
    }

# $items (String): the exclusions, joined with "and"
revenue-exclusions = Not counted: { $items }.
# $amount (String)
revenue-excluded-outside-period = { $amount } booked outside the TTM period
revenue-excluded-other-product = { $amount } from other products
revenue-excluded-without-dpor = { $amount } from customers without Digital Partner of Record

# $met: yes, no; $required (Number): seats; $filled (Number): seats filled;
# $people (String): who fills them
exams-explanation = { $met ->
        [yes] The exam requirements are met: { $required } different individuals fill the { $required } seats ({ $people }).
       *[no] The exam requirements are not met: { $filled } of { $required } seats are filled by different individuals who hold the required exams.
    }

# $person, $role (String)
exams-seat-holder = { $person } for { $role }

# $level: silver, gold; $items (String): what is missing, joined with "and"
gap-explanation = Still missing for { $level ->
        [gold] Gold
       *[silver] Silver
    }: { $items }.
# $amount (String)
gap-item-revenue = { $amount } of qualifying revenue
# $count (Number)
gap-item-exams = { $count } more exam { $count ->
        [one] pass
       *[other] passes
    }
# $count (Number)
gap-item-individuals = { $count } new { $count ->
        [one] individual
       *[other] individuals
    }

# $who: new, listed; $person (String); $role: application-deployment, customization;
# $exams (String): the exam choices, joined with "and"
gap-step = { $who ->
        [new] A new individual
       *[listed] { $person }
    } must pass { $exams } to fill { $role ->
        [customization] a customization seat
       *[application-deployment] an application and deployment seat
    }.
