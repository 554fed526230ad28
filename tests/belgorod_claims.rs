//! The acceptance article: every gold claim found with its kind, content,
//! speaker mention and cue (and, once the entity stage names entities, the
//! speaker's entity), and no quotation that is not a claim reported as one.
//!
//! The article and its gold live outside the repository; without them the
//! test says so and passes.
//!
//! One gold span is a choice the rules do not make, and is listed in
//! [`KNOWN_DIFFERENCES`] with the span sayso gives instead: the test holds
//! sayso to exactly that span, and fails once it no longer occurs, so the
//! list cannot go stale.

use serde_json::Value;

#[path = "common/shared.rs"]
mod shared;
use shared::byte_offsets;

fn span(v: &Value, bytes: &[usize]) -> (usize, usize) {
    let at = |k: &str| bytes[v[k].as_u64().expect("offset") as usize];
    (at("start"), at("end"))
}

/// Gold content, the content sayso reports instead, and why they differ.
const KNOWN_DIFFERENCES: &[(&str, &str, &str)] = &[(
    "pro-Ukrainian forces had taken Russian prisoners of war",
    "pro-Ukrainian forces had taken Russian prisoners of war during incursions",
    "the gold leaves a clause-final \"during ...\" phrase out of the reported clause; \
     PolNeAR keeps such phrases in 102 of 128 contents, so the rules keep it",
)];

#[test]
fn belgorod_claims() {
    let Some(dir) = shared::dir() else {
        eprintln!("skipped: examples/belgorod.gold.json not found (set SAYSO_SHARED)");
        return;
    };
    let text = std::fs::read_to_string(dir.join("examples/belgorod.txt")).unwrap();
    let gold: Value = serde_json::from_str(
        &std::fs::read_to_string(dir.join("examples/belgorod.gold.json")).unwrap(),
    )
    .unwrap();
    let bytes = byte_offsets(&text);
    let analysis = sayso::Extractor::new().analyze(&text);
    let entity_names: Vec<&str> = gold["entities"]
        .as_array()
        .unwrap()
        .iter()
        .map(|e| e["name"].as_str().unwrap())
        .collect();
    let check_entities = !analysis.entities.is_empty();
    if !check_entities {
        eprintln!("note: no entities found, so speaker entities are not checked");
    }

    let mut failures = Vec::new();
    for g in gold["claims"].as_array().unwrap() {
        let (start, end) = span(&g["content"], &bytes);
        let content = &text[start..end];
        assert_eq!(content, g["content"]["text"].as_str().unwrap());
        let kind = g["kind"].as_str().unwrap();
        let known = KNOWN_DIFFERENCES
            .iter()
            .find(|(gold, _, _)| *gold == content);
        let found = analysis.claims.iter().find(|c| {
            let span = (c.content.span.start, c.content.span.end);
            c.kind.as_str() == kind
                && match known {
                    None => span == (start, end),
                    Some((_, ours, _)) => span.0 == start && c.content.text == *ours,
                }
        });
        let Some(c) = found else {
            match known {
                None => failures.push(format!("missing {kind} claim {content:?}")),
                Some((_, ours, _)) => failures.push(format!(
                    "known difference gone: expected {ours:?} for gold {content:?}; \
                     update KNOWN_DIFFERENCES"
                )),
            }
            continue;
        };
        if let Some((_, ours, why)) = known {
            eprintln!("known difference: gold {content:?}, sayso {ours:?}: {why}");
        }
        assert_eq!(&text[c.content.span.range()], c.content.text);
        // Gold spans of two pronoun mentions point inside other words
        // ("it" of "hit", "he" of "The"), so mentions and cues are compared
        // by their words.
        let speaker = g["speaker_mention"]["text"].as_str().unwrap();
        let got = c.speaker.as_ref().map(|s| s.text.as_str());
        if got != Some(speaker) {
            failures.push(format!(
                "{content:?}: speaker {got:?}, expected {speaker:?}"
            ));
        }
        let cue = g["cue"]["text"].as_str().unwrap();
        let got = c.cue.as_ref().map(|s| s.text.as_str());
        if got != Some(cue) {
            failures.push(format!("{content:?}: cue {got:?}, expected {cue:?}"));
        }
        let name = g["speaker"].as_str().unwrap();
        if check_entities && entity_names.contains(&name) {
            let got = c
                .speaker_entity
                .map(|id| analysis.entities[id.index()].name.as_str());
            if got != Some(name) {
                failures.push(format!(
                    "{content:?}: speaker entity {got:?}, expected {name:?}"
                ));
            }
        }
    }
    for n in gold["not_claims"].as_array().unwrap() {
        let (start, end) = span(n, &bytes);
        if analysis
            .claims
            .iter()
            .any(|c| (c.content.span.start, c.content.span.end) == (start, end))
        {
            failures.push(format!(
                "not a claim, but reported: {:?}",
                &text[start..end]
            ));
        }
    }
    assert!(
        failures.is_empty(),
        "{} failures:\n{}",
        failures.len(),
        failures.join("\n")
    );
}
