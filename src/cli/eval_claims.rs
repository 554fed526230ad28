//! `sayso eval claims DIR`: scores claims against brat standoff attribution
//! gold laid out as PolNeAR is (`DIR/text/NAME.txt`,
//! `DIR/attributions/NAME_ANNOTATOR.ann`, Unicode code point offsets).
//!
//! Span scores compare sources, cues and contents as sets, exactly and by
//! overlap. Claim scores match predicted claims to gold attributions one to
//! one by content overlap and count, of the matched, those whose source
//! overlaps the gold source. The gold annotates one attribution per cue,
//! its content possibly discontinuous, so predicted claims are grouped the
//! same way before scoring: claims sharing a cue (a quotation and its
//! continuation, a partial quotation and the clause it sits in) count as one,
//! their content the stretch from the first to the last.
//!
//! sayso's contents follow its own convention (a direct quotation without its
//! marks, a reported clause without "that"); PolNeAR's annotators keep both.
//! Contents are put in PolNeAR's convention before they are compared, so the
//! exact scores measure where a content starts and ends, not the convention.

use std::collections::BTreeMap;
use std::fmt::Write as _;
use std::path::{Path, PathBuf};
use std::process::ExitCode;

use sayso::{Analysis, Claim, ClaimKind, Extractor, Span};

use super::score::{self, ratio};

/// Arguments of `sayso eval claims`.
#[derive(clap::Args, Debug)]
pub struct Args {
    /// A directory with `text/NAME.txt` and `attributions/NAME_*.ann`.
    pub dir: PathBuf,
    /// Print the scores as one JSON object instead of a table.
    #[arg(long)]
    pub json: bool,
}

/// A span in code points; a discontinuous annotation has several.
type Spans = Vec<(usize, usize)>;

/// One gold attribution.
#[derive(Clone, Debug, Default, PartialEq)]
struct Gold {
    source: Option<Spans>,
    cue: Option<Spans>,
    content: Option<Spans>,
    /// The content holds a quotation mark.
    quoted: bool,
}

/// One predicted claim as scored: contents of claims sharing a cue joined
/// into the stretch from the first to the last.
#[derive(Clone, Debug, Default, PartialEq)]
struct Predicted {
    source: Option<Spans>,
    cue: Option<Spans>,
    content: (usize, usize),
    quoted: bool,
}

/// Counts for precision, recall and F1.
#[derive(Clone, Copy, Debug, Default, PartialEq)]
struct Prf {
    /// Predictions that match.
    hit_predicted: usize,
    predicted: usize,
    /// Gold items matched.
    hit_gold: usize,
    gold: usize,
}

impl Prf {
    fn add(&mut self, other: Prf) {
        self.hit_predicted += other.hit_predicted;
        self.predicted += other.predicted;
        self.hit_gold += other.hit_gold;
        self.gold += other.gold;
    }

    fn precision(&self) -> f64 {
        ratio(self.hit_predicted, self.predicted)
    }

    fn recall(&self) -> f64 {
        ratio(self.hit_gold, self.gold)
    }

    fn f1(&self) -> f64 {
        score::f1(self.precision(), self.recall())
    }
}

/// All the counts of one run.
#[derive(Clone, Debug, Default)]
struct Scores {
    articles: usize,
    /// (source, cue, content) × (exact, overlap).
    spans: [[Prf; 2]; 3],
    claims: Prf,
    claims_right_source: usize,
    quoted: Prf,
    quoted_right_source: usize,
}

/// Runs the evaluation and prints the scores.
pub fn run(args: &Args) -> Result<ExitCode, String> {
    let pairs = articles(&args.dir)?;
    if pairs.is_empty() {
        return Err(format!(
            "{}: no text/NAME.txt with attributions/NAME_*.ann found",
            args.dir.display()
        ));
    }
    let mut texts = Vec::with_capacity(pairs.len());
    let mut golds = Vec::with_capacity(pairs.len());
    for (text_path, ann_path) in &pairs {
        let text = std::fs::read_to_string(text_path)
            .map_err(|e| format!("{}: {e}", text_path.display()))?;
        let ann = std::fs::read_to_string(ann_path)
            .map_err(|e| format!("{}: {e}", ann_path.display()))?;
        let gold = parse_ann(&ann, &text).map_err(|e| format!("{}:{e}", ann_path.display()))?;
        texts.push(text);
        golds.push(gold);
    }
    let analyses = Extractor::new().analyze_batch(&texts);
    let mut scores = Scores::default();
    for ((text, gold), analysis) in texts.iter().zip(&golds).zip(&analyses) {
        let predicted = predictions(text, analysis);
        score(&mut scores, gold, &predicted);
    }
    if args.json {
        println!("{}", to_json(&scores));
    } else {
        print!("{}", to_table(&scores));
    }
    Ok(ExitCode::SUCCESS)
}

