//! Sentences: where the tokens of one paragraph break.
//!
//! A sentence may end at a terminator (`.`, `?`, `!`, an ellipsis, or the
//! period of an abbreviation). Closing quotation marks and brackets right
//! after it belong to the sentence they close (`."`, `.”`, `?’`, `.)`).
//! Whether it does end depends on what comes next, looking through opening
//! quotation marks and brackets:
//!
//! - after `.`, `?`, `!` or an ellipsis, a capitalised or uncased word, a
//!   number or a symbol starts a new sentence; a lowercase word, a dash or a
//!   comma does not ("“Why?” he asked", "5 p.m. – Shebekino");
//! - a title's period ("Gov.", "Lt. Gen.") or a "No." before a number never
//!   ends one;
//! - the period of any other abbreviation or initial ("U.S.", "p.m.", "Jan.",
//!   "J.") ends one only before a common sentence starter ("The", "I", "But",
//!   from `lexicons/sentence_starters.txt`) or when a closing quotation mark
//!   follows it, so "the U.S. Army" and "J. R. R. Tolkien" stay whole.
//!
//! A line that ends without a terminator ends its sentence too when it reads
//! as a headline: the sentence began at the start of that line, the line is
//! short and mostly capitalised, and the next line starts with a capital.

use std::ops::Range;

use super::token::{may_stop, opens};
use super::words::{Abbrev, WORDS};
use super::{Sentence, Spacing, Token, TokenKind};
use crate::Span;

/// Headlines longer than this many words are taken for running text.
pub(super) const MAX_TITLE_WORDS: usize = 20;

#[derive(Clone, Copy, PartialEq, Eq)]
enum Stop {
    /// `.`, `?`, `!`, an ellipsis.
    Mark,
    /// An abbreviation that may end a sentence.
    Abbrev,
    /// An abbreviation that never does.
    Never,
}

pub(super) fn is_terminator(s: &str) -> bool {
    // Nearly every token asked about is one ASCII mark.
    if let &[b] = s.as_bytes() {
        return matches!(b, b'.' | b'?' | b'!');
    }
    !s.is_empty()
        && s.chars().all(|c| {
            matches!(
                c,
                '.' | '?'
                    | '!'
                    | '\u{2026}'
                    | '\u{203C}'
                    | '\u{2047}'
                    | '\u{2048}'
                    | '\u{2049}'
                    | '\u{3002}'
                    | '\u{FF01}'
                    | '\u{FF0E}'
                    | '\u{FF1F}'
                    | '\u{061F}'
                    | '\u{06D4}'
                    | '\u{0964}'
                    | '\u{0965}'
            )
        })
}

/// Whether token `i` is a terminator, and of what kind.
fn stop(text: &str, tokens: &[Token], i: usize) -> Option<Stop> {
    let t = tokens[i];
    if !may_stop(text, &t) {
        return None;
    }
    if t.kind == TokenKind::Punctuation {
        return Some(Stop::Mark);
    }
    match WORDS.abbreviation(&text[t.span.start..t.span.end - 1]) {
        Some(Abbrev::Title | Abbrev::Number) => Some(Stop::Never),
        _ => Some(Stop::Abbrev),
    }
}

/// A closing quotation mark or bracket.
pub(super) fn closes(text: &str, tokens: &[Token], i: usize) -> bool {
    match tokens[i].kind {
        TokenKind::Quote => !opens(text, tokens, i),
        TokenKind::Punctuation => matches!(&text[tokens[i].span], ")" | "]" | "}"),
        _ => false,
    }
}

/// The first token from `j` on that is not an opening quotation mark or
/// bracket, if it is before `end`.
fn first_word(text: &str, tokens: &[Token], mut j: usize, end: usize) -> Option<usize> {
    while j < end {
        let opener = match tokens[j].kind {
            TokenKind::Quote => opens(text, tokens, j),
            TokenKind::Punctuation => matches!(&text[tokens[j].span], "(" | "[" | "{"),
            _ => false,
        };
        if !opener {
            return Some(j);
        }
        j += 1;
    }
    None
}

/// Whether a new sentence may start at token `j`.
fn starts_sentence(text: &str, tokens: &[Token], j: usize, end: usize) -> bool {
    let Some(k) = first_word(text, tokens, j, end) else {
        return false;
    };
    match tokens[k].kind {
        TokenKind::Word => text[tokens[k].span]
            .chars()
            .find(|c| c.is_alphabetic())
            .is_some_and(|c| !c.is_lowercase()),
        TokenKind::Number | TokenKind::Symbol => true,
        _ => false,
    }
}

