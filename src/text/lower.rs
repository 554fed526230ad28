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

fn is_lower_ascii(word: &str) -> bool {
    word.bytes()
        .all(|b| b.is_ascii() && !b.is_ascii_uppercase())
}

/// A document's words in lower case: stages look words up in lowercase
/// lexicons many times over. Words already in lower case are read from the
/// text; the others are lowercased once into one buffer, so a document
/// costs one allocation, not one per word.
#[derive(Debug)]
pub(crate) struct Lowered<'t> {
    text: &'t str,
    /// The words lowercasing changes, lowercased, end to end.
    buf: String,
    words: Vec<Place>,
}

#[derive(Clone, Copy, Debug)]
enum Place {
    Text(usize, usize),
    Buf(usize, usize),
}

impl<'t> Lowered<'t> {
    /// Room for `words` words of `text`.
    pub(crate) fn new(text: &'t str, words: usize) -> Lowered<'t> {
        Lowered {
            text,
            buf: String::new(),
            words: Vec::with_capacity(words),
        }
    }

    /// Appends the word at `span` lowercased, as `str::to_lowercase` would.
    pub(crate) fn push(&mut self, span: Span) {
        let word = &self.text[span];
        let place = if is_lower_ascii(word) {
            Place::Text(span.start, span.end)
        } else {
            let start = self.buf.len();
            if word.is_ascii() {
                self.buf.push_str(word);
                self.buf[start..].make_ascii_lowercase();
            } else {
                self.buf.push_str(&word.to_lowercase());
            }
            Place::Buf(start, self.buf.len())
        };
        self.words.push(place);
    }

    /// Word `i` lowercased; empty past the end.
    pub(crate) fn get(&self, i: usize) -> &str {
        match self.words.get(i) {
            Some(&Place::Text(a, b)) => &self.text[a..b],
            Some(&Place::Buf(a, b)) => &self.buf[a..b],
            None => "",
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn lowercases_as_std_does() {
        let words = ["Kyiv", "the", "ΟΔΟΣ", "İstanbul", "RVC", "x"];
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
}
