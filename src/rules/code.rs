//! Exam codes as callers write them: one normalized form, so that "MB2-714",
//! "mb2 714", "MB2–714" and "МВ2-714" are one exam.

/// Longest normalized code a key holds.
pub(super) const KEY_LEN: usize = 16;

/// An exam code without case, spaces, hyphens or underscores: "mb2 714" →
/// "MB2714". Every kind of hyphen and dash counts as a hyphen (word
/// processors turn "MB2-710" into "MB2–710"), and a Cyrillic letter that
/// looks like a Latin one as that letter ("МВ2-714" typed with Russian М and
/// В is MB2-714: on screen nobody can tell them apart).
pub fn normalize(code: &str) -> String {
    code.chars()
        .filter(|c| !is_separator(*c))
        .map(latin)
        .flat_map(char::to_uppercase)
        .collect()
}

fn is_separator(c: char) -> bool {
    if c.is_ascii() {
        return c == '-' || c == '_' || c.is_whitespace();
    }
    c.is_whitespace()
        || matches!(
            c,
            '\u{200B}'..='\u{200D}' | '\u{2060}' | '\u{FEFF}' // zero-width characters, BOM
                | '\u{00AD}' // soft hyphen
                | '\u{2010}'
                ..='\u{2015}' // hyphen, non-breaking hyphen, figure dash, en and em dashes, horizontal bar
                | '\u{2212}' // minus sign
                | '\u{FE58}' | '\u{FE63}' | '\u{FF0D}' // small and fullwidth forms
        )
}

/// The Latin capital letter a Cyrillic look-alike stands for, the ASCII
/// character a fullwidth form stands for; any other character as it is.
fn latin(c: char) -> char {
    match c {
        'А' | 'а' => 'A',
        'В' | 'в' => 'B',
        'Е' | 'е' => 'E',
        'І' | 'і' => 'I',
        'К' | 'к' => 'K',
        'М' | 'м' => 'M',
        'Н' | 'н' => 'H',
        'О' | 'о' => 'O',
        'Р' | 'р' => 'P',
        'С' | 'с' => 'C',
        'Т' | 'т' => 'T',
        'Х' | 'х' => 'X',
        'У' | 'у' => 'Y',
        // Fullwidth forms of ASCII (East Asian input methods).
        '\u{FF01}'..='\u{FF5E}' => char::from_u32(c as u32 - 0xFEE0).unwrap_or(c),
        other => other,
    }
}

/// The normalized code in a fixed buffer, or `None` when it cannot be a known
/// code (too long or not ASCII). Allocation-free for the hot path.
pub(super) fn key(code: &str) -> Option<[u8; KEY_LEN]> {
    let mut out = [0u8; KEY_LEN];
    for (len, c) in code.chars().filter(|c| !is_separator(*c)).enumerate() {
        // Look-alikes only outside ASCII (most codes are ASCII throughout).
        let c = if c.is_ascii() { c } else { latin(c) };
        if !c.is_ascii() || len == KEY_LEN {
            return None;
        }
        out[len] = c.to_ascii_uppercase() as u8;
    }
    Some(out)
}
