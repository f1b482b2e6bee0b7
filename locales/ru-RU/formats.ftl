# Строительные блоки для форматирования значений.

# $amount (String): число, отформатированное ICU4X (группировка CLDR).
# $plural (String): его категория множественного числа CLDR (one, few, many, other).
# $sign (String): negative, positive
# Перед «долларов США», после числа дня и перед «г.» стоит неразрывный
# пробел U+00A0, как требует русская типографика; у отрицательной суммы —
# знак минуса U+2212, а не дефис.
money = { $sign ->
        [negative] −{ $amount }
       *[positive] { $amount }
    } { $plural ->
        [one] доллар США
        [few] доллара США
        [many] долларов США
       *[other] доллара США
    }

# $year (String), $month (String: jan, feb, … dec), $day (Number)
date = { $day } { $month ->
        [jan] января
        [feb] февраля
        [mar] марта
        [apr] апреля
        [may] мая
        [jun] июня
        [jul] июля
        [aug] августа
        [sep] сентября
        [oct] октября
        [nov] ноября
       *[dec] декабря
    } { $year } г.
