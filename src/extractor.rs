//! The facade: one immutable extractor that runs the whole pipeline.

use std::sync::{Arc, LazyLock};
use std::time::{Duration, Instant};

use rayon::prelude::*;

use crate::document::{Analysis, Joined};
use crate::error::Error;
use crate::gazetteer::{Gazetteer, GazetteerBuilder};
use crate::{attribution, entity, quote, text};

/// Finds entities, quotations and claims in text.
///
/// Build it once and share it: it is immutable, `Send + Sync` and cheap to
/// clone (the gazetteers and lexicons sit behind an `Arc`). The default
/// extractor is ready at once: the embedded gazetteers' names are compiled
/// when the crate is built, and an entry is parsed the first time a text
/// names it.
///
/// # Example
///
/// ```
/// use sayso::Extractor;
///
/// let extractor = Extractor::new();
/// let text = "“I hope they are all destroyed,” said Gladkov.";
/// let analysis = extractor.analyze(text);
/// for claim in &analysis.claims {
///     println!("{} -> {:?}", claim.content.text, claim.speaker.as_ref().map(|s| &s.text));
/// }
/// ```
#[derive(Clone, Debug)]
pub struct Extractor {
    inner: Arc<Resources>,
}

#[derive(Debug)]
struct Resources {
    gazetteer: Gazetteer,
    fallback: bool,
}

static DEFAULT: LazyLock<Extractor> = LazyLock::new(|| {
    ExtractorBuilder::new()
        .build()
        .expect("the embedded resources are valid; tests check them")
});

impl Default for Extractor {
    fn default() -> Extractor {
        Extractor::new()
    }
}

impl Extractor {
    /// The extractor with the embedded default gazetteers and lexicons.
    ///
    /// Calls share one extractor; the first in a process sets it up, in well
    /// under a millisecond (see [`Extractor`]).
    ///
    /// # Example
    ///
    /// ```
    /// let extractor = sayso::Extractor::new();
    /// assert!(!extractor.gazetteer().is_empty());
    /// ```
    pub fn new() -> Extractor {
        DEFAULT.clone()
    }

    /// A builder for an extractor with resources of your own.
    ///
    /// # Example
    ///
    /// ```
    /// let extractor = sayso::Extractor::builder().default_gazetteer(false).build().unwrap();
    /// assert!(extractor.gazetteer().is_empty());
    /// ```
    pub fn builder() -> ExtractorBuilder {
        ExtractorBuilder::new()
    }

    /// The gazetteer the extractor matches names against.
    ///
    /// # Example
    ///
    /// ```
    /// let extractor = sayso::Extractor::new();
    /// println!("{} gazetteer entries", extractor.gazetteer().len());
    /// ```
    pub fn gazetteer(&self) -> &Gazetteer {
        &self.inner.gazetteer
    }

    /// Analyses one text. Never fails and never panics, whatever the text.
    ///
    /// # Example
    ///
    /// ```
    /// let text = "KYIV, Ukraine (AP) — Fighting went on. “We hold,” he said.";
    /// let analysis = sayso::Extractor::new().analyze(text);
    /// assert_eq!(analysis.quotes[0].text, "We hold,");
    /// ```
    pub fn analyze(&self, text: &str) -> Analysis {
        self.run(text, &mut Stopwatch::off())
    }

    /// Analyses one text and reports the time each stage took.
    ///
    /// For finding where time goes on your own corpus (`sayso bench` uses
    /// it); [`Extractor::analyze`] skips the clock reads.
    ///
    /// # Example
    ///
    /// ```
    /// let (analysis, times) = sayso::Extractor::new().analyze_timed("Kyiv said so.");
    /// assert!(times.total() >= times.text);
    /// assert_eq!(analysis.entities[0].name, "Kyiv");
    /// ```
    pub fn analyze_timed(&self, text: &str) -> (Analysis, StageTimes) {
        let mut watch = Stopwatch::on();
        let analysis = self.run(text, &mut watch);
        (analysis, watch.times)
    }

    fn run(&self, text: &str, watch: &mut Stopwatch) -> Analysis {
        if text.len() <= text::WHOLE {
            return self.run_window(text, watch);
        }
        let mut joined = Joined::new(text.len());
        for window in text::windows(text) {
            let part = self.run_window(&text[window.clone()], watch);
            joined.push(part, window.start, window.end);
        }
        joined.finish()
    }

