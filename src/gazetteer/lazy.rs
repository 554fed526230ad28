//! A table whose slots are made the first time they are asked for: the
//! embedded gazetteers have hundreds of thousands of entries, a document
//! mentions a few dozen, and start-up time and memory should not pay for the
//! rest.

use std::sync::OnceLock;

/// Slots per chunk of the table; a chunk is allocated when one of its slots
/// is first asked for.
const CHUNK: usize = 256;

/// Readers never lock: a slot once made is read with an atomic load.
#[derive(Debug)]
pub(crate) struct LazyTable<T> {
    len: usize,
    /// A slot per chunk, allocated on first use too, so that making a table
    /// allocates nothing.
    chunks: OnceLock<Box<[OnceLock<Chunk<T>>]>>,
}

type Chunk<T> = Box<[OnceLock<T>]>;

impl<T> LazyTable<T> {
    pub(crate) fn new(len: usize) -> LazyTable<T> {
        LazyTable {
            len,
            chunks: OnceLock::new(),
        }
    }

    /// The value of slot `index`, made by `make` if no thread made it before.
    pub(crate) fn get_or_init(&self, index: usize, make: impl FnOnce() -> T) -> &T {
        let chunks = self.chunks.get_or_init(|| {
            (0..self.len.div_ceil(CHUNK))
                .map(|_| OnceLock::new())
                .collect()
        });
        let chunk =
            chunks[index / CHUNK].get_or_init(|| (0..CHUNK).map(|_| OnceLock::new()).collect());
        chunk[index % CHUNK].get_or_init(make)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn table_makes_each_slot_once() {
        let table = LazyTable::new(CHUNK + 1);
        let made = std::cell::Cell::new(0);
        for index in [0, CHUNK, 0, CHUNK] {
            table.get_or_init(index, || {
                made.set(made.get() + 1);
                index
            });
        }
        assert_eq!(made.get(), 2);
    }
}
