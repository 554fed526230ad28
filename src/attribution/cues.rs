//! Speech cues in the reporter's sentences, each with its speaker (the
//! subject, a name after an inverted verb, or the X of "according to X") and
//! the clause it reports.

use super::doc::{Doc, Sentence};
use super::tags::Tags;
use crate::lexicon::{CLAUSE_TAILS, CUE_PHRASES, PRONOUNS};
use crate::Span;

/// A speech cue and what hangs on it.
#[derive(Clone, Debug)]
pub(super) struct Anchor {
    /// The cue's first and last word.
    pub(super) cue: (usize, usize),
    pub(super) sentence: usize,
    /// The words naming the speaker, first and last.
    pub(super) speaker: Option<(usize, usize)>,
    /// Where the attribution starts: the first word of the subject phrase
    /// (titles included) or the cue.
    pub(super) from: usize,
    /// The speaker follows the cue ("said Gladkov").
    pub(super) inverted: bool,
    /// "according to X".
    pub(super) according: bool,
    /// A verb that attributes quotations but reports no clause.
    pub(super) quote_only: bool,
    /// The reported clause, when the cue has one.
    pub(super) content: Option<Span>,
}

/// The longest subject read back from a verb, in words.
const MAX_SUBJECT: usize = 16;

/// The most words a name set off by descriptions after it may have, its
/// title and place included ("Republican Rep. Lee Zeldin of New York, a
/// Trump supporter, said").
const APPOSED_NAME: usize = 8;

/// The most words an aside between dashes after a cue holds, its closing
/// dash included.
const DASHED_ASIDE: usize = 10;

/// The most words an aside between dashes between a subject and its verb
/// holds ("Joyce — who is listed as an attorney in Illinois but doesn't
/// actively practice law — told").
const DASHED_SUBJECT_ASIDE: usize = 24;

/// The most words from a speaker's name to its verb across descriptions
/// set off by commas ("Senator Bob Corker, a Tennessee Republican who has
/// met privately with Mr. Trump and been mentioned as a vice-presidential
/// choice, said").
const APPOSED_CHAIN: usize = 40;

/// The most words of adjuncts a speech verb's clause may wait for its
/// "that" across ("said Thursday during a taping of a town hall meeting in
/// Buffalo, New York, that").
const MAX_ADJUNCT_WORDS: usize = 16;

/// The most words an aside in brackets between a subject and its verb
/// holds ("(D-MA)", "(R-Texas)", "(pictured)").
const BRACKETED: usize = 4;
/// How many descriptions set off by commas may follow a speaker's name.
const APPOSITIVES: usize = 3;
/// The longest speaker read after an inverted verb or "according to".
const MAX_NAMED_AFTER: usize = 10;

const QUOTE_MARKS: &[char] = &['”', '“', '’', '‘', '"', '\'', '»', '«', '›', '‹'];

/// Finds the cues of every sentence, in text order, into `out`, emptied.
pub(super) fn anchors(doc: &Doc, mut out: Vec<Anchor>) -> Vec<Anchor> {
    out.clear();
    // At most one a cue start: sized once, not grown by copies.
    out.reserve(doc.cue_starts.len());
    // Only the words a cue may start at are tried: no other is one.
    let mut starts = doc.cue_starts.iter().copied().peekable();
    let mut index = 0;
    while let Some(&start) = starts.peek() {
        // Most sentences hold no cue start: each is passed over with one
        // comparison, not set up and wound down.
        while doc
            .sentences
            .get(index)
            .is_some_and(|s| s.words().end <= start)
        {
            index += 1;
        }
        let Some(words) = doc.sentences.get(index).map(Sentence::words) else {
            break;
        };
        let first = out.len();
        let mut w = words.start;
        while let Some(next) = starts.next_if(|&k| k < words.end) {
            if next < w {
                continue;
            }
            w = next;
            let Some(end) = cue_at(doc, w, words.start, words.end) else {
                continue;
            };
            if end == w && !read_as_verb(doc, w, words.start, words.end) {
                continue;
            }
            let mut anchor = Anchor {
                cue: (w, end),
                sentence: index,
                speaker: None,
                from: w,
                inverted: false,
                according: false,
                quote_only: false,
                content: None,
            };
            let weak = !doc.tags(w).any(Tags::SPEECH_VERB) && end == w;
            if doc.tags(w).any(Tags::ACCORDING) {
                anchor.according = true;
                // "According to early results of exit polls conducted by
                // Edison Research, Clinton led": opening its sentence, the
                // phrase names its source up to the comma.
                let to_comma = (w == words.start)
                    .then(|| {
                        (end + 1..words.end.min(end + 1 + MAX_SUBJECT))
                            .take_while(|&k| !doc.words[k].quoted())
                            .find(|&k| doc.gap_bytes(k, k + 1).contains(&b','))
                    })
                    .flatten();
                anchor.speaker = match to_comma {
                    Some(last) if last > end => Some((end + 1, last)),
                    _ => named_after(doc, end + 1, words.end, true),
                };
            } else if participle_after_comma(doc, w, words.start) {
                // "X did Y, adding that Z": the speaker is the subject of the
                // sentence, or of the cue before.
                anchor.speaker = out[first..]
                    .iter()
                    .rev()
                    .find_map(|a: &Anchor| a.speaker)
                    .or_else(|| clause_subject(doc, words.start, w));
                anchor.from = w;
            } else if let Some(speaker) = inverted_after_comma(doc, w, end, words.start, words.end)
            {
                anchor.speaker = Some(speaker);
                anchor.inverted = true;
            } else {
                anchor.quote_only = doc.tags(w).any(Tags::QUOTE_ONLY_VERB);
                let own = subject(doc, w, words.start, &out[first..])
                    .map(|own| opening(doc, words.start, own));
                if let Some((start, last)) = own {
                    // A verb coordinated with an earlier one shares its
                    // speaker; its own attribution starts at the verb.
                    let shared = out[first..].last().is_some_and(|p| last < p.cue.0);
                    if last < w && !shared {
                        anchor.from = start;
                    }
                    anchor.speaker = Some(strip_title(doc, start, last));
                }
                if anchor.speaker.is_none() {
                    anchor.speaker = named_after(doc, end + 1, words.end, false);
                    anchor.inverted = anchor.speaker.is_some();
                }
            }
            // A verb that only attributes quotations is no cue without one
            // after it ("forces they describe as opposed to ..."); a verb of
            // belief or finding is one only with its own subject, as many
            // of them are nouns too ("responsibility for attacks").
            let needs_quote =
                anchor.quote_only && !(end + 1..words.end).any(|k| doc.words[k].quoted());
            // Their -ing forms modify nouns ("a video message agreeing to
            // meet") unless set off by a comma or after a form of "be".
            let modifier = weak
                && doc.lower_bytes(w).ends_with(b"ing")
                && !participle_after_comma(doc, w, words.start)
                && !(w > words.start && doc.tags(w - 1).any(Tags::PROGRESSIVE_AUXILIARY));
            let needs_subject = weak && (anchor.inverted || anchor.speaker.is_none() || modifier);
            if !needs_quote && !needs_subject {
                out.push(anchor);
            }
            w = end + 1;
        }
        for i in first..out.len() {
            // A later attribution ends this one's clause when a connective
            // sets it off ("said X and admitted Y", "denied X, but Y said");
            // otherwise it is nested in the clause ("said he wants ..."), but
            // only so deep: each clause owning the rest of a sentence of
            // endless cues would make the output quadratic in its length.
            let next = out
                .get(i + 1)
                .filter(|a| a.sentence == index && set_off(doc, a.from, words.start))
                .or_else(|| {
                    out.get(i + 1 + MAX_NESTED_CUES)
                        .filter(|a| a.sentence == index)
                });
            let content = content(doc, &out[i], next.map(|a| doc.words[a.from].start()));
            out[i].content = content;
        }
        index += 1;
    }
    out
}

