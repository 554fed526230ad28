//! The soundness every analysis must have, whatever the text: shared by the
//! fuzz target `analyze`, its regression replays and the adversarial tests.

use sayso::{Analysis, Layout, Snippet};

/// Every snippet of the analysis: mentions, then claim contents, speakers
/// and cues.
pub fn snippets(a: &Analysis) -> impl Iterator<Item = &Snippet> {
    a.entities
        .iter()
        .flat_map(|e| e.mentions.iter())
        .chain(a.claims.iter().flat_map(|c| {
            std::iter::once(&c.content)
                .chain(c.speaker.as_ref())
                .chain(c.cue.as_ref())
        }))
}

/// Every snippet slices the text to what it says, every span of the text's
/// layout is a non-empty slice on char boundaries, entities are numbered in
/// order and every speaker entity exists.
pub fn assert_sound(text: &str, a: &Analysis) {
    for s in snippets(a) {
        assert_eq!(text.get(s.span.range()), Some(s.text.as_str()), "{s:?}");
    }
    for q in &a.quotes {
        assert_eq!(text.get(q.span.range()), Some(q.text.as_str()), "{q:?}");
    }
    let layout = Layout::new(text);
    let spans = layout
        .tokens
        .iter()
        .map(|t| t.span)
        .chain(layout.sentences.iter().map(|s| s.span))
        .chain(layout.paragraphs.iter().map(|p| p.span));
    for span in spans {
        assert!(span.start < span.end, "{span:?}");
        assert!(text.get(span.range()).is_some(), "{span:?}");
    }
    for (i, e) in a.entities.iter().enumerate() {
        assert_eq!(e.id.index(), i, "{e:?}");
    }
    for claim in &a.claims {
        if let Some(id) = claim.speaker_entity {
            assert!(id.index() < a.entities.len(), "{claim:?}");
        }
    }
}
