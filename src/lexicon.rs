//! Word lists the stages share, parsed from the files in `lexicons/`.

use crate::hash::{Map, Set};
use std::borrow::Cow;
use std::cmp::Reverse;
use std::sync::LazyLock;

use crate::gazetteer::Gender;

/// Parses a lexicon: `#` comments, blank lines skipped; a line
/// `lemma: form form ...` contributes the lemma and every form, any other
/// line contributes its words.
pub(crate) fn parse_words(src: &'static str) -> Set<&'static str> {
    words(src).collect()
}

/// The words of a lexicon, as [`parse_words`] reads them, in file order.
fn words(src: &'static str) -> impl Iterator<Item = &'static str> {
    src.lines()
        .map(|line| line.split('#').next().unwrap_or(""))
        .flat_map(|line| line.split(|c: char| c == ':' || c.is_whitespace()))
        .filter(|w| !w.is_empty())
}

/// Every form of every speech verb.
pub(crate) static SPEECH_VERBS: LazyLock<Set<&'static str>> =
    LazyLock::new(|| parse_words(include_str!("../lexicons/speech_verbs.txt")));

/// Titles and roles before a person's name, lowercased, without periods.
pub(crate) static TITLES: LazyLock<Set<&'static str>> =
    LazyLock::new(|| parse_words(include_str!("../lexicons/titles.txt")));

/// Nouns for people by occupation, standing or kin ("musician", "woman"),
/// lowercased: beside a name in lower case they make it a person's.
pub(crate) static ROLE_NOUNS: LazyLock<Set<&'static str>> =
    LazyLock::new(|| parse_words(include_str!("../lexicons/role_nouns.txt")));

/// Nouns for kinds of organisation ("magazine", "airline"), lowercased:
/// right before a name in lower case they make it a group's.
pub(crate) static GROUP_NOUNS: LazyLock<Set<&'static str>> =
    LazyLock::new(|| parse_words(include_str!("../lexicons/group_nouns.txt")));

/// Words opening the name of a ship or other craft ("HMS", "Shuttle"),
/// lowercased.
pub(crate) static CRAFT_PREFIXES: LazyLock<Set<&'static str>> =
    LazyLock::new(|| parse_words(include_str!("../lexicons/craft_prefixes.txt")));

/// Nouns for kinds of creative work ("novel", "film"), lowercased: right
/// before a name they make it a title.
pub(crate) static WORK_NOUNS: LazyLock<Set<&'static str>> =
    LazyLock::new(|| parse_words(include_str!("../lexicons/work_nouns.txt")));

/// Words qualifying a title ("Prime", "Foreign", "former"), lowercased.
pub(crate) static TITLE_MODIFIERS: LazyLock<Set<&'static str>> =
    LazyLock::new(|| parse_words(include_str!("../lexicons/title_modifiers.txt")));

/// Heads and suffixes of group names ("Corps", "Ministry", "Inc"), lowercased.
pub(crate) static GROUP_HEADS: LazyLock<Set<&'static str>> =
    LazyLock::new(|| parse_words(include_str!("../lexicons/group_heads.txt")));

/// Endings of one-word group names ("Euronews", "Microsoft"), lowercased.
pub(crate) static GROUP_SUFFIXES: LazyLock<Set<&'static str>> =
    LazyLock::new(|| parse_words(include_str!("../lexicons/group_suffixes.txt")));

/// Nouns for the people or parts of an organisation ("officials",
/// "reporters"), lowercased: the name right before them is a group's.
pub(crate) static GROUP_MEMBERS: LazyLock<Set<&'static str>> =
    LazyLock::new(|| parse_words(include_str!("../lexicons/group_members.txt")));

/// Verbs of one side beating another ("beat", "defeated"), lowercase:
/// the names beside them are teams.
pub(crate) static MATCH_VERBS: LazyLock<Set<&'static str>> =
    LazyLock::new(|| parse_words(include_str!("../lexicons/match_verbs.txt")));

/// Prepositions that put the name after them in place ("in", "near").
pub(crate) static PLACE_PREPOSITIONS: LazyLock<Set<&'static str>> =
    LazyLock::new(|| parse_words(include_str!("../lexicons/place_prepositions.txt")));

/// Nouns marking a name next to them as a place ("region", "village").
pub(crate) static PLACE_NOUNS: LazyLock<Set<&'static str>> =
    LazyLock::new(|| parse_words(include_str!("../lexicons/place_nouns.txt")));

/// Last words of the names of buildings, sites and roads ("Stadium",
/// "Tower"), lowercased: such a name is a place.
pub(crate) static FACILITY_HEADS: LazyLock<Set<&'static str>> =
    LazyLock::new(|| parse_words(include_str!("../lexicons/facility_heads.txt")));

/// Words closing a compound adjective after a name ("Kremlin-backed",
/// "Soviet-era"), lowercased: never a given name's second syllable.
pub(crate) static COMPOUND_HEADS: LazyLock<Set<&'static str>> =
    LazyLock::new(|| parse_words(include_str!("../lexicons/compound_heads.txt")));

/// Prepositions taking an event or period ("during", "throughout"),
/// lowercased.
pub(crate) static EVENT_PREPOSITIONS: LazyLock<Set<&'static str>> =
    LazyLock::new(|| parse_words(include_str!("../lexicons/event_prepositions.txt")));

/// Letters after a name that give a rank or honour ("QC", "MBE"),
/// lowercased.
pub(crate) static POST_NOMINALS: LazyLock<Set<&'static str>> =
    LazyLock::new(|| parse_words(include_str!("../lexicons/post_nominals.txt")));

/// Lowercase words that may sit inside a name ("of", "van", "bin").
pub(crate) static NAME_CONNECTORS: LazyLock<Set<&'static str>> =
    LazyLock::new(|| parse_words(include_str!("../lexicons/name_connectors.txt")));

/// Hyphenated prefixes that are not part of the name ("pro-", "anti-").
pub(crate) static NAME_PREFIXES: LazyLock<Set<&'static str>> =
    LazyLock::new(|| parse_words(include_str!("../lexicons/name_prefixes.txt")));

/// Capitalised words that are never a name alone ("The", "Sunday"),
/// lowercased.
pub(crate) static NOT_NAMES: LazyLock<Set<&'static str>> =
    LazyLock::new(|| parse_words(include_str!("../lexicons/not_names.txt")));

/// Days of the week, lowercased: one closing a name dates it.
pub(crate) static WEEKDAYS: LazyLock<Set<&'static str>> =
    LazyLock::new(|| parse_words(include_str!("../lexicons/weekdays.txt")));

/// Trades that close company names ("Dow Chemical"), lowercased.
pub(crate) static TRADE_WORDS: LazyLock<Set<&'static str>> =
    LazyLock::new(|| parse_words(include_str!("../lexicons/trade_words.txt")));

/// Heads that open a group's name ("Banco Santander", "FC Porto"),
/// lowercased.
pub(crate) static OPENING_HEADS: LazyLock<Set<&'static str>> =
    LazyLock::new(|| parse_words(include_str!("../lexicons/opening_heads.txt")));

/// Nationality adjectives ("russian"), lowercased.
pub(crate) static NATIONALITIES: LazyLock<Set<&'static str>> =
    LazyLock::new(|| parse_words(include_str!("../lexicons/nationalities.txt")));

/// Words for a party's members and their politics ("republican"), lowercased.
pub(crate) static PARTIES: LazyLock<Set<&'static str>> =
    LazyLock::new(|| parse_words(include_str!("../lexicons/parties.txt")));

/// Lowercase common English words: a capitalised one opening a sentence
/// ("Officials said") is no name without other evidence.
pub(crate) static COMMON_WORDS: LazyLock<Set<&'static str>> =
    LazyLock::new(|| parse_words(include_str!("../lexicons/common_words.txt")));

/// Last words of event names ("Cup", "Open", "Day"), lowercased.
pub(crate) static EVENT_HEADS: LazyLock<Set<&'static str>> =
    LazyLock::new(|| parse_words(include_str!("../lexicons/event_heads.txt")));

/// The lexicons of lowercase words the entity stage asks about, as bits:
/// it asks several of them about one word, and one lookup answers all.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub(crate) struct Lexicons(u32);

impl Lexicons {
    pub(crate) const COMMON: Lexicons = Lexicons(1);
    pub(crate) const GROUP_HEAD: Lexicons = Lexicons(1 << 1);
    pub(crate) const FACILITY_HEAD: Lexicons = Lexicons(1 << 2);
    pub(crate) const PLACE_NOUN: Lexicons = Lexicons(1 << 3);
    /// A group's, a building's or a place's head: what names run on to.
    pub(crate) const HEAD: Lexicons =
        Lexicons(Self::GROUP_HEAD.0 | Self::FACILITY_HEAD.0 | Self::PLACE_NOUN.0);
    pub(crate) const TITLE: Lexicons = Lexicons(1 << 4);
    pub(crate) const TITLE_MODIFIER: Lexicons = Lexicons(1 << 5);
    pub(crate) const NOT_NAME: Lexicons = Lexicons(1 << 6);
    pub(crate) const NATIONALITY: Lexicons = Lexicons(1 << 7);
    pub(crate) const WEEKDAY: Lexicons = Lexicons(1 << 8);
    pub(crate) const NAME_CONNECTOR: Lexicons = Lexicons(1 << 9);
    pub(crate) const NAME_PREFIX: Lexicons = Lexicons(1 << 10);
    pub(crate) const CRAFT_PREFIX: Lexicons = Lexicons(1 << 11);
    pub(crate) const POST_NOMINAL: Lexicons = Lexicons(1 << 12);
    pub(crate) const EVENT_HEAD: Lexicons = Lexicons(1 << 13);
    pub(crate) const OPENING_HEAD: Lexicons = Lexicons(1 << 14);
    pub(crate) const TRADE_WORD: Lexicons = Lexicons(1 << 15);
    pub(crate) const SPEECH_VERB: Lexicons = Lexicons(1 << 16);
    pub(crate) const PLACE_PREPOSITION: Lexicons = Lexicons(1 << 17);
    pub(crate) const EVENT_PREPOSITION: Lexicons = Lexicons(1 << 18);
    pub(crate) const GROUP_NOUN: Lexicons = Lexicons(1 << 19);
    pub(crate) const GROUP_MEMBER: Lexicons = Lexicons(1 << 20);
    pub(crate) const MATCH_VERB: Lexicons = Lexicons(1 << 21);
    pub(crate) const ROLE_NOUN: Lexicons = Lexicons(1 << 22);
    pub(crate) const WORK_NOUN: Lexicons = Lexicons(1 << 23);
    pub(crate) const COMPOUND_HEAD: Lexicons = Lexicons(1 << 24);
    /// Not a lexicon: a nationality adjective with an "s" after it
    /// ("russians"), asked about with the adjectives in one lookup.
    pub(crate) const NATIONALITY_PLURAL: Lexicons = Lexicons(1 << 25);
    /// Not lexicons: the lowercase form of a given name of [`FIRST_NAMES`]
    /// written as [`titled`] tells its gender by these bits, both where it
    /// is given to either; that of any other (hyphenated, "Andrés") has
    /// the last bit. A word whose lexicons have none is no given name.
    const GIVEN_MALE: Lexicons = Lexicons(1 << 26);
    const GIVEN_FEMALE: Lexicons = Lexicons(1 << 27);
    const GIVEN_OTHERWISE: Lexicons = Lexicons(1 << 28);
    pub(crate) const PARTY: Lexicons = Lexicons(1 << 29);
    pub(crate) const GIVEN: Lexicons =
        Lexicons(Self::GIVEN_MALE.0 | Self::GIVEN_FEMALE.0 | Self::GIVEN_OTHERWISE.0);
    /// Not a lexicon: marks lexicons that may list a word, as far as its
    /// shape tells ([`Listed::bound`]), from those that do.
    const BOUND: Lexicons = Lexicons(1 << 31);
    /// Every lexicon, as a bound: all that is known of a word not yet
    /// looked up. Kept where a word's lexicons will be, rather than an
    /// `Option` beside them, which would double their size.
    pub(crate) const UNASKED: Lexicons = Lexicons(u32::MAX);

    /// Whether these are the lexicons listing a word, not a
    /// [`Listed::bound`] of them.
    #[inline]
    pub(crate) fn is_exact(self) -> bool {
        self.0 & Lexicons::BOUND.0 == 0
    }

    /// [`given_name`] of `word`, whose lowercase form these lexicons,
    /// exact, list. The entity stage looks its capitalised words up here as
    /// it makes them, and most are no given name, which these tell, as they
    /// tell a given name written as most are: another table's line, which
    /// the cache seldom keeps, is read only for the rest.
    #[inline]
    pub(crate) fn given_name(self, word: &[u8]) -> Option<Option<Gender>> {
        if !self.any(Lexicons::GIVEN) {
            return None;
        }
        if self.any(Lexicons::GIVEN_OTHERWISE) || !titled(word) {
            return given_name(word);
        }
        match (
            self.any(Lexicons::GIVEN_MALE),
            self.any(Lexicons::GIVEN_FEMALE),
        ) {
            (true, false) => Some(Some(Gender::Male)),
            (false, true) => Some(Some(Gender::Female)),
            _ => Some(None),
        }
    }

    /// Whether any of `these` lexicons is among them.
    #[inline]
    pub(crate) fn any(self, these: Lexicons) -> bool {
        self.0 & these.0 != 0
    }
}

impl std::ops::BitOr for Lexicons {
    type Output = Lexicons;

    fn bitor(self, other: Lexicons) -> Lexicons {
        Lexicons(self.0 | other.0)
    }
}

static LEXICONS: LazyLock<Listing> = LazyLock::new(|| {
    let words = lexicon_words();
    let mut shapes = Box::new([Lexicons::default(); SHAPES]);
    for (word, lexicons) in &words {
        shapes[shape(word.as_bytes())].0 |= lexicons.0;
    }
    Listing {
        words: WordTable::new(&words),
        shapes,
    }
});

/// The entity stage's lexicons, built, for a caller looking up word after
/// word: a handle taken once, where a lookup through the lazy static would
/// ask at each word whether they are built yet (0.5 M instructions per MB
/// of news fewer in the entity stage).
#[derive(Clone, Copy)]
pub(crate) struct Listed(&'static Listing);

impl Listed {
    /// The lexicons, built at the first call.
    pub(crate) fn new() -> Listed {
        Listed(&LEXICONS)
    }

    /// The lexicons listing `lower`, the bytes of a word in lower case.
    #[inline]
    pub(crate) fn of(self, lower: &[u8]) -> Lexicons {
        self.0.words.get(lower)
    }

    /// The lexicons that may list `lower`, the bytes of a word in lower
    /// case, as a bound: those that list a word of its shape (length, first
    /// and last byte). Lexicons not among them do not list it, which no
    /// lookup ([`Listed::of`]) need tell: most words asked about first
    /// are asked whether a small lexicon has them ("of", "van": a name's
    /// connectors), and the table of shapes this reads, a few KB, stays in
    /// the cache where the lexicons' own lines, a MB, do not.
    #[inline]
    pub(crate) fn bound(self, lower: &[u8]) -> Lexicons {
        self.0.shapes[shape(lower)] | Lexicons::BOUND
    }
}

/// The entity stage's lexicons, word by word.
struct Listing {
    /// The lexicons listing each word.
    words: WordTable<Lexicons>,
    /// Per [`shape`], the lexicons listing a word of that shape: an array,
    /// whose length the shape's bits tell, so that no index is checked.
    shapes: Box<[Lexicons; SHAPES]>,
}

/// How many bits [`shape`] has: 2,048 shapes, about one and a half for
/// each word of the lexicons but the common words and the given names,
/// which the words asked about first are seldom asked to be in. With
/// 4,096, the shapes turned away more words, but their table, 16 KB,
/// missed the cache more often than the lookups they spared did (in a MB
/// of news, 3.3k misses against 0.7k, the lookups' 2.0k against 2.2k).
const SHAPE_BITS: u32 = 11;

/// How many shapes there are.
const SHAPES: usize = 1 << SHAPE_BITS;

/// The shape of a word: its length and first and last bytes, mixed.
#[inline]
fn shape(word: &[u8]) -> usize {
    // A word of one byte has it first and last.
    let (first, last) = match (word.first(), word.last()) {
        (Some(&first), Some(&last)) => (first, last),
        _ => (0, 0),
    };
    crate::hash::shape(word.len(), first, last, SHAPE_BITS)
}

/// Every word of the entity stage's lexicons, with the lexicons listing it.
fn lexicon_words() -> Map<Cow<'static, str>, Lexicons> {
    let lexicons: [(&Set<&'static str>, Lexicons); 26] = [
        (&COMMON_WORDS, Lexicons::COMMON),
        (&PARTIES, Lexicons::PARTY),
        (&GROUP_HEADS, Lexicons::GROUP_HEAD),
        (&FACILITY_HEADS, Lexicons::FACILITY_HEAD),
        (&PLACE_NOUNS, Lexicons::PLACE_NOUN),
        (&TITLES, Lexicons::TITLE),
        (&TITLE_MODIFIERS, Lexicons::TITLE_MODIFIER),
        (&NOT_NAMES, Lexicons::NOT_NAME),
        (&NATIONALITIES, Lexicons::NATIONALITY),
        (&WEEKDAYS, Lexicons::WEEKDAY),
        (&NAME_CONNECTORS, Lexicons::NAME_CONNECTOR),
        (&NAME_PREFIXES, Lexicons::NAME_PREFIX),
        (&CRAFT_PREFIXES, Lexicons::CRAFT_PREFIX),
        (&POST_NOMINALS, Lexicons::POST_NOMINAL),
        (&EVENT_HEADS, Lexicons::EVENT_HEAD),
        (&OPENING_HEADS, Lexicons::OPENING_HEAD),
        (&TRADE_WORDS, Lexicons::TRADE_WORD),
        (&SPEECH_VERBS, Lexicons::SPEECH_VERB),
        (&PLACE_PREPOSITIONS, Lexicons::PLACE_PREPOSITION),
        (&EVENT_PREPOSITIONS, Lexicons::EVENT_PREPOSITION),
        (&GROUP_NOUNS, Lexicons::GROUP_NOUN),
        (&GROUP_MEMBERS, Lexicons::GROUP_MEMBER),
        (&MATCH_VERBS, Lexicons::MATCH_VERB),
        (&ROLE_NOUNS, Lexicons::ROLE_NOUN),
        (&WORK_NOUNS, Lexicons::WORK_NOUN),
        (&COMPOUND_HEADS, Lexicons::COMPOUND_HEAD),
    ];
    let mut map: Map<Cow<'static, str>, Lexicons> = Map::default();
    for (words, bit) in lexicons {
        for &w in words.iter() {
            map.entry(Cow::Borrowed(w)).or_default().0 |= bit.0;
        }
    }
    for &w in NATIONALITIES.iter() {
        map.entry(Cow::Owned(format!("{w}s"))).or_default().0 |= Lexicons::NATIONALITY_PLURAL.0;
    }
    for (&name, &gender) in FIRST_NAMES.iter() {
        let bits = match gender {
            _ if !titled(name.as_bytes()) => Lexicons::GIVEN_OTHERWISE,
            Some(Gender::Male) => Lexicons::GIVEN_MALE,
            Some(Gender::Female) => Lexicons::GIVEN_FEMALE,
            None => Lexicons::GIVEN_MALE | Lexicons::GIVEN_FEMALE,
        };
        // Lowercased as the entity stage lowercases a word it looks up.
        let lower = Cow::Owned(crate::text::lowercase(name).into_owned());
        map.entry(lower).or_default().0 |= bits.0;
    }
    map
}

/// Whether `word` is an ASCII capital and one or more lowercase ASCII
/// letters, as nearly every given name is: two such words are one where
/// their lowercase forms are, which lets [`Lexicons`] tell the given names
/// so written (see [`Lexicons::given_name`]).
#[inline]
pub(crate) fn titled(word: &[u8]) -> bool {
    match word {
        [first, rest @ ..] => {
            first.is_ascii_uppercase()
                && !rest.is_empty()
                && rest.iter().all(u8::is_ascii_lowercase)
        }
        [] => false,
    }
}

/// First names and their usual gender (`None`: used for both), from
/// `gazetteers/first_names.tsv` (`name<TAB>m|f|u`).
pub(crate) static FIRST_NAMES: LazyLock<Map<&'static str, Option<Gender>>> =
    LazyLock::new(|| parse_first_names(include_str!("../gazetteers/first_names.tsv")));

/// [`FIRST_NAMES`] as a [`WordTable`], each name with its gender where
/// known: the entity stage asks about most capitalised words, and a lookup
/// here costs about half of hashing the word into the map.
static GIVEN_NAMES: LazyLock<WordTable<Option<Option<Gender>>>> = LazyLock::new(|| {
    let names = FIRST_NAMES
        .iter()
        .map(|(&name, &gender)| (name, Some(gender)));
    WordTable::new(&names.collect())
});

/// The gender of the given name `word` as [`FIRST_NAMES`] has it, `None`
/// where `word` is no given name. `word` is a word token's bytes, which
/// hold no zero byte (see [`WordTable`]).
#[inline]
pub(crate) fn given_name(word: &[u8]) -> Option<Option<Gender>> {
    GIVEN_NAMES.get(word)
}

fn parse_first_names(src: &'static str) -> Map<&'static str, Option<Gender>> {
    src.lines()
        .filter(|line| !line.starts_with('#'))
        .filter_map(|line| {
            let mut fields = line.trim_end_matches('\r').split('\t');
            let name = fields.next()?.trim();
            let gender = fields.next().and_then(|g| g.trim().parse::<Gender>().ok());
            (!name.is_empty()).then_some((name, gender))
        })
        .collect()
}

/// Parses a lexicon of classes: each line `class: word word ...` maps every
/// word to its class.
pub(crate) fn parse_classes(src: &'static str) -> Map<&'static str, &'static str> {
    let mut map = Map::default();
    for line in src.lines() {
        let line = line.split('#').next().unwrap_or("");
        if let Some((class, words)) = line.split_once(':') {
            for word in words.split_whitespace() {
                map.insert(word, class.trim());
            }
        }
    }
    map
}

/// Titles that tell a person's gender ("Mrs.", "Sir"), lowercased, without
/// a final period.
pub(crate) static TITLE_GENDERS: LazyLock<Map<&'static str, Gender>> = LazyLock::new(|| {
    parse_classes(include_str!("../lexicons/title_genders.txt"))
        .into_iter()
        .map(|(word, class)| (word, class.parse().expect("male or female")))
        .collect()
});

/// Pronouns by class: male, female, neuter, plural, first, second.
pub(crate) static PRONOUNS: LazyLock<Map<&'static str, &'static str>> =
    LazyLock::new(|| parse_classes(include_str!("../lexicons/pronouns.txt")));

/// Nouns and titles that make a description a person.
pub(crate) static SPEAKER_NOUNS: LazyLock<Set<&'static str>> =
    LazyLock::new(|| parse_words(include_str!("../lexicons/speaker_nouns.txt")));

/// Speech cues of several words, one phrase a line, by their first word
/// (most words start none), each word's in file order.
pub(crate) static CUE_PHRASES: LazyLock<Map<&'static str, Vec<&'static str>>> =
    LazyLock::new(|| {
        let mut phrases: Map<&str, Vec<&str>> = Map::default();
        for line in include_str!("../lexicons/cue_phrases.txt").lines() {
            let phrase = line.split('#').next().unwrap_or("").trim();
            if let Some((first, _)) = phrase.split_once(' ') {
                phrases.entry(first).or_default().push(phrase);
            }
        }
        phrases
    });

/// Speech verbs that attribute quotations but report no clause.
pub(crate) static QUOTE_ONLY_VERBS: LazyLock<Set<&'static str>> =
    LazyLock::new(|| parse_words(include_str!("../lexicons/quote_only_verbs.txt")));

/// Words a subject does not reach back over.
pub(crate) static SUBJECT_BOUNDS: LazyLock<Set<&'static str>> =
    LazyLock::new(|| parse_words(include_str!("../lexicons/subject_bounds.txt")));

/// Auxiliaries and adverbs between a speaker and its speech verb.
pub(crate) static CUE_MODIFIERS: LazyLock<Set<&'static str>> =
    LazyLock::new(|| parse_words(include_str!("../lexicons/cue_modifiers.txt")));

/// Words that close an adjunct after a speech verb: times and media.
pub(crate) static SPEECH_ADJUNCTS: LazyLock<Set<&'static str>> = LazyLock::new(|| {
    let mut words = parse_words(include_str!("../lexicons/speech_adjuncts.txt"));
    words.extend(TIME_ADJUNCTS.iter());
    words
});