/// Whether a cue word that is often no verb of saying ("state", "reports",
/// "showed") must be one here: before "that", a colon or a quotation; after
/// a pronoun, an auxiliary or an adverb; in the -s form, after a name or a
/// relative pronoun too ("Trump reports", "which notes").
fn read_as_verb(doc: &Doc, w: usize, first: usize, end: usize) -> bool {
    if !doc.tags(w).any(Tags::NOUN_VERB) {
        return true;
    }
    let word = doc.lower_bytes(w);
    let before = if w > first {
        doc.lower_bytes(w - 1)
    } else {
        b""
    };
    let next_opens = w + 1 < end
        && (doc.lower_bytes(w + 1) == b"that"
            || doc.gap_bytes(w, w + 1).contains(&b':')
            || doc.gap(w, w + 1).contains(QUOTE_MARKS));
    // "Soviet states" and "American reports" are nouns after a
    // nationality.
    let third_person = word.ends_with(b"s")
        && w > first
        && doc.joined(w - 1)
        && ((doc.is_capitalized(w - 1) && !doc.tags(w - 1).any(Tags::NATIONALITY))
            || doc.tags(w - 1).any(Tags::RELATIVE_PRONOUN));
    // "Polls show a close contest", "records showed": a plural noun no
    // lexicon knows is the subject of "show" ("the show", "talk shows" are
    // nouns; "-ous" and "-ss" words are no plurals). Other words of the
    // list make compounds after plurals ("jobs report").
    let plural_subject = w > first
        && word.starts_with(b"show")
        && doc.joined(w - 1)
        && (w - 1 == first || !doc.is_capitalized(w - 1))
        && before.len() > 3
        && before.ends_with(b"s")
        && !before.ends_with(b"ss")
        && !before.ends_with(b"us")
        && doc.tags(w - 1) == Tags::NONE;
    next_opens
        || third_person
        || plural_subject
        || (w > first && (doc.tags(w - 1).any(Tags::NOMINATIVE) || is_modifier(doc, w - 1)))
        || before == b"to"
}

/// How many later attributions a reported clause may hold ("said that Y
/// said that Z ...") before the next one ends it.
const MAX_NESTED_CUES: usize = 3;

/// A participle set off by a comma: "..., adding that ...".
fn participle_after_comma(doc: &Doc, w: usize, first: usize) -> bool {
    w > first && doc.lower_bytes(w).ends_with(b"ing") && doc.gap_bytes(w - 1, w).contains(&b',')
}

/// A connective or a comma comes before word `w`.
fn set_off(doc: &Doc, w: usize, first: usize) -> bool {
    w > first
        && (doc
            .gap_bytes(w - 1, w)
            .iter()
            .any(|&b| b == b',' || b == b';')
            || doc.tags(w - 1).any(Tags::CONNECTIVE)
            || doc.gap(w - 1, w).contains(['—', '–']))
}

