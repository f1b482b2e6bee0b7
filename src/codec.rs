//! The service's gRPC codec: tonic-prost's own encoder, and a decoder that
//! hands prost the whole message as one slice.
//!
//! tonic gives a decoder the message as a `DecodeBuf`, a length-limited view
//! of its `BytesMut`. prost's generic decoding reaches every byte through
//! that view's `Buf` methods; over a plain `&[u8]` it takes its slice paths
//! instead. The small `Evaluate` request (953 bytes) decodes in ~40k
//! instructions from a slice against ~65k through the view (callgrind,
//! `examples/decode`, docs/performance.md). The view is always one contiguous chunk (a
//! `BytesMut`); should it ever not be, the decoder falls back to prost's
//! generic path. Errors are tonic-prost's own: INTERNAL with prost's
//! message, which the transport turns into INVALID_ARGUMENT
//! (`transport::status`), as for every other service on the server.

use std::marker::PhantomData;

use prost::bytes::Buf;
use prost::Message;
use tonic::codec::{BufferSettings, DecodeBuf, Decoder};
use tonic::Status;
use tonic_prost::{ProstCodec, ProstEncoder};

/// Named in the generated service code (`build.rs`, `codec_path`).
#[derive(Debug, Clone, Copy)]
pub struct SliceCodec<T, U>(PhantomData<(T, U)>);

impl<T, U> Default for SliceCodec<T, U> {
    fn default() -> Self {
        SliceCodec(PhantomData)
    }
}

impl<T, U> tonic::codec::Codec for SliceCodec<T, U>
where
    T: Message + Send + 'static,
    U: Message + Default + Send + 'static,
{
    type Encode = T;
    type Decode = U;
    type Encoder = ProstEncoder<T>;
    type Decoder = SliceDecoder<U>;

    fn encoder(&mut self) -> Self::Encoder {
        ProstCodec::<T, U>::raw_encoder(BufferSettings::default())
    }

    fn decoder(&mut self) -> Self::Decoder {
        SliceDecoder(PhantomData)
    }
}

/// Decodes `U` from the message's bytes as one slice.
#[derive(Debug, Clone, Copy)]
pub struct SliceDecoder<U>(PhantomData<U>);

impl<U: Message + Default> Decoder for SliceDecoder<U> {
    type Item = U;
    type Error = Status;

    fn decode(&mut self, buf: &mut DecodeBuf<'_>) -> Result<Option<U>, Status> {
        let len = buf.remaining();
        let decoded = if buf.chunk().len() == len {
            let decoded = U::decode(buf.chunk());
            buf.advance(len);
            decoded
        } else {
            U::decode(buf)
        };
        decoded
            .map(Some)
            .map_err(|error| Status::internal(error.to_string()))
    }

    fn buffer_settings(&self) -> BufferSettings {
        BufferSettings::default()
    }
}

#[cfg(test)]
mod tests {
    use futures::executor::block_on;
    use http_body_util::Full;
    use prost::bytes::{BufMut, Bytes, BytesMut};
    use tonic::codec::{Codec, Streaming};
    use tonic::Code;

    use super::SliceCodec;
    use crate::pb::competency as pb;
    use crate::transport::status::transport_code;

    /// One uncompressed gRPC frame of `message`, read back through tonic's
    /// own message reader with the service's decoder.
    fn read(message: &[u8]) -> Result<Option<pb::EvaluateRequest>, tonic::Status> {
        let mut frame = BytesMut::new();
        frame.put_u8(0);
        frame.put_u32(u32::try_from(message.len()).expect("small"));
        frame.put_slice(message);
        let decoder = SliceCodec::<pb::Evaluation, pb::EvaluateRequest>::default().decoder();
        let body = Full::new(Bytes::from(frame));
        block_on(Streaming::new_request(decoder, body, None, None).message())
    }

    #[test]
    fn decodes_what_prost_encodes() {
        use prost::Message;
        let request = pb::EvaluateRequest {
            request_id: "r-1".into(),
            locale: "ru-RU".into(),
            ..Default::default()
        };
        let decoded = read(&request.encode_to_vec()).expect("decoded");
        assert_eq!(decoded, Some(request));
        // An empty message is the default one.
        assert_eq!(
            read(&[]).expect("empty"),
            Some(pb::EvaluateRequest::default())
        );
    }

    /// The error is tonic-prost's own, which the transport answers as
    /// INVALID_ARGUMENT for every service (`transport::status`).
    #[test]
    fn a_malformed_message_is_tonic_prosts_error() {
        for garbage in [
            &[0xff_u8; 16][..],
            &[0x0a, 0x02, 0xff, 0xfe],
            &[0x12, 0x05, 0x08],
        ] {
            let status = read(garbage).expect_err("malformed");
            assert_eq!(status.code(), Code::Internal, "{status:?}");
            assert!(
                status
                    .message()
                    .starts_with("failed to decode Protobuf message"),
                "{status:?}"
            );
            assert_eq!(
                transport_code(status.code(), status.message()),
                Code::InvalidArgument
            );
        }
    }
}
