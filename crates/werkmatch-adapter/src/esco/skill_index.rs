//! A search index for skill phrases: stemmed words first, characters second,
//! and a prior on how widely ESCO uses a skill.
//!
//! Why not the title index ([`super::index`]): skill phrases from ads are
//! sentences in miniature ("communication and collaboration skills",
//! "performed code reviews"). Their informative part is a few content words
//! in some inflection, wrapped in function words and ad boilerplate. So:
//!
//! 1. **Words, stemmed.** Text is folded ([`fold`]), stop words and ad
//!    boilerplate ("skills", "strong", "ervaring") are dropped, and each word is
//!    stemmed with Snowball (English for English labels, Dutch for Dutch ones;
//!    a query word is looked up under both stems, since its language is not
//!    known). "communicative", "communicate" and "communication" meet.
//! 2. **Unknown words, forgiven.** A query word no label has is matched to
//!    label words that share most of its character trigrams (typos), that it
//!    abbreviates ("admin"), or that it is a compound of ("teamwork" → "team",
//!    "work").
//! 3. **Score per label**: an IDF-weighted F-measure of how much of the query
//!    the label covers and how much of the label the query covers (labels that
//!    add unmatched words lose, long queries are not punished for their
//!    boilerplate), blended with a character-trigram cosine over the unstemmed
//!    content words (catches what stems miss: "bio(chemistry)"). A loose match on
//!    an alternative or hidden label counts a little less than one on the
//!    preferred label.
//! 4. **Score per skill**: the best label, plus damped evidence from its
//!    other matching labels (noisy-or), times a prior: skills that many ESCO
//!    occupations list and skills ESCO marks as transversal or cross-sector are
//!    what ads ask for far more often than occupation-specific ones. The prior
//!    comes from ESCO itself, not from any test phrases.
//!
//! Scores are in [0, 1]; results are ordered by score, ties by URI, so the
//! output depends on neither load order nor hashing.

use std::cell::RefCell;
use std::collections::HashMap;

use rust_stemmers::{Algorithm, Stemmer};

use super::index::LabelKind;
use super::text::{fold, word_trigrams, words};
use super::trigram::{idf, TrigramTable};

/// Function words and ad boilerplate, English and Dutch (folded). They carry no
/// skill: "strong communication skills" is "communication".
const STOP_WORDS: &[&str] = &[
    // English function words
    "a",
    "an",
    "and",
    "the",
    "of",
    "in",
    "on",
    "at",
    "for",
    "to",
    "with",
    "by",
    "from",
    "or",
    "as",
    "is",
    "are",
    "be",
    "been",
    "being",
    "was",
    "were",
    "your",
    "our",
    "their",
    "its",
    "it",
    "you",
    "we",
    "they",
    "will",
    "this",
    "that",
    "these",
    "those",
    "who",
    "which",
    "into",
    "other",
    "etc",
    "e",
    "g",
    "eg",
    "ie",
    "i",
    "vs",
    "via",
    "such",
    "all",
    "any",
    "both",
    "can",
    "able",
    "also",
    "well",
    "very",
    "highly",
    "more",
    "most",
    "new",
    "own",
    "us",
    "have",
    "has",
    "having",
    "should",
    "must",
    "would",
    "like",
    // English ad boilerplate
    "skill",
    "skills",
    "ability",
    "abilities",
    "knowledge",
    "experience",
    "experienced",
    "strong",
    "good",
    "excellent",
    "solid",
    "proven",
    "great",
    "understanding",
    "familiarity",
    "familiar",
    "proficiency",
    "proficient",
    "competence",
    "competences",
    "competencies",
    "years",
    "year",
    "plus",
    "preferred",
    "required",
    // Dutch function words
    "de",
    "het",
    "een",
    "en",
    "van",
    "op",
    "voor",
    "met",
    "aan",
    "bij",
    "of",
    "te",
    "om",
    "als",
    "die",
    "dat",
    "is",
    "zijn",
    "je",
    "jouw",
    "jij",
    "u",
    "uw",
    "onze",
    "ons",
    "wij",
    "we",
    "hebt",
    "heeft",
    "kunnen",
    "kun",
    "kan",
    "naar",
    "door",
    "over",
    "tot",
    "uit",
    "er",
    "ook",
    "goed",
    "goede",
    // Dutch ad boilerplate
    "ervaring",
    "kennis",
    "vaardigheden",
    "vaardigheid",
    "sterke",
    "uitstekende",
    "jaar",
];