/// The cue starting at word `w`, as its last word: a speech verb used as a
/// verb, a cue phrase, or "according to".
fn cue_at(doc: &Doc, w: usize, first: usize, end: usize) -> Option<usize> {
    if doc.words[w].quoted() {
        return None;
    }
    let tags = doc.tags(w);
    if !tags.any(Tags::CUE_START | Tags::ACCORDING) {
        return None;
    }
    if tags.any(Tags::ACCORDING) && w + 1 < end && doc.lower_bytes(w + 1) == b"to" && doc.joined(w)
    {
        return Some(w + 1);
    }
    if !tags.any(Tags::CUE_START) {
        return None;
    }
    // "sounded a call for": after an article a phrase's first word is a
    // noun with no speaker at hand; after a possessive ("his call for a
    // ban") the possessor is the speaker.
    let determined = || {
        w > first
            && doc.joined(w - 1)
            && matches!(
                doc.lower_bytes(w - 1),
                b"a" | b"an" | b"the" | b"this" | b"these"
            )
    };
    let phrases =
        (tags.any(Tags::PHRASE_START) && !determined()).then(|| CUE_PHRASES.get(doc.lower(w)));
    for phrase in phrases.flatten().into_iter().flatten() {
        // Read against the words in one pass, which most phrases leave at
        // their second word.
        let mut last = w;
        let matched = phrase.split(' ').enumerate().all(|(i, p)| {
            last = w + i;
            last < end && doc.lower_bytes(last) == p.as_bytes()
        });
        if matched && (w..last).all(|k| doc.joined(k)) {
            return Some(last);
        }
    }
    if !tags.any(Tags::CUE_VERB) {
        return None;
    }
    // A verb is not followed by an auxiliary; a noun is ("Health worries
    // have dogged her").
    // "which he said were accompanied by": a past form of a speech verb is
    // no noun.
    let past = || {
        tags.any(Tags::SPEECH_VERB)
            && (doc.lower_bytes(w).ends_with(b"ed")
                || matches!(doc.lower_bytes(w), b"said" | b"told"))
    };
    if w + 1 < end && doc.tags(w + 1).any(Tags::AUXILIARY) && doc.joined(w) && !past() {
        return None;
    }
    // A capital mid-sentence is a name ("the Washington Post"), not a verb,
    // unless a headline capitalises every word; a hyphen makes a compound
    // ("counter-offensive", "so-called"); "show up" and "find out" are
    // other verbs.
    if w > first && doc.is_capitalized(w) && !doc.in_headline(w) {
        return None;
    }
    if (w > first && doc.hyphenated(w - 1)) || (w + 1 < end && doc.hyphenated(w)) {
        return None;
    }
    if w + 1 < end && doc.tags(w + 1).any(Tags::VERB_PARTICLE) && !tags.any(Tags::SPEECH_VERB) {
        return None;
    }
    if w > first && doc.joined(w - 1) {
        let prev = doc.lower_bytes(w - 1);
        // A passive ("was claimed by") names no speaker where the subject is;
        // "to say" and "the report" are no statements yet.
        let before = doc.tags(w - 1);
        // "was also endorsed": the auxiliary may stand before adverbs.
        let mut aux = w - 1;
        while aux > first
            && is_modifier(doc, aux)
            && !doc.tags(aux).any(Tags::PASSIVE_AUXILIARY)
            && doc.joined(aux - 1)
        {
            aux -= 1;
        }
        let passive =
            doc.tags(aux).any(Tags::PASSIVE_AUXILIARY) && !doc.lower_bytes(w).ends_with(b"ing");
        let preposition = before.any(Tags::ADJUNCT_PREPOSITION) && !tags.any(Tags::SPEECH_VERB);
        // "Trump’s claim", "20 states" are nouns.
        let noun = is_clitic(prev) || prev.iter().all(u8::is_ascii_digit);
        if passive || prev == b"to" || before.any(Tags::DETERMINER) || preposition || noun {
            return None;
        }
    }
    // "found themselves in a battle" reports nothing ("called himself" and
    // "defended himself" do); "a video posted by
    // CBN" and "additional reporting by" are no statements of their own.
    if w + 1 < end && doc.joined(w) {
        let next = doc.lower_bytes(w + 1);
        let reflexive = next.ends_with(b"self") || next.ends_with(b"selves");
        let find = matches!(
            doc.lower_bytes(w),
            b"find" | b"finds" | b"found" | b"finding"
        );
        if reflexive && find {
            return None;
        }
        let word = doc.lower_bytes(w);
        let participle = word.ends_with(b"ed") || word.ends_with(b"ing");
        let agent =
            || w + 2 < end && (doc.is_capitalized(w + 2) || doc.tags(w + 2).any(Tags::DETERMINER));
        if next == b"by" && participle && agent() {
            return None;
        }
    }
    Some(w)
}