/// Speech verb forms that cue a claim only where a verb must be read.
pub(crate) static NOUN_VERBS: LazyLock<Set<&'static str>> =
    LazyLock::new(|| parse_words(include_str!("../lexicons/noun_verbs.txt")));

/// Words naming a time, which "this", "last" or "next" may precede.
pub(crate) static TIME_ADJUNCTS: LazyLock<Set<&'static str>> =
    LazyLock::new(|| parse_words(include_str!("../lexicons/time_adjuncts.txt")));

/// Prepositions that open an adjunct after a speech verb.
pub(crate) static ADJUNCT_PREPOSITIONS: LazyLock<Set<&'static str>> =
    LazyLock::new(|| parse_words(include_str!("../lexicons/adjunct_prepositions.txt")));

/// Verbs of belief, intention and finding that cue claims as speech verbs
/// do.
pub(crate) static ATTRIBUTION_VERBS: LazyLock<Set<&'static str>> =
    LazyLock::new(|| parse_words(include_str!("../lexicons/attribution_verbs.txt")));

/// Determiners and numbers that open a noun phrase ("the", "his", "two").
pub(crate) static DETERMINERS: LazyLock<Set<&'static str>> =
    LazyLock::new(|| parse_words(include_str!("../lexicons/determiners.txt")));

