//! The hash maps and sets of the pipeline.
//!
//! Lookups of words in lexicons and in a document's own name tables are a
//! large share of the pipeline's time, and SipHash (std's default) is slow on
//! short keys. foldhash is several times faster and still seeded per map, so
//! text crafted to collide cannot make lookups quadratic.

pub(crate) type Map<K, V> = std::collections::HashMap<K, V, foldhash::fast::RandomState>;
pub(crate) type Set<T> = std::collections::HashSet<T, foldhash::fast::RandomState>;

/// A hash of a word's shape, its length and first and last bytes, for
/// tables that take its top `bits` bits: those bits mix all three, and a
/// span's two bytes are read without slicing out the word between them.
#[inline]
pub(crate) fn shape(len: usize, first: u8, last: u8, bits: u32) -> usize {
    let key = (len as u32) ^ (u32::from(first) << 8) ^ (u32::from(last) << 16);
    (key.wrapping_mul(0x9E37_79B1) >> (32 - bits)) as usize
}