/// The subject of the verb at `cue`, read back over auxiliaries and adverbs;
/// for a verb coordinated with an earlier one ("said ... and admitted"), that
/// verb's speaker.
fn subject(doc: &Doc, cue: usize, first: usize, before: &[Anchor]) -> Option<(usize, usize)> {
    let mut j = time_adjunct_before(doc, cue, first).unwrap_or(cue);
    while j > first
        && doc.joined(j - 1)
        && !doc.words[j - 1].quoted()
        && is_modifier(doc, j - 1)
        && !in_name(doc, j - 1, first)
    {
        j -= 1;
    }
    if j == first || doc.words[j - 1].quoted() {
        return None;
    }
    let mut last = j - 1;
    // "Sen. Elizabeth Warren (D-MA) said": a short aside in brackets stands
    // between the subject and its verb.
    let bracketed = doc.gap_bytes(last, j).trim_ascii() == b")"
        && match (last.saturating_sub(BRACKETED)..=last)
            .rev()
            .find(|&k| k > first && doc.gap_bytes(k - 1, k).trim_ascii_end().ends_with(b"("))
        {
            Some(open) if doc.gap_bytes(open - 1, open).trim_ascii() == b"(" => {
                last = open - 1;
                true
            }
            _ => false,
        };
    // "Many speakers at the service — including Muslims, Christians and
    // Jews — said": so does one between dashes.
    let is_dash = |gap: &str| matches!(gap.trim(), "—" | "–" | "--");
    let dashed = !bracketed
        && is_dash(doc.gap(last, j))
        && match (last.saturating_sub(DASHED_SUBJECT_ASIDE)..=last)
            .rev()
            .find(|&k| k > first && is_dash(doc.gap(k - 1, k)))
        {
            Some(open) => {
                last = open - 1;
                true
            }
            None => false,
        };
    let set_apart = bracketed || dashed;
    if doc.joined(last) && doc.tags(last).any(Tags::NOMINATIVE) {
        return Some((last, last));
    }
    let relative = doc.lower_bytes(last) == b"who" && last > first;
    if relative {
        // "Derek Mitchell, who served as ambassador, said" is Mitchell.
        last -= 1;
    }
    if doc.tags(last).any(Tags::COORDINATOR) && doc.joined(last) {
        return before
            .iter()
            .rev()
            .find_map(|a| a.speaker)
            .or_else(|| clause_subject(doc, first, last));
    }
    // Commas inside an aside set apart are the aside's.
    let after_last = if set_apart { last + 1 } else { j };
    if doc.gap_bytes(last, after_last).contains(&b',') && !relative {
        // "The governor of the region, Vyacheslav Gladkov, said": the name
        // between the commas; "Gladkov, however, said": skip the aside.
        let mut k = last;
        while k > first && doc.joined(k - 1) && !doc.words[k - 1].quoted() {
            k -= 1;
        }
        let name = (k..=last).all(|i| is_name_word(doc, i));
        if name && k > first && doc.gap_bytes(k - 1, k).contains(&b',') && last - k < 5 {
            return Some((k, last));
        }
        let aside = doc
            .tags(k)
            .any(Tags::ADJUNCT_PREPOSITION | Tags::SUBJECT_BOUND)
            || (k == last && doc.lower_bytes(k).ends_with(b"ly"));
        if k == first || !doc.gap_bytes(k - 1, k).contains(&b',') {
            return None;
        }
        if !aside {
            // "Megan Hester, senior associate at the institute, said" and
            // "Marley Anderson, 21, a student, said": the name before the
            // descriptions, all together.
            let mut end = k - 1;
            for _ in 0..APPOSITIVES {
                let mut n = end;
                while n > first
                    && doc.joined(n - 1)
                    && !doc.words[n - 1].quoted()
                    && last - n < APPOSED_CHAIN
                {
                    n -= 1;
                }
                // "Florida delegate John Archer, wearing buttons, said": a
                // name closing a noun phrase, its roles before it.
                let named = (n..=end).all(|i| is_name_word(doc, i))
                    || (doc.is_capitalized(end) && starts_noun_phrase(doc, n));
                // "The aides, led by campaign manager Terry Sullivan,
                // told": a short noun phrase opening the sentence with its
                // article or possessive.
                let described = n == first
                    && end - n < 4
                    && doc.tags(n).any(Tags::DETERMINER)
                    && (n + 1..=end).all(|i| {
                        !doc.tags(i).any(
                            Tags::SUBJECT_BOUND
                                | Tags::CUE_VERB
                                | Tags::AUXILIARY
                                | Tags::DETERMINER,
                        ) && !is_finite_verb_like(doc, i, doc.lower_bytes(i), first)
                    });
                if (named && end - n < APPOSED_NAME) || described {
                    return Some((n, last));
                }
                if n == first
                    || !doc.gap_bytes(n - 1, n).contains(&b',')
                    || doc.words[n - 1].quoted()
                {
                    return None;
                }
                end = n - 1;
            }
            return None;
        }
        last = k - 1;
    } else if !doc.joined(last) && !relative && !set_apart {
        return None;
    }
    let mut k = last;
    while k > first && k + MAX_SUBJECT > last + 1 {
        let prev = k - 1;
        if doc.words[prev].quoted() || !doc.joined(prev) {
            break;
        }
        let word = doc.lower_bytes(prev);
        // "a man posing as (or describing himself as) the commander".
        let posing_as = word == b"as"
            && prev > first
            && (doc.lower_bytes(prev - 1).ends_with(b"ing")
                || doc.lower_bytes(prev - 1).ends_with(b"self")
                || doc.tags(prev - 1).any(Tags::AS_DESCRIPTION));
        // A participle ("defending his tweets") ends a subject, unless it
        // describes one ("a man posing as the commander").
        let participle = word.ends_with(b"ing") && !doc.is_capitalized(prev);
        let as_follows =
            || doc.lower_bytes(prev + 1) == b"as" || doc.lower_bytes(prev + 2) == b"as";
        if participle && !as_follows() {
            break;
        }
        let tags = doc.tags(prev);
        let bound = tags.any(Tags::SUBJECT_BOUND) && !posing_as && !in_name(doc, prev, first);
        if bound || (tags.any(Tags::CUE_VERB) && !participle) {
            break;
        }
        // "angry about mandates and teachers unions who said": the noun
        // phrase a relative pronoun follows is short, its determiner, a
        // preposition or a coordinator before it.
        if relative && tags.any(Tags::COORDINATOR | Tags::ADJUNCT_PREPOSITION) {
            break;
        }
        if relative && tags.any(Tags::DETERMINER) {
            k = prev;
            break;
        }
        if is_finite_verb_like(doc, prev, word, first) || tags.any(Tags::NOMINATIVE) {
            break;
        }
        k = prev;
    }
    // The walk may have taken in the tail of a clause before the subject
    // ("on Trump to stop ...", "even", "nationally and in the swing"): the
    // subject starts at the first word that can start a noun phrase.
    while k <= last && !starts_noun_phrase(doc, k) {
        k += 1;
    }
    if k > last || doc.tags(k).any(Tags::SUBJECT_BOUND) {
        return None;
    }
    // A number or a quantifier opens a subject as a determiner does ("51
    // percent of respondents said", "half of GOP primary voters said").
    let numeral = doc.lower_bytes(k).first().is_some_and(u8::is_ascii_digit)
        || doc.tags(k).any(Tags::QUANTIFIER);
    let lowercase_head =
        !doc.is_capitalized(k) && !numeral && !doc.tags(k).any(Tags::DETERMINER | Tags::PRONOUN);
    // "teachers and union officials told": people coordinated are a
    // subject, short and with no preposition ("concern among Jewish
    // leaders" is a clause's tail).
    let person_head = doc.is_capitalized(last)
        || (doc.tags(last).any(Tags::SPEAKER_NOUN)
            && last - k < 6
            && (k..last).any(|i| doc.tags(i).any(Tags::COORDINATOR))
            && !(k..last).any(|i| doc.tags(i).any(Tags::ADJUNCT_PREPOSITION)));
    if lowercase_head && last - k >= 3 && !person_head {
        return None;
    }
    if k == last
        && doc.tags(k).any(Tags::PRONOUN)
        && matches!(PRONOUNS.get(doc.lower(k)), Some(&"first") | Some(&"second"))
    {
        return None;
    }
    Some((k, last))
}

/// "who in 2010 said", "who on Sunday said": a preposition or "last" and
/// at most two words of time or numbers right before the verb at `cue`,
/// where the subject stands before them; the adjunct's first word.
fn time_adjunct_before(doc: &Doc, cue: usize, first: usize) -> Option<usize> {
    let time = |k: usize| {
        doc.tags(k).any(Tags::TIME_ADJUNCT) || doc.lower_bytes(k).iter().all(u8::is_ascii_digit)
    };
    let mut k = cue.checked_sub(1)?;
    let mut words = 0;
    while k > first && words < 2 && doc.joined(k) && time(k) {
        k -= 1;
        words += 1;
    }
    let opens = doc.tags(k).any(Tags::TIME_DEICTIC)
        || (doc.tags(k).any(Tags::ADJUNCT_PREPOSITION) && !doc.tags(k).any(Tags::SUBJECT_BOUND));
    (words > 0 && k > first && opens && doc.joined(k) && doc.joined(k - 1)).then_some(k)
}

/// "Theresa May said": a capitalised word after another is part of a name,
/// not an auxiliary.
fn in_name(doc: &Doc, w: usize, first: usize) -> bool {
    w > first && doc.is_capitalized(w) && doc.is_capitalized(w - 1)
}

fn starts_noun_phrase(doc: &Doc, w: usize) -> bool {
    let tags = doc.tags(w);
    if doc.is_capitalized(w) || tags.any(Tags::DETERMINER | Tags::PRONOUN) {
        return true;
    }
    let word = doc.lower_bytes(w);
    !(is_clitic(word)
        || tags.any(
            Tags::ADJUNCT_PREPOSITION | Tags::SUBJECT_BOUND | Tags::SPEECH_ADJUNCT | Tags::CUE_VERB,
        )
        || is_modifier(doc, w)
        || tags.any(Tags::PHRASE_NON_STARTER)
        || word.ends_with(b"ing"))
}

