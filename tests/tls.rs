//! TLS and mutual TLS with certificates made at test time (rcgen).

mod common;

use std::time::Duration;

use common::*;
use crm_competency::pb::competency::competency_service_client::CompetencyServiceClient;
use crm_competency::server::ServerOptions;
use rcgen::{
    BasicConstraints, CertificateParams, CertifiedIssuer, DnType, ExtendedKeyUsagePurpose, IsCa,
    KeyPair, KeyUsagePurpose,
};
use tonic::transport::{Certificate, Channel, ClientTlsConfig, Identity, ServerTlsConfig};

struct Pem {
    cert: String,
    key: String,
}

struct Pki {
    ca: String,
    server: Pem,
    client: Pem,
    /// Signed by a CA the server does not trust.
    rogue: Pem,
}

fn ca(name: &str) -> CertifiedIssuer<'static, KeyPair> {
    let mut params = CertificateParams::new(Vec::<String>::new()).expect("params");
    params.is_ca = IsCa::Ca(BasicConstraints::Unconstrained);
    params.distinguished_name.push(DnType::CommonName, name);
    params.key_usages = vec![
        KeyUsagePurpose::KeyCertSign,
        KeyUsagePurpose::CrlSign,
        KeyUsagePurpose::DigitalSignature,
    ];
    CertifiedIssuer::self_signed(params, KeyPair::generate().expect("key")).expect("ca")
}

fn leaf(
    issuer: &CertifiedIssuer<'static, KeyPair>,
    names: &[&str],
    usage: ExtendedKeyUsagePurpose,
) -> Pem {
    let key = KeyPair::generate().expect("key");
    let mut params =
        CertificateParams::new(names.iter().map(|n| n.to_string()).collect::<Vec<_>>())
            .expect("params");
    params.distinguished_name.push(DnType::CommonName, names[0]);
    params.extended_key_usages = vec![usage];
    let cert = params.signed_by(&key, issuer).expect("sign");
    Pem {
        cert: cert.pem(),
        key: key.serialize_pem(),
    }
}

fn pki() -> Pki {
    let ca_ = ca("crm-competency test CA");
    let other = ca("someone else's CA");
    Pki {
        ca: ca_.pem(),
        server: leaf(
            &ca_,
            &["localhost", "127.0.0.1"],
            ExtendedKeyUsagePurpose::ServerAuth,
        ),
        client: leaf(
            &ca_,
            &["partner-portal"],
            ExtendedKeyUsagePurpose::ClientAuth,
        ),
        rogue: leaf(&other, &["intruder"], ExtendedKeyUsagePurpose::ClientAuth),
    }
}

async fn tls_server(pki: &Pki, mutual: bool) -> TestServer {
    let mut tls =
        ServerTlsConfig::new().identity(Identity::from_pem(&pki.server.cert, &pki.server.key));
    if mutual {
        tls = tls.client_ca_root(Certificate::from_pem(&pki.ca));
    }
    TestServer::start_with(ServerOptions {
        tls: Some(tls),
        ..Default::default()
    })
    .await
}

async fn call(server: &TestServer, tls: Option<ClientTlsConfig>) -> Result<(), String> {
    let scheme = if tls.is_some() { "https" } else { "http" };
    let mut endpoint = Channel::from_shared(format!("{scheme}://localhost:{}", server.addr.port()))
        .expect("url")
        .connect_timeout(Duration::from_secs(5))
        .timeout(Duration::from_secs(5));
    if let Some(tls) = tls {
        endpoint = endpoint.tls_config(tls).map_err(|e| e.to_string())?;
    }
    let channel = endpoint
        .connect()
        .await
        .map_err(|e| format!("connect: {e:?}"))?;
    CompetencyServiceClient::new(channel)
        .evaluate(contoso("en"))
        .await
        .map(|_| ())
        .map_err(|e| format!("call: {e:?}"))
}

fn client_tls(pki: &Pki, identity: Option<&Pem>) -> ClientTlsConfig {
    let mut tls = ClientTlsConfig::new()
        .ca_certificate(Certificate::from_pem(&pki.ca))
        .domain_name("localhost");
    if let Some(id) = identity {
        tls = tls.identity(Identity::from_pem(&id.cert, &id.key));
    }
    tls
}

#[tokio::test]
async fn tls_serves_clients_that_trust_the_server_and_refuses_plaintext() {
    let pki = pki();
    let server = tls_server(&pki, false).await;
    call(&server, Some(client_tls(&pki, None)))
        .await
        .expect("TLS call");
    assert!(
        call(&server, None).await.is_err(),
        "plaintext must not be served"
    );
    // A client that does not trust the server's CA refuses it.
    let other = ca("unrelated");
    let distrustful = ClientTlsConfig::new()
        .ca_certificate(Certificate::from_pem(other.pem()))
        .domain_name("localhost");
    assert!(call(&server, Some(distrustful)).await.is_err());
}

