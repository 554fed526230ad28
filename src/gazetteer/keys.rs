//! The keys the entity stage files an entry's names under when clustering,
//! kept with the gazetteer: a country has dozens of names, and normalising
//! them again in every document that mentions it was half of clustering.
//!
//! They are made the first time an entry is asked for, not when the
//! gazetteer is built (see [`super::lazy`]).

use std::ops::Range;

/// The keys of one name.
#[derive(Clone, Copy, Debug, PartialEq)]
pub(crate) struct NameKeys<'a> {
    /// The normalised name.
    pub(crate) norm: &'a str,
    /// The last word's key, by which a person is found.
    pub(crate) surname: &'a str,
    /// For names of two words or more.
    pub(crate) words: Option<WordKeys<'a>>,
}

/// The keys of a name of two words or more.
#[derive(Clone, Copy, Debug, PartialEq)]
pub(crate) struct WordKeys<'a> {
    /// The content words as a set; none where an earlier name of the entry
    /// has the same.
    pub(crate) content: Option<&'a str>,
    /// Whether the last word is a group head, whose key is then the surname.
    pub(crate) head: bool,
    /// The initials of the capitalised words.
    pub(crate) initials: &'a str,
}

/// The keys of all names of one entry, their strings in one buffer: the
/// entries a long run of documents mentions add up, so a name costs a few
/// ranges rather than a string per key.
#[derive(Debug)]
pub(crate) struct EntryKeys {
    text: Box<str>,
    names: Box<[Stored]>,
}

#[derive(Debug)]
struct Stored {
    norm: Range<u32>,
    surname: Range<u32>,
    words: Option<(Option<Range<u32>>, bool, Range<u32>)>,
}

impl EntryKeys {
    /// The keys of each name, in the order they were added.
    pub(crate) fn names(&self) -> impl Iterator<Item = NameKeys<'_>> {
        self.names.iter().map(|s| s.view(&self.text))
    }
}

impl Stored {
    fn view<'a>(&self, text: &'a str) -> NameKeys<'a> {
        let key = |r: &Range<u32>| &text[r.start as usize..r.end as usize];
        NameKeys {
            norm: key(&self.norm),
            surname: key(&self.surname),
            words: self
                .words
                .as_ref()
                .map(|(content, head, initials)| WordKeys {
                    content: content.as_ref().map(key),
                    head: *head,
                    initials: key(initials),
                }),
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
    pub(crate) fn push(&mut self, keys: NameKeys<'_>) {
        let words = keys.words.map(|w| {
            let content = w
                .content
                .filter(|&c| !self.has(c, |(content, _, _)| content.as_ref()));
            let initials =
                Some(w.initials).filter(|&i| !self.has(i, |(_, _, initials)| Some(initials)));
            (content, w.head, initials)
        });
        let new_words =
            words.is_some_and(|(content, _, initials)| content.is_some() || initials.is_some());
        if !new_words
            && self.names.iter().any(|s| {
                let view = s.view(&self.text);
                view.norm == keys.norm
                    && view.surname == keys.surname
                    && view.words.map(|w| w.head) == keys.words.map(|w| w.head)
            })
        {
            return;
        }
        let norm = self.add(keys.norm);
        // The surname and content key are mostly the tail of the normalised
        // name and the name itself: stored once.
        let surname = if keys.norm.ends_with(keys.surname) {
            norm.end - keys.surname.len() as u32..norm.end
        } else {
            self.add(keys.surname)
        };
        let words = words.map(|(content, head, initials)| {
            let content = content.map(|c| {
                if c == keys.norm {
                    norm.clone()
                } else {
                    self.add(c)
                }
            });
            // Initials shorter than two letters are not filed: empty ones
            // stand for those left out.
            let initials = initials.map_or(0..0, |i| self.add(i));
            (content, head, initials)
        });
        self.names.push(Stored {
            norm,
            surname,
            words,
        });
    }

    /// Whether an earlier name has `key` as the part of its word keys that
    /// `part` picks.
    fn has(
        &self,
        key: &str,
        part: impl Fn(&(Option<Range<u32>>, bool, Range<u32>)) -> Option<&Range<u32>>,
    ) -> bool {
        self.names.iter().any(|s| {
            s.words
                .as_ref()
                .and_then(&part)
                .is_some_and(|r| &self.text[r.start as usize..r.end as usize] == key)
        })
    }

    pub(crate) fn build(self) -> EntryKeys {
        EntryKeys {
            text: self.text.into_boxed_str(),
            names: self.names.into_boxed_slice(),
        }
    }

    fn add(&mut self, key: &str) -> Range<u32> {
        let start = self.text.len() as u32;
        self.text.push_str(key);
        start..self.text.len() as u32
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn keys_read_back_as_pushed_once() {
        let names = [
            NameKeys {
                norm: "novaya tavolshanka",
                surname: "tavolshanka",
                words: Some(WordKeys {
                    content: Some("novaya tavolshanka"),
                    head: false,
                    initials: "NT",
                }),
            },
            NameKeys {
                norm: "kiev",
                surname: "kiev",
                words: None,
            },
            NameKeys {
                norm: "legion freedom russia",
                surname: "rusia",
                words: Some(WordKeys {
                    content: Some("freedom legion russia"),
                    head: true,
                    initials: "",
                }),
            },
        ];
        let mut builder = EntryKeysBuilder::default();
        for keys in names.iter().chain(&names) {
            builder.push(*keys);
        }
        let keys = builder.build();
        assert_eq!(keys.names().collect::<Vec<_>>(), names);
    }

    #[test]
    fn keys_an_earlier_name_has_are_left_out() {
        let words = |content, initials| {
            Some(WordKeys {
                content: Some(content),
                head: false,
                initials,
            })
        };
        let mut builder = EntryKeysBuilder::default();
        for (norm, surname, content) in [
            ("legion freedom russia", "rusia", "freedom legion russia"),
            ("freedom legion russia", "rusia", "freedom legion russia"),
            ("freedom legion russia", "rusia", "freedom legion russia"),
        ] {
            builder.push(NameKeys {
                norm,
                surname,
                words: words(content, "LFR"),
            });
        }
        let keys = builder.build();
        let names: Vec<_> = keys.names().collect();
        assert_eq!(names.len(), 2);
        assert_eq!(names[1].words.unwrap().content, None);
        assert_eq!(names[1].words.unwrap().initials, "");
    }
}