/// Share of the character-trigram cosine in a label's score; the rest is the word F-measure.
const COSINE_WEIGHT: f32 = 0.25;
/// Beta of the word F-measure: query and label coverage count alike.
const F_BETA: f32 = 1.0;
/// How much the second-best label of a skill adds (noisy-or).
const SECOND_LABEL_WEIGHT: f32 = 0.15;
/// Weight of the prior (see [`SkillPrior`]): the score is multiplied by `1 - PRIOR_WEIGHT · (1 - prior)`.
const PRIOR_WEIGHT: f32 = 0.12;
/// Similarity given to a label word that a query word abbreviates ("admin" → "administr").
const PREFIX_SIM: f32 = 0.7;
/// Similarity of a query word to a label word with the same stem but another form.
const STEM_ONLY_SIM: f32 = 0.85;
/// Similarity given to each part of a compound query word ("teamwork" → "team", "work").
const COMPOUND_SIM: f32 = 0.8;
/// Minimum trigram Dice coefficient for a typo match.
const TYPO_MIN_DICE: f32 = 0.5;
/// IDF multiplier of a query word that matches no label word at all.
const UNSEEN_WEIGHT: f32 = 0.5;
/// How many labels by F-measure get a cosine.
const RERANK: usize = 200;
/// How many label words a query word may be fuzzily matched to.
const FUZZY_MAX: usize = 4;

/// What ESCO says about a skill that makes it likely to be asked for.
#[derive(Clone, Copy, Debug, Default)]
pub(crate) struct SkillPrior {
    /// Number of occupations listing the skill (essential or optional).
    pub occupations: u32,
    /// 0 (occupation-specific or unknown) to 3 (transversal), from ESCO's reuse level.
    pub reuse: u8,
}

struct Label {
    target: u32,
    kind: LabelKind,
    original: u32,
    /// Stem ids, deduplicated.
    stems: Vec<u32>,
    /// Sum of the stems' IDF.
    idf_total: f32,
    /// Ids of the folded words as written (see [`SkillIndex::word_ids`]), sorted.
    words: Vec<u32>,
}

/// A scored target with the label that matched best.
#[derive(Clone, Copy, Debug)]
pub(crate) struct Hit {
    pub target: u32,
    pub score: f32,
    pub original: u32,
}

/// One query word: the label stems it may stand for, with a similarity each.
struct Term {
    alts: Vec<(u32, f32)>,
    idf: f32,
    /// The word as written, when some label has it.
    word: Option<u32>,
}

/// Buffers one query needs, kept per thread so that queries do not allocate
/// index-sized arrays. Between queries `acc` is all zero and `touched` empty.
#[derive(Default)]
struct Scratch {
    acc: Vec<f32>,
    touched: Vec<u32>,
    per_term: Vec<(u32, f32)>,
}

thread_local! {
    static SCRATCH: RefCell<Scratch> = RefCell::new(Scratch::default());
}

/// The skill label index.
pub(crate) struct SkillIndex {
    en: Stemmer,
    nl: Stemmer,
    labels: Vec<Label>,
    originals: Vec<String>,
    stem_ids: HashMap<String, u32>,
    stem_text: Vec<String>,
    /// The labels' folded words as written: a stem match that is also a word match counts fully.
    word_ids: HashMap<String, u32>,
    stem_idf: Vec<f32>,
    /// Per stem, the labels containing it (sorted).
    stem_post: Vec<Vec<u32>>,
    /// Stems sorted by text, for prefix look-ups.
    sorted_stems: Vec<u32>,
    /// Per stem trigram, the stems containing it.
    vocab_tris: HashMap<u64, Vec<u32>>,
    /// Number of trigrams per stem.
    stem_tri_len: Vec<u16>,
    /// Character trigrams of the labels' content words (documents are label indexes).
    tris: TrigramTable,
    /// Per target, the prior multiplier in [1 - PRIOR_WEIGHT, 1].
    prior: Vec<f32>,
    tie_keys: Vec<String>,
}

fn is_stop(w: &str) -> bool {
    STOP_WORDS.contains(&w)
}

/// The content words of folded text: stop words dropped unless nothing else is left.
fn content_words(folded: &str) -> Vec<&str> {
    let all: Vec<&str> = words(folded).collect();
    let content: Vec<&str> = all.iter().copied().filter(|w| !is_stop(w)).collect();
    if content.is_empty() {
        all
    } else {
        content
    }
}

