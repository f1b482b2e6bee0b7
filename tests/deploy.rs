//! The container and Kubernetes files parse and say what the service needs.

use std::path::Path;

use serde_norway::Value;

fn root() -> &'static Path {
    Path::new(env!("CARGO_MANIFEST_DIR"))
}

fn manifests() -> Vec<(String, Value)> {
    let mut out = Vec::new();
    let mut files: Vec<_> = std::fs::read_dir(root().join("deploy"))
        .expect("deploy/")
        .map(|e| e.expect("entry").path())
        .filter(|p| p.extension().is_some_and(|e| e == "yaml" || e == "yml"))
        .collect();
    files.sort();
    assert!(!files.is_empty());
    for path in files {
        let text = std::fs::read_to_string(&path).expect("read");
        for doc in serde_norway::Deserializer::from_str(&text) {
            let value =
                Value::deserialize(doc).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
            out.push((
                path.file_name()
                    .expect("name")
                    .to_string_lossy()
                    .into_owned(),
                value,
            ));
        }
    }
    out
}

use serde::Deserialize;

fn of_kind<'a>(all: &'a [(String, Value)], kind: &str) -> &'a Value {
    let found: Vec<_> = all
        .iter()
        .filter(|(_, v)| v["kind"].as_str() == Some(kind))
        .collect();
    assert_eq!(found.len(), 1, "exactly one {kind}");
    &found[0].1
}

#[test]
fn every_manifest_parses_and_has_api_version_kind_and_name() {
    let all = manifests();
    for (file, v) in &all {
        assert!(v["apiVersion"].as_str().is_some(), "{file}: apiVersion");
        assert!(v["kind"].as_str().is_some(), "{file}: kind");
        if v["kind"] != "Kustomization" {
            assert_eq!(
                v["metadata"]["name"].as_str(),
                Some("crm-competency"),
                "{file}"
            );
        }
    }
    let kustomization = of_kind(&all, "Kustomization");
    let listed: Vec<_> = kustomization["resources"]
        .as_sequence()
        .expect("resources")
        .iter()
        .filter_map(|r| r.as_str())
        .collect();
    for (file, v) in &all {
        if v["kind"] != "Kustomization" {
            assert!(
                listed.contains(&file.as_str()),
                "{file} not in kustomization.yaml"
            );
        }
    }
}

#[test]
fn the_deployment_probes_grpc_health_and_bounds_resources() {
    let all = manifests();
    let d = of_kind(&all, "Deployment");
    let pod = &d["spec"]["template"]["spec"];
    let c = &pod["containers"][0];
    assert_eq!(c["ports"][0]["containerPort"].as_u64(), Some(50051));
    assert_eq!(c["readinessProbe"]["grpc"]["port"].as_u64(), Some(50051));
    assert_eq!(
        c["readinessProbe"]["grpc"]["service"].as_str(),
        Some("partner.competency.v1.CompetencyService")
    );
    assert_eq!(c["livenessProbe"]["grpc"]["port"].as_u64(), Some(50051));
    for kind in ["requests", "limits"] {
        assert!(c["resources"][kind]["cpu"].as_str().is_some(), "{kind}.cpu");
        assert!(
            c["resources"][kind]["memory"].as_str().is_some(),
            "{kind}.memory"
        );
    }
    assert_eq!(pod["securityContext"]["runAsNonRoot"].as_bool(), Some(true));
    assert_eq!(
        c["securityContext"]["readOnlyRootFilesystem"].as_bool(),
        Some(true)
    );
    let env = c["env"].as_sequence().expect("env");
    let get = |name: &str| {
        env.iter()
            .find(|e| e["name"] == name)
            .and_then(|e| e["value"].as_str())
            .map(str::to_owned)
    };
    assert_eq!(
        get("CRM_COMPETENCY_LISTEN").as_deref(),
        Some("0.0.0.0:50051")
    );
    let grace: u64 = get("CRM_COMPETENCY_SHUTDOWN_GRACE")
        .expect("grace")
        .parse()
        .expect("number");
    let termination = pod["terminationGracePeriodSeconds"]
        .as_u64()
        .expect("terminationGracePeriodSeconds");
    assert!(
        termination > grace,
        "the kubelet must wait longer than the service drains"
    );
    let labels = &d["spec"]["selector"]["matchLabels"];
    assert_eq!(
        &d["spec"]["template"]["metadata"]["labels"]["app.kubernetes.io/name"],
        &labels["app.kubernetes.io/name"]
    );
}

#[test]
fn the_service_is_headless_for_client_side_balancing_and_the_rest_targets_the_deployment() {
    let all = manifests();
    let s = of_kind(&all, "Service");
    assert_eq!(s["spec"]["clusterIP"].as_str(), Some("None"));
    assert_eq!(s["spec"]["ports"][0]["port"].as_u64(), Some(50051));
    assert_eq!(s["spec"]["ports"][0]["appProtocol"].as_str(), Some("grpc"));
    let pdb = of_kind(&all, "PodDisruptionBudget");
    assert!(
        pdb["spec"]["maxUnavailable"].as_u64().is_some()
            || pdb["spec"]["minAvailable"].as_u64().is_some()
    );
    let hpa = of_kind(&all, "HorizontalPodAutoscaler");
    assert_eq!(
        hpa["spec"]["scaleTargetRef"]["kind"].as_str(),
        Some("Deployment")
    );
    assert_eq!(
        hpa["spec"]["scaleTargetRef"]["name"].as_str(),
        Some("crm-competency")
    );
    let min = hpa["spec"]["minReplicas"].as_u64().expect("min");
    assert!(min >= 2 && hpa["spec"]["maxReplicas"].as_u64().expect("max") > min);
}

