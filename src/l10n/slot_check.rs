//! Which string arguments a template may leave as slots: those a message
//! only prints (`Template::new` asks before it renders the message).

use fluent_syntax::ast;

use super::{Locale, Localizer};

/// Finds a slot the message (or a message it references, which sees the
/// same arguments) uses other than by printing it: as a selector or a
/// function argument. Such a message is not affine in that argument.
pub(super) struct SlotCheck<'a, 's> {
    pub(super) l10n: &'a Localizer,
    pub(super) locale: Locale,
    pub(super) slots: &'s [&'s str],
}

impl<'a> SlotCheck<'a, '_> {
    pub(super) fn pattern(
        &self,
        pattern: &'a ast::Pattern<&'a str>,
        depth: usize,
    ) -> Option<&'a str> {
        if depth > 8 {
            return None; // Fluent itself reports cyclic references
        }
        pattern.elements.iter().find_map(|element| match element {
            ast::PatternElement::Placeable { expression } => self.expression(expression, depth),
            ast::PatternElement::TextElement { .. } => None,
        })
    }

    fn expression(
        &self,
        expression: &'a ast::Expression<&'a str>,
        depth: usize,
    ) -> Option<&'a str> {
        let slot = |e: &ast::InlineExpression<&'a str>| match e {
            ast::InlineExpression::VariableReference { id } if self.slots.contains(&id.name) => {
                Some(id.name)
            }
            _ => None,
        };
        match expression {
            ast::Expression::Select { selector, variants } => slot(selector).or_else(|| {
                variants
                    .iter()
                    .find_map(|v| self.pattern(&v.value, depth + 1))
            }),
            ast::Expression::Inline(e) => match e {
                ast::InlineExpression::FunctionReference { arguments, .. } => {
                    arguments.positional.iter().find_map(slot)
                }
                ast::InlineExpression::MessageReference { id, attribute } => self
                    .l10n
                    .pattern(self.locale, id.name, attribute.as_ref().map(|a| a.name))
                    .and_then(|p| self.pattern(p, depth + 1)),
                ast::InlineExpression::Placeable { expression } => {
                    self.expression(expression, depth + 1)
                }
                _ => None,
            },
        }
    }
}
