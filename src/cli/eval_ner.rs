//! `sayso eval ner FILE`: entity recognition scored against CoNLL-style gold.
//!
//! The gold is a token per line with the tag in the last column (IOB1 or
//! IOB2), a blank line between sentences and `-DOCSTART-` between documents.
//! Each document's text is rebuilt by joining its tokens with spaces and its
//! sentences with line breaks, and analysed on its own. A prediction counts
//! only with the exact span and type of a gold name; only PER (person), ORG
//! (group) and LOC (place) are scored, MISC and other tags are left out.

use std::path::PathBuf;
use std::process::ExitCode;

use sayso::{EntityType, Extractor, Span};

use super::score::{self, ratio};

/// Arguments of `sayso eval ner`.
#[derive(clap::Args, Debug)]
pub struct Args {
    /// CoNLL-style gold file (token ... tag per line, IOB1 or IOB2).
    file: PathBuf,
    /// Print the scores as one JSON object.
    #[arg(long)]
    json: bool,
}

/// Runs the evaluation and prints the scores.
pub fn run(args: &Args) -> Result<ExitCode, String> {
    let contents =
        std::fs::read_to_string(&args.file).map_err(|e| format!("{}: {e}", args.file.display()))?;
    let docs = parse(&contents).map_err(|e| format!("{}:{e}", args.file.display()))?;
    let texts: Vec<&str> = docs.iter().map(|d| d.text.as_str()).collect();
    let analyses = Extractor::new().analyze_batch(&texts);
    let mut score = Score::default();
    for (doc, analysis) in docs.iter().zip(&analyses) {
        let predicted: Vec<(Span, EntityType)> = analysis
            .entities
            .iter()
            .flat_map(|e| e.mentions.iter().map(move |m| (m.span, e.kind)))
            .collect();
        score.add(&doc.gold, &predicted);
    }
    let report = score.report(docs.len());
    if args.json {
        println!(
            "{}",
            serde_json::to_string(&report.json()).map_err(|e| e.to_string())?
        );
    } else {
        print!("{}", report.table(&args.file.display().to_string()));
    }
    Ok(ExitCode::SUCCESS)
}

/// One gold document: its rebuilt text and its names.
#[derive(Debug, PartialEq)]
struct Doc {
    text: String,
    gold: Vec<(Span, EntityType)>,
}

/// Parses the gold file into documents; an error names the line.
fn parse(contents: &str) -> Result<Vec<Doc>, String> {
    let mut docs = Vec::new();
    let mut doc = Builder::default();
    for (i, line) in contents.lines().enumerate() {
        let line = line.trim_end_matches('\r');
        if line.trim().is_empty() {
            doc.end_sentence();
            continue;
        }
        let fields: Vec<&str> = line.split_whitespace().collect();
        if fields[0] == "-DOCSTART-" {
            docs.extend(std::mem::take(&mut doc).finish());
            continue;
        }
        if fields.len() < 2 {
            return Err(format!(
                "{}: expected a token and a tag, found {line:?}",
                i + 1
            ));
        }
        let tag = fields[fields.len() - 1];
        doc.token(fields[0], tag)
            .map_err(|e| format!("{}: {e}", i + 1))?;
    }
    docs.extend(doc.finish());
    Ok(docs)
}

#[derive(Default)]
struct Builder {
    text: String,
    gold: Vec<(Span, EntityType)>,
    /// The name being read: its start, type and gold label.
    open: Option<(usize, Option<EntityType>, String)>,
    sentence_open: bool,
}

impl Builder {
    fn token(&mut self, token: &str, tag: &str) -> Result<(), String> {
        let (prefix, label) = match tag.split_once('-') {
            Some((p @ ("B" | "I"), label)) => (p, label),
            None if tag == "O" => ("O", ""),
            _ => return Err(format!("unknown tag {tag:?}")),
        };
        // IOB1 starts a name with I- after O or another type; IOB2 with B-.
        let continues = prefix == "I" && self.open.as_ref().is_some_and(|(_, _, l)| l == label);
        if !continues {
            self.close();
        }
        if self.sentence_open {
            self.text.push(' ');
        } else if !self.text.is_empty() {
            self.text.push('\n');
        }
        self.sentence_open = true;
        if prefix != "O" && !continues {
            self.open = Some((self.text.len(), kind_of(label), label.to_string()));
        }
        self.text.push_str(token);
        Ok(())
    }

    fn close(&mut self) {
        if let Some((start, Some(kind), _)) = self.open.take() {
            self.gold.push((Span::new(start, self.text.len()), kind));
        }
    }

    fn end_sentence(&mut self) {
        self.close();
        self.sentence_open = false;
    }

    fn finish(mut self) -> Option<Doc> {
        self.close();
        (!self.text.is_empty()).then_some(Doc {
            text: self.text,
            gold: self.gold,
        })
    }
}

fn kind_of(label: &str) -> Option<EntityType> {
    match label {
        "PER" => Some(EntityType::Person),
        "ORG" => Some(EntityType::Group),
        "LOC" => Some(EntityType::Place),
        _ => None,
    }
}

const KINDS: [EntityType; 3] = [EntityType::Person, EntityType::Group, EntityType::Place];

/// True positives, false positives and false negatives per type.
#[derive(Default, Debug, PartialEq)]
struct Score {
    counts: [[usize; 3]; 3],
}

