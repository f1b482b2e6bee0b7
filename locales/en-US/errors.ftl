# Errors. The status message is always English (this file); the
# google.rpc.LocalizedMessage detail uses the negotiated locale.
#
# None of these messages is a template: each is a plain Fluent call with its
# arguments by name (one struct per message, src/api/error/messages.rs). A
# translator may select on any argument, (String) ones included.

# $count (Number): problems; $problems (String): the listed problems (the
# first ones, as many as fit the call's trailers), each a sentence, joined
# with a space; $more (Number): the problems not listed
error-invalid-request = The request isn’t valid. { $count ->
        [one] There’s one problem.
        [2] There are two problems.
        [3] There are three problems.
        [4] There are four problems.
        [5] There are five problems.
        [6] There are six problems.
        [7] There are seven problems.
        [8] There are eight problems.
        [9] There are nine problems.
       *[other] There are { $count } problems.
    } { $problems }{ $more ->
        [0] {""}
        [one] {" "}One more problem isn’t listed.
        [2] {" "}Two more problems aren’t listed.
        [3] {" "}Three more problems aren’t listed.
        [4] {" "}Four more problems aren’t listed.
        [5] {" "}Five more problems aren’t listed.
        [6] {" "}Six more problems aren’t listed.
        [7] {" "}Seven more problems aren’t listed.
        [8] {" "}Eight more problems aren’t listed.
        [9] {" "}Nine more problems aren’t listed.
       *[other] {" "}Another { $more } problems aren’t listed.
    }
# $competency (String); $known (String): known competencies; $count
# (Number): the request's other problems (0: none); $problems (String), $more
# (Number): as in error-invalid-request
error-unknown-competency = The competency “{ $competency }” isn’t known. Known competencies: { $known }.{ $count ->
        [0] {""}
        [one] {" "}The request also has one other problem.
        [2] {" "}The request also has two other problems.
        [3] {" "}The request also has three other problems.
        [4] {" "}The request also has four other problems.
        [5] {" "}The request also has five other problems.
        [6] {" "}The request also has six other problems.
        [7] {" "}The request also has seven other problems.
        [8] {" "}The request also has eight other problems.
        [9] {" "}The request also has nine other problems.
       *[other] {" "}The request also has { $count } other problems.
    }{ $count ->
        [0] {""}
       *[other] {" "}{ $problems }
    }{ $more ->
        [0] {""}
        [one] {" "}One more problem isn’t listed.
        [2] {" "}Two more problems aren’t listed.
        [3] {" "}Three more problems aren’t listed.
        [4] {" "}Four more problems aren’t listed.
        [5] {" "}Five more problems aren’t listed.
        [6] {" "}Six more problems aren’t listed.
        [7] {" "}Seven more problems aren’t listed.
        [8] {" "}Eight more problems aren’t listed.
        [9] {" "}Nine more problems aren’t listed.
       *[other] {" "}Another { $more } problems aren’t listed.
    }
# $count (Number); $problems (String); $more (Number): as in
# error-invalid-request
error-too-large = The request exceeds the service’s limits. { $count ->
        [one] There’s one problem.
        [2] There are two problems.
        [3] There are three problems.
        [4] There are four problems.
        [5] There are five problems.
        [6] There are six problems.
        [7] There are seven problems.
        [8] There are eight problems.
        [9] There are nine problems.
       *[other] There are { $count } problems.
    } { $problems }{ $more ->
        [0] {""}
        [one] {" "}One more problem isn’t listed.
        [2] {" "}Two more problems aren’t listed.
        [3] {" "}Three more problems aren’t listed.
        [4] {" "}Four more problems aren’t listed.
        [5] {" "}Five more problems aren’t listed.
        [6] {" "}Six more problems aren’t listed.
        [7] {" "}Seven more problems aren’t listed.
        [8] {" "}Eight more problems aren’t listed.
        [9] {" "}Nine more problems aren’t listed.
       *[other] {" "}Another { $more } problems aren’t listed.
    }

# Field violations. $field (String): the field’s path.
violation-required = The { $field } field is required.
# $value (Number): the unknown enum number
violation-enum = The { $field } field has an unknown value: { $value }.
# $value (String): the currency code sent
violation-currency = The { $field } field must be “USD”, not “{ $value }”.
# The currency code sent empty (not quoted: “” reads as nothing at all)
violation-currency-empty = The { $field } field can’t be empty; it must be “USD”.
# $value (Number)
violation-nanos-range = The { $field } field must be between −999,999,999 and 999,999,999; it’s { $value }.
# $value (String): the units sent, with the locale’s digit grouping
violation-units-range = The { $field } field must be between −999,999,999,999 and 999,999,999,999; it’s { $value }.
# $units (String): the path of the amount’s units field
violation-nanos-sign = The { $field } field must have the same sign as the { $units } field.
# $value (String): the date as sent (year-month-day)
violation-date = The { $field } field isn’t a valid date: { $value }.
# $value (String): the date sent; $first, $last (String): the dates accepted
# (the TTM period and the outlook’s 365 days must stay within years 1 to
# 9999); all three year-month-day, as violation-date gives its date
violation-as-of-range = The { $field } field is { $value }, but it must be a date from { $first } through { $last }. This range keeps the TTM period and the outlook within years 1 through 9999.
# $value (String): the id; $first_field (String): the path of the field that
# used it first
violation-duplicate-id = The { $field } field repeats the ID “{ $value }”, which { $first_field } already uses.
# A value sent that is only whitespace
violation-blank = The { $field } field can’t be blank.
# $value (String): the tag sent
violation-locale = The { $field } field isn’t a well-formed BCP 47 language tag: “{ $value }”.
# $value (String); $known (String): the known editions
violation-edition = The { $field } field names an unknown edition, “{ $value }”. Known editions: { $known }.
# $length (Number): characters sent; $limit (Number): characters allowed
violation-too-long = The { $field } field has { $length } { $length ->
        [one] character
       *[other] characters
    }; at most { $limit } are accepted.
# The answer to a valid request would be larger than a message may be.
# $bytes (Number): its size; $limit (Number): the most a message may take
violation-answer-too-large = The answer to this submission would take { $bytes } bytes, but a message may take at most { $limit }; send fewer individuals or revenue records at a time.
# $count (Number): entries sent; $limit (Number): entries allowed
violation-too-many = The { $field } field has { $count } { $count ->
        [one] entry
       *[other] entries
    }; at most { $limit } { $limit ->
        [one] is
       *[other] are
    } accepted.