/// Word `w` is an auxiliary or an adverb: a cue modifier, or in -ly.
fn is_modifier(doc: &Doc, w: usize) -> bool {
    doc.tags(w).any(Tags::CUE_MODIFIER) || {
        let word = doc.lower_bytes(w);
        word.len() > 4 && word.ends_with(b"ly")
    }
}

/// A clitic ("’s", "'re"), by its lowered bytes.
fn is_clitic(word: &[u8]) -> bool {
    word.starts_with("’".as_bytes()) || word.starts_with(b"'")
}

/// Word `w` may stand in a speaker's name: capitalised, or a joiner ("of").
fn is_name_word(doc: &Doc, w: usize) -> bool {
    doc.is_capitalized(w) || doc.tags(w).any(Tags::SPEAKER_NAME_JOINER)
}

/// A lower-case word in -ed not after a determiner or a capital reads as a
/// finite verb ("forces attacked X and Y said"), which no subject crosses;
/// "the armed groups" and "the besieged region" keep theirs. `word` is
/// word `w` in lower case, which the caller has at hand.
fn is_finite_verb_like(doc: &Doc, w: usize, word: &[u8], first: usize) -> bool {
    if !word.ends_with(b"ed") || doc.is_capitalized(w) || word.len() < 5 {
        return false;
    }
    !(w > first && (doc.tags(w - 1).any(Tags::DETERMINER) || doc.is_capitalized(w - 1)))
}

/// The subject of a clause whose verb we cannot see: the noun phrase at the
/// start of the sentence, after an opening adjunct ("In a video released on
/// Sunday, the Ukrainian army appeared to ... and said").
fn clause_subject(doc: &Doc, first: usize, limit: usize) -> Option<(usize, usize)> {
    let mut start = first;
    if doc.tags(first).any(Tags::ADJUNCT_PREPOSITION) || is_modifier(doc, first) {
        let comma = (first..limit).find(|&k| doc.gap_bytes(k, k + 1).contains(&b','))?;
        start = comma + 1;
    }
    // "But the mayor ...": a conjunction opening the sentence is no part of
    // the subject.
    if start + 1 < limit && doc.tags(start).any(Tags::COORDINATOR | Tags::CONNECTIVE) {
        start += 1;
    }
    // "She escalated her criticism, saying": a pronoun is the whole
    // subject, whatever follows it.
    if doc.tags(start).any(Tags::NOMINATIVE) {
        return (start < limit).then_some((start, start));
    }
    let mut end = start;
    while end + 1 < limit && doc.joined(end) && end - start < 6 {
        let next = doc.lower_bytes(end + 1);
        let verbish = (next.ends_with(b"ed")
            || next.ends_with(b"s") && !doc.is_capitalized(end + 1))
            && !doc.is_capitalized(end + 1)
            && end > start;
        // "the mayor drew a contrast": a person noun ends the phrase before
        // a lower-case word that no preposition or conjunction opens.
        let after_person = doc.tags(end).any(Tags::SPEAKER_NOUN)
            && !doc.is_capitalized(end + 1)
            && !doc
                .tags(end + 1)
                .any(Tags::ADJUNCT_PREPOSITION | Tags::COORDINATOR)
            && next != b"of";
        if verbish || after_person || doc.tags(end + 1).any(Tags::SUBJECT_BOUND | Tags::CUE_VERB) {
            break;
        }
        end += 1;
    }
    // "the other candidate on the stage, former Secretary of State Hillary
    // Clinton, drew": the name set off after the phrase.
    let named = (end + 1..limit.min(end + 1 + APPOSED_NAME))
        .take_while(|&k| doc.gap_bytes(k - 1, k).contains(&b',') == (k == end + 1))
        .last()
        .filter(|&k| {
            !doc.tags(end + 1)
                .any(Tags::ADJUNCT_PREPOSITION | Tags::SUBJECT_BOUND)
                && doc.is_capitalized(k)
                && k + 1 < limit
                && doc.gap_bytes(k, k + 1).contains(&b',')
                && (end + 1..=k).any(|i| doc.is_capitalized(i))
        });
    if let Some(last) = named {
        return Some(strip_title(doc, end + 1, last));
    }
    (start < limit).then_some((start, end))
}

/// A subject read back to the start of its sentence may hold the
/// sentence's first word, capitalised there: a conjunction, an adverb of
/// time or a preposition with its time ("And Patrick says", "Now Bloomberg
/// says", "On Monday the mayor said") is no part of it.
fn opening(doc: &Doc, first: usize, (start, last): (usize, usize)) -> (usize, usize) {
    if start != first || start == last {
        return (start, last);
    }
    let tags = doc.tags(start);
    let time = Tags::TIME_ADJUNCT | Tags::TIME_DEICTIC;
    let adverb = Tags::COORDINATOR | Tags::CONNECTIVE | Tags::SUBJECT_BOUND;
    // "At least half of voters say" keeps its "At".
    let at_least = start < last && matches!(doc.lower_bytes(start + 1), b"least" | b"most");
    if tags.any(Tags::ADJUNCT_PREPOSITION) && !at_least {
        let mut k = start + 1;
        while k < last && doc.tags(k).any(time) {
            k += 1;
        }
        (k, last)
    } else if tags.any(adverb | time) {
        (start + 1, last)
    } else {
        (start, last)
    }
}

/// "presidential aide Mykhailo Podolyak" names Mykhailo Podolyak: a title
/// without a determiner before a name is dropped from the speaker.
fn strip_title(doc: &Doc, first: usize, last: usize) -> (usize, usize) {
    if doc.tags(first).any(Tags::DETERMINER) || !doc.is_capitalized(last) {
        return (first, last);
    }
    let mut name = last;
    while name > first && doc.is_capitalized(name - 1) {
        name -= 1;
    }
    let title_before = name > first && doc.tags(name - 1).any(Tags::SPEAKER_NOUN);
    if title_before {
        return (name, last);
    }
    // "British Foreign Secretary Theresa May" is Theresa May: the whole
    // capitalised title goes, with the nationality and qualifiers before it.
    let titling = |w: usize| {
        doc.tags(w)
            .any(Tags::SPEAKER_NOUN | Tags::TITLE_MODIFIER | Tags::NATIONALITY)
    };
    let mut start = name;
    while start < last && titling(start) {
        start += 1;
    }
    if name == first && start > name && doc.tags(start - 1).any(Tags::SPEAKER_NOUN) {
        (start, last)
    } else {
        (first, last)
    }
}

