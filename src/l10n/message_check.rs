//! Test-only: a module's typed messages checked against its FTL file.

use std::collections::BTreeSet;

use fluent_syntax::ast;

use super::{Message, SOURCES};

type Find<'a, 's> = &'a dyn Fn(&str) -> Option<&'a ast::Pattern<&'s str>>;

/// Every message that `file` defines has exactly one of `messages`, and the
/// argument names of each are the variables its message reads, in every
/// locale (a message reference reads the caller's variables too), plus
/// those listed in `offered` as (id, variable): arguments a message's
/// comment documents for translators whose grammar needs them, that no
/// locale reads yet.
pub(crate) fn check_messages(file: &str, messages: &[&dyn Message], offered: &[(&str, &str)]) {
    let ids: Vec<&str> = messages.iter().map(|m| m.id()).collect();
    let unique: BTreeSet<&str> = ids.iter().copied().collect();
    assert_eq!(unique.len(), ids.len(), "an id has two structs: {ids:?}");
    for (tag, files) in SOURCES {
        let resources: Vec<(&str, ast::Resource<&str>)> = files
            .iter()
            .map(|(name, source)| {
                let resource = fluent_syntax::parser::parse(*source)
                    .unwrap_or_else(|(_, errors)| panic!("{tag}/{name}: {errors:?}"));
                (*name, resource)
            })
            .collect();
        let (_, resource) = resources
            .iter()
            .find(|(name, _)| *name == file)
            .unwrap_or_else(|| panic!("{tag} has no {file}"));
        let defined: BTreeSet<&str> = resource
            .body
            .iter()
            .filter_map(|entry| match entry {
                ast::Entry::Message(m) => Some(m.id.name),
                _ => None,
            })
            .collect();
        assert_eq!(defined, unique, "{tag}/{file}: its messages vs the structs");

        let find = |id: &str| {
            resources.iter().find_map(|(_, r)| {
                r.body.iter().find_map(|entry| match entry {
                    ast::Entry::Message(m) if m.id.name == id => m.value.as_ref(),
                    _ => None,
                })
            })
        };
        for message in messages {
            let pattern = find(message.id()).expect("defined");
            let mut read = BTreeSet::new();
            pattern_variables(pattern, &find, &mut read);
            read.extend(
                offered
                    .iter()
                    .filter(|(id, _)| *id == message.id())
                    .map(|(_, variable)| variable.to_string()),
            );
            let args = message.args();
            let names: Vec<&str> = args.iter().map(|(name, _)| name).collect();
            let given: BTreeSet<&str> = names.iter().copied().collect();
            assert_eq!(given.len(), names.len(), "{}: {names:?}", message.id());
            let read: BTreeSet<&str> = read.iter().map(String::as_str).collect();
            assert_eq!(given, read, "{tag}: the arguments of {}", message.id());
        }
    }
}

fn pattern_variables(pattern: &ast::Pattern<&str>, find: Find, out: &mut BTreeSet<String>) {
    for element in &pattern.elements {
        if let ast::PatternElement::Placeable { expression } = element {
            expression_variables(expression, find, out);
        }
    }
}

fn expression_variables(e: &ast::Expression<&str>, find: Find, out: &mut BTreeSet<String>) {
    match e {
        ast::Expression::Select { selector, variants } => {
            inline_variables(selector, find, out);
            for v in variants {
                pattern_variables(&v.value, find, out);
            }
        }
        ast::Expression::Inline(i) => inline_variables(i, find, out),
    }
}

fn inline_variables(e: &ast::InlineExpression<&str>, find: Find, out: &mut BTreeSet<String>) {
    match e {
        ast::InlineExpression::VariableReference { id } => {
            out.insert(id.name.to_string());
        }
        ast::InlineExpression::MessageReference { id, .. } => {
            let target = find(id.name).unwrap_or_else(|| panic!("no message {}", id.name));
            pattern_variables(target, find, out);
        }
        ast::InlineExpression::FunctionReference { arguments, .. } => {
            for a in &arguments.positional {
                inline_variables(a, find, out);
            }
        }
        ast::InlineExpression::Placeable { expression } => {
            expression_variables(expression, find, out)
        }
        _ => {}
    }
}
