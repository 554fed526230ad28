//! The keys the entity stage files an entry's names under when clustering,
//! kept with the gazetteer: a country has dozens of names, and normalising
//! them again in every document that mentions it was half of clustering.
//!
//! They are made the first time an entry is asked for, not when the
//! gazetteer is built (see [`super::lazy`]).

use std::ops::Range;

/// A key with its hash, made by the entity stage's hasher: kept with the
/// key, a gazetteer name is not hashed again in each document that files
/// it. 32 bits of it, which number a document's keys and pick their bits
/// of its filter well enough, and keep an entry's keys small.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) struct Hashed<'a> {
    pub(crate) text: &'a str,
    pub(crate) hash: u32,
}

/// A key kept with an entry: its hash, and where its text is in the
/// entry's buffer. A document that links the entry files most of its keys
/// only if their hash is one of the document's own, so the text is sliced,
/// checking the bounds, only when asked for.
#[derive(Clone, Copy, Debug)]
pub(crate) struct StoredKey<'a> {
    buffer: &'a str,
    start: u32,
    end: u32,
    pub(crate) hash: u32,
}

impl<'a> StoredKey<'a> {
    /// The key with its text.
    pub(crate) fn get(self) -> Hashed<'a> {
        Hashed {
            text: &self.buffer[self.start as usize..self.end as usize],
            hash: self.hash,
        }
    }
}

/// The keys of one name: [`Hashed`] keys as made, [`StoredKey`]s as read
/// back from an [`EntryKeys`].
#[derive(Clone, Copy, Debug, PartialEq)]
pub(crate) struct NameKeys<K> {
    /// The normalised name.
    pub(crate) norm: K,
    /// The last word's key, by which a person is found.
    pub(crate) surname: K,
    /// For names of two words or more.
    pub(crate) words: Option<WordKeys<K>>,
    /// Whether the normalised name is ASCII, and so the surname, its last
    /// word: their chars are their bytes, counted without a look.
    pub(crate) ascii: bool,
}

/// The keys of a name of two words or more.
#[derive(Clone, Copy, Debug, PartialEq)]
pub(crate) struct WordKeys<K> {
    /// The content words as a set; none where an earlier name of the entry
    /// has the same.
    pub(crate) content: Option<K>,
    /// Whether the last word is a group head, whose key is then the surname.
    pub(crate) head: bool,
    /// The initials of the capitalised words.
    pub(crate) initials: K,
}

/// The keys of all names of one entry, their strings in one buffer: the
/// entries a long run of documents mentions add up, so a name costs a few
/// offsets rather than a string per key.
#[derive(Debug)]
pub(crate) struct EntryKeys {
    text: Box<str>,
    names: Box<[Stored]>,
}

/// The keys of one name, packed: each document that links the entry reads
/// all of its names' keys again, and a country's run to thousands of bytes,
/// so their size is what registering them costs.
#[derive(Debug)]
struct Stored {
    /// Of the normalised name, the surname, the content key and the
    /// initials; 0 for those the name lacks.
    hashes: [u32; 4],
    /// Where the normalised name starts in the buffer.
    start: u32,
    /// For the same four keys in turn, where each starts, as an offset from
    /// `start`, and its length: a name's keys are stored one after another
    /// and are no longer than a few names.
    spans: [(u16, u16); 4],
    /// [`WORDS`], [`CONTENT`], [`HEAD`], [`ASCII`].
    flags: u8,
}

/// The name has word keys.
const WORDS: u8 = 1;
/// Its word keys have a content key.
const CONTENT: u8 = 1 << 1;
/// Its last word is a group head.
const HEAD: u8 = 1 << 2;
/// Its normalised name is ASCII.
const ASCII: u8 = 1 << 3;

/// Where a key is in the buffer, and its hash.
#[derive(Clone, Debug)]
struct Place {
    range: Range<u32>,
    hash: u32,
}

