//! crm-competency: evaluates Microsoft partners against the Cloud CRM
//! competency and explains the result, over gRPC, in English and Russian.

pub mod rules;

/// Any error, for start-up paths and the transport (the crate root owns it,
/// so no module needs another's just for this).
pub type BoxError = Box<dyn std::error::Error + Send + Sync>;

/// Generated protobuf and gRPC code.
pub mod pb {
    pub mod google {
        pub mod rpc {
            include!(concat!(env!("OUT_DIR"), "/google.rpc.rs"));
        }
        pub mod r#type {
            include!(concat!(env!("OUT_DIR"), "/google.r#type.rs"));
        }
    }
    pub mod partner {
        pub mod competency {
            // A requirement's `detail` is a revenue detail (eight money and
            // date fields) or a small exams detail; both are built once per
            // answer, so the oneof stays unboxed.
            #[allow(clippy::large_enum_variant)]
            pub mod v1 {
                include!(concat!(env!("OUT_DIR"), "/partner.competency.v1.rs"));
            }
        }
    }
    pub use partner::competency::v1 as competency;

    /// The descriptor set of every proto this service speaks, for reflection.
    pub const FILE_DESCRIPTOR_SET: &[u8] =
        include_bytes!(concat!(env!("OUT_DIR"), "/competency_descriptor.bin"));
}

pub mod api;
pub mod codec;
pub mod fd_limit;
pub mod l10n;
pub mod logging;
pub mod metrics;
pub mod server;
pub mod transport;
