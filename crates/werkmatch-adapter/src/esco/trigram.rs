//! One character-trigram TF-IDF table, shared by the title index ([`super::index`])
//! and the skill index ([`super::skill_index`]).
//!
//! Each document (a label) is the trigrams of its words ([`word_trigrams`]), weighted
//! tf · idf and L2-normalised. Document frequencies count *targets* (occupations,
//! skills), not labels: a trigram in every label of one concept is still specific
//! to it. A query trigram no label has only lengthens the query vector (with the
//! weight of the rarest trigram), so unknown text lowers the cosine instead of
//! being ignored.

use std::collections::HashMap;

use super::text::word_trigrams;

/// Trigram ids, their IDF and the per-document normalised vectors.
#[derive(Default)]
pub(crate) struct TrigramTable {
    ids: HashMap<u64, u32>,
    idf: Vec<f32>,
    /// Per document, its (trigram, tf·idf / ‖document‖) sorted by trigram, flattened.
    doc_tris: Vec<(u32, f32)>,
    /// Where each document's trigrams start in `doc_tris` (one more entry than documents).
    doc_start: Vec<u32>,
    /// The IDF of a trigram no target has.
    unseen_idf: f32,
}

/// The IDF both indexes use: `ln((n + 1) / (df + 1)) + 1`.
pub(crate) fn idf(n: f32, df: f32) -> f32 {
    ((n + 1.0) / (df + 1.0)).ln() + 1.0
}

impl TrigramTable {
    /// Builds the table over `docs`, each (target, words); document ids are positions
    /// in `docs`. `n_targets` is the number of targets the IDF counts against.
    pub fn build<'a, W>(docs: impl IntoIterator<Item = (u32, W)>, n_targets: usize) -> Self
    where
        W: IntoIterator<Item = &'a str>,
    {
        let n = n_targets.max(1) as f32;
        let mut ids: HashMap<u64, u32> = HashMap::new();
        let mut per_doc: Vec<Vec<(u32, f32)>> = Vec::new();
        let mut df: Vec<Vec<u32>> = Vec::new();
        let mut buf = Vec::new();
        for (target, words) in docs {
            buf.clear();
            for w in words {
                word_trigrams(w, &mut buf);
            }
            buf.sort_unstable();
            let mut counts = Vec::new();
            for g in buf.chunk_by(|a, b| a == b) {
                let Some(&tri) = g.first() else { continue };
                let next = u32::try_from(ids.len()).unwrap_or(u32::MAX);
                let id = *ids.entry(tri).or_insert(next);
                if id as usize == df.len() {
                    df.push(Vec::new());
                }
                if let Some(d) = df.get_mut(id as usize) {
                    if d.last() != Some(&target) {
                        d.push(target);
                    }
                }
                counts.push((id, g.len() as f32));
            }
            per_doc.push(counts);
        }
        let idf_of: Vec<f32> = df
            .iter_mut()
            .map(|d| {
                d.sort_unstable();
                d.dedup();
                idf(n, d.len() as f32)
            })
            .collect();
        let mut doc_tris = Vec::new();
        let mut doc_start = Vec::with_capacity(per_doc.len() + 1);
        for counts in &mut per_doc {
            let w = |&(id, tf): &(u32, f32)| tf * idf_of.get(id as usize).copied().unwrap_or(0.0);
            let norm = counts.iter().map(|c| w(c) * w(c)).sum::<f32>().sqrt().max(1e-6);
            counts.sort_unstable_by_key(|c| c.0);
            doc_start.push(u32::try_from(doc_tris.len()).unwrap_or(u32::MAX));
            for c in counts.iter() {
                doc_tris.push((c.0, w(c) / norm));
            }
        }
        doc_start.push(u32::try_from(doc_tris.len()).unwrap_or(u32::MAX));
        TrigramTable { ids, idf: idf_of, doc_tris, doc_start, unseen_idf: idf(n_targets as f32, 0.0) }
    }

    /// Number of distinct trigrams.
    pub fn len(&self) -> usize {
        self.idf.len()
    }

    /// A document's normalised vector, sorted by trigram id.
    pub fn doc(&self, d: u32) -> &[(u32, f32)] {
        let at = |i: usize| self.doc_start.get(i).map_or(0, |&x| x as usize);
        self.doc_tris.get(at(d as usize)..at(d as usize + 1)).unwrap_or(&[])
    }

