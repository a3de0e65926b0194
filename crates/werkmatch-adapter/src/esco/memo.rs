//! A bounded memo of normaliser answers.
//!
//! Feeds repeat their free text: the same title and the same skill phrases
//! come back in posting after posting. A normaliser answer is a pure function
//! of the text (and of `k`), so remembering it changes no result, only the
//! time: the import target (≥ 20,000 postings/s) is out of reach at a few
//! thousand phrases per second otherwise. When the memo is full it is emptied
//! (simple, and a feed's vocabulary is far smaller than the bound).

use std::collections::HashMap;
use std::sync::Mutex;

/// Entries kept before the memo is emptied.
const CAPACITY: usize = 200_000;

pub(crate) struct Memo<V> {
    map: Mutex<HashMap<(Box<str>, usize), V>>,
}

impl<V: Clone> Memo<V> {
    pub fn new() -> Self {
        Memo { map: Mutex::new(HashMap::new()) }
    }

    /// The remembered answer for `(text, k)`, or `compute()`'s, remembered.
    pub fn get_or(&self, text: &str, k: usize, compute: impl FnOnce() -> V) -> V {
        // A poisoned lock only means another thread panicked mid-insert; the map is still valid.
        if let Some(v) = self.map.lock().unwrap_or_else(|e| e.into_inner()).get(&(Box::from(text), k)) {
            return v.clone();
        }
        let v = compute();
        let mut map = self.map.lock().unwrap_or_else(|e| e.into_inner());
        if map.len() >= CAPACITY {
            map.clear();
        }
        map.insert((Box::from(text), k), v.clone());
        v
    }
}
