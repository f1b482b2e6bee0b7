//! No import cycles among `src/` modules (issue 23): the crate's top-level
//! modules (`rules`, `api`, `l10n`, `server`, `metrics`, …) form no cycle,
//! and neither do the modules inside each of them (`api::render`,
//! `api::outlook`, `api::warnings`, …; `rules::evaluate`, `rules::outlook`,
//! …). A module may use its parent's re-exports and its own children; what
//! counts is one sibling reaching another, by `crate::…` or `super::…` paths
//! anywhere in its files (tests and comments left out).

use std::collections::{BTreeMap, BTreeSet};
use std::fs;
use std::path::{Path, PathBuf};

/// Every `.rs` file under `dir`.
fn files(dir: &Path, out: &mut Vec<PathBuf>) {
    for entry in fs::read_dir(dir).expect("read src") {
        let path = entry.expect("entry").path();
        if path.is_dir() {
            files(&path, out);
        } else if path.extension().is_some_and(|e| e == "rs") {
            out.push(path);
        }
    }
}

/// The module path of a file under `src/`: `src/api/render/mod.rs` →
/// `["api", "render"]`; `src/rules/exams_tests.rs` (a `#[path]` test file)
/// is left out by the caller.
fn module_path(src: &Path, file: &Path) -> Vec<String> {
    let rel = file.strip_prefix(src).expect("under src");
    let mut parts: Vec<String> = rel
        .iter()
        .map(|p| p.to_string_lossy().trim_end_matches(".rs").to_string())
        .collect();
    if parts
        .last()
        .is_some_and(|p| p == "mod" || p == "lib" || p == "main")
    {
        parts.pop();
    }
    parts
}

/// The file's code without comments and without its `#[cfg(test)]` part.
fn code(text: &str) -> String {
    let text = match text.find("#[cfg(test)]") {
        Some(at) => &text[..at],
        None => text,
    };
    text.lines()
        .map(|line| match line.find("//") {
            Some(at) => &line[..at],
            None => line,
        })
        .collect::<Vec<_>>()
        .join("\n")
}

fn is_ident(c: char) -> bool {
    c.is_ascii_alphanumeric() || c == '_'
}

/// Every path the code names from `crate::` or `super::`, resolved to an
/// absolute module path (the first segments only: enough to tell modules
/// apart). Groups (`super::{a, b::c}`) give one path per item.
fn paths(module: &[String], is_mod_file: bool, code: &str) -> Vec<Vec<String>> {
    let mut out = Vec::new();
    let bytes: Vec<char> = code.chars().collect();
    let mut i = 0;
    while i < bytes.len() {
        let starts_word = i == 0 || !is_ident(bytes[i - 1]) && bytes[i - 1] != ':';
        let rest: String = bytes[i..bytes.len().min(i + 7)].iter().collect();
        if !starts_word || !(rest.starts_with("crate::") || rest.starts_with("super::")) {
            i += 1;
            continue;
        }
        // Base: the crate root, or the parent of the current module (a
        // `mod.rs` file is its module itself; any other file's `super` is
        // the directory's module).
        let mut base: Vec<String> = Vec::new();
        let mut j = i;
        if rest.starts_with("crate::") {
            j += "crate::".len();
        } else {
            base = module.to_vec();
            while bytes[j..].iter().collect::<String>().starts_with("super::") {
                base.pop();
                j += "super::".len();
            }
            let _ = is_mod_file;
        }
        let mut segments = Vec::new();
        loop {
            let start = j;
            while j < bytes.len() && is_ident(bytes[j]) {
                j += 1;
            }
            if start == j {
                break;
            }
            segments.push(bytes[start..j].iter().collect::<String>());
            if bytes[j..].iter().take(2).collect::<String>() == "::" {
                j += 2;
            } else {
                break;
            }
        }
        if segments.is_empty() && bytes.get(j) == Some(&'{') {
            // A group: its items' first segments.
            let end = bytes[j..]
                .iter()
                .position(|c| *c == '}')
                .map_or(bytes.len(), |p| j + p);
            let group: String = bytes[j + 1..end].iter().collect();
            for item in group.split(',') {
                let first: String = item.trim().chars().take_while(|c| is_ident(*c)).collect();
                if !first.is_empty() && first != "self" {
                    let mut path = base.clone();
                    path.push(first);
                    out.push(path);
                }
            }
            i = end;
            continue;
        }
        let mut path = base;
        path.extend(segments);
        out.push(path);
        i = j.max(i + 1);
    }
    out
}