    /// Runs the pipeline over one window of a text (or a whole text short
    /// enough to be one), with offsets into `text`.
    fn run_window(&self, text: &str, watch: &mut Stopwatch) -> Analysis {
        let layout = text::Layout::reusing(text);
        watch.lap(|t| &mut t.text);
        let gazetteer = &self.inner.gazetteer;
        let matches = gazetteer.find(text, &layout);
        watch.lap(|t| &mut t.gazetteer);
        let entities = entity::recognize(text, &layout, &matches, gazetteer);
        watch.lap(|t| &mut t.entities);
        let quotations = quote::find(text, &layout);
        watch.lap(|t| &mut t.quotes);
        let (claims, quotes) =
            attribution::attribute(text, &layout, &entities, &quotations, self.inner.fallback);
        layout.give_back();
        entity::give_back(entities.ascii_lowered);
        watch.lap(|t| &mut t.claims);
        Analysis {
            entities: entities.entities,
            claims,
            quotes,
        }
    }

    /// Analyses many texts in parallel, keeping their order.
    ///
    /// Runs on the caller's rayon pool (the global one unless called inside
    /// `ThreadPool::install`); each text is analysed on one thread.
    ///
    /// # Example
    ///
    /// ```
    /// let texts = ["Moscow said so.", "Kyiv denied it."];
    /// let analyses = sayso::Extractor::new().analyze_batch(&texts);
    /// assert_eq!(analyses.len(), 2);
    /// ```
    pub fn analyze_batch<S: AsRef<str> + Sync>(&self, texts: &[S]) -> Vec<Analysis> {
        texts.par_iter().map(|t| self.analyze(t.as_ref())).collect()
    }
}

/// Configures and builds an [`Extractor`].
///
/// # Example
///
/// ```
/// use sayso::{EntityType, Entry, Extractor};
///
/// let extractor = Extractor::builder()
///     .add_entry(Entry::new("my:1", "Novaya Tavolshanka", EntityType::Place))
///     .fallback_sieve(false)
///     .build()
///     .unwrap();
/// assert!(extractor.gazetteer().len() > 1);
/// ```
#[derive(Clone, Debug)]
pub struct ExtractorBuilder {
    default_gazetteer: bool,
    extra: GazetteerBuilder,
    fallback: bool,
}

impl Default for ExtractorBuilder {
    fn default() -> ExtractorBuilder {
        ExtractorBuilder::new()
    }
}

impl ExtractorBuilder {
    /// A builder with the embedded gazetteers and every sieve on.
    ///
    /// # Example
    ///
    /// ```
    /// let extractor = sayso::ExtractorBuilder::new().build().unwrap();
    /// assert!(!extractor.gazetteer().is_empty());
    /// ```
    pub fn new() -> ExtractorBuilder {
        ExtractorBuilder {
            default_gazetteer: true,
            extra: Gazetteer::builder(),
            fallback: true,
        }
    }

    /// Whether to start from the embedded gazetteers (the default) or from
    /// nothing but the entries added here.
    ///
    /// # Example
    ///
    /// ```
    /// let b = sayso::Extractor::builder().default_gazetteer(false);
    /// assert!(b.build().unwrap().gazetteer().is_empty());
    /// ```
    pub fn default_gazetteer(mut self, yes: bool) -> Self {
        self.default_gazetteer = yes;
        self
    }

    /// Adds the entries of a gazetteer TSV file.
    ///
    /// # Example
    ///
    /// ```
    /// let err = sayso::Extractor::builder().add_gazetteer_file("missing.tsv").build().unwrap_err();
    /// assert_eq!(err.kind(), sayso::ErrorKind::Io);
    /// ```
    pub fn add_gazetteer_file(mut self, path: impl AsRef<std::path::Path>) -> Self {
        self.extra = self.extra.add_file(path);
        self
    }

    /// Adds the entries of gazetteer TSV text; `name` is used in errors.
    ///
    /// # Example
    ///
    /// ```
    /// let e = sayso::Extractor::builder()
    ///     .default_gazetteer(false)
    ///     .add_gazetteer_tsv("mine", "my:1\tShebekino\tplace\ttown\t\tRU\t\t\t\n")
    ///     .build()
    ///     .unwrap();
    /// assert_eq!(e.gazetteer().len(), 1);
    /// ```
    pub fn add_gazetteer_tsv(
        mut self,
        name: impl Into<std::path::PathBuf>,
        contents: impl Into<std::borrow::Cow<'static, str>>,
    ) -> Self {
        self.extra = self.extra.add_tsv(name, contents);
        self
    }

