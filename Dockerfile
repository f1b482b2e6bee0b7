# syntax=docker/dockerfile:1
# Multi-stage build: compile with the Rust toolchain, run on a small
# distroless image as a non-root user. protoc is not needed (protox).
FROM rust:1.88-bookworm AS build
WORKDIR /src
COPY Cargo.toml Cargo.lock build.rs ./
COPY proto proto
COPY locales locales
COPY src src
COPY benches benches
COPY examples examples
RUN cargo build --release --locked --bin crm-competency \
 && strip target/release/crm-competency

FROM gcr.io/distroless/cc-debian12:nonroot
COPY --from=build /src/target/release/crm-competency /usr/local/bin/crm-competency
USER nonroot:nonroot
ENV CRM_COMPETENCY_LISTEN=0.0.0.0:50051 \
    CRM_COMPETENCY_METRICS_LISTEN=0.0.0.0:9464 \
    CRM_COMPETENCY_LOG_FORMAT=json
EXPOSE 50051 9464
ENTRYPOINT ["/usr/local/bin/crm-competency"]