/// Whether `graph` has a cycle; `Err` names one.
fn acyclic(graph: &BTreeMap<String, BTreeSet<String>>) -> Result<(), Vec<String>> {
    fn visit(
        node: &str,
        graph: &BTreeMap<String, BTreeSet<String>>,
        state: &mut BTreeMap<String, u8>,
        stack: &mut Vec<String>,
    ) -> Result<(), Vec<String>> {
        match state.get(node) {
            Some(2) => return Ok(()),
            Some(1) => {
                let at = stack.iter().position(|n| n == node).unwrap_or(0);
                let mut cycle = stack[at..].to_vec();
                cycle.push(node.to_string());
                return Err(cycle);
            }
            _ => {}
        }
        state.insert(node.to_string(), 1);
        stack.push(node.to_string());
        for next in graph.get(node).into_iter().flatten() {
            visit(next, graph, state, stack)?;
        }
        stack.pop();
        state.insert(node.to_string(), 2);
        Ok(())
    }
    let mut state = BTreeMap::new();
    for node in graph.keys() {
        visit(node, graph, &mut state, &mut Vec::new())?;
    }
    Ok(())
}

#[test]
fn no_module_imports_another_that_imports_it_back() {
    let src = Path::new(env!("CARGO_MANIFEST_DIR")).join("src");
    let mut all = Vec::new();
    files(&src, &mut all);
    // Modules that exist: every file's module path and its prefixes.
    let mut modules: BTreeSet<Vec<String>> = BTreeSet::new();
    for file in &all {
        let m = module_path(&src, file);
        for n in 1..=m.len() {
            modules.insert(m[..n].to_vec());
        }
    }
    // Edges between siblings: (parent, child a) → (parent, child b).
    let mut graphs: BTreeMap<Vec<String>, BTreeMap<String, BTreeSet<String>>> = BTreeMap::new();
    for file in &all {
        if file.to_string_lossy().ends_with("_tests.rs")
            || file.file_name().is_some_and(|n| n == "tests.rs")
            || file.file_name().is_some_and(|n| n == "main.rs")
        {
            continue;
        }
        let text = fs::read_to_string(file).expect("read");
        let module = module_path(&src, file);
        let is_mod = file.file_name().is_some_and(|n| n == "mod.rs");
        for path in paths(&module, is_mod, &code(&text)) {
            // Where `module` and the target part: the first differing
            // segment under a common parent, both being modules.
            let common = module.iter().zip(&path).take_while(|(a, b)| a == b).count();
            if common >= module.len() || common >= path.len() {
                continue; // the module itself, a child, or the parent
            }
            let target = path[..=common].to_vec();
            if !modules.contains(&target) {
                continue; // a re-export of the parent, not a module
            }
            let parent = module[..common].to_vec();
            graphs
                .entry(parent)
                .or_default()
                .entry(module[common].clone())
                .or_default()
                .insert(path[common].clone());
        }
    }
    assert!(
        graphs.contains_key(&vec!["api".to_string()]),
        "the parser finds no sibling imports in src/api: {graphs:?}"
    );
    for (parent, graph) in &graphs {
        if let Err(cycle) = acyclic(graph) {
            panic!(
                "import cycle among the modules of crate::{}: {}",
                parent.join("::"),
                cycle.join(" → ")
            );
        }
    }
}