impl SkillIndex {
    /// Builds the index. `labels` are (target, kind, language, text); `tie_keys[target]` orders
    /// equal scores; `priors[target]` is what ESCO says about the target.
    pub fn build(
        labels: impl IntoIterator<Item = (u32, LabelKind, String, String)>,
        tie_keys: Vec<String>,
        priors: &[SkillPrior],
    ) -> Self {
        let mut idx = SkillIndex {
            en: Stemmer::create(Algorithm::English),
            nl: Stemmer::create(Algorithm::Dutch),
            labels: Vec::new(),
            originals: Vec::new(),
            stem_ids: HashMap::new(),
            stem_text: Vec::new(),
            word_ids: HashMap::new(),
            stem_idf: Vec::new(),
            stem_post: Vec::new(),
            sorted_stems: Vec::new(),
            vocab_tris: HashMap::new(),
            stem_tri_len: Vec::new(),
            tris: TrigramTable::default(),
            prior: Vec::new(),
            tie_keys,
        };
        let mut seen: HashMap<(u32, String), usize> = HashMap::new();
        let mut label_words: Vec<Vec<String>> = Vec::new();
        for (target, kind, lang, text) in labels {
            let folded = fold(&text);
            let content = content_words(&folded);
            if content.is_empty() {
                continue;
            }
            let key = content.join(" ");
            if let Some(&i) = seen.get(&(target, key.clone())) {
                // ESCO repeats the preferred label among the alternatives: keep the stronger kind.
                if let Some(l) = idx.labels.get_mut(i) {
                    if kind_rank(kind) > kind_rank(l.kind) {
                        l.kind = kind;
                    }
                }
                continue;
            }
            seen.insert((target, key), idx.labels.len());
            let stemmer = if lang == "nl" { &idx.nl } else { &idx.en };
            let stems: Vec<String> = content.iter().map(|w| stemmer.stem(w).into_owned()).collect();
            let mut ids: Vec<u32> = stems.iter().map(|s| idx.stem_id(s)).collect();
            ids.sort_unstable();
            ids.dedup();
            let mut word_ids: Vec<u32> = content
                .iter()
                .map(|w| {
                    let next = u32::try_from(idx.word_ids.len()).unwrap_or(u32::MAX);
                    *idx.word_ids.entry((*w).to_string()).or_insert(next)
                })
                .collect();
            word_ids.sort_unstable();
            word_ids.dedup();
            let original = u32::try_from(idx.originals.len()).unwrap_or(u32::MAX);
            idx.originals.push(text);
            idx.labels.push(Label { target, kind, original, stems: ids, idf_total: 0.0, words: word_ids });
            label_words.push(content.iter().map(|w| (*w).to_string()).collect());
        }
        idx.index_stems();
        idx.index_trigrams(&label_words);
        idx.prior = priors_to_multipliers(priors, idx.tie_keys.len());
        idx
    }

    fn stem_id(&mut self, s: &str) -> u32 {
        if let Some(&id) = self.stem_ids.get(s) {
            return id;
        }
        let id = u32::try_from(self.stem_text.len()).unwrap_or(u32::MAX);
        self.stem_ids.insert(s.to_string(), id);
        self.stem_text.push(s.to_string());
        id
    }

    /// Postings, IDF over targets, and the vocabulary's own trigram index for fuzzy look-ups.
    fn index_stems(&mut self) {
        let n_targets = self.tie_keys.len().max(1) as f32;
        self.stem_post = vec![Vec::new(); self.stem_text.len()];
        let mut targets: Vec<Vec<u32>> = vec![Vec::new(); self.stem_text.len()];
        for (li, l) in self.labels.iter().enumerate() {
            for &s in &l.stems {
                if let Some(p) = self.stem_post.get_mut(s as usize) {
                    p.push(u32::try_from(li).unwrap_or(u32::MAX));
                }
                if let Some(t) = targets.get_mut(s as usize) {
                    t.push(l.target);
                }
            }
        }
        self.stem_idf = targets
            .iter_mut()
            .map(|t| {
                t.sort_unstable();
                t.dedup();
                idf(n_targets, t.len() as f32)
            })
            .collect();
        for l in &mut self.labels {
            l.idf_total = l.stems.iter().map(|&s| self.stem_idf.get(s as usize).copied().unwrap_or(0.0)).sum();
        }
        let mut sorted: Vec<u32> = (0..self.stem_text.len()).filter_map(|i| u32::try_from(i).ok()).collect();
        sorted.sort_by(|&a, &b| self.text(a).cmp(self.text(b)));
        self.sorted_stems = sorted;
        let mut buf = Vec::new();
        for (id, s) in self.stem_text.iter().enumerate() {
            buf.clear();
            word_trigrams(s, &mut buf);
            buf.sort_unstable();
            buf.dedup();
            self.stem_tri_len.push(u16::try_from(buf.len()).unwrap_or(u16::MAX));
            for &t in &buf {
                self.vocab_tris.entry(t).or_default().push(u32::try_from(id).unwrap_or(u32::MAX));
            }
        }
    }

