# Компетенция в формулировках исходного документа (Microsoft Partner Network,
# «Cloud Customer Relationship Management Competency», ru-RU).

competency-cloud-crm-title = Cloud Customer Relationship Management
competency-cloud-crm-description = Станьте признанным поставщиком премиум-класса для Microsoft Dynamics CRM Online или Dynamics 365, получив компетенцию Cloud Customer Relationship Management.

level-silver = Серебряный уровень
level-gold = Золотой уровень
level-none = Нет

market-developed = Развитые рынки
market-developing = Развивающиеся рынки

group-application = приложения
group-deployment = развертывание
group-customization = настройка и конфигурация

role-application-deployment = приложения и развертывание
role-customization = настройка

exam-mb2-714 = обслуживание клиентов Dynamics CRM
exam-mb2-713 = продажи Microsoft Dynamics CRM 2016
exam-mb2-709 = маркетинг Dynamics CRM
exam-mb2-710 = Microsoft Dynamics CRM 2015, развертывание в сети
exam-mb2-706 = Microsoft Dynamics CRM, развертывание в сети
exam-mb2-712 = Microsoft Dynamics CRM 2016 (настройка и конфигурации)
exam-mb2-707 = Microsoft Dynamics CRM (настройка и конфигурации)
exam-mb2-717 = Microsoft Dynamics 365 for Sales
exam-mb2-718 = Microsoft Dynamics 365 for Customer Service
exam-mb2-877 = Microsoft Dynamics 365 for Field Service (станет доступно в январе 2018 года)
exam-mb2-715 = Microsoft Dynamics 365, привлечение клиентов и развертывание в сети
exam-mb2-716 = Microsoft Dynamics 365, настройка и конфигурация

# $wording: формулировка продуктов редакции (plan1, customer-engagement).
products = { $wording ->
        [customer-engagement] CRM Online или Dynamics 365 Customer Engagement (ранее Plan 1)
       *[plan1] CRM Online или Dynamics 365 Plan 1
    }

# $wording
revenue-rule = { $wording ->
        [customer-engagement] Доход от облачных услуг
       *[plan1] Чистая прибыль
    } партнера за 12-месячный отчетный период по продуктам { products } учитывается только по клиентам, для которых ваша организация — Цифровой партнер записи по Microsoft CRM Online или Dynamics 365.

# $market (String): название рынка; $threshold (String): сумма; $wording
requirement-threshold = { $market }: { $wording ->
        [customer-engagement] доход от облачных услуг
       *[plan1] чистая прибыль
    } партнера за 12-месячный отчетный период по продуктам { products } должна составлять не менее { $threshold }.

# $count (Number): сотрудники; $wording: exactly, at-least
requirement-individuals = { $wording ->
        [at-least] Не менее { $count } { $count ->
            [one] сотрудника
           *[other] сотрудников
        } вашей организации должны
       *[exactly] { $count } { $count ->
            [one] сотрудник вашей организации должен
            [few] сотрудника вашей организации должны
           *[other] сотрудников вашей организации должны
        }
    } удовлетворять требованиям, предъявляемым к прохождению экзаменов, и это должны быть разные люди.

# $count (Number): места роли; $role (String): название роли; $exams (String): варианты экзаменов
requirement-role = { $count ->
        [one] { $count } сотрудник должен
       *[other] Каждый из { $count } сотрудников должен
    } сдать { $exams } (роль: «{ $role }»).

# $group (String): название группы; $options (String): экзамены, соединенные «или»
exam-choice = один экзамен группы «{ $group }»: { $options }

# $code, $label
exam-option = { $code } «{ $label }»

# $retiring (String): дата; $until (String): дата
# Русская дата заканчивается на «г.», поэтому точка после $retiring не нужна.
exam-note-retiring = Прекращение действия: { $retiring } Результаты прохождения этого экзамена будут действительны для получения компетенции до { $until } включительно.

# $code, $label, $note
competency-note = { $code } «{ $label }»: { $note }

# $edition; $span: since, until, between, always; $from, $until (String): даты
edition-in-force = Правила редакции { $edition }, { $span ->
        [since] действуют с { $from }
        [until] действуют по { $until } включительно.
        [between] действуют с { $from } по { $until } включительно.
       *[always] действуют на любую дату.
    }
