# Компетенция в формулировках исходного документа (Microsoft Partner Network,
# «Cloud Customer Relationship Management Competency», ru-RU).
#
# Ни одно из этих сообщений не шаблон: каждое — обычный вызов Fluent
# (предложения exam-choice отрисовываются один раз при запуске для каждого
# набора экзаменов, который редакция принимает в какой-либо день, и
# хранятся). Переводчик может выбирать вариант по любому аргументу, в том
# числе по строковому (String).

competency-cloud-crm-title = Cloud Customer Relationship Management
competency-cloud-crm-description = Станьте признанным поставщиком решений премиум-класса на базе Microsoft Dynamics CRM Online или Dynamics 365, получив компетенцию Cloud Customer Relationship Management.

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

# Атрибут .quoted: то же название в кавычках внутри предложения, где оно
# пишется с прописной буквы (само название взято из перечня исходного
# документа, где оно стоит после двоеточия со строчной).
exam-mb2-714 = обслуживание клиентов Dynamics CRM
    .quoted = Обслуживание клиентов Dynamics CRM
exam-mb2-713 = продажи Microsoft Dynamics CRM 2016
    .quoted = Продажи Microsoft Dynamics CRM 2016
exam-mb2-709 = маркетинг Dynamics CRM
    .quoted = Маркетинг Dynamics CRM
exam-mb2-710 = Microsoft Dynamics CRM 2015, развертывание в сети
exam-mb2-706 = Microsoft Dynamics CRM, развертывание в сети
exam-mb2-712 = Microsoft Dynamics CRM 2016 (настройка и конфигурации)
exam-mb2-707 = Microsoft Dynamics CRM (настройка и конфигурации)
exam-mb2-717 = Microsoft Dynamics 365 for Sales
exam-mb2-718 = Microsoft Dynamics 365 for Customer Service
exam-mb2-877 = Microsoft Dynamics 365 for Field Service (станет доступен в январе 2018 г.)
# Название MB2-877 с того дня, когда экзамен можно сдать (с 01.01.2018,
# SPEC §2.6): пометка о доступности выше видна только до этого дня.
exam-mb2-877-available = Microsoft Dynamics 365 for Field Service
# Та же пометка отдельно: в exam-option она стоит после названия, вне
# кавычек
exam-mb2-877-note = станет доступен в январе 2018 г.
exam-mb2-715 = Microsoft Dynamics 365, привлечение клиентов и развертывание в сети
exam-mb2-716 = Microsoft Dynamics 365, настройка и конфигурация

# Названия экзаменов одной редакции: exam-<редакция>-<код> заменяет
# exam-<код> в ответах этой редакции. Ноябрьская редакция 2017 г. изменила
# формулировки MB2-710, MB2-712 и MB2-707; название MB2-709 она оставила
# по-английски, поэтому для него остается июльское русское.
# MB2-715 (есть только в ноябрьской редакции) страница называет дважды:
# «Microsoft Dynamics 365 (привлечение клиентов и развертывание в сети)» для
# Серебряного уровня и «Microsoft Dynamics 365, привлечение клиентов и
# развертывание в сети» для Золотого. Взят второй вариант: он совпадает с
# SPEC §2.6, с MB2-716 и с остальными названиями ноябрьской редакции, а в
# списке вариантов в скобках не дает вложенных скобок.
exam-2017-11-mb2-710 = Microsoft Dynamics CRM, развертывание в сети (2015)
exam-2017-11-mb2-712 = Microsoft Dynamics CRM 2016, настройка и конфигурация
exam-2017-11-mb2-707 = Microsoft Dynamics CRM, настройка и конфигурация

# $wording: формулировка продуктов редакции (plan1, customer-engagement),
# с предлогом: «по продуктам …» (июль 2017 г.), «по облачным услугам в
# продуктах …» (ноябрь 2017 г.), как на страницах этих редакций.
products = { $wording ->
        [customer-engagement] по облачным услугам в продуктах CRM Online или Dynamics 365 Customer Engagement (ранее Plan 1)
       *[plan1] по продуктам CRM Online или Dynamics 365 Plan 1
    }

# Учитываемый доход, как его называет страница редакции (со строчной
# буквы: стоит внутри предложения). $wording
revenue-term = чистая прибыль партнера за 12-месячный отчетный период { products }

# $wording (статус DPOR назван так, как на странице редакции)
revenue-rule = Учитывается только { revenue-term } от клиентов, для которых ваша организация — { $wording ->
        [customer-engagement] партнер со статусом Digital Partner of Record
       *[plan1] Цифровой партнер записи по Microsoft CRM Online или Dynamics 365
    }. Отчетный период — 12 месяцев до даты оценки включительно.

# $market (String): название рынка; $threshold (String): сумма, в
# родительном падеже («не менее 100 000 долларов США»); $wording
requirement-threshold = { $market }: { revenue-term } должна составлять не менее { $threshold }.

# $count (Number): сотрудники; $wording: exactly, at-least
requirement-individuals = { $wording ->
        [at-least] Не менее { $count ->
            [2] двух сотрудников
            [4] четырех сотрудников
            [one] { $count } сотрудника
           *[other] { $count } сотрудников
        } вашей организации должны
       *[exactly] { $count ->
            [1] Один сотрудник вашей организации должен
            [2] Два сотрудника вашей организации должны
            [4] Четыре сотрудника вашей организации должны
            [one] { $count } сотрудник вашей организации должен
            [few] { $count } сотрудника вашей организации должны
           *[other] { $count } сотрудников вашей организации должны
        }
    } удовлетворять требованиям, предъявляемым к прохождению экзаменов{ $count ->
        [1] .
       *[other] , причем один сотрудник может занимать только одно место.
    }