/// The articles of `dir`, each with its first annotation in sorted order.
fn articles(dir: &Path) -> Result<Vec<(PathBuf, PathBuf)>, String> {
    let list = |d: PathBuf| -> Result<Vec<PathBuf>, String> {
        let mut v: Vec<PathBuf> = std::fs::read_dir(&d)
            .map_err(|e| format!("{}: {e}", d.display()))?
            .filter_map(|e| e.ok().map(|e| e.path()))
            .collect();
        v.sort();
        Ok(v)
    };
    let anns = list(dir.join("attributions"))?;
    let mut out = Vec::new();
    for text in list(dir.join("text"))? {
        if text.extension().is_none_or(|e| e != "txt") {
            continue;
        }
        let Some(stem) = text.file_stem().and_then(|s| s.to_str()) else {
            continue;
        };
        let ann = anns.iter().find(|a| {
            a.file_name()
                .and_then(|n| n.to_str())
                .and_then(|n| n.strip_prefix(stem))
                .and_then(|n| n.strip_prefix('_'))
                .and_then(|n| n.strip_suffix(".ann"))
                .is_some_and(|annotator| !annotator.contains('_'))
        });
        if let Some(ann) = ann {
            out.push((text.clone(), ann.clone()));
        }
    }
    Ok(out)
}

/// Parses brat standoff: text-bound `T` lines and `E` events tying Source,
/// Cue and Content together. Errors name the line.
fn parse_ann(ann: &str, text: &str) -> Result<Vec<Gold>, String> {
    let chars = text.chars().count();
    let mut bound: BTreeMap<&str, Spans> = BTreeMap::new();
    let mut events = Vec::new();
    for (n, line) in ann.lines().enumerate() {
        let fields: Vec<&str> = line.split('\t').collect();
        let id = fields[0];
        // A text field that runs over a line break leaves lines without an
        // id of their own; they belong to the line before.
        let numbered = |prefix: char| {
            fields.len() > 1
                && id
                    .strip_prefix(prefix)
                    .is_some_and(|n| !n.is_empty() && n.bytes().all(|b| b.is_ascii_digit()))
        };
        if numbered('T') {
            let Some(kind_spans) = fields.get(1) else {
                return Err(format!("{}: a text-bound line without a type", n + 1));
            };
            let Some((_, spans)) = kind_spans.split_once(' ') else {
                return Err(format!("{}: a text-bound line without offsets", n + 1));
            };
            let mut v = Vec::new();
            for part in spans.split(';') {
                let mut it = part.split_whitespace().map(str::parse::<usize>);
                match (it.next(), it.next()) {
                    (Some(Ok(s)), Some(Ok(e))) if s <= e && e <= chars => v.push((s, e)),
                    _ => return Err(format!("{}: bad offsets {part:?}", n + 1)),
                }
            }
            bound.insert(id, v);
        } else if numbered('E') {
            events.push((n + 1, fields.get(1).copied().unwrap_or("")));
        }
    }
    let chars: Vec<char> = text.chars().collect();
    let mut out = Vec::new();
    for (n, args) in events {
        let mut gold = Gold::default();
        for arg in args.split_whitespace() {
            let Some((role, id)) = arg.split_once(':') else {
                return Err(format!("{n}: bad event argument {arg:?}"));
            };
            let spans = bound
                .get(id)
                .cloned()
                .ok_or_else(|| format!("{n}: event names unknown {id}"))?;
            match role.trim_end_matches(|c: char| c.is_ascii_digit()) {
                "Source" => gold.source = Some(spans),
                "Cue" => gold.cue = Some(spans),
                "Content" => gold.content = Some(spans),
                _ => {}
            }
        }
        if let Some(content) = &gold.content {
            gold.quoted = content
                .iter()
                .any(|&(s, e)| chars[s..e].iter().any(|&c| is_quote_mark(c)));
        }
        out.push(gold);
    }
    Ok(out)
}

fn is_quote_mark(c: char) -> bool {
    matches!(c, '“' | '”' | '"' | '«' | '»' | '„')
}