    /// Per-label TF-IDF trigram vectors of the unstemmed content words, L2-normalised.
    fn index_trigrams(&mut self, label_words: &[Vec<String>]) {
        let docs = self.labels.iter().zip(label_words).map(|(l, ws)| (l.target, ws.iter().map(String::as_str)));
        self.tris = TrigramTable::build(docs, self.tie_keys.len());
    }

    fn text(&self, stem: u32) -> &str {
        self.stem_text.get(stem as usize).map_or("", String::as_str)
    }

    fn idf_of(&self, stem: u32) -> f32 {
        self.stem_idf.get(stem as usize).copied().unwrap_or(0.0)
    }

    /// The label text as given.
    pub fn original(&self, i: u32) -> &str {
        self.originals.get(i as usize).map_or("", String::as_str)
    }

    /// The query's terms: per content word, the label stems it may stand for.
    fn terms(&self, words: &[&str]) -> Vec<Term> {
        let unseen = idf(self.tie_keys.len() as f32, 0.0) * UNSEEN_WEIGHT;
        let mut terms = Vec::with_capacity(words.len());
        for w in words {
            let mut alts: Vec<(u32, f32)> = Vec::new();
            for s in [self.en.stem(w), self.nl.stem(w), std::borrow::Cow::Borrowed(*w)] {
                if let Some(&id) = self.stem_ids.get(s.as_ref()) {
                    if !alts.iter().any(|a| a.0 == id) {
                        alts.push((id, 1.0));
                    }
                }
            }
            if alts.is_empty() {
                let stem = self.en.stem(w);
                if let Some(parts) = self.compound_parts(&stem) {
                    // Each part is a term of its own, so that "teamwork" covers both words of "team work".
                    for p in parts {
                        terms.push(Term { alts: vec![(p, COMPOUND_SIM)], idf: self.idf_of(p), word: None });
                    }
                    continue;
                }
                alts = self.fuzzy(&stem);
            }
            let idf = alts.iter().map(|&(s, _)| self.idf_of(s)).fold(0.0f32, f32::max);
            let word = self.word_ids.get(*w).copied();
            terms.push(Term { idf: if alts.is_empty() { unseen } else { idf }, alts, word });
        }
        terms
    }

    /// A stem no label has, split into two label stems ("teamwork" → "team" + "work").
    fn compound_parts(&self, w: &str) -> Option<[u32; 2]> {
        if w.len() < 6 || !w.is_ascii() {
            return None;
        }
        (3..=w.len() - 3).rev().find_map(|i| {
            let (a, b) = (w.get(..i)?, w.get(i..)?);
            let a = self.stem_ids.get(a).or_else(|| self.stem_ids.get(self.en.stem(a).as_ref()))?;
            let b = self.stem_ids.get(b).or_else(|| self.stem_ids.get(self.en.stem(b).as_ref()))?;
            Some([*a, *b])
        })
    }

