//! The hash maps and sets of the pipeline.
//!
//! Lookups of words in lexicons and in a document's own name tables are a
//! large share of the pipeline's time, and SipHash (std's default) is slow on
//! short keys. foldhash is several times faster and still seeded per map, so
//! text crafted to collide cannot make lookups quadratic.

pub(crate) type Map<K, V> = std::collections::HashMap<K, V, foldhash::fast::RandomState>;
pub(crate) type Set<T> = std::collections::HashSet<T, foldhash::fast::RandomState>;