impl EntryKeys {
    /// The keys of each name, in the order they were added.
    pub(crate) fn names(&self) -> impl Iterator<Item = NameKeys<StoredKey<'_>>> {
        self.names.iter().map(|s| s.view(&self.text))
    }
}

impl Stored {
    /// The keys of a name; `words` are its content key, whether its last
    /// word is a group head, and its initials; `ascii`, whether the
    /// normalised name is ASCII.
    fn new(
        norm: Place,
        surname: Place,
        words: Option<(Option<Place>, bool, Place)>,
        ascii: bool,
    ) -> Stored {
        let start = norm.range.start;
        let span = |p: &Place| {
            let offset = if p.range.is_empty() {
                0
            } else {
                p.range.start - start
            };
            let short = |n: u32| {
                u16::try_from(n).expect("names are at most 256 bytes, so their keys are short")
            };
            (short(offset), short(p.range.end - p.range.start))
        };
        let empty = Place {
            range: 0..0,
            hash: 0,
        };
        let (content, head, initials) = match &words {
            Some((content, head, initials)) => (content.as_ref(), *head, initials),
            None => (None, false, &empty),
        };
        let keys = [&norm, &surname, content.unwrap_or(&empty), initials];
        let mut flags = 0;
        if words.is_some() {
            flags |= WORDS;
        }
        if content.is_some() {
            flags |= CONTENT;
        }
        if head {
            flags |= HEAD;
        }
        if ascii {
            flags |= ASCII;
        }
        Stored {
            hashes: keys.map(|p| p.hash),
            start,
            spans: keys.map(span),
            flags,
        }
    }

    // Inlined, so that the keys a caller leaves unread are not made.
    #[inline]
    fn view<'a>(&self, buffer: &'a str) -> NameKeys<StoredKey<'a>> {
        let key = |i: usize| {
            let (offset, len) = self.spans[i];
            let start = self.start + u32::from(offset);
            StoredKey {
                buffer,
                start,
                end: start + u32::from(len),
                hash: self.hashes[i],
            }
        };
        NameKeys {
            norm: key(0),
            surname: key(1),
            words: (self.flags & WORDS != 0).then(|| WordKeys {
                content: (self.flags & CONTENT != 0).then(|| key(2)),
                head: self.flags & HEAD != 0,
                initials: key(3),
            }),
            ascii: self.flags & ASCII != 0,
        }
    }
}

/// Collects the keys of an entry's names.
#[derive(Debug, Default)]
pub(crate) struct EntryKeysBuilder {
    text: String,
    names: Vec<Stored>,
}

impl EntryKeysBuilder {
    /// Adds the keys of a name. A content key or initials an earlier name
    /// of the entry has are left out, and so is a name whose other keys
    /// are an earlier name's too: all of an entry's names are filed for
    /// one cluster, so filing a key again would change nothing, and
    /// spelling and case variants ("Kiev", "KIEV") share most keys.
    pub(crate) fn push(&mut self, keys: NameKeys<Hashed<'_>>) {
        let words = keys.words.map(|w| {
            let content = w.content.filter(|c| !self.has(c.text, |w| w.content));
            let initials = Some(w.initials).filter(|i| !self.has(i.text, |w| Some(w.initials)));
            (content, w.head, initials)
        });
        let new_words =
            words.is_some_and(|(content, _, initials)| content.is_some() || initials.is_some());
        if !new_words
            && self.names.iter().any(|s| {
                let view = s.view(&self.text);
                view.norm.get() == keys.norm
                    && view.surname.get() == keys.surname
                    && view.words.map(|w| w.head) == keys.words.map(|w| w.head)
            })
        {
            return;
        }
        let norm = self.add(keys.norm);
        // The surname and content key are mostly the tail of the normalised
        // name and the name itself: stored once.
        let surname = if keys.norm.text.ends_with(keys.surname.text) {
            Place {
                range: norm.range.end - keys.surname.text.len() as u32..norm.range.end,
                hash: keys.surname.hash,
            }
        } else {
            self.add(keys.surname)
        };
        let words = words.map(|(content, head, initials)| {
            let content = content.map(|c| {
                if c.text == keys.norm.text {
                    norm.clone()
                } else {
                    self.add(c)
                }
            });
            // Initials shorter than two letters are not filed: empty ones
            // stand for those left out.
            let initials = initials.map_or(
                Place {
                    range: 0..0,
                    hash: 0,
                },
                |i| self.add(i),
            );
            (content, head, initials)
        });
        self.names
            .push(Stored::new(norm, surname, words, keys.ascii));
    }

