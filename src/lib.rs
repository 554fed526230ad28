/*!
sayso reads English news articles and tells who and what they name (people,
groups, places) and who said what: quoted and reported statements, each
attributed to its speaker.

# Example

```
use sayso::{Extractor, EntityType};

let text = "The governor of the Belgorod region, Vyacheslav Gladkov, said on Sunday \
            that clashes had broken out again.";
let analysis = Extractor::new().analyze(text);
for entity in &analysis.entities {
    for mention in &entity.mentions {
        // Every span slices the original text exactly.
        assert_eq!(&text[mention.span], mention.text);
    }
}
```

# The pipeline

1. **text** ([`Layout`]): tokens (Unicode word boundaries, with apostrophes told from
   quotation marks), sentences (abbreviations, initials, decimals, closing
   quotation marks, datelines) and paragraphs (blank lines or one per line;
   headlines marked).
2. **gazetteer**: every name and alias of the gazetteers, matched from each
   token start by a walk of one transducer of all names (for the embedded
   gazetteers compiled when the crate is built), ending on token boundaries.
3. **entities**: gazetteer matches plus names no list has, typed by cues and
   clustered, so "Vyacheslav Gladkov", "Gladkov" and "Gladkow" are one person.
4. **quotes**: quotations in every mark style, nested, unclosed or running
   over paragraphs.
5. **claims**: direct, partial and indirect speech, attributed to a speaker
   by ordered sieves; each claim records the sieve that decided it.

Each stage reads only the output of the stages before it.

# Offsets

Every [`Span`] is a half-open range of UTF-8 byte offsets into the text given
to [`Extractor::analyze`], on char boundaries, so `&text[span]` never panics.
A BOM, CRLF line ends, NBSP, soft hyphens, zero-width characters and NUL are
kept in place: nothing is normalised away before offsets are taken. Code point
or UTF-16 offsets are produced once, when writing out, by
[`Analysis::with_offsets`].

The pieces of text an analysis keeps (each mention, speaker, cue, content
and quotation, and each entity's name) are [`Text`]s, owned copies that read
as `&str`, compare with strings and serialise as strings; short ones, nearly
all names, are kept inline with no allocation of their own.

# Many texts

An [`Extractor`] is immutable, `Send + Sync` and cheap to clone: build it once
and share it. [`Extractor::analyze_batch`] analyses a slice in parallel on the
caller's rayon pool and keeps input order; inside your own `par_iter`, call
[`Extractor::analyze`] (each text runs on one thread, with no parallelism of
its own nested inside):

```
use rayon::prelude::*;

let extractor = sayso::Extractor::new();
let texts = vec!["Moscow said it would respond.", "“We are ready,” said Kyiv."];
let claims: Vec<usize> = texts
    .par_iter()
    .map(|text| extractor.analyze(text).claims.len())
    .collect();
assert_eq!(claims.len(), 2);
```

# Limits

sayso is rule- and list-based: it knows the names in its gazetteers and the
name shapes and cues its rules describe. It reads English only.

A text longer than 64 KB (far longer than any news article) is analysed in
windows of at most 32 KB cut at paragraph breaks, so the memory an analysis
needs stays within ten times the text. Entities of different windows are
joined when they link the same gazetteer entry or share type and name; a
quotation, a claim or a surname's link to a full name does not cross a cut.
*/

#![forbid(unsafe_code)]
#![deny(missing_docs)]

mod attribution;
mod document;
mod entity;
mod error;
mod extractor;
mod gazetteer;
mod hash;
mod lexicon;
mod quote;
mod span;
mod text;

pub use crate::document::{
    Analysis, Claim, ClaimKind, Entity, EntityId, EntityType, Quote, QuoteRole, Sieve, Snippet,
    Text, WithOffsets,
};
pub use crate::error::{Error, ErrorKind};
pub use crate::extractor::{Extractor, ExtractorBuilder, StageTimes};
pub use crate::gazetteer::{Entry, Gazetteer, GazetteerBuilder, Gender, COLUMNS};
pub use crate::span::{OffsetUnit, Span};
pub use crate::text::{Layout, Paragraph, Sentence, Spacing, Token, TokenKind};

#[cfg(doctest)]
#[doc = include_str!("../README.md")]
struct ReadmeDoctests;