/// Finite auxiliaries ("have", "was", "will").
pub(crate) static AUXILIARIES: LazyLock<Set<&'static str>> =
    LazyLock::new(|| parse_words(include_str!("../lexicons/auxiliaries.txt")));

/// Pronouns that are a subject by themselves ("he", "they").
pub(crate) static NOMINATIVE_PRONOUNS: LazyLock<Set<&'static str>> =
    LazyLock::new(|| parse_words(include_str!("../lexicons/nominative_pronouns.txt")));

/// Pronouns in the object case ("him", "them").
pub(crate) static OBJECT_PRONOUNS: LazyLock<Set<&'static str>> =
    LazyLock::new(|| parse_words(include_str!("../lexicons/object_pronouns.txt")));

/// Speech verbs whose object is the hearer ("told", "assured").
pub(crate) static TELL_VERBS: LazyLock<Set<&'static str>> =
    LazyLock::new(|| parse_words(include_str!("../lexicons/tell_verbs.txt")));

/// Lowercase words inside a speaker's name read back over commas ("of",
/// "van").
pub(crate) static SPEAKER_NAME_JOINERS: LazyLock<Set<&'static str>> =
    LazyLock::new(|| parse_words(include_str!("../lexicons/speaker_name_joiners.txt")));

/// Forms of "be" that make an -ing form after them a verb ("was agreeing").
pub(crate) static PROGRESSIVE_AUXILIARIES: LazyLock<Set<&'static str>> =
    LazyLock::new(|| parse_words(include_str!("../lexicons/progressive_auxiliaries.txt")));