/// The analysis's claims in code points, those sharing a cue joined.
fn predictions(text: &str, analysis: &Analysis) -> Vec<Predicted> {
    let mut char_at = vec![0usize; text.len() + 1];
    let mut count = 0;
    for (b, _) in text.char_indices() {
        char_at[b] = count;
        count += 1;
    }
    char_at[text.len()] = count;
    let cp = |s: sayso::Span| (char_at[s.start], char_at[s.end]);
    let mut out: Vec<Predicted> = Vec::new();
    let mut by_cue: BTreeMap<(usize, usize), usize> = BTreeMap::new();
    for claim in &analysis.claims {
        let span = as_annotated(text, claim);
        let quoted = text[span].chars().any(is_quote_mark);
        let content = cp(span);
        let cue = claim.cue.as_ref().map(|c| cp(c.span));
        if let Some(&i) = cue.as_ref().and_then(|c| by_cue.get(c)) {
            let p: &mut Predicted = &mut out[i];
            p.content = (p.content.0.min(content.0), p.content.1.max(content.1));
            p.quoted |= quoted;
            continue;
        }
        if let Some(c) = cue {
            by_cue.insert(c, out.len());
        }
        out.push(Predicted {
            source: claim.speaker.as_ref().map(|s| vec![cp(s.span)]),
            cue: cue.map(|c| vec![c]),
            content,
            quoted,
        });
    }
    out
}

/// A claim's content as PolNeAR annotates it: a quotation with its marks, a
/// reported clause with its "that".
fn as_annotated(text: &str, claim: &Claim) -> Span {
    let Span { mut start, mut end } = claim.content.span;
    if claim.kind == ClaimKind::Indirect {
        let before = &text[..start];
        let word = before.trim_end();
        if word.len() < before.len()
            && word.len() >= 4
            && word.is_char_boundary(word.len() - 4)
            && word[word.len() - 4..].eq_ignore_ascii_case("that")
            && !word[..word.len() - 4].ends_with(char::is_alphanumeric)
        {
            start = word.len() - 4;
        }
    } else {
        if let Some(c) = text[..start].chars().next_back().filter(|&c| is_mark(c)) {
            start -= c.len_utf8();
        }
        if let Some(c) = text[end..].chars().next().filter(|&c| is_mark(c)) {
            end += c.len_utf8();
        }
    }
    Span::new(start, end)
}

/// Any quotation mark, single ones included: the closing mark of a quoted
/// content, unlike a mark inside it, cannot be an apostrophe.
fn is_mark(c: char) -> bool {
    is_quote_mark(c) || matches!(c, '‘' | '’' | '\'' | '‹' | '›' | '`')
}

fn overlaps(a: &[(usize, usize)], b: &[(usize, usize)]) -> usize {
    let mut n = 0;
    for &(s, e) in a {
        for &(t, f) in b {
            n += e.min(f).saturating_sub(s.max(t));
        }
    }
    n
}

fn cover(a: &Spans) -> (usize, usize) {
    let start = a.iter().map(|s| s.0).min().unwrap_or(0);
    let end = a.iter().map(|s| s.1).max().unwrap_or(0);
    (start, end)
}

/// Set scores for one kind of span: (exact, overlap).
fn span_scores(gold: &[Spans], predicted: &[Spans]) -> [Prf; 2] {
    let mut gold: Vec<&Spans> = gold.iter().collect();
    gold.sort_by_key(|s| cover(s));
    gold.dedup();
    let mut predicted: Vec<&Spans> = predicted.iter().collect();
    predicted.sort_by_key(|s| cover(s));
    predicted.dedup();
    let exact = |a: &Spans, b: &Spans| cover(a) == cover(b);
    let overlap = |a: &Spans, b: &Spans| overlaps(a, b) > 0;
    let count = |m: &dyn Fn(&Spans, &Spans) -> bool| Prf {
        hit_predicted: predicted
            .iter()
            .filter(|p| gold.iter().any(|g| m(g, p)))
            .count(),
        predicted: predicted.len(),
        hit_gold: gold
            .iter()
            .filter(|g| predicted.iter().any(|p| m(g, p)))
            .count(),
        gold: gold.len(),
    };
    [count(&exact), count(&overlap)]
}

