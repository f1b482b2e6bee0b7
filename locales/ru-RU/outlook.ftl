# Прогноз (§2.7): в какой день уровень будет потерян или достигнут и почему.

# $change: lapses, won, holds, not-won; $level: silver, gold;
# $last, $day, $horizon (String): даты (последний день, когда уровень
# сохраняется; день изменения; последний просмотренный день);
# $items (String): что входит или выбывает в этот день и что из этого следует, через «и»
outlook = { $change ->
        [lapses] { $level ->
            [gold] Золотой
           *[silver] Серебряный
        } уровень сохраняется по { $last } включительно; { $day } { $items }.
        [won] { $level ->
            [gold] Золотой
           *[silver] Серебряный
        } уровень достигается с { $day }: { $items }.
        [holds] { $level ->
            [gold] Золотой
           *[silver] Серебряный
        } уровень сохраняется как минимум по { $horizon } включительно.
       *[not-won] При неизменных данных { $level ->
            [gold] Золотой
           *[silver] Серебряный
        } уровень не будет достигнут ни в один из дней по { $horizon } включительно.
    }

# $direction: starts, stops; $sign: positive, negative (возврат); $amount
# (String): сумма без знака; $booked (String): дата; $records (Number): сколько
# записей, учтенных в этот день, входит в сумму. Причастный оборот стоит перед
# существительным, чтобы не закрывать его запятой перед «и» в перечне.
outlook-revenue = { $direction ->
        [starts] в 12-месячный отчетный период входит
       *[stops] из 12-месячного отчетного периода выбывает
    } { $sign ->
        [negative] учтенный { $booked } возврат на сумму { $amount }
       *[positive] учтенная { $booked } сумма { $amount }
    }{ $records ->
        [1] {""}
        [one] {" "}по { $records } записи
       *[other] {" "}по { $records } записям
    }

# $direction: starts, stops; $person, $code (String)
outlook-pass = { $direction ->
        [starts] начинает засчитываться
       *[stops] перестает засчитываться
    } экзамен { $code } ({ $person })

# $edition (String): например, 2017-11
outlook-edition = вступают в силу правила редакции { $edition }

# $direction: starts, stops, both; $count (Number): записи, не названные по отдельности
outlook-more-records = { $direction ->
        [starts] в 12-месячный отчетный период { $count ->
            [one] входит
           *[other] входят
        }
        [stops] из 12-месячного отчетного периода { $count ->
            [one] выбывает
           *[other] выбывают
        }
       *[both] в 12-месячный отчетный период { $count ->
            [one] входит или выбывает из него
           *[other] входят или выбывают из него
        }
    } еще { $count } { $count ->
        [one] запись
        [few] записи
        [many] записей
       *[other] записи
    }

# $direction: starts, stops, both; $count (Number): экзамены, не названные по отдельности
outlook-more-passes = { $direction ->
        [starts] { $count ->
            [one] начинает
           *[other] начинают
        }
        [stops] { $count ->
            [one] перестает
           *[other] перестают
        }
       *[both] { $count ->
            [one] начинает или перестает
           *[other] начинают или перестают
        }
    } засчитываться еще { $count } { $count ->
        [one] экзамен
        [few] экзамена
        [many] экзаменов
       *[other] экзамена
    }

# $met: yes (прибыль растет и достигает порога), no (падает ниже порога);
# $sign: positive, negative (возвраты превышают прибыль: чистый возврат);
# $qualifying (String): сумма без знака; $threshold (String): сумма.
# Сравнение с порогом — в скобках: за этим пунктом перечня может следовать
# «и требования к экзаменам…».
outlook-revenue-result = чистая прибыль партнера за 12-месячный отчетный период { $met ->
        [yes] возрастает до { $qualifying } (не ниже порога в { $threshold })
       *[no] { $sign ->
            [negative] становится отрицательной (чистый возврат на сумму { $qualifying }; ниже порога в { $threshold })
           *[positive] снижается до { $qualifying } (ниже порога в { $threshold })
        }
    }

# $met: yes, no
outlook-exams-result = { $met ->
        [yes] требования к экзаменам выполняются
       *[no] требования к экзаменам перестают выполняться
    }

# План сохранения уровня (issue 25): что добавить до крайнего срока, чтобы
# достигнутый сегодня уровень сохранялся по конец горизонта прогноза.
# $level: silver, gold; $parts: revenue, exams, both; $horizon, $deadline
# (String): даты (заканчиваются на «г.»); $revenue (String): сумма;
# $exams (Number): сколько экзаменов нужно сдать; $steps (String): пункты
# outlook-keep-step через «и». «Как минимум» не управляет падежом: сумма
# стоит в винительном падеже при «получить» («1 доллар США», «2 доллара
# США»), как ее и выводит формат денег.
outlook-keep = Чтобы сохранить { $level ->
        [gold] Золотой
       *[silver] Серебряный
    } уровень по { $horizon } включительно, до { $deadline } включительно нужно { $parts ->
        [revenue] получить еще как минимум { $revenue } чистой прибыли партнера за 12-месячный отчетный период
        [exams] сдать { $exams ->
            [one] экзамен
           *[other] экзамены
        }: { $steps }
       *[both] получить еще как минимум { $revenue } чистой прибыли партнера за 12-месячный отчетный период, а также сдать { $exams ->
            [one] экзамен
           *[other] экзамены
        }: { $steps }
    }.

# Внутри outlook-keep («сдать экзамены: … — …»): сотрудники, которым
# предложены одни и те же экзамены. $people (String): их имена
# (outlook-keep-new для нового сотрудника), через «и»; $count (Number):
# сколько их; $options (String): экзамены, «или» внутри группы, «и» между
# группами. Тире без глагола не требует согласования с родом сотрудника;
# перед тире — неразрывный пробел.
outlook-keep-step = { $people } — { $count ->
        [one] {""}
       *[other] {"каждый "}
    }{ $options }

# Новый сотрудник в outlook-keep-step. $number (Number): какой по счету (1,
# 2, …), если их нужно несколько, 0 — если один
outlook-keep-new = { $number ->
        [0] новый сотрудник
       *[other] новый сотрудник № { $number }
    }

# Уровень сохранить нельзя. $level: silver, gold; $why: no-exam, no-level;
# $horizon, $deadline, $day (String): даты; $group (String): название
# группы; $edition (String): например, 2017-11
outlook-cannot-keep = Сохранить { $level ->
        [gold] Золотой
       *[silver] Серебряный
    } уровень по { $horizon } включительно нельзя: { $why ->
        [no-level] в правилах редакции { $edition }, которые применяются на { $day }, такого уровня нет
       *[no-exam] ни один экзамен группы «{ $group }», который можно сдать до { $deadline } включительно, не засчитывается по { $horizon } включительно
    }.
