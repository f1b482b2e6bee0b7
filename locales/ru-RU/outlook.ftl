# Прогноз (§2.7): в какой день уровень будет потерян или достигнут и почему.

# $change: lapses, won, holds, not-won; $level: silver, gold;
# $last, $day, $horizon (String): даты (последний день, когда уровень
# сохраняется; день изменения; последний просмотренный день);
# $causes (String): что входит в отчетный период или выбывает из него в этот
# день, через «и»; $results (String): что из этого следует, через «и».
# $keep: possible, cannot (уровень теряется, и никакой план его не
# сохраняет); $why (String): почему (outlook-cannot-keep), пусто, если $keep
# не cannot.
# Все в будущем времени: прогноз говорит о днях после даты оценки.
# Перед «и поэтому» — запятая: у второй части свое обстоятельство, и без
# запятой «сумма … и чистая прибыль» читались бы как два подлежащих «выбудет».
outlook = { $change ->
        [lapses] { $level ->
            [gold] Золотой
           *[silver] Серебряный
        } уровень сохранится по { $last } включительно; { $day } { $causes }, и поэтому { $results }.{ $keep ->
            [cannot] {" "}Сохранить его по { $horizon } включительно нельзя: { $why }.
           *[possible] {""}
        }
        [won] { $level ->
            [gold] Золотой
           *[silver] Серебряный
        } уровень будет достигнут { $day }: в этот день { $causes }, и поэтому { $results }.
        [holds] { $level ->
            [gold] Золотой
           *[silver] Серебряный
        } уровень сохранится как минимум по { $horizon } включительно.
       *[not-won] При неизменных данных { $level ->
            [gold] Золотой
           *[silver] Серебряный
        } уровень не будет достигнут до { $horizon } включительно.
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
        [one] {" "}({ $records } запись)
        [few] {" "}({ $records } записи)
       *[other] {" "}({ $records } записей)
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
       *[no] требования к экзаменам больше не будут выполнены
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

# Почему никакой план не сохраняет уровень (конец outlook, после «Сохранить
# его по … включительно нельзя:»). $why: no-exam, no-level; $horizon,
# $deadline, $day (String): даты; $group (String): название группы;
# $edition (String): например, 2017-11
outlook-cannot-keep = { $why ->
        [no-level] в правилах редакции { $edition }, которые применяются на { $day }, такого уровня нет
       *[no-exam] ни один экзамен группы «{ $group }», который можно сдать до { $deadline } включительно, не засчитывается по { $horizon } включительно
    }