    /// Label stems close to an unknown stem: typos (trigram Dice) and abbreviations (prefix).
    fn fuzzy(&self, w: &str) -> Vec<(u32, f32)> {
        let mut out: Vec<(u32, f32)> = Vec::new();
        if w.len() < 3 {
            return out;
        }
        let mut tris = Vec::new();
        word_trigrams(w, &mut tris);
        tris.sort_unstable();
        tris.dedup();
        let mut shared: HashMap<u32, u16> = HashMap::new();
        for t in &tris {
            for &s in self.vocab_tris.get(t).map_or(&[][..], Vec::as_slice) {
                *shared.entry(s).or_default() += 1;
            }
        }
        for (s, n) in shared {
            let len = self.stem_tri_len.get(s as usize).copied().unwrap_or(0);
            let dice = 2.0 * f32::from(n) / (tris.len() as f32 + f32::from(len));
            if dice >= TYPO_MIN_DICE {
                out.push((s, dice * 0.9));
            }
        }
        if w.len() >= 4 {
            let start = self.sorted_stems.partition_point(|&s| self.text(s) < w);
            for &s in self.sorted_stems.iter().skip(start).take(FUZZY_MAX) {
                if self.text(s).starts_with(w) && !out.iter().any(|o| o.0 == s) {
                    out.push((s, PREFIX_SIM));
                }
            }
        }
        out.sort_by(|a, b| b.1.total_cmp(&a.1).then(a.0.cmp(&b.0)));
        out.truncate(FUZZY_MAX);
        out
    }

    /// The `k` best targets for `query`, best first, ties by tie key; scores in [0, 1].
    pub fn search(&self, query: &str, k: usize) -> Vec<Hit> {
        let folded = fold(query);
        let q_words = content_words(&folded);
        if q_words.is_empty() || k == 0 {
            return Vec::new();
        }
        let terms = self.terms(&q_words);
        // Query coverage per label: for each term its best alternative in the label.
        SCRATCH
            .try_with(|cell| match cell.try_borrow_mut() {
                Ok(mut s) => self.rank(&q_words, &terms, k, &mut s),
                Err(_) => self.rank(&q_words, &terms, k, &mut Scratch::default()),
            })
            .unwrap_or_else(|_| self.rank(&q_words, &terms, k, &mut Scratch::default()))
    }

    fn rank(&self, q_words: &[&str], terms: &[Term], k: usize, s: &mut Scratch) -> Vec<Hit> {
        let q_total: f32 = terms.iter().map(|t| t.idf).sum::<f32>().max(1e-6);
        if s.acc.len() < self.labels.len() {
            s.acc.resize(self.labels.len(), 0.0);
        }
        for t in terms {
            s.per_term.clear();
            for &(stem, sim) in &t.alts {
                for &li in self.stem_post.get(stem as usize).map_or(&[][..], Vec::as_slice) {
                    s.per_term.push((li, sim));
                }
            }
            if t.alts.len() > 1 {
                s.per_term.sort_unstable_by(|a, b| a.0.cmp(&b.0).then(b.1.total_cmp(&a.1)));
                s.per_term.dedup_by_key(|x| x.0);
            }
            for &(li, sim) in &s.per_term {
                // Stemmers conflate too much now and then ("excellence" → "excel"): a match
                // of the stem alone counts a little less than the same word.
                let sim = match (sim >= 1.0, t.word) {
                    (true, Some(w))
                        if self.labels.get(li as usize).is_some_and(|l| l.words.binary_search(&w).is_ok()) =>
                    {
                        1.0
                    }
                    (true, _) => STEM_ONLY_SIM,
                    _ => sim,
                };
                if let Some(a) = s.acc.get_mut(li as usize) {
                    if *a == 0.0 {
                        s.touched.push(li);
                    }
                    *a += t.idf * sim;
                }
            }
        }
        // The best similarity of each label stem to the query, sorted by stem for look-ups.
        let mut stem_sim: Vec<(u32, f32)> = terms.iter().flat_map(|t| t.alts.iter().copied()).collect();
        stem_sim.sort_unstable_by(|a, b| a.0.cmp(&b.0).then(b.1.total_cmp(&a.1)));
        stem_sim.dedup_by_key(|x| x.0);
        // F-measure per label: label coverage counts each label stem at its best query similarity.
        let b2 = F_BETA * F_BETA;
        let mut scored: Vec<(f32, u32)> = Vec::with_capacity(s.touched.len());
        for &li in &s.touched {
            let cov = s.acc.get_mut(li as usize).map_or(0.0, std::mem::take);
            let Some(l) = self.labels.get(li as usize) else { continue };
            let l_cov: f32 = l
                .stems
                .iter()
                .map(|&st| match stem_sim.binary_search_by_key(&st, |x| x.0) {
                    Ok(i) => stem_sim.get(i).map_or(0.0, |x| x.1) * self.idf_of(st),
                    Err(_) => 0.0,
                })
                .sum();
            let r = (cov / q_total).min(1.0);
            let p = if l.idf_total > 0.0 { (l_cov / l.idf_total).min(1.0) } else { 0.0 };
            let f = if r + p > 0.0 { (1.0 + b2) * r * p / (b2 * p + r) } else { 0.0 };
            scored.push((f, li));
        }
        s.touched.clear();
        let by_score = |a: &(f32, u32), b: &(f32, u32)| b.0.total_cmp(&a.0).then(a.1.cmp(&b.1));
        if scored.len() > RERANK {
            scored.select_nth_unstable_by(RERANK, by_score);
            scored.truncate(RERANK);
        }
        let q_tris = self.query_trigrams(q_words);
        let mut per_label: Vec<(u32, f32, u32)> = scored
            .iter()
            .filter_map(|&(f, li)| {
                let l = self.labels.get(li as usize)?;
                let cos = self.cosine(&q_tris, li);
                let raw = (COSINE_WEIGHT * cos + (1.0 - COSINE_WEIGHT) * f).clamp(0.0, 1.0);
                Some((l.target, raw * kind_weight(l.kind, raw), l.original))
            })
            .collect();
        per_label.sort_unstable_by(|a, b| a.0.cmp(&b.0).then(b.1.total_cmp(&a.1)).then(a.2.cmp(&b.2)));
        let mut hits: Vec<Hit> = per_label
            .chunk_by(|a, b| a.0 == b.0)
            .filter_map(|g| {
                let &(target, best, original) = g.first()?;
                let second = g.get(1).map_or(0.0, |x| x.1);
                let text = 1.0 - (1.0 - best) * (1.0 - SECOND_LABEL_WEIGHT * second);
                let prior = self.prior.get(target as usize).copied().unwrap_or(1.0);
                Some(Hit { target, score: (text * prior).clamp(0.0, 1.0), original })
            })
            .collect();
        hits.sort_by(|a, b| b.score.total_cmp(&a.score).then_with(|| self.tie(a.target).cmp(self.tie(b.target))));
        hits.truncate(k);
        hits
    }

