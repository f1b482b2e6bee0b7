//! Locale negotiation with fluent-langneg: en and en-* → en-US, ru and ru-*
//! → ru-RU, anything else well-formed (private-use and grandfathered tags
//! too) → en-US. The test-only pseudo-locale
//! `en-XA`, where loaded, only for exactly that tag.

use fluent_langneg::{negotiate_languages, NegotiationStrategy};
use unic_langid::LanguageIdentifier;

use super::Locale;

/// The `locale` field is not a well-formed BCP 47 tag.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct MalformedLocale(pub String);

pub(super) struct Negotiator {
    available: Vec<LanguageIdentifier>,
    /// `en-XA` where the pseudo-locale is loaded.
    pseudo: Option<LanguageIdentifier>,
}

impl Negotiator {
    pub(super) fn new(pseudo: bool) -> Negotiator {
        Negotiator {
            available: Locale::ALL
                .iter()
                .filter_map(|l| l.tag().parse().ok())
                .collect(),
            pseudo: pseudo.then(|| Locale::PSEUDO_TAG.parse().ok()).flatten(),
        }
    }

    pub(super) fn negotiate(
        &self,
        requested: &str,
        accept_language: Option<&str>,
    ) -> Result<Locale, (MalformedLocale, Locale)> {
        let fallback = || {
            accept_language
                .map(|header| self.best(&parse_accept_language(header)))
                .unwrap_or(Locale::DEFAULT)
        };
        let requested = requested.trim();
        if requested.is_empty() {
            return Ok(fallback());
        }
        // The tags callers send most often, without parsing.
        match requested {
            "en-US" | "en" | "en-GB" => return Ok(Locale::EnUs),
            "ru-RU" | "ru" => return Ok(Locale::RuRu),
            _ => {}
        }
        match parse_tag(requested) {
            Some(id) => Ok(self.best(&[id])),
            None if names_no_language(requested) => Ok(Locale::DEFAULT),
            None => Err((MalformedLocale(requested.to_string()), fallback())),
        }
    }

    fn best(&self, requested: &[LanguageIdentifier]) -> Locale {
        // The pseudo-locale only when asked for first and by name, never by
        // fallback from another tag.
        if self.pseudo.is_some() && requested.first() == self.pseudo.as_ref() {
            return Locale::Pseudo;
        }
        let matched = negotiate_languages(
            requested,
            &self.available,
            None,
            NegotiationStrategy::Lookup,
        );
        matched
            .first()
            .and_then(|id| {
                Locale::ALL
                    .iter()
                    .copied()
                    .find(|l| l.tag() == id.to_string())
            })
            .unwrap_or(Locale::DEFAULT)
    }
}

/// The language of a BCP 47 tag (`_` read as `-`). A tag may carry
/// extensions (`ru-RU-u-nu-latn`, `en-US-x-test`, as browsers, Java and
/// ICU send them): they say how, not which language, so the whole tag is
/// read as a locale and only its language identifier kept.
fn parse_tag(tag: &str) -> Option<LanguageIdentifier> {
    // "*" and private-use-only tags are not language tags.
    if tag == "*" {
        return None;
    }
    let tag = tag.replace('_', "-");
    let locale = icu_locale_core::Locale::try_from_str(&tag)
        .ok()
        .or_else(|| icu_locale_core::Locale::try_from_str(&without_extlangs(&tag)?).ok())?;
    locale.id.to_string().parse().ok()
}

/// `zh-yue-HK` → `zh-HK`: BCP 47's extended language subtags (up to three
/// of three letters after a language of two or three), which ICU does not
/// read; the language they follow is the one negotiation can match. `None`
/// when the tag has none.
fn without_extlangs(tag: &str) -> Option<String> {
    let mut subtags = tag.split('-');
    let language = subtags.next()?;
    let alpha = |s: &str, n: std::ops::RangeInclusive<usize>| {
        n.contains(&s.len()) && s.bytes().all(|b| b.is_ascii_alphabetic())
    };
    if !alpha(language, 2..=3) {
        return None;
    }
    let rest: Vec<&str> = subtags.collect();
    let extlangs = rest.iter().take(3).take_while(|s| alpha(s, 3..=3)).count();
    if extlangs == 0 {
        return None;
    }
    Some(
        std::iter::once(language)
            .chain(rest[extlangs..].iter().copied())
            .collect::<Vec<_>>()
            .join("-"),
    )
}