    /// Adds one gazetteer entry.
    ///
    /// # Example
    ///
    /// ```
    /// use sayso::{EntityType, Entry};
    /// let e = sayso::Extractor::builder()
    ///     .default_gazetteer(false)
    ///     .add_entry(Entry::new("my:1", "Shebekino", EntityType::Place))
    ///     .build()
    ///     .unwrap();
    /// assert_eq!(e.gazetteer().len(), 1);
    /// ```
    pub fn add_entry(mut self, entry: crate::Entry) -> Self {
        self.extra = self.extra.add_entry(entry);
        self
    }

    /// Whether the last, low-confidence sieve (nearest plausible speaker)
    /// runs. On by default.
    ///
    /// # Example
    ///
    /// ```
    /// let e = sayso::Extractor::builder().fallback_sieve(false).build().unwrap();
    /// let _ = e.analyze("“No comment.”");
    /// ```
    pub fn fallback_sieve(mut self, yes: bool) -> Self {
        self.fallback = yes;
        self
    }

    /// Builds the extractor. Fails only on a malformed or unreadable
    /// gazetteer.
    ///
    /// # Example
    ///
    /// ```
    /// let err = sayso::Extractor::builder()
    ///     .add_gazetteer_tsv("bad.tsv", "\n\nmy:1\tX\tanimal\t\t\t\t\t\t\n")
    ///     .build()
    ///     .unwrap_err();
    /// assert!(err.to_string().starts_with("bad.tsv:3:"));
    /// ```
    pub fn build(&self) -> Result<Extractor, Error> {
        let mut builder = if self.default_gazetteer {
            crate::gazetteer::embedded()
        } else {
            Gazetteer::builder()
        };
        builder = builder.extend(&self.extra);
        Ok(Extractor {
            inner: Arc::new(Resources {
                gazetteer: builder.build()?,
                fallback: self.fallback,
            }),
        })
    }
}

/// The time each pipeline stage took, from [`Extractor::analyze_timed`].
///
/// Times add up with `+=`, to total them over a corpus.
///
/// # Example
///
/// ```
/// let extractor = sayso::Extractor::new();
/// let mut total = sayso::StageTimes::default();
/// for text in ["Moscow said so.", "“No,” said Kyiv."] {
///     total += extractor.analyze_timed(text).1;
/// }
/// println!("text stage: {:?} of {:?}", total.text, total.total());
/// ```
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
#[non_exhaustive]
pub struct StageTimes {
    /// Tokens, sentences and paragraphs.
    pub text: Duration,
    /// Gazetteer matching.
    pub gazetteer: Duration,
    /// Entity recognition and clustering.
    pub entities: Duration,
    /// Finding quotations.
    pub quotes: Duration,
    /// Claims and their attribution.
    pub claims: Duration,
}

impl StageTimes {
    /// The time of all stages together.
    ///
    /// # Example
    ///
    /// ```
    /// let times = sayso::StageTimes::default();
    /// assert_eq!(times.total(), std::time::Duration::ZERO);
    /// ```
    pub fn total(&self) -> Duration {
        self.text + self.gazetteer + self.entities + self.quotes + self.claims
    }
}

impl std::ops::AddAssign for StageTimes {
    fn add_assign(&mut self, other: StageTimes) {
        self.text += other.text;
        self.gazetteer += other.gazetteer;
        self.entities += other.entities;
        self.quotes += other.quotes;
        self.claims += other.claims;
    }
}

/// Reads the clock between stages, or does nothing when off.
struct Stopwatch {
    last: Option<Instant>,
    times: StageTimes,
}

impl Stopwatch {
    fn off() -> Stopwatch {
        Stopwatch {
            last: None,
            times: StageTimes::default(),
        }
    }

    fn on() -> Stopwatch {
        Stopwatch {
            last: Some(Instant::now()),
            times: StageTimes::default(),
        }
    }

    fn lap(&mut self, stage: impl FnOnce(&mut StageTimes) -> &mut Duration) {
        if let Some(last) = self.last {
            let now = Instant::now();
            *stage(&mut self.times) += now - last;
            self.last = Some(now);
        }
    }
}
