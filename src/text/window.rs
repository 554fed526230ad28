//! Windows: a long text is analysed in pieces cut at paragraph breaks, so
//! the memory an analysis needs stays bounded, whatever the text's size.
//!
//! Every stage keeps tables with an entry per token (and a token can be a
//! single byte), which for a whole text of many megabytes would cost tens
//! of times its size. A news article is a few kilobytes, far below
//! [`WHOLE`], and is never cut.

use std::ops::Range;

/// The longest text analysed whole: longer than any news article.
pub(crate) const WHOLE: usize = 64 * 1024;

/// The most bytes one window of a longer text holds: small enough that the
/// tables of one window are about a megabyte.
const WINDOW: usize = 32 * 1024;

/// The byte ranges `text` is analysed in: one range for a text of at most
/// [`WHOLE`] bytes, else consecutive ranges of at most [`WINDOW`] bytes
/// covering the text, each cut on a char boundary.
///
/// A cut goes in the second half of the window, at the last blank line
/// there, else the last line break, else the last sentence end, else the
/// last whitespace, else wherever a char ends: as late as possible at the
/// strongest break there is.
pub(crate) fn windows(text: &str) -> impl Iterator<Item = Range<usize>> + '_ {
    let mut next = Some(0);
    std::iter::from_fn(move || {
        let start = next?;
        let end = if text.len() <= WHOLE || text.len() - start <= WINDOW {
            text.len()
        } else {
            cut(text, start + WINDOW / 2, start + WINDOW)
        };
        next = (end < text.len()).then_some(end);
        Some(start..end)
    })
}

/// Where to end a window that may end anywhere in `from..to`.
fn cut(text: &str, from: usize, to: usize) -> usize {
    let region = &text.as_bytes()[from..to];
    let after = |i: usize| from + i + 1;
    if let Some(i) = last_blank_line(region) {
        return after(i);
    }
    if let Some(i) = region.iter().rposition(|&b| b == b'\n' || b == b'\r') {
        return after(i);
    }
    if let Some(i) = region
        .windows(2)
        .rposition(|w| matches!(w[0], b'.' | b'!' | b'?') && w[1] == b' ')
    {
        return after(i + 1);
    }
    if let Some(i) = region.iter().rposition(u8::is_ascii_whitespace) {
        return after(i);
    }
    // No break at all: a char boundary, of which there is one in any four
    // bytes, and from >= 4 here.
    (from..=to)
        .rev()
        .find(|&i| text.is_char_boundary(i))
        .unwrap_or(to)
}

/// The index of the line feed that ends the last blank line of `region`: a
/// line feed with only spaces, tabs and carriage returns back to the one
/// before it.
fn last_blank_line(region: &[u8]) -> Option<usize> {
    let mut next = None;
    for (i, &b) in region.iter().enumerate().rev() {
        match b {
            b'\n' if next.is_some() => return next,
            b'\n' => next = Some(i),
            b' ' | b'\t' | b'\r' => {}
            _ => next = None,
        }
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;

    fn check(text: &str) -> Vec<Range<usize>> {
        let got: Vec<Range<usize>> = windows(text).collect();
        let mut at = 0;
        for w in &got {
            assert_eq!(w.start, at);
            assert!(w.end > w.start || text.is_empty());
            assert!(w.len() <= if got.len() == 1 { WHOLE } else { WINDOW });
            assert!(text.is_char_boundary(w.end));
            at = w.end;
        }
        assert_eq!(at, text.len());
        got
    }

    #[test]
    fn a_short_text_is_one_window() {
        assert_eq!(check(""), vec![Range { start: 0, end: 0 }]);
        assert_eq!(check("Kyiv said so."), vec![Range { start: 0, end: 13 }]);
        let article = "Kyiv said so.\n\n".repeat(WHOLE / 15);
        assert_eq!(check(&article).len(), 1);
    }

    #[test]
    fn cuts_at_the_strongest_break_in_the_second_half() {
        // Each kind of text is cut where its strongest break is, after the
        // last of them in the window.
        let para = "Gladkov said so. The governor left.\n";
        let blank_lines = format!("{}\n", para.repeat(40)).repeat(3 * WINDOW / 1440);
        let lines = para.repeat(3 * WINDOW / para.len());
        let sentences = "Gladkov said so. The governor left. ".repeat(3 * WINDOW / 36);
        let spaces = "Gladkov said so, the governor left ".repeat(3 * WINDOW / 35);
        for (text, end) in [
            (&blank_lines, ".\n\n"),
            (&lines, "left.\n"),
            (&sentences, ". "),
            (&spaces, " "),
        ] {
            let got = check(text);
            assert!(got.len() >= 3);
            for w in &got[..got.len() - 1] {
                assert!(
                    text[..w.end].ends_with(end),
                    "{:?}",
                    &text[w.end - 9..w.end]
                );
                assert!(w.len() > WINDOW - 1500, "cut early at {}", w.end);
            }
        }
    }

    #[test]
    fn cuts_anything_at_a_char_boundary() {
        check(&"Україна".repeat(WINDOW));
        check(&"👍🏽".repeat(WINDOW / 2));
        check(&"\"".repeat(3 * WINDOW + 7));
        check(&"x y".repeat(WINDOW));
        check(&"\r\n\r\n".repeat(WINDOW));
    }
}