/// "Cruz lacks support, whom he has alienated, said Larry Sabato, director
/// of ...": a speech verb right after a comma, with a speaker named right
/// after it, reports what came before the comma, however the words before
/// read. The speaker is the name with its role words, as after any
/// inverted verb.
fn inverted_after_comma(
    doc: &Doc,
    w: usize,
    end: usize,
    first: usize,
    sentence_end: usize,
) -> Option<(usize, usize)> {
    let set_off = w > first && doc.gap_bytes(w - 1, w).contains(&b',');
    // "Ramos, 58, told AFP": a verb of telling takes its addressee there.
    let tags = doc.tags(w);
    if !set_off || !tags.any(Tags::SPEECH_VERB) || tags.any(Tags::TELL_VERB | Tags::QUOTE_ONLY_VERB)
    {
        return None;
    }
    let (start, last) = named_after(doc, end + 1, sentence_end, false)?;
    names_speaker(doc, start, last, sentence_end).then_some((start, last))
}

/// Words `start..=last` name a speaker and close the clause after an
/// inverted verb: an article, at most three lower-case words of role
/// ("political scientist", "former senator"), then a name, or a role noun
/// alone ("a spokesman"); then punctuation, a preposition ("in Almaty") or
/// the sentence's end. "the attack killed two people" is a clause.
fn names_speaker(doc: &Doc, start: usize, last: usize, end: usize) -> bool {
    if doc.tags(start).any(Tags::PRONOUN) {
        return false;
    }
    let mut k = start;
    if k < last && matches!(doc.lower_bytes(k), b"the" | b"a" | b"an") {
        k += 1;
    }
    let lower = (k..=last).take_while(|&i| !doc.is_capitalized(i)).count();
    if lower > 0 && !doc.tags(k + lower - 1).any(Tags::SPEAKER_NOUN) {
        return false;
    }
    let name = k + lower <= last && (k + lower..=last).all(|i| is_name_word(doc, i));
    let role = lower > 0 && k + lower > last && doc.tags(last).any(Tags::SPEAKER_NOUN);
    // Not closed by a quotation ("said Obama "understood ..."), a relative
    // clause or an infinitive ("asked a federal judge to block").
    let gap = || doc.gap(last, last + 1);
    let next = || doc.tags(last + 1);
    let closes = last + 1 >= end
        || (gap().contains([',', ';', '(', ':', '—', '–']) && !gap().contains(QUOTE_MARKS))
        || (next().any(Tags::ADJUNCT_PREPOSITION)
            && !next().any(Tags::SUBJECT_BOUND)
            && doc.lower_bytes(last + 1) != b"to");
    lower <= 3 && closes && (name || role)
}

/// A speaker named after its verb or after "according to": a noun phrase up
/// to punctuation, a preposition or a clause word.
fn named_after(doc: &Doc, start: usize, end: usize, any: bool) -> Option<(usize, usize)> {
    if start >= end || doc.words[start].quoted() || !doc.joined(start - 1) {
        return None;
    }
    let tags = doc.tags(start);
    // "according to exit polls" may start with any word; after an inverted
    // verb the speaker must look like one ("said Gladkov", "said the mayor").
    let opens_np = any
        || doc.is_capitalized(start)
        || tags.any(Tags::DETERMINER | Tags::PRONOUN | Tags::SPEAKER_NOUN)
        || role_before_name(doc, start, end);
    if !opens_np || tags.any(Tags::ADJUNCT_PREPOSITION | Tags::SPEECH_ADJUNCT) {
        return None;
    }
    let mut last = start;
    while last + 1 < end
        && last + 1 - start < MAX_NAMED_AFTER
        && doc.joined(last)
        && !doc.words[last + 1].quoted()
    {
        let stops =
            Tags::ADJUNCT_PREPOSITION | Tags::SUBJECT_BOUND | Tags::CUE_VERB | Tags::SPEECH_ADJUNCT;
        if doc.tags(last + 1).any(stops) {
            break;
        }
        last += 1;
    }
    // After an inverted verb the speaker closes the clause ("said Gladkov.",
    // "said the mayor on Sunday"); words a verb follows are the reported
    // clause's subject ("said it will help").
    let verb_follows = last + 1 < end
        && doc.joined(last)
        && doc.tags(last + 1).any(Tags::SUBJECT_BOUND | Tags::CUE_VERB)
        && !doc.tags(last + 1).any(Tags::ADJUNCT_PREPOSITION);
    if !any && verb_follows {
        return None;
    }
    Some((start, last))
}

/// "political scientist Dossym Satpayev": lower-case words of role, at most
/// three, the last a speaker noun, open a name.
fn role_before_name(doc: &Doc, start: usize, end: usize) -> bool {
    (start..end.min(start + 3))
        .take_while(|&k| doc.joined(k) && !doc.is_capitalized(k))
        .any(|k| doc.tags(k).any(Tags::SPEAKER_NOUN) && k + 1 < end && doc.is_capitalized(k + 1))
}

