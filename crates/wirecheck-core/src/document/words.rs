//! The words of a story, stored compactly: a word is a 32-bit start and an 8-bit length (5 bytes)
//! rather than a [`Span`] (16 bytes), since news copy has about one word every six bytes and its
//! word list would otherwise take nearly three times the story's size. The rare word of 255 bytes
//! or more keeps its length in a side table; texts of 4 GiB or more keep full spans.

use crate::span::Span;

/// A story's words in text order.
#[derive(Clone, Debug)]
pub struct Words {
    store: Store,
}

#[derive(Clone, Debug)]
enum Store {
    Narrow(Narrow),
    Wide(Vec<Span>),
}

/// Words of a text shorter than 4 GiB.
#[derive(Clone, Debug, Default)]
struct Narrow {
    starts: Vec<u32>,
    /// Each word's length, or [`LONG`] when it is in `long`.
    lengths: Vec<u8>,
    /// (word index, length) of the words of [`LONG`] bytes or more, by index.
    long: Vec<(u32, u32)>,
}

/// The length that says "see the side table".
const LONG: u8 = u8::MAX;

impl Words {
    /// An empty list for a text of `text_len` bytes, with room for about `capacity` words.
    pub fn with_capacity(text_len: usize, capacity: usize) -> Self {
        let store = if u32::try_from(text_len).is_ok() {
            Store::Narrow(Narrow {
                starts: Vec::with_capacity(capacity),
                lengths: Vec::with_capacity(capacity),
                long: Vec::new(),
            })
        } else {
            Store::Wide(Vec::with_capacity(capacity))
        };
        Self { store }
    }

    /// The words of `spans`, which lie in order in a text of `text_len` bytes.
    pub fn from_spans(text_len: usize, spans: impl IntoIterator<Item = Span>) -> Self {
        let mut words = Self::with_capacity(text_len, 0);
        for span in spans {
            words.push(span);
        }
        words
    }

    /// Appends a word; words are pushed in text order, each inside the text.
    pub fn push(&mut self, span: Span) {
        match &mut self.store {
            Store::Narrow(narrow) => {
                let length = u8::try_from(span.len()).unwrap_or(LONG);
                if length == LONG {
                    narrow
                        .long
                        .push((to_u32(narrow.starts.len()), to_u32(span.len())));
                }
                narrow.starts.push(to_u32(span.start));
                narrow.lengths.push(length);
            }
            Store::Wide(spans) => spans.push(span),
        }
    }

    /// Every word.
    pub fn all(&self) -> WordSlice<'_> {
        let store = match &self.store {
            Store::Narrow(narrow) => SliceStore::Narrow {
                first: 0,
                starts: &narrow.starts,
                lengths: &narrow.lengths,
                long: &narrow.long,
            },
            Store::Wide(spans) => SliceStore::Wide(spans),
        };
        WordSlice { store }
    }

    /// Number of words.
    pub fn len(&self) -> usize {
        self.all().len()
    }

    /// True when there is no word.
    pub fn is_empty(&self) -> bool {
        self.len() == 0
    }

    /// The words in order.
    pub fn iter(&self) -> WordIter<'_> {
        self.all().iter()
    }

    /// Gives back spare capacity (a word list is sized by an estimate).
    pub fn shrink_to_fit(&mut self) {
        match &mut self.store {
            Store::Narrow(narrow) => {
                narrow.starts.shrink_to_fit();
                narrow.lengths.shrink_to_fit();
            }
            Store::Wide(spans) => spans.shrink_to_fit(),
        }
    }
}

impl<'a> IntoIterator for &'a Words {
    type Item = Span;
    type IntoIter = WordIter<'a>;

    fn into_iter(self) -> WordIter<'a> {
        self.iter()
    }
}

/// An offset or count in a text shorter than 4 GiB (checked when the list is made).
fn to_u32(value: usize) -> u32 {
    u32::try_from(value).unwrap_or(u32::MAX)
}

/// A run of consecutive words.
#[derive(Clone, Copy, Debug)]
pub struct WordSlice<'a> {
    store: SliceStore<'a>,
}

#[derive(Clone, Copy, Debug)]
enum SliceStore<'a> {
    Narrow {
        /// Index of the run's first word in the whole list (the side table counts from there).
        first: usize,
        starts: &'a [u32],
        lengths: &'a [u8],
        long: &'a [(u32, u32)],
    },
    Wide(&'a [Span]),
}

impl<'a> WordSlice<'a> {
    /// Number of words.
    pub fn len(&self) -> usize {
        match self.store {
            SliceStore::Narrow { starts, .. } => starts.len(),
            SliceStore::Wide(spans) => spans.len(),
        }
    }

