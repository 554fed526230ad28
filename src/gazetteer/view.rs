//! What the matcher walks: the folded bytes of a text from a token on, each
//! with the original offset just past the char it comes from.
//!
//! The bytes are folded as a walk reads them, rather than copied first into
//! a folded view of the whole text with a map back: a walk starts at one
//! token in five and reads a few bytes there, most of them ASCII, which
//! folding leaves as they are but for a few marks (see [`fold_byte`]).

use super::fold::{fold_byte, fold_char, Fold};

/// The folded bytes of a text from a char boundary on, each with the
/// original offset just past the char it comes from, so that a name found
/// ends after a whole char even where the char folds to several bytes ("Oß"
/// read as "Oss"). In title casing, for a stretch written in capitals, every
/// letter after a letter is read in lower case ("KYIV" as "Kyiv").
pub(crate) struct Folded<'t, const TITLE: bool> {
    /// The text up to where reading stops.
    text: &'t str,
    /// The offset of the next char to fold.
    at: usize,
    /// In title casing: whether the char before `at` is a letter, soft
    /// hyphens aside.
    after_letter: bool,
    /// The bytes the last char folded to that are not read yet, the next
    /// in the low byte: all but the first of a char's, which are never 0.
    rest: u64,
}

impl<'t> Folded<'t, false> {
    /// The folded bytes of `text` from `at`, a char boundary.
    #[inline]
    pub(crate) fn new(text: &'t str, at: usize) -> Self {
        Folded {
            text,
            at,
            after_letter: false,
            rest: 0,
        }
    }
}

impl<'t> Folded<'t, true> {
    /// The folded bytes, title cased, of the stretch `text[start..]` from
    /// `at`, a char boundary: a letter at `at` is lowered if one comes before
    /// it in the stretch.
    pub(crate) fn title(text: &'t str, start: usize, at: usize) -> Self {
        let after_letter = text[start..at]
            .chars()
            .rev()
            .find(|&c| c != SOFT_HYPHEN)
            .is_some_and(char::is_alphabetic);
        Folded {
            text,
            at,
            after_letter,
            rest: 0,
        }
    }
}

/// Dropped by folding, and in title casing no break between letters: in
/// "MOS\u{AD}COW" the "C" follows a letter.
const SOFT_HYPHEN: char = '\u{00AD}';

impl<const TITLE: bool> Folded<'_, TITLE> {
    /// Folds the next chars until one folds to some bytes, and reads the
    /// first of them.
    ///
    /// It takes the reader's fields and gives them back, rather than
    /// borrowing the reader, so that a walk keeps the reader in registers:
    /// a reader whose address was taken lived on the stack, and each byte
    /// read loaded and stored its fields.
    #[inline(never)]
    fn fold(
        text: &str,
        mut at: usize,
        mut after_letter: bool,
    ) -> (Option<(u8, usize)>, usize, bool, u64) {
        loop {
            let Some(c) = text[at..].chars().next() else {
                return (None, at, after_letter, 0);
            };
            at += c.len_utf8();
            let lower = TITLE && after_letter && c.is_uppercase();
            if TITLE {
                after_letter = c.is_alphabetic() || (after_letter && c == SOFT_HYPHEN);
            }
            // At most eight bytes: a char folds to two ASCII ones or to one
            // char, which lowers to at most three ("İ" to "i̇").
            let mut folded = [0; 8];
            let mut len = 0;
            let mut push = |c: char| {
                if lower {
                    for c in c.to_lowercase() {
                        len += c.encode_utf8(&mut folded[len..]).len();
                    }
                } else {
                    len += c.encode_utf8(&mut folded[len..]).len();
                }
            };
            match fold_char(c) {
                Fold::Keep => push(c),
                Fold::Drop => {}
                Fold::To(s) => s.chars().for_each(push),
                Fold::Char(f) => push(f),
            }
            if len > 0 {
                let rest = u64::from_le_bytes(folded) >> 8;
                return (Some((folded[0], at)), at, after_letter, rest);
            }
        }
    }
}

impl<const TITLE: bool> Iterator for Folded<'_, TITLE> {
    type Item = (u8, usize);

    #[inline]
    fn next(&mut self) -> Option<(u8, usize)> {
        if self.rest != 0 {
            let b = self.rest as u8;
            self.rest >>= 8;
            return Some((b, self.at));
        }
        let &b = self.text.as_bytes().get(self.at)?;
        if !TITLE && b.is_ascii() {
            self.at += 1;
            return Some((fold_byte(b), self.at));
        }
        let (next, at, after_letter, rest) = Self::fold(self.text, self.at, self.after_letter);
        self.at = at;
        self.after_letter = after_letter;
        self.rest = rest;
        next
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The folded bytes of `text` from `at` as a string, and their ends.
    fn read<const TITLE: bool>(folded: Folded<'_, TITLE>) -> (String, Vec<usize>) {
        let (bytes, ends): (Vec<u8>, Vec<usize>) = folded.unzip();
        (String::from_utf8(bytes).unwrap(), ends)
    }

    #[test]
    fn texts_fold_as_names_do() {
        let text = "In Erdoğan’s Türkiye\u{A0}and Mos\u{AD}cow-KYIV";
        let (folded, ends) = read(Folded::new(text, 0));
        assert_eq!(folded, "In Erdogan's Turkiye and Moscow KYIV");
        let at = folded.find("Turkiye").unwrap();
        let start = text.find("Türkiye").unwrap();
        assert_eq!(&text[start..ends[at + "Turkiye".len() - 1]], "Türkiye");
        // A name read up to "Mos" ends before the soft hyphen.
        let at = folded.find("Mos").unwrap();
        assert_eq!(&text[..ends[at + 2]], "In Erdoğan’s Türkiye\u{A0}and Mos");
        let (title, _) = read(Folded::title(text, 0, 0));
        assert!(title.ends_with("and Moscow Kyiv"), "{title}");
        let at = text.find("YIV").unwrap();
        assert_eq!(read(Folded::title(text, 0, at)).0, "yiv");
        assert_eq!(read(Folded::title(text, at, at)).0, "Yiv");
    }

    #[test]
    fn every_byte_ends_at_a_char_boundary() {
        // "æ" folds to "ae", as long as itself; "ß" to "ss"; Cyrillic stays.
        for text in [
            "Læ",
            "Æsir and Straße",
            "KØBENHAVN Ærø",
            "ŒUVRE œuvre",
            "Извор İ",
        ] {
            let check = |ends: Vec<usize>| {
                for end in ends {
                    assert!(text.is_char_boundary(end) && end > 0, "{text:?} {end}");
                }
            };
            check(read(Folded::new(text, 0)).1);
            check(read(Folded::title(text, 0, 0)).1);
        }
        let (folded, ends) = read(Folded::new("Oß", 0));
        assert_eq!((folded.as_str(), ends.as_slice()), ("Oss", &[1, 3, 3][..]));
    }
}
