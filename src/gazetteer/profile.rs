//! What the entity stage asks of an entry at every match, in a byte: its
//! kind, gender, whether it is a country and whether a city's size. Read
//! through a parsed [`super::Entry`], each answer was a chain of dependent
//! loads (the lazy table's chunks, the entry, its subtype's buffer); the
//! embedded entries' bytes are written by `build.rs`, which shares this
//! file, and read with one load.

/// An entry's profile; see the module's documentation.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) struct Profile(pub(crate) u8);

/// The kinds, in the low two bits.
pub(crate) const PERSON: u8 = 0;
pub(crate) const GROUP: u8 = 1;
pub(crate) const PLACE: u8 = 2;
pub(crate) const MALE: u8 = 1 << 2;
pub(crate) const FEMALE: u8 = 1 << 3;
pub(crate) const COUNTRY: u8 = 1 << 4;
pub(crate) const CITY: u8 = 1 << 5;

/// A place this large is more often meant than a person of its name.
const CITY_PROMINENCE: u64 = 1_000_000;

impl Profile {
    /// The profile of an entry with these fields, spelled as in the
    /// gazetteer files and valid there.
    pub(crate) fn new(kind: &str, subtype: &str, prominence: u64, gender: &str) -> Profile {
        let kind = match kind {
            "person" => PERSON,
            "group" => GROUP,
            "place" => PLACE,
            _ => unreachable!("the kinds are person, group and place"),
        };
        let gender = match gender {
            "m" | "male" => MALE,
            "f" | "female" => FEMALE,
            _ => 0,
        };
        let country = if subtype == "country" { COUNTRY } else { 0 };
        let city = if prominence >= CITY_PROMINENCE {
            CITY
        } else {
            0
        };
        Profile(kind | gender | country | city)
    }
}
