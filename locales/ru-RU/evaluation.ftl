# Пояснения к результату оценки.
#
# Шаблоны (сервис один раз при запуске отрисовывает их для каждого значения
# селекторов и при каждом вызове лишь подставляет строковые аргументы; см.
# src/l10n/template.rs и src/api/render/messages/): summary,
# revenue-explanation, revenue-exclusions, revenue-excluded-*, exams-holders,
# gap-explanation, gap-item-revenue, gap-step (сервис передает каждое значение
# с именем его аргумента). Отрисовываются при запуске для каждого числа,
# возможного по каталогу (обычные вызовы Fluent): exams-met, exams-unmet,
# gap-item-exams, gap-item-individuals. Обычные вызовы Fluent при каждом
# ответе: gap-step-pending, individual-unnamed, exam-option, exam-choice.
# Все эти сообщения могут то же, что позволяет Fluent: выбирать вариант по любому селектору и любому
# числовому аргументу (Number: категории CLDR или точные числа вроде [0]),
# переставлять, опускать и повторять аргументы. Нельзя лишь выбирать вариант
# по аргументу с пометкой (String) или передавать его в функцию: сервис
# проверяет это при запуске.

# $level: gold, silver, none; $partner (String): идентификатор партнера;
# $edition: редакция (2017-07, 2017-11); $as_of (String): дата
summary = По состоянию на { $as_of } (правила редакции { $edition }) партнер { $partner } { $level ->
        [gold] получил компетенцию Cloud CRM Золотого уровня.
        [silver] получил компетенцию Cloud CRM Серебряного уровня; Золотой уровень пока не достигнут.
       *[none] не получил компетенцию Cloud CRM ни Серебряного, ни Золотого уровня.
    }

# $met: yes, no; $level: silver, gold; $market: developed, developing;
# $sign: positive, negative (возвраты превышают прибыль: чистый возврат);
# $qualifying (String): сумма без знака; $threshold, $shortfall (String):
# суммы; $start, $end (String): даты; $wording
revenue-explanation = Чистая прибыль партнера за 12-месячный отчетный период (с { $start } по { $end } включительно) { products } от клиентов, для которых ваша организация — Цифровой партнер записи, { $sign ->
        [negative] отрицательна (чистый возврат на сумму { $qualifying }) и на { $shortfall } ниже порога
       *[positive] составляет { $qualifying }{ $met ->
            [yes] {" "}— порог
           *[no] , что на { $shortfall } ниже порога
        }
    } { $level ->
        [gold] Золотого
       *[silver] Серебряного
    } уровня для { $market ->
        [developing] развивающихся
       *[developed] развитых
    } рынков ({ $threshold }){ $met ->
        [yes] {" "}достигнут.
       *[no] .
    }

# $items (String): исключения, через «и»
revenue-exclusions = В эту сумму не вошли: { $items }.
# Сотрудник из заявки без отображаемого имени: так он называется везде, где
# ответ называет людей ($person, $people). $id (String): его идентификатор.
# Только идентификатор: предложения с $person и $people не начинаются с
# имени («Место … займет { $person }», «(сотрудник { $person })»), поэтому
# идентификатор со строчной буквы не оказывается в начале предложения.
individual-unnamed = { $id }

# Итог записей, не вошедших в сумму по одной причине. $sign: positive,
# negative (в итоге возврат), zero (записи взаимно погашаются; все равно
# называются); $records (Number): сколько записей не вошло по этой причине;
# $amount (String): итог без знака
revenue-excluded-outside-period = { $sign ->
        [negative] { $records ->
            [one] возврат на сумму { $amount }
           *[other] чистый возврат на сумму { $amount }
        }
        [zero] { $records ->
            [one] запись на сумму { $amount }
            [few] { $records } записи на общую сумму { $amount }
            [many] { $records } записей на общую сумму { $amount }
           *[other] { $records } записи на общую сумму { $amount }
        }
       *[positive] { $amount } прибыли
    } вне 12-месячного отчетного периода
revenue-excluded-other-product = { $sign ->
        [negative] { $records ->
            [one] возврат на сумму { $amount }
           *[other] чистый возврат на сумму { $amount }
        }
        [zero] { $records ->
            [one] запись на сумму { $amount }
            [few] { $records } записи на общую сумму { $amount }
            [many] { $records } записей на общую сумму { $amount }
           *[other] { $records } записи на общую сумму { $amount }
        }
       *[positive] { $amount } прибыли
    } по другим продуктам
