//! Compiles the gRPC contract with protox (pure Rust, no `protoc` needed) and
//! tonic-prost-build, and writes the descriptor set that server reflection serves.

use std::{env, fs, io, path::Path, path::PathBuf};

use prost::Message;

const PROTO_ROOT: &str = "proto";
const FILES: &[&str] = &[
    "partner/competency/v1/competency.proto",
    // Not imported by the contract, but compiled so that reflection knows the
    // error details we send (BadRequest, ErrorInfo, LocalizedMessage) and
    // `grpcurl -format-error` can print them.
    "google/rpc/error_details.proto",
];

fn main() -> Result<(), Box<dyn std::error::Error>> {
    rerun_if_changed(Path::new(PROTO_ROOT))?;

    let fds = protox::compile(FILES, [PROTO_ROOT])?;
    let out_dir = PathBuf::from(env::var("OUT_DIR")?);
    // `compile_fds` ignores `file_descriptor_set_path`, so write it ourselves.
    fs::write(
        out_dir.join("competency_descriptor.bin"),
        fds.encode_to_vec(),
    )?;

    tonic_prost_build::configure()
        .build_client(true)
        .build_server(true)
        // Large and only sent with view = FULL: boxed, so that an
        // `Evaluation` (and the stream's response enum) stays small.
        .boxed(".partner.competency.v1.Evaluation.trace")
        // prost decodes a request from one slice (src/codec.rs).
        .codec_path("crate::codec::SliceCodec")
        .compile_fds(fds.clone())?;

    // The load bench's plain tonic reference (SPEC §7, benches/load.rs):
    // the server code tonic-prost-build generates by default, with
    // tonic-prost's own codec, over this crate's messages (named by the
    // crate's name: only the bench includes this file, so only the bench
    // would notice a rename). A few hundred lines, generated in every build.
    let plain = out_dir.join("plain");
    fs::create_dir_all(&plain)?;
    tonic_prost_build::configure()
        .build_client(false)
        .build_server(true)
        .extern_path(".partner.competency.v1", "::crm_competency::pb::competency")
        .extern_path(".google", "::crm_competency::pb::google")
        .out_dir(plain)
        .compile_fds(fds)?;
    Ok(())
}

/// `compile_fds` prints no `rerun-if-changed` lines, so print one for every
/// file and folder below `proto/` (folders catch added files).
fn rerun_if_changed(dir: &Path) -> io::Result<()> {
    println!("cargo:rerun-if-changed={}", dir.display());
    for entry in fs::read_dir(dir)? {
        let path = entry?.path();
        if path.is_dir() {
            rerun_if_changed(&path)?;
        } else {
            println!("cargo:rerun-if-changed={}", path.display());
        }
    }
    Ok(())
}
