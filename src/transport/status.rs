//! Status mapping: errors tonic raises before a handler runs, in the codes
//! the contract uses. A message over `max_decoding_message_size` (tonic:
//! OUT_OF_RANGE) is RESOURCE_EXHAUSTED; a body that is not a valid protobuf
//! message (tonic: INTERNAL) is the caller's INVALID_ARGUMENT. Unary calls
//! carry these in the response headers (trailers-only responses).

use tonic::{Code, Status};

/// The code of a header map that carries one (trailers, or the headers of
/// a trailers-only response), read by tonic.
pub(crate) fn header_code(headers: &http::HeaderMap) -> Option<Code> {
    headers
        .get(Status::GRPC_STATUS)
        .map(|v| Code::from_bytes(v.as_bytes()))
}

/// Rewrites the code of a trailers-only response that tonic made for a
/// request it could not decode.
pub fn map_codes<B>(mut response: http::Response<B>) -> http::Response<B> {
    if !matches!(
        header_code(response.headers()),
        Some(Code::OutOfRange | Code::Internal)
    ) {
        return response;
    }
    let Some(status) = Status::from_header_map(response.headers()) else {
        return response;
    };
    let mapped = transport_code(status.code(), status.message());
    if mapped != status.code() {
        response
            .headers_mut()
            .insert(Status::GRPC_STATUS, http::HeaderValue::from(mapped as i32));
    }
    response
}

/// The code for an error tonic raised while decoding a request: oversized
/// messages are RESOURCE_EXHAUSTED and malformed protobuf INVALID_ARGUMENT.
pub fn transport_code(code: Code, message: &str) -> Code {
    match code {
        Code::OutOfRange if message.contains("message length too large") => Code::ResourceExhausted,
        Code::Internal if message.contains("failed to decode Protobuf message") => {
            Code::InvalidArgument
        }
        other => other,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn undecodable_requests_get_the_contract_s_codes() {
        let map = |status: Status| {
            let response = map_codes(status.into_http::<()>());
            Status::from_header_map(response.headers()).map(|s| (s.code(), s.message().to_owned()))
        };
        let (code, message) = map(Status::out_of_range(
            "Error, decoded message length too large: found 9 bytes, the limit is: 4 bytes",
        ))
        .expect("status");
        assert_eq!(code, Code::ResourceExhausted);
        assert!(message.contains("too large"), "{message}");
        let (code, _) =
            map(Status::internal("failed to decode Protobuf message: x")).expect("status");
        assert_eq!(code, Code::InvalidArgument);
        let (code, _) = map(Status::internal("something else")).expect("status");
        assert_eq!(code, Code::Internal);
        assert_eq!(map(Status::ok("")).map(|s| s.0), Some(Code::Ok));
    }
}