revenue-excluded-without-dpor = { $sign ->
        [negative] { $records ->
            [one] возврат на сумму { $amount }
           *[other] чистый возврат на сумму { $amount }
        } по клиентам
        [zero] { $records ->
            [one] запись на сумму { $amount }
            [few] { $records } записи на общую сумму { $amount }
            [many] { $records } записей на общую сумму { $amount }
           *[other] { $records } записи на общую сумму { $amount }
        } по клиентам
       *[positive] { $amount } прибыли от клиентов
    }, для которых ваша организация не является Цифровым партнером записи

# $required (Number): места уровня, каждое для отдельного сотрудника
exams-met = Требования к экзаменам выполнены: { $required ->
        [1] место занято сотрудником, сдавшим нужные экзамены.
        [2] оба места заняты разными сотрудниками, сдавшими нужные экзамены.
        [one] все места ({ $required }) заняты разными сотрудниками, сдавшими нужные экзамены.
        [few] все { $required } места заняты разными сотрудниками, сдавшими нужные экзамены.
       *[other] все { $required } мест заняты разными сотрудниками, сдавшими нужные экзамены.
    }
# $filled (Number): места, занятые сотрудниками со всеми нужными экзаменами;
# $required (Number): все места уровня
exams-unmet = Требования к экзаменам не выполнены: { $filled ->
        [0] { $required ->
            [1] место пока не занято сотрудником, сдавшим нужные экзамены.
           *[other] ни одно из { $required } { $required ->
                [one] места
               *[other] мест
            } пока не занято сотрудником, сдавшим нужные экзамены.
        }
        [1] { $filled } место из { $required } занято сотрудником, сдавшим нужные экзамены.
        [one] { $filled } место из { $required } занято разными сотрудниками, сдавшими нужные экзамены.
        [few] { $filled } места из { $required } заняты разными сотрудниками, сдавшими нужные экзамены.
       *[other] { $filled } мест из { $required } заняты разными сотрудниками, сдавшими нужные экзамены.
    }
# Кто занимает места одной роли (отдельное предложение после exams-met или
# exams-unmet). $role: application-deployment, customization; $count
# (Number): сколько людей названо; $seats (Number): места роли на этом
# уровне; $people (String): их имена, через «и»
exams-holders = { $count ->
        [one] { $seats ->
            [1] Место { $role ->
                [customization] специалиста по настройке
               *[application-deployment] специалиста по приложениям и развертыванию
            }
           *[other] Одно из { $seats } { $seats ->
                [one] места
               *[other] мест
            } { $role ->
                [customization] специалистов по настройке
               *[application-deployment] специалистов по приложениям и развертыванию
            }
        } занимает
       *[other] { $seats ->
            [2] Оба места
           *[other] { $count } из { $seats } { $seats ->
                [one] места
               *[other] мест
            }
        } { $role ->
            [customization] специалистов по настройке
           *[application-deployment] специалистов по приложениям и развертыванию
        } занимают
    } { $people }.

# $level: silver, gold; $items (String): чего не хватает, через «и»
# Сказуемое «требуется» (3-е лицо, ед. ч.) согласуется с любым перечнем,
# который начинается с числа: «требуется 1 экзамен», «…2 новых сотрудника».
gap-explanation = Для { $level ->
        [gold] Золотого
       *[silver] Серебряного
    } уровня еще требуется { $items }.
# $amount (String)
gap-item-revenue = { $amount } чистой прибыли
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

# Одно место, которое нужно занять. $who: new, listed; $number (Number):
# какой по счету новый сотрудник (1, 2, …), если их нужно несколько, 0 —
# если один; $person (String): имя сотрудника из заявки; $held (Number):
# сколько экзаменов роли у него уже есть; $held_exams (String): их коды,
# через «и»; $role: application-deployment, customization; $exams (String):
# варианты экзаменов, через «и». Глагол в будущем времени («займет»,
# «сдаст») не зависит от рода, поэтому подходит для любого имени.
gap-step = { $who ->
        [new] { $number ->
            [0] Новый сотрудник
           *[other] Новый сотрудник № { $number }
        } должен сдать { $exams }, чтобы занять место { $role ->
            [customization] специалиста по настройке
           *[application-deployment] специалиста по приложениям и развертыванию
        }.
       *[listed] Место { $role ->
            [customization] специалиста по настройке
           *[application-deployment] специалиста по приложениям и развертыванию
        } займет { $person }{ $held ->
            [0] , если сдаст
            [one] {" "}(экзамен { $held_exams } уже сдан), если сдаст еще
           *[other] {" "}(экзамены { $held_exams } уже сданы), если сдаст еще
        } { $exams }.
    }

# Собственная сдача экзамена сотрудником из заявки, датированная позже даты
# оценки, по группе, которую требует его шаг (отдельное предложение после
# gap-step). $code (String): экзамен; $counts_from (String): дата, с которой
# сдача засчитывается
gap-step-pending = С { $counts_from } начинает засчитываться указанный в заявке экзамен { $code } этого сотрудника.
