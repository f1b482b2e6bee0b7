# Строительные блоки для форматирования значений.

# $amount (String): число, отформатированное ICU4X (группировка CLDR).
# $plural (String): его категория множественного числа CLDR (one, few, many, other).
# $sign (String): negative, positive
money = { $sign ->
        [negative] -{ $amount }
       *[positive] { $amount }
    } { $plural ->
        [one] доллар США
        [few] доллара США
        [many] долларов США
       *[other] доллара США
    }

# $year (String), $month (Number 1–12), $day (Number)
date = { $day } { $month ->
        [1] января
        [2] февраля
        [3] марта
        [4] апреля
        [5] мая
        [6] июня
        [7] июля
        [8] августа
        [9] сентября
        [10] октября
        [11] ноября
       *[12] декабря
    } { $year } г.