/// The grandfathered tags of BCP 47 (RFC 5646, section 2.1), lower-case.
const GRANDFATHERED: [&str; 26] = [
    "en-gb-oed",
    "i-ami",
    "i-bnn",
    "i-default",
    "i-enochian",
    "i-hak",
    "i-klingon",
    "i-lux",
    "i-mingo",
    "i-navajo",
    "i-pwn",
    "i-tao",
    "i-tay",
    "i-tsu",
    "sgn-be-fr",
    "sgn-be-nl",
    "sgn-ch-de",
    "art-lojban",
    "cel-gaulish",
    "no-bok",
    "no-nyn",
    "zh-guoyu",
    "zh-hakka",
    "zh-min",
    "zh-min-nan",
    "zh-xiang",
];

/// Tags that BCP 47 calls well-formed but ICU does not read as a locale:
/// private use only (`x-pseudo`) and the grandfathered ones (`i-klingon`).
/// Like any other well-formed tag of a language the service lacks, they
/// get the default locale, not an error.
fn names_no_language(tag: &str) -> bool {
    let tag = tag.replace('_', "-").to_ascii_lowercase();
    match tag.strip_prefix("x-") {
        Some(private) => private
            .split('-')
            .all(|s| (1..=8).contains(&s.len()) && s.bytes().all(|b| b.is_ascii_alphanumeric())),
        None => GRANDFATHERED.contains(&tag.as_str()),
    }
}

/// `ru;q=0.9, en-GB;q=0.8, *;q=0.1` → tags by descending q, q=0 and
/// malformed entries dropped; equal q keeps header order. `*` (any
/// language) stands for the default locale, at its own q.
fn parse_accept_language(header: &str) -> Vec<LanguageIdentifier> {
    let mut entries: Vec<(u16, usize, LanguageIdentifier)> = header
        .split(',')
        .enumerate()
        .filter_map(|(pos, item)| {
            let mut parts = item.split(';');
            let tag = match parts.next()?.trim() {
                "*" => Locale::DEFAULT.tag().parse().ok()?,
                tag => parse_tag(tag)?,
            };
            let mut q = 1000u16;
            for param in parts {
                if let Some(value) = param.trim().strip_prefix("q=") {
                    q = parse_q(value.trim())?;
                }
            }
            (q > 0).then_some((q, pos, tag))
        })
        .collect();
    entries.sort_by(|a, b| b.0.cmp(&a.0).then(a.1.cmp(&b.1)));
    entries.into_iter().map(|(_, _, tag)| tag).collect()
}