    fn tie(&self, target: u32) -> &str {
        self.tie_keys.get(target as usize).map_or("", String::as_str)
    }

    /// The query's trigram vector (sorted by trigram id), L2-normalised; unseen trigrams only lengthen it.
    fn query_trigrams(&self, q_words: &[&str]) -> Vec<(u32, f32)> {
        let (mut buf, mut v) = (Vec::new(), Vec::new());
        let norm = self.tris.query(q_words, &mut buf, &mut v);
        for x in &mut v {
            x.1 /= norm;
        }
        v
    }

    fn cosine(&self, q: &[(u32, f32)], li: u32) -> f32 {
        self.tris.dot(q, li).min(1.0)
    }
}

fn kind_rank(kind: LabelKind) -> u8 {
    match kind {
        LabelKind::Preferred => 2,
        LabelKind::Alternative => 1,
        LabelKind::Hidden => 0,
    }
}

/// A loose match on an alternative or hidden label counts less; an exact one nearly as much.
///
/// ESCO's alternative labels of a skill are often narrower or looser than the
/// preferred label ("SQL" is an alternative label of several skills), and ads
/// name a skill the way its preferred label does more often than not.
fn kind_weight(kind: LabelKind, score: f32) -> f32 {
    let (tie, loose) = match kind {
        LabelKind::Preferred => (1.0, 0.0),
        LabelKind::Alternative => (0.96, 0.45),
        LabelKind::Hidden => (0.97, 0.3),
    };
    tie - loose * (1.0 - score.clamp(0.0, 1.0))
}

/// Prior multipliers in [1 - PRIOR_WEIGHT, 1]: half from how many occupations list the skill
/// (log scale, relative to the most listed one), half from its reuse level.
fn priors_to_multipliers(priors: &[SkillPrior], n: usize) -> Vec<f32> {
    let max_occ = priors.iter().map(|p| p.occupations).max().unwrap_or(0);
    let denom = (1.0 + max_occ as f32).ln().max(1e-6);
    (0..n)
        .map(|i| {
            let p = priors.get(i).copied().unwrap_or_default();
            let usage = (1.0 + p.occupations as f32).ln() / denom;
            let reuse = f32::from(p.reuse.min(3)) / 3.0;
            let prior = 0.5 * usage + 0.5 * reuse;
            1.0 - PRIOR_WEIGHT * (1.0 - prior)
        })
        .collect()
}