    /// True when there is no word.
    pub fn is_empty(&self) -> bool {
        self.len() == 0
    }

    /// Word `index`, if there is one.
    pub fn get(&self, index: usize) -> Option<Span> {
        match self.store {
            SliceStore::Narrow {
                first,
                starts,
                lengths,
                long,
            } => {
                let start = *starts.get(index)? as usize;
                let length = match lengths[index] {
                    LONG => {
                        let at = to_u32(first + index);
                        let found = long.binary_search_by_key(&at, |&(i, _)| i).ok()?;
                        long[found].1 as usize
                    }
                    length => usize::from(length),
                };
                Some(Span::new(start, start + length))
            }
            SliceStore::Wide(spans) => spans.get(index).copied(),
        }
    }

    /// The first word.
    pub fn first(&self) -> Option<Span> {
        self.get(0)
    }

    /// The words in order.
    pub fn iter(self) -> WordIter<'a> {
        WordIter {
            slice: self,
            front: 0,
            back: self.len(),
        }
    }

    /// Each word with the next one.
    pub fn pairs(self) -> impl Iterator<Item = (Span, Span)> + 'a {
        let mut words = self.iter();
        let mut previous = words.next();
        std::iter::from_fn(move || {
            let next = words.next()?;
            let pair = (previous?, next);
            previous = Some(next);
            Some(pair)
        })
    }

    /// The words `range` of this run.
    fn range(self, range: std::ops::Range<usize>) -> Self {
        let store = match self.store {
            SliceStore::Narrow {
                first,
                starts,
                lengths,
                long,
            } => SliceStore::Narrow {
                first: first + range.start,
                starts: &starts[range.clone()],
                lengths: &lengths[range],
                long,
            },
            SliceStore::Wide(spans) => SliceStore::Wide(&spans[range]),
        };
        Self { store }
    }

    /// The index of the first word for which `before` is false (words for which it is true come
    /// first).
    fn partition_point(self, before: impl Fn(Span) -> bool) -> usize {
        let (mut low, mut high) = (0, self.len());
        while low < high {
            let middle = low + (high - low) / 2;
            if self.get(middle).is_some_and(&before) {
                low = middle + 1;
            } else {
                high = middle;
            }
        }
        low
    }

    /// The words lying wholly inside `span`.
    pub fn inside(self, span: Span) -> Self {
        let first = self.partition_point(|w| w.start < span.start);
        let last = self.partition_point(|w| w.end <= span.end);
        self.range(first..last.max(first))
    }
}

/// The words of a [`WordSlice`] in order.
#[derive(Clone, Debug)]
pub struct WordIter<'a> {
    slice: WordSlice<'a>,
    /// Next word from the front, and one past the next from the back.
    front: usize,
    back: usize,
}

impl Iterator for WordIter<'_> {
    type Item = Span;

    fn next(&mut self) -> Option<Span> {
        if self.front == self.back {
            return None;
        }
        self.front += 1;
        self.slice.get(self.front - 1)
    }

    fn size_hint(&self) -> (usize, Option<usize>) {
        let left = self.back - self.front;
        (left, Some(left))
    }
}

impl DoubleEndedIterator for WordIter<'_> {
    fn next_back(&mut self) -> Option<Span> {
        if self.front == self.back {
            return None;
        }
        self.back -= 1;
        self.slice.get(self.back)
    }
}

impl ExactSizeIterator for WordIter<'_> {}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn words_inside_a_span_and_pairs() {
        let spans = [Span::new(0, 3), Span::new(4, 7), Span::new(8, 11)];
        let words = Words::from_spans(11, spans);
        assert_eq!(words.len(), 3);
        assert_eq!(words.iter().rev().collect::<Vec<_>>()[0], Span::new(8, 11));
        let inside = words.all().inside(Span::new(4, 11));
        assert_eq!(inside.iter().collect::<Vec<_>>(), spans[1..]);
        assert_eq!(
            words.all().pairs().collect::<Vec<_>>(),
            [(spans[0], spans[1]), (spans[1], spans[2])]
        );
        assert!(words.all().inside(Span::new(1, 3)).is_empty());
    }

    /// Words of 255 bytes or more keep their length, also in a run that starts after them.
    #[test]
    fn long_words_keep_their_length() {
        let spans = [
            Span::new(0, 300),
            Span::new(301, 305),
            Span::new(306, 1306),
            Span::new(1307, 1562),
        ];
        let words = Words::from_spans(2000, spans);
        assert_eq!(words.iter().collect::<Vec<_>>(), spans);
        let inside = words.all().inside(Span::new(301, 1562));
        assert_eq!(inside.iter().collect::<Vec<_>>(), spans[1..]);
        assert_eq!(inside.get(1), Some(Span::new(306, 1306)));
    }
}
