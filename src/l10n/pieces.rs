//! A message's text cut at its slots' markers, and filled back in.

/// Slot `i` is marked by this private-use character plus `i`; the FTL
/// sources may not contain any of the range (checked at start).
pub(super) const MARKER_BASE: u32 = 0xE000;
pub(super) const MAX_SLOTS: usize = 32;

#[derive(Debug)]
pub(super) enum Piece {
    Text(Box<str>),
    Slot(usize),
}

pub(super) fn marker(i: usize) -> char {
    char::from_u32(MARKER_BASE + i as u32).unwrap_or('\u{E000}')
}

/// Whether `c` marks a slot (of any template).
pub(super) fn is_marker(c: char) -> bool {
    (MARKER_BASE..MARKER_BASE + MAX_SLOTS as u32).contains(&u32::from(c))
}

/// Text with `slots` filled in, in one buffer of the right size.
pub(super) fn fill(pieces: &[Piece], slots: &[&str]) -> String {
    fill_with(pieces, |i| slots.get(i).copied().unwrap_or_default())
}

/// `fill`, with slot `i`'s value from `slot(i)`.
pub(super) fn fill_with<'s>(pieces: &[Piece], slot: impl Fn(usize) -> &'s str) -> String {
    let len: usize = pieces
        .iter()
        .map(|p| match p {
            Piece::Text(t) => t.len(),
            Piece::Slot(i) => slot(*i).len(),
        })
        .sum();
    let mut out = String::with_capacity(len);
    for piece in pieces {
        match piece {
            Piece::Text(t) => out.push_str(t),
            Piece::Slot(i) => out.push_str(slot(*i)),
        }
    }
    out
}

/// The text of pieces that are no more than one text: "" for none.
pub(super) fn only_text(pieces: &[Piece]) -> Option<&str> {
    match pieces {
        [] => Some(""),
        [Piece::Text(text)] => Some(text),
        _ => None,
    }
}

pub(super) fn split(text: &str, slots: usize) -> Vec<Piece> {
    let mut pieces = Vec::new();
    let mut start = 0;
    for (at, c) in text.char_indices() {
        let slot = (u32::from(c).wrapping_sub(MARKER_BASE)) as usize;
        if is_marker(c) && slot < slots {
            if start < at {
                pieces.push(Piece::Text(text[start..at].into()));
            }
            pieces.push(Piece::Slot(slot));
            start = at + c.len_utf8();
        }
    }
    if start < text.len() {
        pieces.push(Piece::Text(text[start..].into()));
    }
    pieces
}
