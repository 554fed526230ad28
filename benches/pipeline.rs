//! Throughput of each stage and of the whole pipeline, and how it scales with
//! input size, gazetteer size and threads. `cargo bench`; results and the
//! machine they came from go to benches/RESULTS.md.

mod corpus;

use std::time::Duration;

use criterion::{criterion_group, criterion_main, BenchmarkId, Criterion, Throughput};
use sayso::{Extractor, StageTimes};

use corpus::Corpus;

/// Checks the corpus's analysis before anything is timed, so a pipeline that
/// stopped finding things cannot look fast.
fn check(extractor: &Extractor, corpus: &Corpus) {
    let analyses = extractor.analyze_batch(&corpus.docs);
    let count = |f: fn(&sayso::Analysis) -> usize| analyses.iter().map(f).sum::<usize>();
    let sentences: usize = corpus
        .docs
        .iter()
        .map(|d| sayso::Layout::new(d).sentences.len())
        .sum();
    let quotes = count(|a| a.quotes.len());
    let entities = count(|a| a.entities.len());
    let claims = count(|a| a.claims.len());
    match corpus.known {
        Some(known) => {
            assert_eq!(
                sentences, known.sentences,
                "sentences of the generated corpus"
            );
            assert_eq!(quotes, known.quotes, "quotations of the generated corpus");
            assert!(
                entities >= corpus.docs.len() * 6,
                "an entity a paragraph at least"
            );
            assert!(
                claims >= known.quotes,
                "a claim for every quotation at least"
            );
        }
        None => {
            assert!(sentences >= corpus.docs.len() * 5, "{sentences} sentences");
            assert!(entities >= corpus.docs.len() * 5, "{entities} entities");
            assert!(claims >= corpus.docs.len(), "{claims} claims");
        }
    }
}

/// Picks one stage's time (or the total) out of a timed analysis.
type Stage = fn(&StageTimes) -> Duration;

/// Times one stage (or all) over the corpus, through `analyze_timed`.
fn time_stage(extractor: &Extractor, docs: &[String], iters: u64, stage: Stage) -> Duration {
    let mut total = Duration::ZERO;
    for _ in 0..iters {
        for doc in docs {
            total += stage(&extractor.analyze_timed(doc).1);
        }
    }
    total
}

fn stages(c: &mut Criterion) {
    let extractor = Extractor::new();
    let corpus = corpus::news(4_000_000);
    check(&extractor, &corpus);
    let mut group = c.benchmark_group(format!("stages/{}", corpus.name));
    group.throughput(Throughput::Bytes(corpus.bytes() as u64));
    group.sample_size(10);
    let stages: [(&str, Stage); 6] = [
        ("text", |t| t.text),
        ("gazetteer", |t| t.gazetteer),
        ("entities", |t| t.entities),
        ("quotes", |t| t.quotes),
        ("claims", |t| t.claims),
        ("pipeline", StageTimes::total),
    ];
    for (name, stage) in stages {
        group.bench_function(name, |b| {
            b.iter_custom(|iters| time_stage(&extractor, &corpus.docs, iters, stage))
        });
    }
    group.finish();
}

fn input_size(c: &mut Criterion) {
    let extractor = Extractor::new();
    let corpus = corpus::news(4_000_000);
    let joined = corpus.joined();
    let mut group = c.benchmark_group("input_size");
    group.sample_size(10);
    for size in [1 << 10, 16 << 10, 256 << 10, 4 << 20, 16 << 20] {
        let text = repeat_to(&joined, size);
        group.throughput(Throughput::Bytes(text.len() as u64));
        group.bench_with_input(BenchmarkId::from_parameter(size), &text, |b, text| {
            b.iter(|| extractor.analyze(text))
        });
    }
    group.finish();
}

fn threads(c: &mut Criterion) {
    let extractor = Extractor::new();
    let corpus = corpus::news(4_000_000);
    let mut group = c.benchmark_group("threads");
    group.throughput(Throughput::Bytes(corpus.bytes() as u64));
    group.sample_size(10);
    let cores = std::thread::available_parallelism().map_or(1, |n| n.get());
    for n in 1..=cores {
        let pool = rayon::ThreadPoolBuilder::new()
            .num_threads(n)
            .build()
            .unwrap();
        group.bench_function(BenchmarkId::from_parameter(n), |b| {
            b.iter(|| pool.install(|| extractor.analyze_batch(&corpus.docs)))
        });
    }
    group.finish();
}

fn gazetteer_size(c: &mut Criterion) {
    let corpus = corpus::news(1_000_000);
    let mut group = c.benchmark_group("gazetteer_size");
    group.throughput(Throughput::Bytes(corpus.bytes() as u64));
    group.sample_size(10);
    for entries in [10_000, 100_000, 1_000_000] {
        let tsv = corpus::synthetic_gazetteer(entries);
        let started = std::time::Instant::now();
        let extractor = Extractor::builder()
            .default_gazetteer(false)
            .add_gazetteer_tsv("synthetic", tsv)
            .build()
            .unwrap();
        eprintln!(
            "gazetteer of {entries} entries built in {:?}",
            started.elapsed()
        );
        group.bench_function(BenchmarkId::new("matching", entries), |b| {
            b.iter_custom(|iters| time_stage(&extractor, &corpus.docs, iters, |t| t.gazetteer))
        });
    }
    group.finish();
}

fn repeat_to(text: &str, size: usize) -> String {
    let mut out = String::with_capacity(size + text.len());
    while out.len() < size {
        out.push_str(text);
        out.push_str("\n\n");
    }
    let mut end = size;
    while !out.is_char_boundary(end) {
        end -= 1;
    }
    out.truncate(end);
    out
}

criterion_group!(benches, stages, input_size, threads, gazetteer_size);
criterion_main!(benches);
