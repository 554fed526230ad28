//! Paragraphs: token ranges between blank lines, or between line breaks
//! when the text has no blank line anywhere (one paragraph per line, as in
//! text exported without paragraph spacing). In that second case a line that
//! ends without a terminator and is followed by a lowercase word is a
//! hard-wrapped line, not a paragraph of its own.

use std::ops::Range;

use super::sentence::{closes, is_terminator, MAX_TITLE_WORDS};
use super::{Spacing, Token, TokenKind};

/// The token ranges of the paragraphs of `text`, given its
/// [`Tokens::lines`](super::token::Tokens), written into `out` (empty).
pub(super) fn split(
    text: &str,
    tokens: &[Token],
    lines: &[(usize, usize)],
    mut out: Vec<Range<usize>>,
) -> Vec<Range<usize>> {
    // Line breaks after the last token end no paragraph.
    let gaps = match lines.split_last() {
        Some((&(i, _), before)) if i + 1 == tokens.len() => before,
        _ => lines,
    };
    let blank_lines = gaps.iter().any(|&(_, n)| n >= 2);
    out.reserve(gaps.len() + 1);
    let mut start = 0;
    for &(i, n) in gaps {
        if n >= 2 || !blank_lines && !wrapped(text, tokens, i) {
            out.push(start..i + 1);
            start = i + 1;
        }
    }
    if start < tokens.len() {
        out.push(start..tokens.len());
    }
    out
}

/// Whether the line break after token `i` only wraps a line: no terminator
/// before it, a lowercase word after it.
fn wrapped(text: &str, tokens: &[Token], i: usize) -> bool {
    let before = &text[tokens[i].span];
    let after = tokens[i + 1];
    !is_terminator(before)
        && after.kind == TokenKind::Word
        && text[after.span]
            .chars()
            .next()
            .is_some_and(char::is_lowercase)
}

/// Whether paragraph `range` is a title: one line of at most
/// [`MAX_TITLE_WORDS`] words, starting with a capital (or an uncased letter,
/// a digit, a quotation mark) and ending in a word, not in punctuation; a
/// closing quotation mark or bracket may follow the last word
/// (`“Sent to Slaughter”`).
pub(super) fn is_title(text: &str, tokens: &[Token], range: Range<usize>) -> bool {
    // Most paragraphs end in a period: look at the end first, and at its
    // one byte before anything else.
    let end = tokens[range.end - 1];
    if end.kind == TokenKind::Punctuation
        && end.span.len() == 1
        && !matches!(text.as_bytes()[end.span.start], b')' | b']' | b'}')
    {
        return false;
    }
    let mut last = range.end;
    while last > range.start {
        last -= 1;
        if !closes(text, tokens, last) {
            break;
        }
    }
    if !matches!(
        tokens[last].kind,
        TokenKind::Word | TokenKind::Number | TokenKind::Symbol
    ) {
        return false;
    }
    let para = &tokens[range];
    let first_letter = para
        .iter()
        .find(|t| t.kind == TokenKind::Word)
        .and_then(|t| text[t.span].chars().find(|c| c.is_alphabetic()));
    is_line(para) && !first_letter.is_some_and(char::is_lowercase)
}

/// Whether the tokens of a paragraph make one line of one to
/// [`MAX_TITLE_WORDS`] words, whatever ends it.
pub(super) fn is_line(para: &[Token]) -> bool {
    // Most paragraphs of running text are longer than any title: their
    // length in tokens tells without reading them.
    if para.is_empty() || para.len() > 3 * MAX_TITLE_WORDS {
        return false;
    }
    let mut words = 0;
    for t in &para[..para.len() - 1] {
        if t.space_after == Spacing::LineBreak {
            return false;
        }
        words += usize::from(matches!(t.kind, TokenKind::Word | TokenKind::Number));
    }
    let last = para[para.len() - 1].kind;
    words += usize::from(matches!(last, TokenKind::Word | TokenKind::Number));
    (1..=MAX_TITLE_WORDS).contains(&words)
}
