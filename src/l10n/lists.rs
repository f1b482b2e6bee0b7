//! CLDR lists ("a, b, and c" / "a, b и c") from ICU4X, with the two-item
//! pattern cut once at start where it does not depend on the items.

use std::borrow::Cow;

use icu_list::ListFormatter;

use super::pieces::{self, Piece};

/// A CLDR list formatter, with its two-item pattern cut at start when the
/// pattern does not depend on the items.
pub(super) struct List {
    pub(super) formatter: ListFormatter,
    /// Two items' text around their slots ("<0> and <1>").
    pub(super) pair: Option<Vec<Piece>>,
}

impl List {
    pub(super) fn new(formatter: ListFormatter) -> List {
        let pair = cut_pair(&formatter);
        List { formatter, pair }
    }
}

/// The two-item pattern as ICU writes it around two markers, kept only if
/// it gives ICU's own text for items where some languages change the
/// pattern (Spanish "y" becomes "e" before an "i" sound, for instance).
pub(super) fn cut_pair(formatter: &ListFormatter) -> Option<Vec<Piece>> {
    let markers = [pieces::marker(0).to_string(), pieces::marker(1).to_string()];
    let pair = pieces::split(&formatter.format_to_string(markers.iter()), 2);
    const SAMPLES: [&str; 12] = [
        "",
        "a",
        "i",
        "hi",
        "y",
        "o",
        "ho",
        "u",
        "8",
        "11",
        "и",
        "1 234,50 $",
    ];
    let agrees = SAMPLES.iter().all(|a| {
        SAMPLES
            .iter()
            .all(|b| pieces::fill(&pair, &[a, b]) == formatter.format_to_string([a, b].iter()))
    });
    agrees.then_some(pair)
}

/// A list of one item is that item in every CLDR locale; two items take the
/// pattern cut at start; only longer lists need the formatter (and a vector).
pub(super) fn list<'a, I>(list: &List, items: I) -> Cow<'a, str>
where
    I: IntoIterator<Item = Cow<'a, str>>,
{
    let mut items = items.into_iter();
    let Some(first) = items.next() else {
        return Cow::Borrowed("");
    };
    let Some(second) = items.next() else {
        return first;
    };
    let Some(third) = items.next() else {
        if let Some(pair) = &list.pair {
            return Cow::Owned(pieces::fill(pair, &[&first, &second]));
        }
        return Cow::Owned(list.formatter.format_to_string([first, second].iter()));
    };
    let all: Vec<Cow<'a, str>> = [first, second, third].into_iter().chain(items).collect();
    Cow::Owned(
        list.formatter
            .format_to_string(all.iter().map(|item| item.as_ref())),
    )
}