/// Forms of "be" that make a speech verb after them a passive ("was
/// claimed").
pub(crate) static PASSIVE_AUXILIARIES: LazyLock<Set<&'static str>> =
    LazyLock::new(|| parse_words(include_str!("../lexicons/passive_auxiliaries.txt")));

/// Relative pronouns a speech verb's -s form may follow ("which notes").
pub(crate) static RELATIVE_PRONOUNS: LazyLock<Set<&'static str>> =
    LazyLock::new(|| parse_words(include_str!("../lexicons/relative_pronouns.txt")));

/// Words that set a later speech cue off from an earlier one's clause
/// ("and", "whereas").
pub(crate) static CONNECTIVES: LazyLock<Set<&'static str>> =
    LazyLock::new(|| parse_words(include_str!("../lexicons/connectives.txt")));

/// Conjunctions coordinating a speech verb with an earlier one.
pub(crate) static COORDINATORS: LazyLock<Set<&'static str>> =
    LazyLock::new(|| parse_words(include_str!("../lexicons/coordinators.txt")));

/// Connectives trimmed from the end of a reported clause, in file order.
pub(crate) static CLAUSE_TAILS: LazyLock<Vec<&'static str>> =
    LazyLock::new(|| words(include_str!("../lexicons/clause_tails.txt")).collect());