#[tokio::test]
async fn mutual_tls_requires_a_client_certificate_signed_by_the_configured_ca() {
    let pki = pki();
    let server = tls_server(&pki, true).await;
    call(&server, Some(client_tls(&pki, Some(&pki.client))))
        .await
        .expect("a trusted client");
    let no_cert = call(&server, Some(client_tls(&pki, None))).await;
    assert!(
        no_cert.is_err(),
        "a client without a certificate must be refused"
    );
    let rogue = call(&server, Some(client_tls(&pki, Some(&pki.rogue)))).await;
    assert!(
        rogue.is_err(),
        "a client certificate from another CA must be refused"
    );
    assert!(call(&server, None).await.is_err());
    // The refusals did not hurt the server.
    call(&server, Some(client_tls(&pki, Some(&pki.client))))
        .await
        .expect("still serving");
}

#[tokio::test]
async fn the_binary_serves_mutual_tls_from_pem_files() {
    let pki = pki();
    let dir = std::env::temp_dir().join(format!("crm-competency-tls-{}", std::process::id()));
    std::fs::create_dir_all(&dir).expect("dir");
    let write = |name: &str, text: &str| {
        let p = dir.join(name);
        std::fs::write(&p, text).expect("write");
        p.to_string_lossy().into_owned()
    };
    let (cert, key, ca) = (
        write("server.pem", &pki.server.cert),
        write("server.key", &pki.server.key),
        write("ca.pem", &pki.ca),
    );
    let server = common::binary::Binary::start(
        &[
            "--tls-cert",
            &cert,
            "--tls-key",
            &key,
            "--tls-client-ca",
            &ca,
        ],
        &[],
    );
    assert!(server.logs().contains("mutual_tls=true"));
    let as_test_server = |tls| async {
        let url = format!("https://localhost:{}", server.addr.port());
        let channel = Channel::from_shared(url)
            .expect("url")
            .tls_config(tls)
            .expect("tls")
            .connect()
            .await;
        match channel {
            Ok(ch) => CompetencyServiceClient::new(ch)
                .evaluate(contoso("ru"))
                .await
                .map(|r| r.into_inner().locale)
                .map_err(|e| e.to_string()),
            Err(e) => Err(e.to_string()),
        }
    };
    assert_eq!(
        as_test_server(client_tls(&pki, Some(&pki.client)))
            .await
            .as_deref(),
        Ok("ru-RU")
    );
    assert!(as_test_server(client_tls(&pki, None)).await.is_err());
    let _ = std::fs::remove_dir_all(&dir);
}

#[tokio::test]
async fn handshakes_that_never_finish_are_timed_out_and_counted() {
    use tokio::io::{AsyncReadExt, AsyncWriteExt};
    let pki = pki();
    let dir = std::env::temp_dir().join(format!("crm-competency-tls-hs-{}", std::process::id()));
    std::fs::create_dir_all(&dir).expect("dir");
    let write = |name: &str, text: &str| {
        let p = dir.join(name);
        std::fs::write(&p, text).expect("write");
        p.to_string_lossy().into_owned()
    };
    let (cert, key) = (
        write("server.pem", &pki.server.cert),
        write("server.key", &pki.server.key),
    );
    let server = common::binary::Binary::start(
        &[
            "--tls-cert",
            &cert,
            "--tls-key",
            &key,
            "--tls-handshake-timeout",
            "1",
        ],
        &[],
    );
    // 20 connections that start a TLS record and never finish it.
    let started = std::time::Instant::now();
    let mut stalled = Vec::new();
    for _ in 0..20 {
        let mut socket = tokio::net::TcpStream::connect(server.addr)
            .await
            .expect("connect");
        socket
            .write_all(&[0x16, 0x03, 0x01, 0x02, 0x00])
            .await
            .expect("write");
        stalled.push(socket);
    }
    for mut socket in stalled {
        let mut buf = [0u8; 64];
        let closed = tokio::time::timeout(Duration::from_secs(10), async {
            loop {
                match socket.read(&mut buf).await {
                    Ok(0) | Err(_) => break,
                    Ok(_) => {}
                }
            }
        })
        .await;
        assert!(closed.is_ok(), "a stalled handshake was not closed");
    }
    let took = started.elapsed();
    assert!(took >= Duration::from_millis(900), "{took:?}");
    let metrics = {
        let mut stream = tokio::net::TcpStream::connect(server.metrics_addr())
            .await
            .expect("connect");
        stream
            .write_all(b"GET /metrics HTTP/1.1\r\nHost: m\r\nConnection: close\r\n\r\n")
            .await
            .expect("write");
        let mut text = String::new();
        stream.read_to_string(&mut text).await.expect("read");
        text
    };
    assert!(
        metrics.contains("crm_competency_connections_closed_total{reason=\"tls handshake\"} 20"),
        "{metrics}"
    );
    // A complete handshake is still served.
    let channel = Channel::from_shared(format!("https://localhost:{}", server.addr.port()))
        .expect("url")
        .tls_config(client_tls(&pki, None))
        .expect("tls")
        .connect()
        .await
        .expect("connect");
    CompetencyServiceClient::new(channel)
        .evaluate(contoso("en"))
        .await
        .expect("a call after the stalled handshakes");
    let _ = std::fs::remove_dir_all(&dir);
}
