//! The ranking kernel's files form a layered graph: no two files of
//! `src/rank/` import each other, directly or round a circle, as their
//! `super::` paths show. (A file may always use its parent, `rank/mod.rs`.)
//!
//! This reads the sources, so it checks the code as written, not a list kept
//! by hand.

use std::collections::{BTreeMap, BTreeSet};
use std::path::Path;

/// The sibling modules a file names through `super::NAME::` (in `use` lines
/// or paths in code), comments left out.
fn siblings_used(text: &str, modules: &BTreeSet<String>) -> BTreeSet<String> {
    let mut out = BTreeSet::new();
    for line in text.lines() {
        let code = line.split("//").next().unwrap_or("");
        let mut rest = code;
        while let Some(i) = rest.find("super::") {
            rest = &rest[i + "super::".len()..];
            // `super::{a::X, b::{Y, Z}}` names several modules.
            let names: Vec<&str> = if let Some(group) = rest.strip_prefix('{') {
                group.split(',').map(|part| part.trim_start_matches(['{', ' '])).collect()
            } else {
                vec![rest]
            };
            for n in names {
                let name: String = n.chars().take_while(|c| c.is_ascii_alphanumeric() || *c == '_').collect();
                if n[name.len()..].starts_with("::") && modules.contains(&name) {
                    out.insert(name);
                }
            }
        }
    }
    out
}

/// A cycle in `graph`, if there is one, as the list of files round it.
fn find_cycle(graph: &BTreeMap<String, BTreeSet<String>>) -> Option<Vec<String>> {
    fn visit(
        node: &str,
        graph: &BTreeMap<String, BTreeSet<String>>,
        state: &mut BTreeMap<String, u8>,
        path: &mut Vec<String>,
    ) -> Option<Vec<String>> {
        match state.get(node) {
            Some(2) => return None,
            Some(1) => {
                let from = path.iter().position(|p| p == node).unwrap_or(0);
                let mut cycle = path[from..].to_vec();
                cycle.push(node.to_string());
                return Some(cycle);
            }
            _ => {}
        }
        state.insert(node.to_string(), 1);
        path.push(node.to_string());
        for next in graph.get(node).into_iter().flatten() {
            if let Some(c) = visit(next, graph, state, path) {
                return Some(c);
            }
        }
        path.pop();
        state.insert(node.to_string(), 2);
        None
    }
    let mut state = BTreeMap::new();
    graph.keys().find_map(|n| visit(n, graph, &mut state, &mut Vec::new()))
}

#[test]
fn rank_files_import_each_other_in_one_direction_only() {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("src/rank");
    let mut sources = BTreeMap::new();
    for entry in std::fs::read_dir(&dir).unwrap() {
        let path = entry.unwrap().path();
        let stem = path.file_stem().unwrap().to_string_lossy().into_owned();
        if path.extension().is_some_and(|e| e == "rs") && stem != "mod" {
            sources.insert(stem, std::fs::read_to_string(&path).unwrap());
        }
    }
    let modules: BTreeSet<String> = sources.keys().cloned().collect();
    let graph: BTreeMap<String, BTreeSet<String>> = sources
        .iter()
        .map(|(name, text)| {
            let mut used = siblings_used(text, &modules);
            used.remove(name);
            (name.clone(), used)
        })
        .collect();
    // Not vacuous: the kernel's files do use each other.
    assert!(graph.values().map(BTreeSet::len).sum::<usize>() > 20, "{graph:?}");
    assert!(graph["index"].contains("eval") && graph["seekers"].contains("reverse"), "{graph:?}");
    if let Some(cycle) = find_cycle(&graph) {
        panic!("rank/ files import each other: {}", cycle.join(" → "));
    }
}

#[test]
fn the_cycle_finder_finds_cycles() {
    let g = |edges: &[(&str, &str)]| {
        let mut m: BTreeMap<String, BTreeSet<String>> = BTreeMap::new();
        for (a, b) in edges {
            m.entry(a.to_string()).or_default().insert(b.to_string());
            m.entry(b.to_string()).or_default();
        }
        m
    };
    assert_eq!(find_cycle(&g(&[("a", "b"), ("b", "c"), ("a", "c")])), None);
    assert_eq!(find_cycle(&g(&[("a", "b"), ("b", "c"), ("c", "a")])).map(|c| c.len()), Some(4));
    let modules: BTreeSet<String> = ["exec", "eval", "slots"].iter().map(|s| s.to_string()).collect();
    let used = siblings_used(
        "use super::exec::{par_map, Executor};\nuse super::{eval::Geo, slots::Slots};\n// super::spatial::x\nlet b = super::Match;",
        &modules,
    );
    assert_eq!(used.into_iter().collect::<Vec<_>>(), ["eval", "exec", "slots"]);
}
