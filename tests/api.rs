//! The library's promises to its callers: one extractor shared by threads,
//! batches in input order, the same output whatever the thread count.

use std::sync::LazyLock;

use sayso::{Analysis, Extractor, OffsetUnit};

static EXTRACTOR: LazyLock<Extractor> = LazyLock::new(Extractor::new);

fn assert_send_sync_clone<T: Send + Sync + Clone + 'static>() {}

#[test]
fn extractor_and_output_are_send_sync_clone() {
    assert_send_sync_clone::<Extractor>();
    assert_send_sync_clone::<sayso::ExtractorBuilder>();
    assert_send_sync_clone::<sayso::Gazetteer>();
    assert_send_sync_clone::<Analysis>();
    assert_send_sync_clone::<sayso::Error>();
}

#[test]
fn clones_share_their_resources() {
    let a = EXTRACTOR.clone();
    let b = a.clone();
    // Shared, not copied: the same gazetteer entries at the same address.
    let first = |e: &Extractor| e.gazetteer().entries().next().map(|e| e as *const _);
    assert_eq!(first(&a), first(&b));
    assert!(first(&a).is_some());
}

fn texts() -> Vec<String> {
    (0..200)
        .map(|i| {
            format!(
                "Document {i}. “We will hold Kyiv,” said Volodymyr Zelensky on day {i}.\n\n\
                 Moscow said it had taken {i} villages near Belgorod, a claim Ukraine denied."
            )
        })
        .collect()
}

fn json(analyses: &[Analysis], texts: &[String]) -> Vec<String> {
    analyses
        .iter()
        .zip(texts)
        .map(|(a, t)| serde_json::to_string(&a.with_offsets(t, OffsetUnit::Chars)).unwrap())
        .collect()
}

#[test]
fn batches_keep_order_and_agree_across_thread_counts() {
    let texts = texts();
    let one_by_one: Vec<Analysis> = texts.iter().map(|t| EXTRACTOR.analyze(t)).collect();
    let expected = json(&one_by_one, &texts);
    for threads in [1, 2, 4] {
        let pool = rayon::ThreadPoolBuilder::new()
            .num_threads(threads)
            .build()
            .unwrap();
        let batch = pool.install(|| EXTRACTOR.analyze_batch(&texts));
        assert_eq!(json(&batch, &texts), expected, "{threads} threads");
    }
}

#[test]
fn threads_can_share_one_extractor() {
    let texts = texts();
    let expected = json(&EXTRACTOR.analyze_batch(&texts), &texts);
    let results: Vec<Vec<String>> = std::thread::scope(|s| {
        let handles: Vec<_> = (0..4)
            .map(|_| {
                let extractor = EXTRACTOR.clone();
                let texts = &texts;
                s.spawn(move || {
                    let analyses: Vec<Analysis> =
                        texts.iter().map(|t| extractor.analyze(t)).collect();
                    json(&analyses, texts)
                })
            })
            .collect();
        handles.into_iter().map(|h| h.join().unwrap()).collect()
    });
    for r in results {
        assert_eq!(r, expected);
    }
}
