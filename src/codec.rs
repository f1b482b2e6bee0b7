//! The service's gRPC codec: tonic-prost's own encoder, and a decoder that
//! hands prost the whole message as one slice.
//!
//! tonic gives a decoder the message as a `DecodeBuf`, a length-limited view
//! of its `BytesMut`. prost's generic decoding reaches every byte through
//! that view's `Buf` methods; over a plain `&[u8]` it takes its slice paths
//! instead. The small `Evaluate` request (953 bytes) decodes in ~40k
//! instructions from a slice against ~63k through the view (callgrind,
//! docs/performance.md). The view is always one contiguous chunk (a
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
