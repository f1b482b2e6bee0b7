# The competency as the source document states it (Microsoft Partner Network,
# "Cloud Customer Relationship Management Competency").

competency-cloud-crm-title = Cloud Customer Relationship Management
competency-cloud-crm-description = Be known as premium provider of Microsoft Dynamics CRM Online or Dynamics 365 by attaining the Cloud Customer Relationship Management competency.

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
exam-mb2-715 = Microsoft Dynamics 365 customer engagement Online Deployment
exam-mb2-716 = Microsoft Dynamics 365 Customization and Configuration

# $wording: the edition's product wording (plan1, customer-engagement).
products = { $wording ->
        [customer-engagement] CRM Online or Dynamics 365 Customer Engagement (formerly Plan 1)
       *[plan1] CRM Online or Dynamics 365 Plan 1
    }

# $wording
revenue-rule = { $wording ->
        [customer-engagement] Cloud Revenue of { products }
       *[plan1] { products } Net New Revenue
    } in the TTM period (the twelve months up to the evaluation date) counts only from customers for whom your organization is the Digital Partner of Record (DPOR) for Microsoft CRM Online or Dynamics 365.

# $market (String): a market name; $threshold (String): an amount; $wording
requirement-threshold = { $market }: the partner must have earned at least { $threshold } in { $wording ->
        [customer-engagement] Cloud Revenue of { products }
       *[plan1] { products } Net New Revenue
    } in the TTM period.

# $count (Number): individuals; $wording: exactly, at-least
requirement-individuals = { $wording ->
        [at-least] At least { $count } { $count ->
            [one] individual
           *[other] individuals
        }
       *[exactly] { $count } { $count ->
            [one] individual
           *[other] individuals
        }
    } in your organization must meet the exam requirements, each a different person.

# $count (Number): seats of the role; $role (String): role name; $exams (String): the exam choices
requirement-role = { $count ->
        [one] 1 individual must
       *[other] Each of { $count } individuals must
    } pass { $exams } (role: { $role }).

# $group (String): group name; $options (String): the exams, joined with "or"
exam-choice = one exam of the { $group } group: { $options }

# $code, $label
exam-option = { $code } “{ $label }”

# $retiring (String): a date; $until (String): a date
exam-note-retiring = Retiring { $retiring }. This exam will continue to be accepted for competency qualification until { $until }.

# $code, $label, $note
competency-note = { $code } “{ $label }”: { $note }

# $edition; $span: since, until, between, always; $from, $until (String): dates
edition-in-force = Rules of edition { $edition }, { $span ->
        [since] in force from { $from }.
        [until] in force up to { $until }.
        [between] in force from { $from } to { $until }.
       *[always] in force on every date.
    }