/// Matches predicted claims to gold one to one by content overlap; returns
/// the pairs. Nested attributions ("X said Y claimed Z") overlap each other,
/// so among overlapping pairs those that also agree on the source are taken
/// first, then the largest overlaps.
fn match_claims(gold: &[&Gold], predicted: &[&Predicted]) -> Vec<(usize, usize)> {
    let mut pairs = Vec::new();
    for (g, gc) in gold.iter().enumerate() {
        let Some(content) = &gc.content else { continue };
        for (p, pc) in predicted.iter().enumerate() {
            let n = overlaps(content, std::slice::from_ref(&pc.content));
            if n > 0 {
                pairs.push((right_source(gc, pc), n, g, p));
            }
        }
    }
    pairs.sort_by(|a, b| {
        (b.0, b.1)
            .cmp(&(a.0, a.1))
            .then((a.2, a.3).cmp(&(b.2, b.3)))
    });
    let mut used_g = vec![false; gold.len()];
    let mut used_p = vec![false; predicted.len()];
    let mut out = Vec::new();
    for (_, _, g, p) in pairs {
        if !used_g[g] && !used_p[p] {
            used_g[g] = true;
            used_p[p] = true;
            out.push((g, p));
        }
    }
    out
}

fn right_source(gold: &Gold, predicted: &Predicted) -> bool {
    match (&gold.source, &predicted.source) {
        (Some(g), Some(p)) => overlaps(g, p) > 0,
        (None, None) => true,
        _ => false,
    }
}

fn score(scores: &mut Scores, gold: &[Gold], predicted: &[Predicted]) {
    scores.articles += 1;
    let field = |g: fn(&Gold) -> Option<&Spans>| -> Vec<Spans> {
        gold.iter().filter_map(|x| g(x).cloned()).collect()
    };
    let golds = [
        field(|g| g.source.as_ref()),
        field(|g| g.cue.as_ref()),
        field(|g| g.content.as_ref()),
    ];
    let preds: [Vec<Spans>; 3] = [
        predicted.iter().filter_map(|p| p.source.clone()).collect(),
        predicted.iter().filter_map(|p| p.cue.clone()).collect(),
        predicted.iter().map(|p| vec![p.content]).collect(),
    ];
    for k in 0..3 {
        let [exact, overlap] = span_scores(&golds[k], &preds[k]);
        scores.spans[k][0].add(exact);
        scores.spans[k][1].add(overlap);
    }
    let mut claim_level = |gold: Vec<&Gold>, predicted: Vec<&Predicted>, quoted: bool| {
        let pairs = match_claims(&gold, &predicted);
        let right = pairs
            .iter()
            .filter(|&&(g, p)| right_source(gold[g], predicted[p]))
            .count();
        let prf = Prf {
            hit_predicted: pairs.len(),
            predicted: predicted.len(),
            hit_gold: pairs.len(),
            gold: gold.iter().filter(|g| g.content.is_some()).count(),
        };
        if quoted {
            scores.quoted.add(prf);
            scores.quoted_right_source += right;
        } else {
            scores.claims.add(prf);
            scores.claims_right_source += right;
        }
    };
    claim_level(gold.iter().collect(), predicted.iter().collect(), false);
    claim_level(
        gold.iter().filter(|g| g.quoted).collect(),
        predicted.iter().filter(|p| p.quoted).collect(),
        true,
    );
}

const NAMES: [&str; 3] = ["source", "cue", "content"];

fn to_table(s: &Scores) -> String {
    let mut out = String::new();
    let _ = writeln!(out, "articles: {}", s.articles);
    let _ = writeln!(
        out,
        "{:<10} {:>7} {:>7} {:>7}   {:>7} {:>7} {:>7}",
        "spans", "P", "R", "F1", "P~", "R~", "F1~"
    );
    for (k, name) in NAMES.iter().enumerate() {
        let [e, o] = s.spans[k];
        let _ = writeln!(
            out,
            "{:<10} {:>7.1} {:>7.1} {:>7.1}   {:>7.1} {:>7.1} {:>7.1}",
            name,
            e.precision(),
            e.recall(),
            e.f1(),
            o.precision(),
            o.recall(),
            o.f1()
        );
    }
    let _ = writeln!(out, "(exact span, then ~ overlap)");
    for (name, prf, right) in [
        ("claims", s.claims, s.claims_right_source),
        ("quoted", s.quoted, s.quoted_right_source),
    ] {
        let _ = writeln!(
            out,
            "{name:<10} P {:.1} R {:.1} F1 {:.1} (gold {}, predicted {}, matched {}); right source {:.1}% ({right})",
            prf.precision(),
            prf.recall(),
            prf.f1(),
            prf.gold,
            prf.predicted,
            prf.hit_gold,
            ratio(right, prf.hit_gold),
        );
    }
    out
}