/// The clause a cue reports: after the verb, its adjuncts ("on Sunday", "in
/// a statement"), the addressee of "told", and "that"; up to the sentence end
/// or the next attribution. For a cue at the end ("..., a source said"), the
/// clause before the speaker.
fn content(doc: &Doc, a: &Anchor, next: Option<usize>) -> Option<Span> {
    if a.quote_only {
        return None;
    }
    let s = doc.sentences.get(a.sentence)?;
    let (sentence, words) = (s.span(), s.words());
    let end_limit = next.unwrap_or(sentence.end);
    if a.according {
        let (_, last) = a.speaker?;
        let before_start = a.cue.0;
        let gap = if before_start > words.start {
            doc.gap(before_start - 1, before_start)
        } else {
            ""
        };
        if gap.contains(',') && !gap.contains(QUOTE_MARKS) {
            let span = Span::new(sentence.start, doc.words[before_start - 1].end());
            return clause(doc, span);
        }
        if last + 1 < words.end && doc.gap_bytes(last, last + 1).contains(&b',') {
            return clause(doc, Span::new(doc.words[last + 1].start(), end_limit));
        }
        return None;
    }
    let mut w = a.cue.1 + 1;
    if a.inverted {
        w = a.speaker?.1 + 1;
    }
    // "said — on Twitter, as it happens — that": an aside between dashes
    // after the verb is skipped as an adjunct is.
    let aside = (!a.inverted)
        .then(|| dashed_aside(doc, w, words.end))
        .flatten();
    if let Some(k) = aside {
        w = k;
    }
    let after = skip_adjuncts(doc, w, words.end);
    let start = if a.inverted { a.cue.0 } else { a.from };
    let gap = if start > words.start {
        doc.gap(start - 1, start)
    } else {
        ""
    };
    // After a closing mark the clause is a quotation: a direct claim.
    let after_quote = gap.contains(QUOTE_MARKS);
    let set_off = gap.contains(',') && !after_quote;
    let tell = doc.tags(a.cue.1).any(Tags::TELL_VERB);
    // "told his advisers to figure out how": whom, then what they were
    // told to do, reported together.
    let told_to = tell && infinitive_after(doc, after, words.end);
    let ends = after >= words.end || (tell && !told_to && only_addressee(doc, after, words.end));
    let comma_after = !ends && doc.gap_bytes(after - 1, after).contains(&b',');
    if a.inverted || ends || (set_off && comma_after) {
        // "X, a source said (on Sunday)." reports what came before; "X, he
        // said, Y" reports both sides, of which the longer is kept.
        if !set_off {
            return None;
        }
        let before = clause(doc, Span::new(sentence.start, doc.words[start - 1].end()));
        // After an inverted speaker, what follows a comma describes them
        // ("said Larry Sabato, director of ...", "said a Republican, who
        // ...") unless a verb goes on with the clause ("The economy, said
        // Smith, is improving").
        let describes = a.inverted && !doc.tags(after).any(Tags::AUXILIARY | Tags::CONNECTIVE);
        let rest = if comma_after && !describes {
            clause(doc, Span::new(doc.words[after].start(), end_limit))
        } else {
            None
        };
        return match (before, rest) {
            (Some(b), Some(r)) => Some(if r.len() > b.len() { r } else { b }),
            (b, r) => b.or(r),
        };
    }
    let opens_quote = || {
        matches!(
            doc.gap(w - 1, w).trim(),
            "“" | "\"" | "‘" | "'" | "«" | "„" | "‹"
        )
    };
    if !doc.joined(w - 1) && !opens_quote() && aside.is_none() {
        return None;
    }
    // Past the adjuncts, as skipped above: short of the sentence end, which
    // returned there.
    w = after;
    if tell {
        // "told reporters." names whom, not what.
        let clause_start = skip_addressee(doc, w, words.end);
        if clause_start == w && doc.lower_bytes(w) != b"that" && !told_to {
            return None;
        }
        w = clause_start;
    }
    // After a quotation ("...," Grassley said in a conference call with
    // Iowa reporters; "...," she said of Trump) a preposition left after the adjuncts opens no
    // clause, nor does a participle with its agent ("said in a video
    // posted by CBN"), unless a mark or a colon opens what follows.
    let tags = doc.tags(w);
    // "to" before a name or a determiner is whom it was said to, before a
    // verb an infinitive.
    let to_whom = || {
        w + 1 < words.end
            && (doc.is_capitalized(w + 1) || doc.tags(w + 1).any(Tags::DETERMINER | Tags::OBJECT))
    };
    let preposition = || {
        (tags.any(Tags::ADJUNCT_PREPOSITION) || doc.lower_bytes(w) == b"of")
            && !tags.any(Tags::SUBJECT_BOUND)
            && (doc.lower_bytes(w) != b"to" || to_whom())
            && !(w + 1 < words.end && matches!(doc.lower_bytes(w + 1), b"least" | b"most"))
    };
    let with_agent = || {
        w + 1 < words.end && doc.lower_bytes(w).ends_with(b"ed") && doc.lower_bytes(w + 1) == b"by"
    };
    let opened =
        || doc.gap(w - 1, w).contains(QUOTE_MARKS) || doc.gap_bytes(w - 1, w).contains(&b':');
    if after_quote && (preposition() || with_agent()) && !opened() {
        // "claimed in an interview with Breitbart News that ...": more
        // adjuncts before the clause's "that" or "whether"; a verb of
        // belief or agreement may take the phrase as its object ("agreed
        // with the analysis").
        let complement = (w + 1..words.end.min(w + MAX_ADJUNCT_WORDS))
            .take_while(|&k| {
                !doc.words[k].quoted()
                    && !doc
                        .tags(k)
                        .any(Tags::CUE_VERB | Tags::AUXILIARY | Tags::NOMINATIVE)
            })
            .find(|&k| matches!(doc.lower_bytes(k), b"that" | b"whether"));
        match complement {
            Some(k) => w = k,
            None if doc.tags(a.cue.1).any(Tags::SPEECH_VERB) => return None,
            None => {}
        }
    }
    if doc.lower_bytes(w) == b"that" && w + 1 < words.end {
        w += 1;
    }
    // A clause that opens with a quotation starts at its mark.
    let gap = doc.gap(w - 1, w);
    let start = match gap.rfind(['“', '"', '‘', '\'', '«', '„', '‹']) {
        Some(i) => doc.words[w - 1].end() + i,
        None => doc.words[w].start(),
    };
    if start >= end_limit {
        return None;
    }
    let span = Span::new(start, end_limit);
    clause(doc, span)
}

/// "..., a spokesman told The Wall Street Journal.": the words from `w` to
/// the sentence's end name only whom a verb of telling told, where and
/// when: no clause word, pronoun subject, cue or quotation among them (the
/// caller has read that no infinitive follows).
fn only_addressee(doc: &Doc, w: usize, end: usize) -> bool {
    end - w <= 8
        && (w..end).all(|k| {
            !doc.words[k].quoted()
                && !doc
                    .tags(k)
                    .any(Tags::SUBJECT_BOUND | Tags::CUE_VERB | Tags::NOMINATIVE)
                && (k + 1 == end || doc.joined(k))
        })
}

/// An infinitive within a few words after an addressee opening at `w`
/// ("his advisers to figure out"): "to" before a word in lower case that
/// opens no noun phrase ("to reporters", "to the court" are whom).
fn infinitive_after(doc: &Doc, w: usize, end: usize) -> bool {
    (w + 1..end.min(w + 6))
        .take_while(|&k| doc.joined(k - 1) && !doc.words[k].quoted())
        .any(|k| {
            doc.lower_bytes(k) == b"to"
                && k + 1 < end
                && doc.joined(k)
                && !doc.is_capitalized(k + 1)
                && !doc.tags(k + 1).any(Tags::DETERMINER | Tags::PRONOUN)
        })
}