/// A q-value in thousandths: "0.8" → 800, "1" → 1000.
fn parse_q(value: &str) -> Option<u16> {
    let (int, frac) = value.split_once('.').unwrap_or((value, ""));
    if frac.len() > 3 || !frac.chars().all(|c| c.is_ascii_digit()) {
        return None;
    }
    let int: u16 = int.parse().ok()?;
    let frac_val: u16 = if frac.is_empty() {
        0
    } else {
        format!("{frac:0<3}").parse().ok()?
    };
    let q = int * 1000 + frac_val;
    (q <= 1000).then_some(q)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn pick(requested: &str, header: Option<&str>) -> Result<Locale, (MalformedLocale, Locale)> {
        Negotiator::new(false).negotiate(requested, header)
    }

    #[test]
    fn the_pseudo_locale_only_by_name_and_only_where_loaded() {
        let with = Negotiator::new(true);
        assert_eq!(with.negotiate("en-XA", None), Ok(Locale::Pseudo));
        assert_eq!(with.negotiate("en-xa", None), Ok(Locale::Pseudo));
        assert_eq!(with.negotiate("", Some("en-XA, ru")), Ok(Locale::Pseudo));
        assert_eq!(with.negotiate("", Some("ru, en-XA")), Ok(Locale::RuRu));
        for tag in ["en", "en-US", "en-GB", "en-XB", "fr"] {
            assert_eq!(with.negotiate(tag, None), Ok(Locale::EnUs), "{tag}");
        }
        assert_eq!(pick("en-XA", None), Ok(Locale::EnUs));
    }

    #[test]
    fn the_field_wins_and_maps_regions() {
        for tag in ["ru", "ru-RU", "ru-UA", "ru-KZ", "RU-ru", "ru_RU"] {
            assert_eq!(pick(tag, Some("en")), Ok(Locale::RuRu), "{tag}");
        }
        // Extensions are well-formed and name no other language.
        for tag in ["ru-RU-u-nu-latn", "ru-x-test", "ru-RU-t-en-h0-hybrid"] {
            assert_eq!(pick(tag, Some("en")), Ok(Locale::RuRu), "{tag}");
        }
        for tag in ["en-US-u-ca-buddhist", "en-x-test", "th-TH-u-nu-thai"] {
            assert_eq!(pick(tag, Some("ru")), Ok(Locale::EnUs), "{tag}");
        }
        for tag in ["en", "en-GB", "en-US", "de-DE", "zh-Hant-TW", "fr"] {
            assert_eq!(pick(tag, Some("ru")), Ok(Locale::EnUs), "{tag}");
        }
    }

    #[test]
    fn malformed_field_is_an_error_with_a_fallback() {
        assert_eq!(
            pick("not a locale!", Some("ru")),
            Err((MalformedLocale("not a locale!".into()), Locale::RuRu))
        );
        assert!(pick("*", None).is_err());
        assert!(pick("e", None).is_err());
        assert!(pick("ru-u", None).is_err());
        for tag in [
            "x-",
            "x-toolongprivate",
            "x-a_b!",
            "i-unknown",
            "zh-min-nan-x",
        ] {
            assert!(pick(tag, None).is_err(), "{tag}");
        }
    }

    #[test]
    fn private_use_and_grandfathered_tags_are_well_formed_and_get_the_default() {
        for tag in [
            "x-pseudo",
            "X-Test-1",
            "x_a",
            "i-klingon",
            "I-DEFAULT",
            "en-GB-oed",
            "zh-min-nan",
        ] {
            assert_eq!(pick(tag, Some("ru")), Ok(Locale::DEFAULT), "{tag}");
        }
    }

    #[test]
    fn extended_language_subtags_leave_the_language_they_follow() {
        for (tag, expected) in [
            ("zh-yue", Locale::EnUs),
            ("zh-cmn-Hans-CN", Locale::EnUs),
            ("sgn-ase", Locale::EnUs),
            ("ru-abc", Locale::RuRu),
            ("ru-abc-RU", Locale::RuRu),
            ("ru_abc_def_ghi_RU", Locale::RuRu),
        ] {
            assert_eq!(pick(tag, Some("en")), Ok(expected), "{tag}");
        }
        // Four three-letter subtags are one too many; a five-letter one is
        // a variant, which ICU reads.
        assert!(pick("ru-abc-def-ghi-jkl", None).is_err());
        assert_eq!(pick("ru-abcde", Some("en")), Ok(Locale::RuRu));
    }

    #[test]
    fn accept_language_honours_q_values() {
        assert_eq!(pick("", Some("en;q=0.5, ru;q=0.9")), Ok(Locale::RuRu));
        assert_eq!(pick("", Some("ru;q=0.5, en-GB")), Ok(Locale::EnUs));
        assert_eq!(pick("", Some("de, ru-UA;q=0.8")), Ok(Locale::RuRu));
        assert_eq!(pick("", Some("ru;q=0, en;q=0.1")), Ok(Locale::EnUs));
        assert_eq!(pick("", Some("garbage;;;, ru;q=0.3")), Ok(Locale::RuRu));
        assert_eq!(pick("", Some("de")), Ok(Locale::EnUs));
        assert_eq!(
            pick("", Some("ru-RU-u-nu-latn, en;q=0.5")),
            Ok(Locale::RuRu)
        );
        // "*" is any language: the default, at its own weight.
        assert_eq!(pick("", Some("*;q=0.5, ru;q=0.4")), Ok(Locale::EnUs));
        assert_eq!(pick("", Some("ru;q=0.6, *;q=0.5")), Ok(Locale::RuRu));
        assert_eq!(pick("", None), Ok(Locale::EnUs));
    }
}