fn is_starter(text: &str, tokens: &[Token], j: usize, end: usize) -> bool {
    first_word(text, tokens, j, end).is_some_and(|k| {
        tokens[k].kind == TokenKind::Word && WORDS.starters.contains(&text[tokens[k].span])
    })
}

/// Whether tokens `range` (one line, from the start of a sentence) read as a
/// headline.
fn is_title_line(text: &str, tokens: &[Token], range: Range<usize>) -> bool {
    let Some(last) = range.clone().next_back() else {
        return false;
    };
    let ends_in_word = matches!(
        tokens[last].kind,
        TokenKind::Word | TokenKind::Number | TokenKind::Symbol
    ) || closes(text, tokens, last);
    let mut words = 0;
    let mut capitalised = 0;
    for t in &tokens[range] {
        if t.kind == TokenKind::Word {
            words += 1;
            if text[t.span].chars().next().is_some_and(char::is_uppercase) {
                capitalised += 1;
            }
        }
    }
    ends_in_word && words > 0 && words <= MAX_TITLE_WORDS && 2 * capitalised >= words
}

/// Appends the sentences of paragraph `para` (a token range) to `out`.
/// `stops` are the paragraph's [`Tokens::stops`](super::token::Tokens):
/// no sentence breaks anywhere else.
pub(super) fn split(
    text: &str,
    tokens: &[Token],
    para: Range<usize>,
    stops: &[usize],
    out: &mut Vec<Sentence>,
) {
    let bytes = text.as_bytes();
    let end = para.end;
    let mut start = para.start;
    let mut push = |from: usize, to: usize| {
        out.push(Sentence {
            span: Span::new(tokens[from].span.start, tokens[to - 1].span.end),
            tokens: from..to,
        })
    };
    // Whether the current sentence began a line and has not yet crossed one.
    let mut one_line = true;
    // The first token not yet looked at.
    let mut i = start;
    for &stop_at in stops {
        if stop_at < i {
            continue;
        }
        i = stop_at;
        // Most stops are a lone `.`, `?` or `!` before a capitalised ASCII
        // word: a sentence end, whatever the rules below would look at.
        let t = tokens[i];
        let next = tokens.get(i + 1).filter(|_| i + 1 < end);
        if t.kind == TokenKind::Punctuation
            && t.span.len() == 1
            && matches!(bytes[t.span.start], b'.' | b'?' | b'!')
            && next.is_some_and(|n| {
                n.kind == TokenKind::Word && bytes[n.span.start].is_ascii_uppercase()
            })
        {
            push(start, i + 1);
            start = i + 1;
            one_line = t.space_after == Spacing::LineBreak;
            i += 1;
            continue;
        }
        if let Some(mut kind) = stop(text, tokens, i) {
            let mut j = i + 1;
            let mut closed = false;
            while j < end {
                if closes(text, tokens, j) {
                    closed = true;
                } else if tokens[j].kind == TokenKind::Punctuation
                    && is_terminator(&text[tokens[j].span])
                {
                    kind = Stop::Mark;
                } else {
                    break;
                }
                j += 1;
            }
            let breaks = j < end
                && match kind {
                    Stop::Mark => starts_sentence(text, tokens, j, end),
                    Stop::Abbrev if closed => starts_sentence(text, tokens, j, end),
                    Stop::Abbrev => is_starter(text, tokens, j, end),
                    Stop::Never => false,
                };
            if breaks {
                push(start, j);
                start = j;
                one_line = tokens[j - 1].space_after == Spacing::LineBreak;
            } else if tokens[i..j]
                .iter()
                .any(|t| t.space_after == Spacing::LineBreak)
            {
                one_line = false;
            }
            i = j;
            continue;
        }
        if tokens[i].space_after == Spacing::LineBreak {
            if one_line
                && i + 1 < end
                && is_title_line(text, tokens, start..i + 1)
                && starts_sentence(text, tokens, i + 1, end)
            {
                push(start, i + 1);
                start = i + 1;
            } else {
                one_line = false;
            }
        }
        i += 1;
    }
    if start < end {
        push(start, end);
    }
}
