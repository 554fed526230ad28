//! The facade: one immutable extractor that runs the whole pipeline.

use std::sync::{Arc, LazyLock};

use rayon::prelude::*;

use crate::document::Analysis;
use crate::error::Error;
use crate::gazetteer::{Gazetteer, GazetteerBuilder};
use crate::{attribution, entity, quote, text};

/// Finds entities, quotations and claims in text.
///
/// Build it once and share it: it is immutable, `Send + Sync` and cheap to
/// clone (the gazetteers and lexicons sit behind an `Arc`). The default
/// extractor parses the embedded gazetteers on first use, once per process.
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
    /// The first call in a process parses them; later calls share the result.
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
    /// assert_eq!(analysis.sentences.len(), 2);
    /// ```
    pub fn analyze(&self, text: &str) -> Analysis {
        let layout = text::layout(text);
        let gazetteer = &self.inner.gazetteer;
        let matches = gazetteer.find(text, &layout);
        let entities = entity::recognize(text, &layout, &matches, gazetteer);
        let quotations = quote::find(text, &layout);
        let (claims, quotes) =
            attribution::attribute(text, &layout, &entities, &quotations, self.inner.fallback);
        Analysis {
            entities: entities.entities,
            claims,
            quotes,
            tokens: layout.tokens,
            sentences: layout.sentences,
            paragraphs: layout.paragraphs,
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
