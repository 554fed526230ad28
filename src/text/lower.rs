//! Words in lower case for lexicon lookups, without a `String` per word.

use std::borrow::Cow;

use crate::Span;

/// `word` in lower case, as `str::to_lowercase` gives it, borrowed when it
/// is ASCII with no capital: most words of running text, which lexicon
/// lookups would otherwise copy one by one.
pub(crate) fn lowercase(word: &str) -> Cow<'_, str> {
    if is_lower_ascii(word) {
        Cow::Borrowed(word)
    } else if word.is_ascii() {
        Cow::Owned(word.to_ascii_lowercase())
    } else {
        Cow::Owned(word.to_lowercase())
    }
}

/// Whether `c` is ASCII, which the lowercased copy of the text lowercases
/// where it stands, or general punctuation (quotation marks, dashes),
/// which has no case: a word of such chars alone ("’s", "—") is its
/// own lowercase form there, with no char looked up in the case tables.
fn caseless(c: char) -> bool {
    c.is_ascii() || ('\u{2000}'..='\u{206F}').contains(&c)
}

fn is_lower_ascii(word: &str) -> bool {
    word.bytes()
        .all(|b| b.is_ascii() && !b.is_ascii_uppercase())
}

/// A document's words in lower case: stages look words up in lowercase
/// lexicons many times over. The text is copied once with its ASCII letters
/// lowercased, which lowercases every ASCII word where it stands; the other
/// words are lowercased once into one buffer, so a document costs two
/// allocations, not one per word.
#[derive(Debug)]
pub(crate) struct Lowered<'t> {
    text: &'t str,
    /// `text` with its ASCII letters lowercased.
    ascii: String,
    /// The words with other letters, lowercased, end to end.
    buf: String,
    /// Per word, its range in `ascii`, or past `ascii.len()` its range in
    /// `buf` shifted by `ascii.len()`.
    words: Vec<(usize, usize)>,
}

impl<'t> Lowered<'t> {
    /// Room for `words` words of `text`.
    pub(crate) fn new(text: &'t str, words: usize) -> Lowered<'t> {
        Lowered {
            text,
            ascii: text.to_ascii_lowercase(),
            buf: String::new(),
            words: Vec::with_capacity(words),
        }
    }

    /// Appends the word at `span` lowercased, as `str::to_lowercase` would.
    #[inline]
    pub(crate) fn push(&mut self, span: Span) {
        let word = &self.text[span];
        let place = if word.is_ascii() || word.chars().all(caseless) {
            (span.start, span.end)
        } else {
            let shift = self.ascii.len();
            let start = self.buf.len();
            // Only 'Σ' lowercases by its context; the other letters one by
            // one need no String of their own.
            if word.contains('Σ') {
                self.buf.push_str(&word.to_lowercase());
            } else {
                self.buf.extend(word.chars().flat_map(char::to_lowercase));
            }
            (shift + start, shift + self.buf.len())
        };
        self.words.push(place);
    }

    /// Word `i` lowercased; empty past the end.
    #[inline]
    pub(crate) fn get(&self, i: usize) -> &str {
        let Some(&(a, b)) = self.words.get(i) else {
            return "";
        };
        let shift = self.ascii.len();
        if a < shift {
            &self.ascii[a..b]
        } else {
            &self.buf[a - shift..b - shift]
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn lowercases_as_std_does() {
        let words = [
            "Kyiv",
            "the",
            "ΟΔΟΣ",
            "ΣΑΣ",
            "İstanbul",
            "Straße",
            "’S",
            "RVC",
            "x",
        ];
        let text = words.join(" ");
        let mut lowered = Lowered::new(&text, words.len());
        let mut start = 0;
        for w in words {
            lowered.push(Span::new(start, start + w.len()));
            start += w.len() + 1;
            assert_eq!(lowercase(w), w.to_lowercase());
        }
        for (i, w) in words.iter().enumerate() {
            assert_eq!(lowered.get(i), w.to_lowercase());
        }
        assert_eq!(lowered.get(words.len()), "");
    }

    #[test]
    fn general_punctuation_has_no_case() {
        for c in '\u{2000}'..='\u{206F}' {
            assert!(c.to_lowercase().eq([c]), "{c:?}");
        }
        let text = "’s “Kyiv—”";
        let mut lowered = Lowered::new(text, 2);
        lowered.push(Span::new(0, "’s".len()));
        lowered.push(Span::new("’s ".len(), text.len()));
        assert_eq!(lowered.get(0), "’s");
        assert_eq!(lowered.get(1), "“kyiv—”");
    }
}
