# Ошибки. Сообщение статуса всегда на английском (файл en-US); деталь
# google.rpc.LocalizedMessage — на согласованном языке.
#
# Ни одно из этих сообщений не шаблон: каждое — обычный вызов Fluent с
# аргументами по имени (по структуре на сообщение,
# src/api/error/messages.rs). Переводчик может выбирать вариант по любому
# аргументу, в том числе по строковому (String).

# $count (Number): ошибки; $problems (String): ошибки, каждая отдельным
# предложением, через пробел (поэтому перед ними точка, а не двоеточие).
error-invalid-request = В запросе { $count ->
        [1] одна ошибка
        [2] две ошибки
        [3] три ошибки
        [4] четыре ошибки
        [5] пять ошибок
        [6] шесть ошибок
        [7] семь ошибок
        [8] восемь ошибок
        [9] девять ошибок
        [one] { $count } ошибка
        [few] { $count } ошибки
        [many] { $count } ошибок
       *[other] { $count } ошибки
    }. { $problems }
# $competency (String); $known (String): известные компетенции
error-unknown-competency = Неизвестная компетенция «{ $competency }». Известные компетенции: { $known }.
# $count (Number); $problems (String): как в error-invalid-request
error-too-large = Запрос превышает ограничения сервиса ({ $count ->
        [1] одно нарушение
        [2] два нарушения
        [3] три нарушения
        [4] четыре нарушения
        [5] пять нарушений
        [6] шесть нарушений
        [7] семь нарушений
        [8] восемь нарушений
        [9] девять нарушений
        [one] { $count } нарушение
        [few] { $count } нарушения
        [many] { $count } нарушений
       *[other] { $count } нарушения
    }). { $problems }

# Нарушения в полях. $field (String): путь поля.
violation-required = Поле { $field } обязательно для заполнения.
# $value (Number): неизвестное значение перечисления
violation-enum = Поле { $field } содержит неизвестное значение: { $value }.
# $value (String): присланный код валюты
violation-currency = Поле { $field } должно содержать «USD», а не «{ $value }».
# $value (Number)
violation-nanos-range = Значение поля { $field } должно быть в диапазоне от −999 999 999 до 999 999 999; указано { $value }.
# $units (String): путь поля units той же суммы
violation-nanos-sign = Значение поля { $field } должно иметь тот же знак, что и значение поля { $units }.
# $value (String): дата как прислана (год-месяц-день)
violation-date = Поле { $field } содержит несуществующую дату «{ $value }».
# $value (String): присланная дата; $first, $last (String): допустимые границы
# (12-месячный период и 365 дней прогноза должны оставаться в пределах 1–9999 годов);
# все три — год-месяц-день, как дата в violation-date
violation-as-of-range = Поле { $field } содержит дату { $value }, а допустимы только даты с { $first } по { $last }: при другой дате 12-месячный отчетный период или прогноз выйдет за пределы 1–9999 гг.
# $value (String): идентификатор; $first_field (String): путь поля, где он
# встретился впервые
violation-duplicate-id = Поле { $field } повторяет идентификатор «{ $value }» из поля { $first_field }.
violation-empty = Поле { $field } не должно быть пустым.
# $value (String): присланный тег
violation-locale = Поле { $field } содержит некорректный тег языка BCP 47: «{ $value }».
# $value (String); $known (String): известные редакции
violation-edition = Поле { $field } содержит неизвестную редакцию «{ $value }». Известные редакции: { $known }.
# $count (Number): присланные записи; $limit (Number): допустимые записи
violation-too-many = Поле { $field } содержит { $count } { $count ->
        [one] запись
        [few] записи
       *[other] записей
    }; допускается не более { $limit }.
