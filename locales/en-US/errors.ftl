# Errors. The status message is always English (this file); the
# google.rpc.LocalizedMessage detail uses the negotiated locale.

# $count (Number): problems; $problems (String): each problem (a sentence),
# joined with a space
error-invalid-request = The request is invalid ({ $count } { $count ->
        [one] problem
       *[other] problems
    }): { $problems }
# $competency (String); $known (String): known competencies
error-unknown-competency = Unknown competency “{ $competency }”. Known competencies: { $known }.
# $count (Number); $problems (String)
error-too-large = The request exceeds the service’s limits ({ $count } { $count ->
        [one] problem
       *[other] problems
    }): { $problems }

# Field violations. $field (String): the field's path.
violation-required = The { $field } field is required.
# $value (Number): the unknown enum number
violation-enum = The { $field } field has an unknown value: { $value }.
# $value (String): the currency code sent
violation-currency = The { $field } field must be “USD”, not “{ $value }”.
# $value (Number)
violation-nanos-range = The { $field } field must be between −999,999,999 and 999,999,999; it is { $value }.
violation-nanos-sign = The { $field } field must have the same sign as the units field.
# $value (String): the date as sent (year-month-day)
violation-date = The { $field } field is not a valid date: { $value }.
# $value (String): the date sent; $first, $last (String): the dates accepted
# (the TTM period and the outlook's 365 days must stay within years 1 to 9999)
violation-as-of-range = The { $field } field is { $value }; it must be a date from { $first }, through { $last }, so that the TTM period and the outlook stay within years 1 through 9999.
# $value (String): the id; $first (Number): the index that used it first
violation-duplicate-id = The { $field } field repeats the id “{ $value }”, already used by individuals[{ $first }].
violation-empty = The { $field } field must not be empty.
# $value (String): the tag sent
violation-locale = The { $field } field is not a well-formed BCP 47 language tag: “{ $value }”.
# $value (String); $known (String): the known editions
violation-edition = The { $field } field names an unknown edition: “{ $value }”. Known editions: { $known }.
# $count (Number): entries sent; $limit (Number): entries allowed
violation-too-many = The { $field } field has { $count } { $count ->
        [one] entry
       *[other] entries
    }; at most { $limit } { $limit ->
        [one] is
       *[other] are
    } accepted.