impl Score {
    fn add(&mut self, gold: &[(Span, EntityType)], predicted: &[(Span, EntityType)]) {
        let gold: std::collections::HashSet<_> = gold.iter().collect();
        let predicted: std::collections::HashSet<_> = predicted.iter().collect();
        for p in &predicted {
            let slot = slot(p.1);
            if gold.contains(p) {
                self.counts[slot][0] += 1;
            } else {
                self.counts[slot][1] += 1;
            }
        }
        for g in &gold {
            if !predicted.contains(g) {
                self.counts[slot(g.1)][2] += 1;
            }
        }
    }

    fn report(&self, documents: usize) -> Report {
        let mut rows: Vec<Row> = KINDS
            .iter()
            .map(|&k| Row::new(k.as_str(), self.counts[slot(k)]))
            .collect();
        let total = (0..3).fold([0; 3], |acc, i| {
            [
                acc[0] + self.counts[i][0],
                acc[1] + self.counts[i][1],
                acc[2] + self.counts[i][2],
            ]
        });
        rows.push(Row::new("overall", total));
        Report { documents, rows }
    }
}

fn slot(kind: EntityType) -> usize {
    match kind {
        EntityType::Person => 0,
        EntityType::Group => 1,
        EntityType::Place => 2,
    }
}

struct Row {
    name: &'static str,
    tp: usize,
    fp: usize,
    fn_: usize,
}

impl Row {
    fn new(name: &'static str, [tp, fp, fn_]: [usize; 3]) -> Row {
        Row { name, tp, fp, fn_ }
    }

    fn precision(&self) -> f64 {
        ratio(self.tp, self.tp + self.fp)
    }

    fn recall(&self) -> f64 {
        ratio(self.tp, self.tp + self.fn_)
    }

    fn f1(&self) -> f64 {
        score::f1(self.precision(), self.recall())
    }
}

struct Report {
    documents: usize,
    rows: Vec<Row>,
}

impl Report {
    fn table(&self, file: &str) -> String {
        let mut out = format!(
            "{file}: {} documents; exact span and type; person = PER, group = ORG, \
             place = LOC; MISC not scored\n{:<8} {:>7} {:>7} {:>7} {:>6} {:>6} {:>6}\n",
            self.documents, "type", "P", "R", "F1", "tp", "fp", "fn"
        );
        for r in &self.rows {
            out.push_str(&format!(
                "{:<8} {:>7.2} {:>7.2} {:>7.2} {:>6} {:>6} {:>6}\n",
                r.name,
                r.precision(),
                r.recall(),
                r.f1(),
                r.tp,
                r.fp,
                r.fn_
            ));
        }
        out
    }

    fn json(&self) -> serde_json::Value {
        let mut scores = serde_json::Map::new();
        for r in &self.rows {
            scores.insert(
                r.name.to_string(),
                serde_json::json!({
                    "precision": r.precision(), "recall": r.recall(), "f1": r.f1(),
                    "tp": r.tp, "fp": r.fp, "fn": r.fn_,
                }),
            );
        }
        serde_json::json!({
            "documents": self.documents,
            "matching": "exact span and type; PER, ORG, LOC only (MISC not scored)",
            "scores": scores,
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parses_iob1_and_iob2() {
        let cases = [
            // IOB2, CoNLL columns.
            (
                "-DOCSTART- -X- -X- O\n\nEU NNP B-NP B-ORG\nrejects VBZ B-VP O\nPeter NNP B-NP B-PER\nBlackburn NNP I-NP I-PER\n\nBonn NNP B-NP B-LOC\n",
                "EU rejects Peter Blackburn\nBonn",
                vec![("EU", EntityType::Group), ("Peter Blackburn", EntityType::Person), ("Bonn", EntityType::Place)],
            ),
            // IOB1: I- opens a name, B- splits two adjacent ones; MISC dropped.
            (
                "Anna\tI-PER\nBob\tB-PER\nsaw\tO\nGerman\tI-MISC\nParis\tI-LOC\n",
                "Anna Bob saw German Paris",
                vec![("Anna", EntityType::Person), ("Bob", EntityType::Person), ("Paris", EntityType::Place)],
            ),
        ];
        for (input, text, gold) in cases {
            let docs = parse(input).unwrap();
            assert_eq!(docs.len(), 1);
            assert_eq!(docs[0].text, text);
            let got: Vec<(&str, EntityType)> = docs[0]
                .gold
                .iter()
                .map(|&(s, k)| (&docs[0].text[s], k))
                .collect();
            assert_eq!(got, gold);
        }
    }

    #[test]
    fn documents_split_and_bad_tags_name_the_line() {
        let docs = parse("-DOCSTART-\tO\n\na\tO\n-DOCSTART-\tO\n\nb\tB-LOC\n").unwrap();
        assert_eq!(docs.len(), 2);
        assert_eq!(docs[1].gold, [(Span::new(0, 1), EntityType::Place)]);
        assert_eq!(
            parse("a\tO\nb\tX-PER\n").unwrap_err(),
            "2: unknown tag \"X-PER\""
        );
    }

    #[test]
    fn scores_exact_span_and_type() {
        let gold = [
            (Span::new(0, 2), EntityType::Group),
            (Span::new(3, 5), EntityType::Person),
        ];
        let predicted = [
            (Span::new(0, 2), EntityType::Group),
            (Span::new(3, 5), EntityType::Place),
        ];
        let mut score = Score::default();
        score.add(&gold, &predicted);
        let report = score.report(1);
        let overall = &report.rows[3];
        assert_eq!((overall.tp, overall.fp, overall.fn_), (1, 1, 1));
        assert_eq!(overall.f1(), 50.0);
        assert_eq!((report.rows[0].tp, report.rows[0].fn_), (0, 1));
    }
}