/// Particles that make another verb of a cue verb ("show up").
pub(crate) static VERB_PARTICLES: LazyLock<Set<&'static str>> =
    LazyLock::new(|| parse_words(include_str!("../lexicons/verb_particles.txt")));

/// Words before "as" that make what follows a description ("known as").
pub(crate) static AS_DESCRIPTIONS: LazyLock<Set<&'static str>> =
    LazyLock::new(|| parse_words(include_str!("../lexicons/as_descriptions.txt")));

/// Words a subject noun phrase does not start with ("and", "even").
pub(crate) static PHRASE_NON_STARTERS: LazyLock<Set<&'static str>> =
    LazyLock::new(|| parse_words(include_str!("../lexicons/phrase_non_starters.txt")));

/// Words that open a subject as a number does ("half", "most").
pub(crate) static QUANTIFIERS: LazyLock<Set<&'static str>> =
    LazyLock::new(|| parse_words(include_str!("../lexicons/quantifiers.txt")));

/// Words that make a time word after them an adjunct ("this", "last").
pub(crate) static TIME_DEICTICS: LazyLock<Set<&'static str>> =
    LazyLock::new(|| parse_words(include_str!("../lexicons/time_deictics.txt")));

/// Words that end the adjuncts skipped after a speech verb ("to", "that").
pub(crate) static ADJUNCT_STOPS: LazyLock<Set<&'static str>> =
    LazyLock::new(|| parse_words(include_str!("../lexicons/adjunct_stops.txt")));

