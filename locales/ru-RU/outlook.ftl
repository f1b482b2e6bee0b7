# Прогноз (§2.7): в какой день уровень будет потерян или достигнут и почему.

# $change: lapses, won, holds, not-won; $level: silver, gold;
# $last, $day, $horizon (String): даты (последний день, когда уровень
# сохраняется; день изменения; последний просмотренный день);
# $causes (String): что входит в отчетный период или выбывает из него в этот
# день, через «и»; $results (String): что из этого следует, через «и».
# Все в будущем времени: прогноз говорит о днях после даты оценки.
# Перед «и в результате» — запятая: у второй части свое обстоятельство, и без
# запятой «сумма … и чистая прибыль» читались бы как два подлежащих «выбудет».
outlook = { $change ->
        [lapses] { $level ->
            [gold] Золотой
           *[silver] Серебряный
        } уровень сохранится по { $last } включительно; { $day } { $causes }, и в результате { $results }.
        [won] { $level ->
            [gold] Золотой
           *[silver] Серебряный
        } уровень будет достигнут { $day }: в этот день { $causes }, и в результате { $results }.
        [holds] { $level ->
            [gold] Золотой
           *[silver] Серебряный
        } уровень сохранится как минимум по { $horizon } включительно.
       *[not-won] При неизменных данных { $level ->
            [gold] Золотой
           *[silver] Серебряный
        } уровень не будет достигнут вплоть до { $horizon } включительно.
    }

# $direction: starts, stops; $sign: positive, negative (возврат); $amount
# (String): сумма без знака; $booked (String): дата; $records (Number): сколько
# записей, проведенных в этот день, входит в сумму. Причастный оборот стоит
# перед существительным, чтобы не закрывать его запятой перед «и» в перечне.
outlook-revenue = { $direction ->
        [starts] в 12-месячный отчетный период войдет
       *[stops] из 12-месячного отчетного периода выбудет
    } { $sign ->
        [negative] проведенный { $booked } возврат на сумму { $amount }
       *[positive] проведенная { $booked } сумма { $amount }
    }{ $records ->
        [1] {""}
        [one] {" "}по { $records } записи
       *[other] {" "}по { $records } записям
    }

# $direction: starts, stops; $person, $code (String). Сотрудник назван так
# же, как в предупреждениях.
outlook-pass = { $direction ->
        [starts] начнет засчитываться
       *[stops] перестанет засчитываться
    } результат экзамена { $code } (сотрудник { $person })

# Несколько результатов экзаменов, которые в один день начнут или перестанут
# засчитываться. $direction: starts, stops; $count (Number): все они;
# $list (String): пункты outlook-passes-person и outlook-passes-more, через «и»
outlook-passes = { $direction ->
        [starts] { $count ->
            [one] начнет
           *[other] начнут
        }
       *[stops] { $count ->
            [one] перестанет
           *[other] перестанут
        }
    } засчитываться { $count } { $count ->
        [one] результат экзамена
        [few] результата экзаменов
        [many] результатов экзаменов
       *[other] результата экзаменов
    } ({ $list })

# Результаты одного сотрудника в outlook-passes. $person (String); $codes
# (String): коды экзаменов, через «и»; $count (Number): сколько их
outlook-passes-person = { $codes } — сотрудник { $person }

# Результаты сотрудников, не названных в outlook-passes. $count (Number)
outlook-passes-more = еще { $count }

# $edition (String): например, 2017-11
outlook-edition = вступят в силу правила редакции { $edition }

# $direction: starts, stops, both; $count (Number): записи, не названные по отдельности
outlook-more-records = { $direction ->
        [starts] в 12-месячный отчетный период { $count ->
            [one] войдет
           *[other] войдут
        }
        [stops] из 12-месячного отчетного периода { $count ->
            [one] выбудет
           *[other] выбудут
        }
       *[both] в 12-месячный отчетный период { $count ->
            [one] войдет или выбудет из него
           *[other] войдут или выбудут из него
        }
    } еще { $count } { $count ->
        [one] запись
        [few] записи
        [many] записей
       *[other] записи
    }

# $direction: starts, stops, both; $count (Number): результаты, не названные по отдельности
outlook-more-passes = { $direction ->
        [starts] { $count ->
            [one] начнет
           *[other] начнут
        }
        [stops] { $count ->
            [one] перестанет
           *[other] перестанут
        }
       *[both] { $count ->
            [one] начнет или перестанет
           *[other] начнут или перестанут
        }
    } засчитываться еще { $count } { $count ->
        [one] результат экзамена
        [few] результата экзаменов
        [many] результатов экзаменов
       *[other] результата экзаменов
    }

# $met: yes (прибыль растет и достигает порога), no (падает ниже порога);
# $sign: positive, negative (возвраты превышают прибыль: чистый возврат);
# $qualifying (String): сумма без знака; $threshold (String): сумма.
# Сравнение с порогом — в скобках: за этим пунктом перечня может следовать
# «и требования к экзаменам…».
outlook-revenue-result = чистая прибыль партнера за 12-месячный отчетный период { $met ->
        [yes] возрастет до { $qualifying } (порог в { $threshold } достигнут)
       *[no] { $sign ->
            [negative] станет отрицательной (чистый возврат на сумму { $qualifying }; ниже порога в { $threshold })
           *[positive] снизится до { $qualifying } (ниже порога в { $threshold })
        }
    }

# $met: yes, no
outlook-exams-result = { $met ->
        [yes] требования к экзаменам будут выполнены
       *[no] требования к экзаменам перестанут выполняться
    }