# $count (Number): места роли; $role: application-deployment, customization;
# $exams (String): варианты экзаменов, через «и»
requirement-role = { $count ->
        [1] { $role ->
            [customization] Место специалиста по настройке
           *[application-deployment] Место специалиста по приложениям и развертыванию
        }: один сотрудник должен сдать
        [one] { $role ->
            [customization] Места специалистов по настройке
           *[application-deployment] Места специалистов по приложениям и развертыванию
        }: каждый из { $count } сотрудника должен сдать
        [2] { $role ->
            [customization] Места специалистов по настройке
           *[application-deployment] Места специалистов по приложениям и развертыванию
        }: каждый из двух сотрудников должен сдать
       *[other] { $role ->
            [customization] Места специалистов по настройке
           *[application-deployment] Места специалистов по приложениям и развертыванию
        }: каждый из { $count } сотрудников должен сдать
    } { $exams }.

# $group (String): название группы; $count (Number): сколько экзаменов в
# $options; $options (String): экзамены, через «или»: варианты exam-option
# с названиями либо (в шаге плана после первого предложения тех же
# экзаменов) одни коды, списком «или» по правилам языка, экзамен с
# ограниченным сроком — как exam-code-limited (evaluation.ftl)
exam-choice = { $count ->
        [1] экзамен { $options }
       *[other] один экзамен группы «{ $group }» ({ $options })
    }

# Один экзамен в $options сообщения exam-choice и следующие за ним
# варианты: список собирается с конца, по одному варианту. $code, $label
# (String): экзамен, его название без пометки о доступности; $noted: yes
# (экзамен еще нельзя сдать: $note (String) — пометка о доступности,
# exam-<code>-note, в квадратных скобках: список из нескольких вариантов
# стоит в круглых скобках), no; $join: last (последний вариант списка или единственный),
# pair (первый из двух), end (предпоследний из трех и более), middle (более
# ранний); $rest (String): следующие варианты, уже собранные
exam-option = { $code } «{ $label }»{ $noted ->
        [yes] {" "}[{ $note }]
       *[no] {""}
    }{ $join ->
        [pair] {" "}или { $rest }
        [end] {" "}или { $rest }
        [middle] , { $rest }
       *[last] {""}
    }

# $retiring (String): дата; $until (String): дата
# Русская дата заканчивается на «г.», поэтому точка после $retiring не нужна.
# Сервис показывает примечание только на даты оценки по $until включительно.
# $retired: yes (дата оценки позже $retiring: экзамен уже нельзя сдать), no
exam-note-retiring = { $retired ->
        [yes] Действие прекращено { $retiring }
       *[no] Прекращение действия: { $retiring }
    } Результаты этого экзамена засчитываются для получения компетенции только по { $until } включительно.

# $code, $label (String): экзамен; $retiring, $until (String): даты;
# $retired: yes, если $retiring раньше даты оценки, no; $past: yes, если
# $until раньше даты оценки (результаты уже не засчитываются), no
competency-note = Действие экзамена { $code } «{ $label }» { $retired ->
        [yes] прекращено
       *[no] прекращается
    } { $retiring } Результаты этого экзамена { $past ->
        [yes] засчитывались
       *[no] засчитываются
    } для получения компетенции только по { $until } включительно.

# Экзамен, который можно сдать только по определенный день, если редакция
# засчитывает его результаты и своего примечания о прекращении действия не
# имеет (MB2-709 по правилам редакции 2017-07). $code, $label (String):
# экзамен; $until (String): последний день, когда его можно сдать (дата);
# $edition (String): редакция; $past: yes (дата оценки позже $until), no
competency-note-no-longer-offered = { $past ->
        [yes] Экзамен { $code } «{ $label }» можно было сдать только по { $until } включительно; его результаты по-прежнему засчитываются по правилам редакции { $edition }.
       *[no] Экзамен { $code } «{ $label }» можно сдать только по { $until } включительно.
    }

# Примечание к самому экзамену до первого дня, когда его можно сдать
# (MB2-877 до 1 января 2018 г.). $from (String): этот день
exam-note-not-yet-available = Сдать этот экзамен можно только с { $from }; его результаты засчитываются с этого дня.

# То же, что competency-note-no-longer-offered, в примечании к самому
# экзамену (без его кода и названия, как exam-note-retiring). $until
# (String): последний день, когда экзамен можно сдать; $edition; $past: yes
# (этот день раньше даты оценки), no
exam-note-no-longer-offered = { $past ->
        [yes] Сдать этот экзамен можно было только по { $until } включительно; его результаты по-прежнему засчитываются по правилам редакции { $edition }.
       *[no] Сдать этот экзамен можно только по { $until } включительно.
    }

# $edition; $span: since, until, between, always; $from, $until (String): даты
# (вариант since заканчивается датой, а значит, «г.»: своя точка не нужна).
edition-in-force = Правила редакции { $edition } применяются { $span ->
        [since] к датам оценки начиная с { $from }
        [until] к датам оценки по { $until } включительно.
        [between] к датам оценки с { $from } по { $until } включительно.
       *[always] к любой дате оценки.
    }