/// Lexicons' words of up to sixteen bytes, nearly all of them, in tables
/// keyed by their bytes as integers, each word with the bits `B` of the
/// lexicons listing it: asked once for every word of a text, a lookup there
/// is a few multiplies, a load and integer compares, where a hash map
/// hashes the string and compares it byte by byte.
///
/// A word is packed with zero bytes after its end, so one ending in a zero
/// byte would read as the word without it; no word token has one.
pub(crate) struct WordTable<B> {
    /// The words of up to eight bytes, most words of running text, keyed
    /// by one integer: five to a cache line where pairs of integers fit
    /// three.
    short: Slots<u64, B, 5>,
    /// The words of nine to sixteen bytes.
    middle: Slots<(u64, u64), B, 3>,
    /// The longer words.
    long: Map<Box<[u8]>, B>,
}

/// The longest word [`WordTable`] packs.
const PACKED: usize = 16;

impl<B: Copy + Default> WordTable<B> {
    /// The table of `words`, each with its bits.
    pub(crate) fn new<W: AsRef<str>>(words: &Map<W, B>) -> WordTable<B> {
        let (mut short, mut middle, mut long) = (vec![], vec![], Map::default());
        for (word, &bits) in words {
            let word = word.as_ref();
            match word.len() {
                0 => {}
                1..=8 => {
                    let (key, _) = pack(word.as_bytes());
                    short.push((key, mix(key, 0), bits));
                }
                9..=PACKED => {
                    let (low, high) = pack(word.as_bytes());
                    middle.push(((low, high), mix(low, high), bits));
                }
                _ => {
                    long.insert(word.as_bytes().into(), bits);
                }
            }
        }
        // Shorter words first, as they are the commoner in text: they take
        // the first slots of their buckets, where a lookup finds them
        // soonest, and leave the longer to spill. The keys next, so that
        // every run lays the table out alike.
        short.sort_unstable_by_key(|&(key, _, _)| (Reverse(key.leading_zeros()), key));
        middle.sort_unstable_by_key(|&((low, high), _, _)| {
            (Reverse(high.leading_zeros()), high, low)
        });
        WordTable {
            short: Slots::new(&short),
            middle: Slots::new(&middle),
            long,
        }
    }

    /// The bits of `lower`, the bytes of a word in lower case; the default
    /// where no lexicon lists it. Bytes, not a `str`: a caller slicing the
    /// text for the word would check char boundaries at every word.
    #[inline(always)]
    pub(crate) fn get(&self, lower: &[u8]) -> B {
        match lower.len() {
            0 => B::default(),
            1..=8 => {
                let (key, _) = pack(lower);
                self.short.get(key, mix(key, 0))
            }
            9..=PACKED => {
                let (low, high) = pack(lower);
                self.middle.get((low, high), mix(low, high))
            }
            _ => self.get_long(lower),
        }
    }

    /// [`WordTable::get`] of a word longer than [`PACKED`]: out of line, as
    /// few words are, so that a lookup of the others needs no frame for
    /// hashing.
    #[cold]
    #[inline(never)]
    fn get_long(&self, lower: &[u8]) -> B {
        self.long.get(lower).copied().unwrap_or_default()
    }
}

/// A hash table of packed words in buckets of `N` slots, a bucket a cache
/// line, so that a lookup nearly always reads one line; the zero key,
/// which no word packs to, marks an empty slot. A word's bucket is its
/// home, or the first after it with room.
///
/// The entity stage's table is asked about every word of a text, most of
/// them rare enough that the gazetteer's lookups evict their lines between
/// uses. With a slot for each word and over three slots a word, as it was,
/// it took 3.5 MB, over the 1 MB of this machine's per-core last-level
/// cache, and its lookups missed that cache 31k times per MB of text
/// (cachegrind, steady state); in buckets filled to two thirds it takes
/// 0.9 MB and they miss 22k to 26k times, as the gazetteer's misses
/// vary. Filled to seven eighths it is smaller still, but more words spill
/// into a second line, and they missed no less (26k).
///
/// A word missing from the table does not run on through the full buckets
/// after its home, as it would if a bucket told only that some word went
/// past it: each bucket keeps a bit for each word that went past, picked
/// by [`spill_bit`], and a lookup goes on only where its own bit is set.
/// The keys are fixed, so no text can lengthen a probe.
struct Slots<K, B, const N: usize> {
    /// The home buckets, then any that words spilled into past the last.
    buckets: Box<[Bucket<K, B, N>]>,
    /// How many buckets are homes.
    homes: usize,
}

/// `N` words and their bits, in one cache line where `K` and `B` are small
/// enough: five words of up to eight bytes with `u32` bits, or three of up
/// to sixteen.
#[derive(Clone, Copy)]
#[repr(C, align(64))]
struct Bucket<K, B, const N: usize> {
    keys: [K; N],
    bits: [B; N],
    /// The [`spill_bit`]s of the words that found this bucket full.
    spilled: u32,
}

