//! Test-only: a module's typed messages checked against its FTL file.

use std::collections::BTreeSet;

use fluent::FluentValue;
use fluent_syntax::ast;

use super::{Message, SOURCES};

type Find<'a, 's> = &'a dyn Fn(&str) -> Option<&'a ast::Pattern<&'s str>>;

/// Variant keys that only a number selects: CLDR plural categories other
/// than `other` (which word selectors use too), and number literals.
const PLURAL_ONLY: [&str; 5] = ["zero", "one", "two", "few", "many"];

/// What a message reads.
#[derive(Default)]
struct Read {
    variables: BTreeSet<String>,
    /// Selected on plural categories or exact numbers: must be numbers.
    numbers: BTreeSet<String>,
    /// Selected on words only: must be strings.
    words: BTreeSet<String>,
}

/// Every message that `file` defines has exactly one of `messages`, and the
/// argument names of each are the variables its message reads, in every
/// locale (a message reference reads the caller's variables too), plus
/// those listed in `offered` as (id, variable): arguments a message's
/// comment documents for translators whose grammar needs them, that no
/// locale reads yet. An argument selected on plural categories or numbers
/// is a number (or a plural category the caller computed), one selected on
/// words a string.
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
            let id = message.id();
            let mut read = Read::default();
            read.pattern(find(id).expect("defined"), &find);
            read.variables.extend(
                offered
                    .iter()
                    .filter(|(offered_by, _)| *offered_by == id)
                    .map(|(_, variable)| variable.to_string()),
            );
            let args = message.args();
            let names: Vec<&str> = args.iter().map(|(name, _)| name).collect();
            let given: BTreeSet<&str> = names.iter().copied().collect();
            assert_eq!(given.len(), names.len(), "{id}: {names:?}");
            let wanted: BTreeSet<&str> = read.variables.iter().map(String::as_str).collect();
            assert_eq!(given, wanted, "{tag}: the arguments of {id}");
            for (name, value) in args.iter() {
                let number = matches!(value, FluentValue::Number(_));
                // Or the category itself, computed by the caller (money's).
                let category = matches!(value, FluentValue::String(s)
                    if PLURAL_ONLY.contains(&s.as_ref()) || s == "other");
                if read.numbers.contains(name) {
                    assert!(
                        number || category,
                        "{tag}: {id} selects on ${name} as a number"
                    );
                }
                if read.words.contains(name) {
                    assert!(!number, "{tag}: {id} selects on ${name} as a word");
                }
            }
        }
    }
}

impl Read {
    fn pattern(&mut self, pattern: &ast::Pattern<&str>, find: Find) {
        for element in &pattern.elements {
            if let ast::PatternElement::Placeable { expression } = element {
                self.expression(expression, find);
            }
        }
    }

    fn expression(&mut self, e: &ast::Expression<&str>, find: Find) {
        match e {
            ast::Expression::Select { selector, variants } => {
                self.inline(selector, find);
                if let ast::InlineExpression::VariableReference { id } = selector {
                    let numeric = variants.iter().any(|v| match &v.key {
                        ast::VariantKey::NumberLiteral { .. } => true,
                        ast::VariantKey::Identifier { name } => PLURAL_ONLY.contains(name),
                    });
                    let kind = if numeric {
                        &mut self.numbers
                    } else {
                        &mut self.words
                    };
                    kind.insert(id.name.to_string());
                }
                for v in variants {
                    self.pattern(&v.value, find);
                }
            }
            ast::Expression::Inline(i) => self.inline(i, find),
        }
    }

    fn inline(&mut self, e: &ast::InlineExpression<&str>, find: Find) {
        match e {
            ast::InlineExpression::VariableReference { id } => {
                self.variables.insert(id.name.to_string());
            }
            ast::InlineExpression::MessageReference { id, .. } => {
                let target = find(id.name).unwrap_or_else(|| panic!("no message {}", id.name));
                self.pattern(target, find);
            }
            ast::InlineExpression::FunctionReference { arguments, .. } => {
                for a in &arguments.positional {
                    self.inline(a, find);
                }
            }
            ast::InlineExpression::Placeable { expression } => self.expression(expression, find),
            _ => {}
        }
    }
}
