//! What decoding the small `Evaluate` request costs through tonic's own
//! message reader, with tonic-prost's decoder (the plain reference's) or
//! the service's (`src/codec.rs`):
//!
//!     cargo build --release --example decode
//!     for d in none prost slice; do DECODER=$d N=1000 valgrind --tool=callgrind \
//!         target/release/examples/decode 2>&1 | grep refs; done
//!
//! `prost` less `slice`, divided by N, is what the service's decoder saves
//! a request; either less `none` (the same frames, nothing read), what
//! reading a request costs with it (docs/performance.md).

use futures::executor::block_on;
use http_body_util::Full;
use prost::bytes::{BufMut, Bytes, BytesMut};
use prost::Message;
use tonic::codec::{Decoder, Streaming};
use tonic::Status;

use crm_competency::codec::SliceCodec;
use crm_competency::pb::competency as pb;

#[path = "../benches/fixtures.rs"]
mod fixtures;

/// The same allocator as the service binary.
#[global_allocator]
static GLOBAL: mimalloc::MiMalloc = mimalloc::MiMalloc;

/// One gRPC frame: no compression, the length, the message.
fn frame(message: &[u8]) -> Bytes {
    let mut frame = BytesMut::with_capacity(message.len() + 5);
    frame.put_u8(0);
    frame.put_u32(u32::try_from(message.len()).expect("small message"));
    frame.put_slice(message);
    frame.freeze()
}

fn read<D>(decoder: D, frame: Bytes)
where
    D: Decoder<Item = pb::EvaluateRequest, Error = Status> + Send + 'static,
{
    let mut stream = Streaming::new_request(decoder, Full::new(frame), None, None);
    let request = block_on(stream.message()).expect("decoded").expect("one");
    std::hint::black_box(request);
}

fn main() {
    let n: usize = std::env::var("N")
        .ok()
        .and_then(|v| v.parse().ok())
        .unwrap_or(1000);
    let decoder = std::env::var("DECODER").unwrap_or_else(|_| "slice".into());
    let frame = frame(&fixtures::small("ru-RU").encode_to_vec());
    for _ in 0..n {
        match decoder.as_str() {
            "prost" => read(
                tonic::codec::Codec::decoder(&mut tonic_prost::ProstCodec::<
                    pb::Evaluation,
                    pb::EvaluateRequest,
                >::default()),
                frame.clone(),
            ),
            "slice" => read(
                tonic::codec::Codec::decoder(
                    &mut SliceCodec::<pb::Evaluation, pb::EvaluateRequest>::default(),
                ),
                frame.clone(),
            ),
            "none" => {
                std::hint::black_box(frame.clone());
            }
            other => panic!("DECODER={other}: prost, slice or none"),
        }
    }
}