#[test]
fn the_dockerfile_is_multi_stage_and_runs_as_non_root() {
    let text = std::fs::read_to_string(root().join("Dockerfile")).expect("Dockerfile");
    let stages = text.lines().filter(|l| l.starts_with("FROM ")).count();
    assert!(stages >= 2, "multi-stage");
    assert!(text.contains("cargo build --release --locked"));
    let user = text
        .lines()
        .rfind(|l| l.starts_with("USER "))
        .expect("a USER line");
    assert_eq!(user, "USER nonroot:nonroot");
    assert!(text.contains("nonroot"));
    assert!(text.contains("ENTRYPOINT [\"/usr/local/bin/crm-competency\"]"));
    assert!(text.contains("CRM_COMPETENCY_LISTEN=0.0.0.0:50051"));
    // Everything the build reads is copied in.
    for path in [
        "Cargo.toml",
        "Cargo.lock",
        "build.rs",
        "proto",
        "locales",
        "src",
        "benches",
        "examples",
    ] {
        assert!(text.contains(path), "{path} not copied");
        assert!(
            root().join(path).exists(),
            "{path} missing from the repository"
        );
    }
}

/// The named port's container port in the Deployment.
fn container_port(deployment: &Value, name: &str) -> u64 {
    deployment["spec"]["template"]["spec"]["containers"][0]["ports"]
        .as_sequence()
        .expect("ports")
        .iter()
        .find(|p| p["name"] == name)
        .and_then(|p| p["containerPort"].as_u64())
        .unwrap_or_else(|| panic!("no port named {name}"))
}

/// Whether a NetworkPolicy port entry names `name` (or its number).
fn names_port(entry: &Value, name: &str, number: u64) -> bool {
    entry["port"].as_str() == Some(name) || entry["port"].as_u64() == Some(number)
}

#[test]
fn the_metrics_port_is_reachable_only_from_prometheus() {
    let all = manifests();
    let d = of_kind(&all, "Deployment");
    let metrics = container_port(d, "metrics");
    let grpc = container_port(d, "grpc");
    // The listener, the port and the scrape annotation agree.
    let env = d["spec"]["template"]["spec"]["containers"][0]["env"]
        .as_sequence()
        .expect("env");
    let listen = env
        .iter()
        .find(|e| e["name"] == "CRM_COMPETENCY_METRICS_LISTEN")
        .and_then(|e| e["value"].as_str())
        .expect("CRM_COMPETENCY_METRICS_LISTEN");
    assert_eq!(listen, format!("0.0.0.0:{metrics}"));
    assert_eq!(
        d["spec"]["template"]["metadata"]["annotations"]["prometheus.io/port"].as_str(),
        Some(metrics.to_string().as_str())
    );

    let policy = of_kind(&all, "NetworkPolicy");
    assert_eq!(
        &policy["spec"]["podSelector"]["matchLabels"], &d["spec"]["template"]["metadata"]["labels"],
        "the policy selects the Deployment's pods"
    );
    let types = policy["spec"]["policyTypes"]
        .as_sequence()
        .expect("policyTypes");
    assert!(types.iter().any(|t| t == "Ingress"));
    let rules = policy["spec"]["ingress"].as_sequence().expect("ingress");
    let mut grpc_open = false;
    let mut prometheus = false;
    for rule in rules {
        // A rule without ports would open every port, metrics included.
        let ports = rule["ports"]
            .as_sequence()
            .expect("every rule names its ports");
        if ports.iter().any(|p| names_port(p, "grpc", grpc)) {
            grpc_open = true;
        }
        if ports.iter().any(|p| names_port(p, "metrics", metrics)) {
            let from = rule["from"]
                .as_sequence()
                .expect("the metrics port only from named peers");
            assert!(!from.is_empty());
            for peer in from {
                assert!(peer.get("ipBlock").is_none(), "{peer:?}");
                for selector in ["namespaceSelector", "podSelector"] {
                    let labels = peer[selector]["matchLabels"]
                        .as_mapping()
                        .unwrap_or_else(|| panic!("{selector} in {peer:?}"));
                    assert!(!labels.is_empty(), "{selector} in {peer:?}");
                }
                assert_eq!(
                    peer["podSelector"]["matchLabels"]["app.kubernetes.io/name"].as_str(),
                    Some("prometheus")
                );
            }
            prometheus = true;
        }
    }
    assert!(grpc_open, "the gRPC port stays open to clients and probes");
    assert!(prometheus, "Prometheus may scrape the metrics port");
}
