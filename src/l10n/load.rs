//! Each locale's data, loaded once at start: its FTL files compiled into a
//! Fluent bundle (or a pseudo-locale's read from a directory), the messages
//! that take no arguments rendered, and its ICU4X formatters.

use std::path::Path;
use std::sync::RwLock;

use fluent::concurrent::FluentBundle;
use fluent::FluentResource;
use icu_decimal::DecimalFormatter;
use icu_list::{options::ListFormatterOptions, ListFormatter};
use icu_plurals::PluralRules;
use rustc_hash::FxHashMap as HashMap;
use unic_langid::LanguageIdentifier;

use super::lists::List;
use super::{numbers, pieces, L10nError, Locale};
use crate::rules::Date;

/// The FTL sources of each locale, compiled into the binary.
pub const SOURCES: [(&str, &[(&str, &str)]); 2] = [
    (
        "en-US",
        &[
            (
                "competency.ftl",
                include_str!("../../locales/en-US/competency.ftl"),
            ),
            (
                "evaluation.ftl",
                include_str!("../../locales/en-US/evaluation.ftl"),
            ),
            ("errors.ftl", include_str!("../../locales/en-US/errors.ftl")),
            (
                "formats.ftl",
                include_str!("../../locales/en-US/formats.ftl"),
            ),
            (
                "outlook.ftl",
                include_str!("../../locales/en-US/outlook.ftl"),
            ),
            (
                "warnings.ftl",
                include_str!("../../locales/en-US/warnings.ftl"),
            ),
        ],
    ),
    (
        "ru-RU",
        &[
            (
                "competency.ftl",
                include_str!("../../locales/ru-RU/competency.ftl"),
            ),
            (
                "evaluation.ftl",
                include_str!("../../locales/ru-RU/evaluation.ftl"),
            ),
            ("errors.ftl", include_str!("../../locales/ru-RU/errors.ftl")),
            (
                "formats.ftl",
                include_str!("../../locales/ru-RU/formats.ftl"),
            ),
            (
                "outlook.ftl",
                include_str!("../../locales/ru-RU/outlook.ftl"),
            ),
            (
                "warnings.ftl",
                include_str!("../../locales/ru-RU/warnings.ftl"),
            ),
        ],
    ),
];

pub(super) struct LocaleData {
    pub(super) bundle: FluentBundle<FluentResource>,
    /// Messages that take no arguments (labels), rendered once at start.
    pub(super) fixed: HashMap<String, String>,
    /// Rendered dates (see `Localizer::date`).
    pub(super) dates: RwLock<HashMap<Date, String>>,
    pub(super) decimal: DecimalFormatter,
    pub(super) plurals: PluralRules,
    pub(super) and: List,
    pub(super) or: List,
}

impl LocaleData {
    /// Compiles one locale's FTL files and loads its ICU4X data.
    pub(super) fn load<'s>(
        locale: Locale,
        files: impl Iterator<Item = (String, &'s str)>,
    ) -> Result<LocaleData, L10nError> {
        let tag = locale.tag();
        let langid: LanguageIdentifier = tag.parse().map_err(|e| L10nError::Icu {
            locale: tag,
            detail: format!("{e}"),
        })?;
        let mut bundle = FluentBundle::new_concurrent(vec![langid]);
        bundle.set_use_isolating(false);
        bundle.set_formatter(Some(numbers::format_number));
        let mut ids = Vec::new();
        for (file, source) in files {
            if let Some(c) = source.chars().find(|c| pieces::is_marker(*c)) {
                return Err(L10nError::Resource {
                    locale: tag,
                    file,
                    detail: format!("U+{:04X} is reserved for template slots", u32::from(c)),
                });
            }
            let resource = match FluentResource::try_new(source.to_string()) {
                Ok(resource) => resource,
                Err((_, errors)) => {
                    return Err(L10nError::Resource {
                        locale: tag,
                        file,
                        detail: format!("{errors:?}"),
                    })
                }
            };
            ids.extend(resource.entries().filter_map(|entry| match entry {
                fluent_syntax::ast::Entry::Message(m) => Some(m.id.name.to_string()),
                _ => None,
            }));
            if let Err(errors) = bundle.add_resource(resource) {
                return Err(L10nError::Resource {
                    locale: tag,
                    file,
                    detail: format!("{errors:?}"),
                });
            }
        }
        let icu_locale: icu_locale_core::Locale = tag.parse().map_err(|e| L10nError::Icu {
            locale: tag,
            detail: format!("{e}"),
        })?;
        let icu = |e: icu_provider::DataError| L10nError::Icu {
            locale: tag,
            detail: e.to_string(),
        };
        let fixed = fixed_messages(&bundle, &ids);
        Ok(LocaleData {
            bundle,
            fixed,
            dates: RwLock::new(HashMap::default()),
            decimal: DecimalFormatter::try_new((&icu_locale).into(), Default::default())
                .map_err(icu)?,
            plurals: PluralRules::try_new_cardinal((&icu_locale).into()).map_err(icu)?,
            and: List::new(
                ListFormatter::try_new_and((&icu_locale).into(), ListFormatterOptions::default())
                    .map_err(icu)?,
            ),
            or: List::new(
                ListFormatter::try_new_or((&icu_locale).into(), ListFormatterOptions::default())
                    .map_err(icu)?,
            ),
        })
    }
}

/// The pseudo-locale's FTL files: every `*.ftl` in `dir`, by name.
pub(super) fn pseudo_files(dir: &Path) -> Result<Vec<(String, String)>, L10nError> {
    let bad = |detail: String| L10nError::PseudoFiles {
        dir: dir.display().to_string(),
        detail,
    };
    let mut files = Vec::new();
    for entry in std::fs::read_dir(dir).map_err(|e| bad(e.to_string()))? {
        let path = entry.map_err(|e| bad(e.to_string()))?.path();
        if path.extension().is_some_and(|e| e == "ftl") {
            let source = std::fs::read_to_string(&path).map_err(|e| bad(e.to_string()))?;
            let name = path.file_name().unwrap_or_default().to_string_lossy();
            files.push((name.into_owned(), source));
        }
    }
    if files.is_empty() {
        return Err(bad("no .ftl files".into()));
    }
    files.sort();
    Ok(files)
}

/// Renders, once, every message that needs no arguments, and each of its
/// attributes (under `id.attribute`: `exam-mb2-714.quoted`).
fn fixed_messages(
    bundle: &FluentBundle<FluentResource>,
    ids: &[String],
) -> HashMap<String, String> {
    let mut fixed = HashMap::default();
    for id in ids {
        let Some(message) = bundle.get_message(id) else {
            continue;
        };
        let value = message.value().map(|pattern| (id.clone(), pattern));
        let attributes = message
            .attributes()
            .map(|a| (format!("{id}.{}", a.id()), a.value()));
        for (key, pattern) in value.into_iter().chain(attributes) {
            let mut errors = Vec::new();
            let text = bundle.format_pattern(pattern, None, &mut errors);
            if errors.is_empty() {
                fixed.insert(key, text.into_owned());
            }
        }
    }
    fixed
}