impl<K: Copy + Default + Eq, B: Copy + Default, const N: usize> Slots<K, B, N> {
    /// The table of `words`, each a key, its [`mix`] and its bits, at two
    /// words for every three slots; a word spilling past the last bucket
    /// adds one, as there is no wrapping round to the first.
    fn new(words: &[(K, u64, B)]) -> Slots<K, B, N> {
        let homes = (3 * words.len()).div_ceil(2 * N).max(1);
        let empty = Bucket {
            keys: [K::default(); N],
            bits: [B::default(); N],
            spilled: 0,
        };
        let mut buckets = vec![empty; homes];
        for &(key, mixed, bits) in words {
            let mut b = home(mixed, homes);
            loop {
                if b == buckets.len() {
                    buckets.push(empty);
                }
                let bucket = &mut buckets[b];
                if let Some(i) = bucket.keys.iter().position(|&k| k == K::default()) {
                    bucket.keys[i] = key;
                    bucket.bits[i] = bits;
                    break;
                }
                bucket.spilled |= spill_bit(mixed);
                b += 1;
            }
        }
        Slots {
            buckets: buckets.into_boxed_slice(),
            homes,
        }
    }

    /// The bits of `key`, whose [`mix`] is `mixed`. A bucket's spill bits
    /// are set only where a bucket follows, so the probe stays in bounds.
    /// All `N` keys are compared, with no stop at the first empty slot: as
    /// most buckets are full or nearly, that took a tenth more instructions.
    #[inline(always)]
    fn get(&self, key: K, mixed: u64) -> B {
        let mut b = home(mixed, self.homes);
        loop {
            let bucket = &self.buckets[b];
            if let Some(i) = bucket.keys.iter().position(|&k| k == key) {
                return bucket.bits[i];
            }
            if bucket.spilled & spill_bit(mixed) == 0 {
                return B::default();
            }
            b += 1;
        }
    }
}

/// The home bucket of a word of [`mix`] `mixed` among `homes`: the high
/// bits of `mixed` scaled to them, which needs no power of two.
#[inline(always)]
fn home(mixed: u64, homes: usize) -> usize {
    ((u128::from(mixed) * homes as u128) >> 64) as usize
}

/// The bit a word of [`mix`] `mixed` sets in the buckets it finds full, of
/// 32 picked by bits of `mixed` below those that pick its home.
#[inline(always)]
fn spill_bit(mixed: u64) -> u32 {
    1u32.rotate_left((mixed >> 32) as u32)
}

/// A word of up to sixteen bytes as two integers, its bytes in order, zero
/// after its end. Loads that overlap, rather than a copy into a buffer,
/// which the load of the whole buffer would wait on.
#[inline]
fn pack(word: &[u8]) -> (u64, u64) {
    let n = word.len();
    match n {
        0 => (0, 0),
        1..=3 => (
            u64::from(word[0])
                | u64::from(word[n / 2]) << (8 * (n / 2))
                | u64::from(word[n - 1]) << (8 * (n - 1)),
            0,
        ),
        4..=7 => {
            let (first, last) = (le32(&word[..4]), le32(&word[n - 4..]));
            (first | last << (8 * (n - 4)), 0)
        }
        8 => (le64(&word[..8]), 0),
        _ => (le64(&word[..8]), le64(&word[n - 8..]) >> (8 * (PACKED - n))),
    }
}

/// The integer of four bytes, first byte lowest.
#[inline]
pub(crate) fn le32(bytes: &[u8]) -> u64 {
    let mut b = [0; 4];
    b.copy_from_slice(bytes);
    u64::from(u32::from_le_bytes(b))
}

/// The integer of eight bytes, first byte lowest.
#[inline]
pub(crate) fn le64(bytes: &[u8]) -> u64 {
    let mut b = [0; 8];
    b.copy_from_slice(bytes);
    u64::from_le_bytes(b)
}