fn to_json(s: &Scores) -> serde_json::Value {
    let prf = |p: &Prf| {
        serde_json::json!({
            "precision": p.precision(), "recall": p.recall(), "f1": p.f1(),
            "gold": p.gold, "predicted": p.predicted,
            "matched_gold": p.hit_gold, "matched_predicted": p.hit_predicted,
        })
    };
    let mut spans = serde_json::Map::new();
    for (k, name) in NAMES.iter().enumerate() {
        spans.insert(
            name.to_string(),
            serde_json::json!({"exact": prf(&s.spans[k][0]), "overlap": prf(&s.spans[k][1])}),
        );
    }
    serde_json::json!({
        "articles": s.articles,
        "spans": spans,
        "claims": {
            "scores": prf(&s.claims),
            "right_source": s.claims_right_source,
            "right_source_percent": ratio(s.claims_right_source, s.claims.hit_gold),
        },
        "quoted": {
            "scores": prf(&s.quoted),
            "right_source": s.quoted_right_source,
            "right_source_percent": ratio(s.quoted_right_source, s.quoted.hit_gold),
        },
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parses_events_and_discontinuous_spans() {
        let text = "Ann said “yes” and no.";
        let ann = "T1\tSource 0 3\tAnn\nT2\tCue 4 8\tsaid\nT3\tContent 9 14;19 21\t“yes” no\n\
                   T4\tAttribution 4 8\tsaid\nE1\tAttribution:T4 Content:T3 Cue:T2 Source:T1\n";
        let gold = parse_ann(ann, text).unwrap();
        assert_eq!(
            gold,
            [Gold {
                source: Some(vec![(0, 3)]),
                cue: Some(vec![(4, 8)]),
                content: Some(vec![(9, 14), (19, 21)]),
                quoted: true,
            }]
        );
    }

    #[test]
    fn text_fields_may_run_over_lines() {
        let text = "Ann said:\nThe end.";
        let ann = "T1\tSource 0 3\tAnn\nT2\tContent 10 14\tThe\nThe end\nT3\tCue 4 8\tsaid\n\
                   E1\tAttribution:T3 Content:T2 Cue:T3 Source:T1\n";
        let gold = parse_ann(ann, text).unwrap();
        assert_eq!(gold.len(), 1);
        assert_eq!(gold[0].content, Some(vec![(10, 14)]));
    }

    #[test]
    fn bad_offsets_name_the_line() {
        let err = parse_ann("T1\tSource 0 3\tAnn\nT2\tCue 9 99\tx\n", "Ann said.").unwrap_err();
        assert!(err.starts_with("2: bad offsets"), "{err}");
    }

    #[test]
    fn claims_match_one_to_one_and_check_the_source() {
        let gold = Gold {
            source: Some(vec![(0, 3)]),
            cue: Some(vec![(4, 8)]),
            content: Some(vec![(9, 20)]),
            quoted: false,
        };
        let right = Predicted {
            source: Some(vec![(0, 3)]),
            cue: Some(vec![(4, 8)]),
            content: (10, 19),
            quoted: false,
        };
        let wrong = Predicted {
            source: Some(vec![(30, 33)]),
            content: (15, 16),
            ..right.clone()
        };
        let mut s = Scores::default();
        score(&mut s, &[gold], &[right, wrong]);
        assert_eq!(
            (s.claims.hit_gold, s.claims.predicted, s.claims.gold),
            (1, 2, 1)
        );
        assert_eq!(s.claims_right_source, 1);
        assert_eq!(s.spans[2][1].hit_gold, 1);
        assert_eq!(s.spans[2][0].hit_gold, 0);
    }

    #[test]
    fn contents_are_compared_in_polnear_convention() {
        let text =
            "Ann Lee said that the vote was rigged. “We won,” she said. “We will win again.”";
        let extractor = Extractor::builder()
            .default_gazetteer(false)
            .build()
            .unwrap();
        let predicted = predictions(text, &extractor.analyze(text));
        let contents: Vec<String> = predicted
            .iter()
            .map(|p| {
                let (s, e) = p.content;
                text.chars().skip(s).take(e - s).collect()
            })
            .collect();
        assert_eq!(
            contents,
            [
                "that the vote was rigged",
                "“We won,” she said. “We will win again.”"
            ]
        );
    }
}