    /// Per trigram, the documents that have it with their weight (an inverted index).
    pub fn postings(&self) -> Vec<Vec<(u32, f32)>> {
        let mut post = vec![Vec::new(); self.len()];
        for d in 0..self.doc_start.len().saturating_sub(1) {
            let d = u32::try_from(d).unwrap_or(u32::MAX);
            for &(t, w) in self.doc(d) {
                if let Some(p) = post.get_mut(t as usize) {
                    p.push((d, w));
                }
            }
        }
        post
    }

    /// The query's tf·idf vector over known trigrams, sorted by trigram id, into `out`
    /// (`tris` is a scratch buffer); returns the query's norm, unseen trigrams included.
    pub fn query(&self, words: &[&str], tris: &mut Vec<u64>, out: &mut Vec<(u32, f32)>) -> f32 {
        tris.clear();
        for w in words {
            word_trigrams(w, tris);
        }
        tris.sort_unstable();
        out.clear();
        let mut norm = 0.0f32;
        for g in tris.chunk_by(|a, b| a == b) {
            let tf = g.len() as f32;
            match g.first().and_then(|t| self.ids.get(t)) {
                Some(&id) => {
                    let w = tf * self.idf.get(id as usize).copied().unwrap_or(0.0);
                    norm += w * w;
                    out.push((id, w));
                }
                None => norm += (tf * self.unseen_idf).powi(2),
            }
        }
        out.sort_unstable_by_key(|x| x.0);
        norm.sqrt().max(1e-6)
    }

    /// [`TrigramTable::dot`] with the query scattered into `dense` (indexed by trigram
    /// id, zero elsewhere, at least [`TrigramTable::len`] long): one look-up per
    /// document trigram instead of a merge, for the many documents of one query.
    /// The same sum in the same order as `dot` (the added zeros change nothing).
    pub fn dot_dense(&self, dense: &[f32], d: u32) -> f32 {
        let mut sum = 0.0f32;
        for &(t, lw) in self.doc(d) {
            let qw = dense.get(t as usize).copied().unwrap_or(0.0);
            if qw != 0.0 {
                sum += qw * lw;
            }
        }
        sum
    }

    /// The dot product of a query vector (sorted by trigram id) with a document's.
    pub fn dot(&self, q: &[(u32, f32)], d: u32) -> f32 {
        let l = self.doc(d);
        let (mut i, mut j, mut sum) = (0, 0, 0.0f32);
        while let (Some(&(qa, qw)), Some(&(la, lw))) = (q.get(i), l.get(j)) {
            match qa.cmp(&la) {
                std::cmp::Ordering::Less => i += 1,
                std::cmp::Ordering::Greater => j += 1,
                std::cmp::Ordering::Equal => {
                    sum += qw * lw;
                    i += 1;
                    j += 1;
                }
            }
        }
        sum
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    proptest! {
        /// The dense dot product is the merge dot product (the reference), bit for bit.
        #[test]
        fn dense_dot_equals_merge_dot(
            docs in proptest::collection::vec(proptest::collection::vec("[a-e]{1,6}", 1..4), 1..12),
            query in proptest::collection::vec("[a-f]{1,7}", 1..4),
        ) {
            let t = TrigramTable::build(
                docs.iter().enumerate().map(|(i, ws)| (u32::try_from(i).unwrap_or(0), ws.iter().map(String::as_str))),
                docs.len(),
            );
            let q: Vec<&str> = query.iter().map(String::as_str).collect();
            let (mut tris, mut v) = (Vec::new(), Vec::new());
            t.query(&q, &mut tris, &mut v);
            let mut dense = vec![0.0f32; t.len()];
            for &(id, w) in &v {
                dense[id as usize] = w;
            }
            for d in 0..docs.len() {
                let d = u32::try_from(d).unwrap_or(0);
                prop_assert_eq!(t.dot_dense(&dense, d).to_bits(), t.dot(&v, d).to_bits());
            }
        }
    }

    #[test]
    fn identical_text_has_cosine_one_and_unseen_trigrams_lengthen_the_query() {
        let t = TrigramTable::build([(0, vec!["kok"]), (1, vec!["bakker"])], 2);
        let (mut tris, mut q) = (Vec::new(), Vec::new());
        let norm = t.query(&["kok"], &mut tris, &mut q);
        assert!((t.dot(&q, 0) / norm - 1.0).abs() < 1e-5);
        assert_eq!(t.dot(&q, 1), 0.0);
        let longer = t.query(&["kokzzz"], &mut tris, &mut q);
        assert!(t.dot(&q, 0) / longer < 0.9);
        let post = t.postings();
        assert_eq!(post.iter().map(Vec::len).sum::<usize>(), t.doc(0).len() + t.doc(1).len());
    }
}