/// A packed word's bits spread over the high bits, which pick its bucket.
#[inline(always)]
fn mix(low: u64, high: u64) -> u64 {
    (low ^ high.wrapping_mul(0xC2B2_AE3D_27D4_EB4F)).wrapping_mul(0x9E37_79B9_7F4A_7C15)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn speech_verbs_have_all_forms() {
        for w in ["say", "said", "says", "claimed", "denies", "told"] {
            assert!(SPEECH_VERBS.contains(w), "{w}");
        }
        assert!(!SPEECH_VERBS.contains("say:"));
        assert!(!SPEECH_VERBS.contains("Speech"));
    }

    #[test]
    fn lexicons_answer_as_their_sets() {
        for w in [
            "said", "council", "museum", "region", "the", "russian", "russians", "monday", "of",
            "zzz",
        ] {
            let l = Listed::new().of(w.as_bytes());
            assert_eq!(
                l.any(Lexicons::SPEECH_VERB),
                SPEECH_VERBS.contains(w),
                "{w}"
            );
            assert_eq!(l.any(Lexicons::GROUP_HEAD), GROUP_HEADS.contains(w), "{w}");
            assert_eq!(l.any(Lexicons::COMMON), COMMON_WORDS.contains(w), "{w}");
            assert_eq!(
                l.any(Lexicons::NATIONALITY),
                NATIONALITIES.contains(w),
                "{w}"
            );
            assert_eq!(l.any(Lexicons::WEEKDAY), WEEKDAYS.contains(w), "{w}");
            assert_eq!(
                l.any(Lexicons::NATIONALITY_PLURAL),
                w.strip_suffix('s')
                    .is_some_and(|w| NATIONALITIES.contains(w)),
                "{w}"
            );
            let head =
                FACILITY_HEADS.contains(w) || PLACE_NOUNS.contains(w) || GROUP_HEADS.contains(w);
            assert_eq!(l.any(Lexicons::HEAD), head, "{w}");
        }
    }

    #[test]
    fn table_holds_every_word() {
        for (w, lexicons) in lexicon_words() {
            assert_eq!(Listed::new().of(w.as_bytes()), lexicons, "{w}");
            let bound = Listed::new().bound(w.as_bytes());
            assert!(
                !bound.is_exact() && bound.0 & lexicons.0 == lexicons.0,
                "{w}"
            );
        }
    }

    /// The lexicons tell a word as a given name as the table of given
    /// names does: each name, and the other case forms of its lowercase
    /// one ("ErvIn", "Ervin"; "ANNA", "anna"; "Andrés").
    #[test]
    fn lexicons_tell_given_names() {
        for &name in FIRST_NAMES.keys() {
            let lower = crate::text::lowercase(name).into_owned();
            let mut chars = lower.chars();
            let titled: String = chars
                .next()
                .into_iter()
                .flat_map(char::to_uppercase)
                .chain(chars)
                .collect();
            for word in [
                name,
                &lower,
                &name.to_uppercase(),
                &titled,
                &format!("{name}."),
            ] {
                let lexicons = Listed::new().of(crate::text::lowercase(word)
                    .trim_end_matches('.')
                    .as_bytes());
                assert_eq!(
                    lexicons.given_name(word.as_bytes()),
                    given_name(word.as_bytes()),
                    "{word}"
                );
            }
        }
        for word in [
            "Putin", "Will", "The", "Ann", "ANN", "Ervin", "ErvIn", "Andrés",
        ] {
            let lexicons = Listed::new().of(crate::text::lowercase(word).as_bytes());
            assert_eq!(
                lexicons.given_name(word.as_bytes()),
                given_name(word.as_bytes()),
                "{word}"
            );
        }
    }

    /// Probes that spill into the next bucket, past the last one, or
    /// follow another word's spill bit to a bucket without theirs.
    #[test]
    fn slots_find_spilled_words() {
        // Buckets of two slots, two words to three slots. Words and
        // missing words are (home, spill bit); a word's key is its place in
        // the list, plus one.
        struct Case {
            words: &'static [(usize, u64)],
            missing: &'static [(usize, u64)],
            homes: usize,
            buckets: usize,
        }
        let cases = [
            // No spill.
            Case {
                words: &[(0, 1), (0, 2), (1, 3), (2, 4)],
                missing: &[(0, 1), (1, 3), (2, 5)],
                homes: 3,
                buckets: 3,
            },
            // From the first bucket through the second into the third.
            Case {
                words: &[(0, 1), (0, 2), (0, 3), (0, 4), (0, 5)],
                missing: &[(0, 3), (0, 5), (1, 5), (2, 5), (3, 1)],
                homes: 4,
                buckets: 4,
            },
            // Past the last bucket, into one added after it.
            Case {
                words: &[(2, 1), (2, 2), (2, 3), (1, 4)],
                missing: &[(2, 3), (2, 4)],
                homes: 3,
                buckets: 4,
            },
            // Through the last bucket, full of words homed before it.
            Case {
                words: &[(2, 1), (2, 2), (2, 3), (2, 4), (3, 5)],
                missing: &[(2, 5), (3, 5), (2, 3)],
                homes: 4,
                buckets: 5,
            },
        ];
        for (c, case) in cases.iter().enumerate() {
            // A mix in the middle of its home's range, with the spill bit
            // in the bits that pick it.
            let mixed = |(home, spill): (usize, u64)| {
                let middle = ((2 * home as u128 + 1) << 64) / (2 * case.homes as u128);
                (middle as u64 & !(31 << 32)) | spill << 32
            };
            let words: Vec<(u64, u64, u32)> = (1..)
                .zip(case.words)
                .map(|(key, &word)| (key, mixed(word), 10 * key as u32))
                .collect();
            let slots = Slots::<u64, u32, 2>::new(&words);
            assert_eq!(slots.homes, case.homes, "case {c}");
            assert_eq!(slots.buckets.len(), case.buckets, "case {c}");
            for &(key, mixed, bits) in &words {
                assert_eq!(slots.get(key, mixed), bits, "case {c}, key {key}");
            }
            for &word in case.missing {
                assert_eq!(slots.get(99, mixed(word)), 0, "case {c}, {word:?}");
            }
        }
    }

    /// A bucket fills one cache line for bits as wide as the lexicons'.
    #[test]
    fn buckets_fill_a_line() {
        assert_eq!(std::mem::size_of::<Bucket<u64, Lexicons, 5>>(), 64);
        assert_eq!(std::mem::size_of::<Bucket<(u64, u64), Lexicons, 3>>(), 64);
    }

    #[test]
    fn words_pack_as_their_bytes() {
        for w in [
            "",
            "a",
            "an",
            "the",
            "said",
            "russian",
            "thursday",
            "according",
            "spokeswoman",
        ] {
            let mut bytes = [0; 16];
            bytes[..w.len()].copy_from_slice(w.as_bytes());
            let low = u64::from_le_bytes(bytes[..8].try_into().unwrap());
            let high = u64::from_le_bytes(bytes[8..].try_into().unwrap());
            assert_eq!(pack(w.as_bytes()), (low, high), "{w}");
        }
    }

    /// The entity stage asks the lexicons about a word as written where it
    /// is its own lowercase form: a word of a lexicon must be one.
    #[test]
    fn entity_lexicons_are_lowercase() {
        for (w, _) in lexicon_words() {
            assert_eq!(w.to_lowercase(), w);
            assert!(!w.ends_with('.'), "{w}");
        }
    }

    #[test]
    fn first_names_parse_genders() {
        let names = parse_first_names("# comment\nAnna\tf\nIvan\tm\nSasha\tu\n\n");
        assert_eq!(names.get("Anna"), Some(&Some(Gender::Female)));
        assert_eq!(names.get("Ivan"), Some(&Some(Gender::Male)));
        assert_eq!(names.get("Sasha"), Some(&None));
        assert_eq!(names.len(), 3);
    }
}