/// The word after an aside between dashes that opens at word `w`, if one
/// closes within [`DASHED_ASIDE`] words, before `end`.
fn dashed_aside(doc: &Doc, w: usize, end: usize) -> Option<usize> {
    let dash = |gap: &str| gap.contains(['—', '–']);
    if w == 0 || w >= end || !dash(doc.gap(w - 1, w)) {
        return None;
    }
    (w + 1..end.min(w + DASHED_ASIDE))
        .take_while(|&k| !doc.words[k].quoted())
        .find(|&k| dash(doc.gap(k - 1, k)))
}

fn skip_adjuncts(doc: &Doc, mut w: usize, end: usize) -> usize {
    while w < end {
        let tags = doc.tags(w);
        if tags.any(Tags::SPEECH_ADJUNCT) || is_modifier(doc, w) && !tags.any(Tags::CUE_MODIFIER) {
            w += 1;
            continue;
        }
        // "said this week that", "said last year that".
        if tags.any(Tags::TIME_DEICTIC)
            && w + 1 < end
            && doc.joined(w)
            && doc.tags(w + 1).any(Tags::TIME_ADJUNCT)
        {
            w += 2;
            continue;
        }
        if !tags.any(Tags::ADJUNCT_PREPOSITION) || tags.any(Tags::ADJUNCT_STOP) {
            break;
        }
        let mut reach = None;
        let mut k = w + 1;
        while k < end && k <= w + 5 && doc.joined(k - 1) {
            if doc.tags(k).any(Tags::SUBJECT_BOUND) {
                break;
            }
            if doc.tags(k).any(Tags::SPEECH_ADJUNCT) {
                reach = Some(k);
            }
            k += 1;
        }
        match reach {
            Some(k) => w = k + 1,
            None => break,
        }
    }
    w
}

/// "told the armed groups he would ..." reports "he would ...": skip the
/// addressee to the subject of the reported clause, unless "that" comes.
fn skip_addressee(doc: &Doc, w: usize, end: usize) -> usize {
    let mut k = w;
    // Inside a prepositional phrase ("told reporters at the city hall") a
    // determiner or a name belongs to the phrase, not to a clause.
    let mut in_phrase = false;
    while k < end && k < w + 8 && doc.joined(k.saturating_sub(1)) {
        let word = doc.lower_bytes(k);
        if word == b"that" {
            return k;
        }
        let tags = doc.tags(k);
        if k > w && tags.any(Tags::ADJUNCT_PREPOSITION) {
            in_phrase = true;
            k += 1;
            continue;
        }
        let subject_like = tags.any(Tags::PRONOUN)
            && matches!(
                PRONOUNS.get(doc.lower(k)),
                Some(&"male")
                    | Some(&"female")
                    | Some(&"neuter")
                    | Some(&"plural")
                    | Some(&"first")
            )
            && !tags.any(Tags::OBJECT)
            || word == b"there";
        let starts_phrase = tags.any(Tags::DETERMINER) || doc.is_capitalized(k);
        if k > w && (subject_like || !in_phrase && starts_phrase) {
            return k;
        }
        k += 1;
    }
    w
}

/// A reported clause: trimmed of the sentence's final punctuation and of a
/// connective left before the next attribution (", but", " and").
pub(super) fn clause(doc: &Doc, span: Span) -> Option<Span> {
    // A clause whose words ran out before it began ("r,e add,is,promise"
    // leaves the cue at the sentence end) has no span to read.
    let s = doc.text.get(span.range())?;
    // Spaces and punctuation go in one trim, after which only a tail can
    // end the text: no round is run but to find that nothing changed, as
    // one is after the trailing period that nearly every clause has. The
    // text is cut at byte offsets, each at an ASCII byte or where a trim
    // ended: a char boundary, unchecked until the one slice at the end.
    let mut end = s.len();
    loop {
        end = trim_stops(s, end);
        let before = end;
        for word in CLAUSE_TAILS.iter() {
            let Some(at) = end.checked_sub(word.len() + 1) else {
                continue;
            };
            let tail = &s.as_bytes()[at..end];
            if tail[0] == b' ' && tail[1..].eq_ignore_ascii_case(word.as_bytes()) {
                end = at;
            }
        }
        if end == before {
            break;
        }
    }
    let s = &s[..end];
    // A clause starts at a word or a mark, seldom at a space: an ASCII
    // first byte not a space is known to need no trim, with no char decoded.
    let first_stays = s
        .as_bytes()
        .first()
        .is_some_and(|&b| b.is_ascii() && !char::from(b).is_whitespace());
    let lead = if first_stays {
        0
    } else {
        s.len() - s.trim_start().len()
    };
    let start = span.start + lead;
    let end = span.start + s.len();
    (end > start).then(|| Span::new(start, end))
}

/// Where `s[..end]` ends once trimmed of spaces and stops: an ASCII last
/// byte, as nearly every one is, is read as the char it is, not decoded.
fn trim_stops(s: &str, mut end: usize) -> usize {
    while let Some(&b) = s.as_bytes().get(..end).and_then(<[u8]>::last) {
        if !b.is_ascii() {
            return s[..end].trim_end_matches(space_or_stop).len();
        }
        if !space_or_stop(char::from(b)) {
            break;
        }
        end -= 1;
    }
    end
}

/// A space or a stop that ends a clause.
fn space_or_stop(c: char) -> bool {
    c.is_whitespace() || matches!(c, '.' | ',' | ';' | ':' | '!' | '?' | '—' | '–')
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::attribution::doc::Tagged;
    use crate::text::Layout;

    #[test]
    fn clauses_lose_their_stops_and_tails() {
        for (text, clause_text) in [
            ("he would win.", Some("he would win")),
            ("he would win, and", Some("he would win")),
            ("prices rose and .", Some("prices rose")),
            ("x as , but .", Some("x")),
            ("x whereas\u{a0}. ", Some("x")),
            ("she said AND", Some("she said")),
            ("the band", Some("the band")),
            ("  it ends — ", Some("it ends")),
            ("“It will end,” ", Some("“It will end,”")),
            (" ; . ", None),
            ("and", Some("and")),
        ] {
            let layout = Layout::new(text);
            let ascii = text.to_ascii_lowercase();
            let tagged = Tagged::new();
            let doc = Doc::new(text, &ascii, &[], &layout, &[], &tagged);
            let span = clause(&doc, Span::new(0, text.len()));
            assert_eq!(span.map(|s| &text[s]), clause_text, "{text:?}");
        }
    }
}
