# Пояснения к результату оценки.

# $level: gold, silver, none; $partner; $edition; $as_of (String): дата
summary = { $level ->
        [gold] Партнер { $partner } получил компетенцию Cloud CRM на Золотом уровне
        [silver] Партнер { $partner } получил компетенцию Cloud CRM на Серебряном уровне, Золотой уровень пока не достигнут
       *[none] Партнер { $partner } не получил компетенцию Cloud CRM: требования ни Серебряного, ни Золотого уровня не выполнены полностью
    } (правила редакции { $edition }, на { $as_of }).

# $met: yes, no; $level: silver, gold; $market (String); $qualifying, $threshold,
# $shortfall (String): суммы; $start, $end (String): даты; $wording
revenue-explanation = Чистая прибыль за 12-месячный отчетный период (с { $start } по { $end }) по продуктам { products } от клиентов, для которых вы — Цифровой партнер записи, составляет { $qualifying }; порог { $level ->
        [gold] Золотого
       *[silver] Серебряного
    } уровня для категории «{ $market }» — { $threshold }{ $met ->
        [yes] : требование выполнено.
       *[no] : требование не выполнено, нехватка — { $shortfall }.
    }

# $items (String): исключения, соединенные «и»
revenue-exclusions = Не учтено: { $items }.
# $amount (String)
revenue-excluded-outside-period = { $amount } вне 12-месячного отчетного периода
revenue-excluded-other-product = { $amount } по другим продуктам
revenue-excluded-without-dpor = { $amount } от клиентов, для которых вы не Цифровой партнер записи

# $met: yes, no; $required (Number): места; $filled (Number): занятые места;
# $people (String): кто их занимает
exams-explanation = { $met ->
        [yes] Требования к экзаменам выполнены: все места ({ $required }) заняты разными сотрудниками ({ $people }).
       *[no] Требования к экзаменам не выполнены: занято мест — { $filled } из { $required } (каждое — отдельным сотрудником, сдавшим нужные экзамены).
    }

# $person, $role (String)
exams-seat-holder = { $person } — «{ $role }»

# $level: silver, gold; $items (String): чего не хватает, через «и»
gap-explanation = Для { $level ->
        [gold] Золотого
       *[silver] Серебряного
    } уровня требуется еще: { $items }.
# $amount (String)
gap-item-revenue = { $amount } квалифицируемой прибыли
# $count (Number)
gap-item-exams = { $count } { $count ->
        [one] экзамен
        [few] экзамена
       *[other] экзаменов
    }
# $count (Number)
gap-item-individuals = { $count } { $count ->
        [one] новый сотрудник
        [few] новых сотрудника
       *[other] новых сотрудников
    }

# $who: new, listed; $person (String); $role: application-deployment, customization;
# $exams (String): варианты экзаменов, через «и»
gap-step = { $who ->
        [new] Новый сотрудник должен сдать
       *[listed] { $person }: нужно сдать
    } { $exams }, чтобы занять место «{ $role ->
        [customization] настройка
       *[application-deployment] приложения и развертывание
    }».