    /// Whether an earlier name has `key` as the part of its word keys that
    /// `part` picks.
    fn has<'a>(
        &'a self,
        key: &str,
        part: impl Fn(WordKeys<StoredKey<'a>>) -> Option<StoredKey<'a>>,
    ) -> bool {
        self.names.iter().any(|s| {
            s.view(&self.text)
                .words
                .and_then(&part)
                .is_some_and(|k| k.get().text == key)
        })
    }

    pub(crate) fn build(self) -> EntryKeys {
        EntryKeys {
            text: self.text.into_boxed_str(),
            names: self.names.into_boxed_slice(),
        }
    }

    fn add(&mut self, key: Hashed<'_>) -> Place {
        let start = self.text.len() as u32;
        self.text.push_str(key.text);
        Place {
            range: start..self.text.len() as u32,
            hash: key.hash,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A key with a made-up hash: the builder only keeps it.
    fn key(text: &str) -> Hashed<'_> {
        Hashed {
            text,
            hash: text.len() as u32,
        }
    }

    /// The keys of each name, with their texts.
    fn read(keys: &EntryKeys) -> Vec<NameKeys<Hashed<'_>>> {
        keys.names()
            .map(|n| NameKeys {
                norm: n.norm.get(),
                surname: n.surname.get(),
                words: n.words.map(|w| WordKeys {
                    content: w.content.map(StoredKey::get),
                    head: w.head,
                    initials: w.initials.get(),
                }),
                ascii: n.ascii,
            })
            .collect()
    }

    #[test]
    fn keys_read_back_as_pushed_once() {
        let names = [
            NameKeys {
                norm: key("novaya tavolshanka"),
                surname: key("tavolshanka"),
                words: Some(WordKeys {
                    content: Some(key("novaya tavolshanka")),
                    head: false,
                    initials: key("NT"),
                }),
                ascii: true,
            },
            NameKeys {
                norm: key("kiev"),
                surname: key("kiev"),
                words: None,
                ascii: true,
            },
            NameKeys {
                norm: key("legion freedom russia"),
                surname: key("rusia"),
                words: Some(WordKeys {
                    content: Some(key("freedom legion russia")),
                    head: true,
                    initials: key(""),
                }),
                ascii: true,
            },
        ];
        let mut builder = EntryKeysBuilder::default();
        for keys in names.iter().chain(&names) {
            builder.push(*keys);
        }
        let keys = builder.build();
        assert_eq!(read(&keys), names);
    }

    #[test]
    fn keys_an_earlier_name_has_are_left_out() {
        let words = |content, initials| {
            Some(WordKeys {
                content: Some(key(content)),
                head: false,
                initials: key(initials),
            })
        };
        let mut builder = EntryKeysBuilder::default();
        for (norm, surname, content) in [
            ("legion freedom russia", "rusia", "freedom legion russia"),
            ("freedom legion russia", "rusia", "freedom legion russia"),
            ("freedom legion russia", "rusia", "freedom legion russia"),
        ] {
            builder.push(NameKeys {
                norm: key(norm),
                surname: key(surname),
                words: words(content, "LFR"),
                ascii: true,
            });
        }
        let keys = builder.build();
        let names = read(&keys);
        assert_eq!(names.len(), 2);
        assert_eq!(names[1].words.unwrap().content, None);
        assert_eq!(names[1].words.unwrap().initials.text, "");
    }
}
