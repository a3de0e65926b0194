//! A label search index: candidates from an inverted index of character
//! trigrams, then a rerank with token overlap and string similarity.
//!
//! Why this shape: trigram TF-IDF cosine alone is robust to typos and to
//! Dutch compounds ("heftruckchauffeur" shares most trigrams with "chauffeur
//! heftruck") but it over-rewards long shared modifiers; weighting whole
//! words by IDF and asking that both the query and the label be covered
//! (an F-measure) puts the weight on the informative words. Jaro-Winkler
//! between words forgives typos that trigrams split apart.
//!
//! On top of that, generic knowledge of how job ads write titles (no rules for
//! single titles): words after a bracket, " - " or a preposition such as "for" or
//! "bij" qualify the title (place, specialism, employer), seniority and contract
//! words ("senior", "trainee") say little about the occupation, a loose match on an
//! alternative label is weaker than one on the preferred label. A title that names
//! no management position is seldom a management occupation or label ("Marketing
//! (trainee)" is not a marketing manager), though "manager" is too common a word
//! for its IDF to say so; the same holds for teaching labels ("business and
//! marketing teacher") and armed forces occupations ("general worker" is not an
//! army general). A one-word alternative label shared by many occupations
//! ("supervisor", "driver") names an occupation only in context and counts a little
//! less. A word that no label has but an occupation's skills do ("java", "sap")
//! points to that occupation. A label compound ("factchecker") matches a title word
//! ("checker") only when the title writes the compound apart ("medewerker magazijn"
//! ~ "magazijnmedewerker"). Before the search, [`super::ad_words`] rewrites ad
//! spellings into ESCO's (abbreviations, American spellings, "intern" →
//! "assistant", "cum"); "executive" and "team" count as level words like "senior".
//! The weights were chosen on the even rows of the JobBERT dev set
//! (`examples/eval_titles.rs --split even`), the odd rows held out.

use std::cell::RefCell;
use std::collections::HashMap;

use rust_stemmers::{Algorithm, Stemmer};

use super::ad_words::rewrite;
use super::text::{fold, words};
use super::trigram::{idf, TrigramTable};

/// What kind of label a text is; preferred labels win ties.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum LabelKind {
    Preferred,
    Alternative,
    Hidden,
}

impl LabelKind {
    /// The score multiplier of a label of this kind matched with `score`.
    ///
    /// Alternative and hidden labels include narrower and looser titles, so
    /// the preferred label should win a partial match; but an exact match on an
    /// alternative label ("verpleegkundige") should still beat a partial one on
    /// a preferred label. Hence a penalty that grows with the mismatch, on top
    /// of a small tie-breaking weight (both chosen on the even split).
    fn weight(self, score: f32) -> f32 {
        let (tie, loose) = match self {
            LabelKind::Preferred => (1.0, 0.0),
            LabelKind::Alternative => (0.985, 0.3),
            LabelKind::Hidden => (0.97, 0.5),
        };
        tie - loose * (1.0 - score.clamp(0.0, 1.0))
    }

    /// The rank of a kind when one text is several kinds of label of a concept.
    fn priority(self) -> u8 {
        match self {
            LabelKind::Preferred => 2,
            LabelKind::Alternative => 1,
            LabelKind::Hidden => 0,
        }
    }
}

struct Label {
    target: u32,
    kind: LabelKind,
    /// The label as given (for display).
    original: u32,
    /// Token ids of the folded label, in order.
    tokens: Vec<u32>,
    /// Which token is the label's head noun, if any (see [`head_position`]).
    head: Option<usize>,
    /// Whether the label names a management position (see [`is_manager_word`]).
    manager: bool,
    /// Whether the label names a teaching position (see [`TEACHING_WORDS`]).
    teacher: bool,
    /// Whether this is an alternative or hidden label of one common word
    /// (see [`COMMON_WORD_LABEL_PENALTY`]).
    common_word: bool,
}

/// A scored target (occupation or skill index) with the label that matched best.
#[derive(Clone, Copy, Debug)]
pub(crate) struct Hit {
    pub target: u32,
    pub score: f32,
    pub original: u32,
}

/// The index over the labels of a set of targets.
pub(crate) struct LabelIndex {
    labels: Vec<Label>,
    originals: Vec<String>,
    /// The labels' trigram TF-IDF vectors (documents are label indexes).
    tris: TrigramTable,
    /// Per trigram: (label, tf·idf / ‖label‖), from `tris`.
    tri_post: Vec<Vec<(u32, f32)>>,
    /// Posting lists longer than this are "common" trigrams (see [`LabelIndex::search`]).
    common_len: usize,
    tok_ids: HashMap<String, u32>,
    tok_text: Vec<String>,
    tok_idf: Vec<f32>,
    /// Per token, its English and Dutch Snowball stem ids (see [`STEM_SIM`]).
    tok_stems: Vec<[u32; 2]>,
    stem_ids: HashMap<String, u32>,
    en: Stemmer,
    nl: Stemmer,
    /// The label words, sorted, for prefix look-ups.
    sorted_words: Vec<String>,
    /// Per target, the key used to break ties (its URI).
    tie_keys: Vec<String>,
    /// Per target, its ISCO-08 major group (1: managers, 0: armed forces; `u8::MAX` unknown).
    major_groups: Vec<u8>,
    /// Words of the targets' skill labels that no label has, with the targets (sorted).
    skill_words: HashMap<String, Vec<u32>>,
}

/// Share of the trigram cosine in a label's score; the rest is the word-overlap F-measure.
/// (0.4 before word stems counted in the F-measure; with them the words deserve more.)
const COSINE_WEIGHT: f32 = 0.3;
/// Similarity of two different forms of one word, same English or Dutch Snowball stem
/// ("services" ~ "service", "marketer" ~ "marketing", "schoonmaakster" ~ "schoonmaker"
/// where the stems meet); a little below an exact match, far above the typo scale.
const STEM_SIM: f32 = 0.9;
/// How much the second-best label of a concept adds (noisy-or).
const SECOND_LABEL_WEIGHT: f32 = 0.3;
/// How much the third-best label of a concept adds (noisy-or).
const THIRD_LABEL_WEIGHT: f32 = 0.15;
// The weights below were chosen on the even rows of the JobBERT dev set only
// (`eval_titles --split even`); the odd rows are held out.

/// Weight of the words in a title's qualifier (see [`split_qualifier`]). 0.5 until
/// prepositional phrases became qualifiers; 0.3 is best on the even split since
/// (+0.0008 even, +0.0003 odd; 0.2 and 0.4 less).
const QUALIFIER_WEIGHT: f32 = 0.3;
/// Weight of the head noun of a title or label (see [`head_position`]): below 1
/// because heads such as "engineer" or "medewerker" are shared by many
/// occupations; the modifier ("software", "magazijn") tells them apart.
const HEAD_WEIGHT: f32 = 0.7;
/// IDF multiplier of seniority and contract words (see [`MODIFIERS`]).
const MODIFIER_WEIGHT: f32 = 0.3;
/// Beta of the word-overlap F-measure (see [`LabelIndex::rerank`]).
const F_BETA: f32 = 0.7;
/// Score multiplier per log of the number of candidate labels of a concept.
const SUPPORT_WEIGHT: f32 = 0.05;
/// IDF multiplier for a query word that occurs in no label.
const UNSEEN_WORD_WEIGHT: f32 = 0.4;

/// Similarity credited to a query word that no label has but a skill of the
/// occupation names ("java developer" → software developer, whose skills
/// include Java): the ad names a tool of the trade instead of the trade.
const SKILL_SIM: f32 = 0.8;
/// IDF multiplier (instead of [`UNSEEN_WORD_WEIGHT`]) for a query word that no
/// label has but some occupation's skills do: more likely a tool than a place.
const SKILL_WORD_WEIGHT: f32 = 0.7;
/// Skill words named by more occupations than this say little about which one.
const SKILL_WORD_MAX_TARGETS: usize = 60;
/// Score multiplier loss of a management occupation (ISCO-08 major group 1)
/// when the title has no manager word ([`is_manager_word`]): "Marketing (trainee)" is
/// seldom a marketing manager, but the unmatched label word "manager" is so
/// common that its IDF hardly counts against the label.
const MANAGER_OCCUPATION_PENALTY: f32 = 0.2;
/// The same for a label with a manager word that the title lacks
/// ("customer service" vs the label "customer service manager").
const MANAGER_LABEL_PENALTY: f32 = 0.2;
/// Score multiplier loss of a label with a teaching word ([`TEACHING_WORDS`]) that
/// the title lacks: teaching a subject is not doing it ("Business & Marketing" is
/// seldom a business and marketing teacher), but "teacher" is too common a label
/// word for its IDF to say so (the same reason as [`MANAGER_LABEL_PENALTY`]).
const TEACHER_LABEL_PENALTY: f32 = 0.3;
/// Score multiplier loss of an alternative or hidden label that is one word used by
/// at least [`COMMON_WORD_TARGETS`] occupations ("supervisor" of an oil refinery
/// control room operator, "driver" of a hearse driver, "technician"): such a label
/// names the occupation only in its own context, so a title that is that word (or
/// contains it) says less about this occupation than the exact match suggests.
const COMMON_WORD_LABEL_PENALTY: f32 = 0.1;
/// See [`COMMON_WORD_LABEL_PENALTY`].
const COMMON_WORD_TARGETS: usize = 10;
/// Score multiplier loss of an armed forces occupation (ISCO-08 major group 0) when
/// the title has no armed forces word ([`ARMED_FORCES_WORDS`]): "general worker"
/// matched the label "general" (army general) fully.
const ARMED_FORCES_PENALTY: f32 = 0.4;
/// How many labels survive the trigram stage into the rerank (60, then 100 before:
/// the right occupation was often just below the cut; 250 is best on the even split,
/// more lets in noise).
const CANDIDATES: usize = 250;
/// How many labels get an exact cosine after the rare-trigram pass.
const PREFILTER: usize = 400;
/// A trigram whose posting list holds more than 1/COMMON_SHARE of the labels is common.
const COMMON_SHARE: usize = 20;

/// Buffers one query needs, kept per thread so that queries do not allocate
/// index-sized arrays. Between queries `acc` and `dense` are all zero and `tok_slot`
/// all `u32::MAX`.
#[derive(Default)]
struct Scratch {
    acc: Vec<f32>,
    touched: Vec<u32>,
    scored: Vec<(f32, u32)>,
    tris: Vec<u64>,
    /// The query's trigram weights by trigram id (all zero between queries).
    dense: Vec<f32>,
    q_vec: Vec<(u32, f32)>,
    tok_slot: Vec<u32>,
    slot_toks: Vec<u32>,
    sims: Vec<f32>,
}

thread_local! {
    static SCRATCH: RefCell<Scratch> = RefCell::new(Scratch::default());
}

/// Memoised [`LabelIndex::word_sim`] per (query word, label token) within one
/// query: the candidate labels share most of their words.
struct SimCache<'s> {
    s: &'s mut Scratch,
    q_len: usize,
}

impl<'s> SimCache<'s> {
    fn new(s: &'s mut Scratch, q_len: usize, n_tokens: usize) -> Self {
        if s.tok_slot.len() < n_tokens {
            s.tok_slot.resize(n_tokens, u32::MAX);
        }
        s.slot_toks.clear();
        s.sims.clear();
        SimCache { s, q_len }
    }

    fn get(&mut self, qi: usize, token: u32, compute: impl FnOnce() -> f32) -> f32 {
        let Some(slot) = self.s.tok_slot.get_mut(token as usize) else { return compute() };
        if *slot == u32::MAX {
            *slot = u32::try_from(self.s.slot_toks.len()).unwrap_or(u32::MAX);
            self.s.slot_toks.push(token);
            self.s.sims.extend(std::iter::repeat_n(f32::NAN, self.q_len));
        }
        let i = *slot as usize * self.q_len + qi;
        match self.s.sims.get_mut(i) {
            Some(v) if v.is_nan() => {
                *v = compute();
                *v
            }
            Some(v) => *v,
            None => compute(),
        }
    }

    /// Restores the all-`u32::MAX` invariant of `tok_slot`.
    fn reset(self) {
        for &t in &self.s.slot_toks {
            if let Some(slot) = self.s.tok_slot.get_mut(t as usize) {
                *slot = u32::MAX;
            }
        }
        self.s.slot_toks.clear();
    }
}

impl LabelIndex {
    /// Builds the index. `labels` are (target, kind, text); `tie_keys[target]` orders equal scores.
    pub fn build(
        labels: impl IntoIterator<Item = (u32, LabelKind, String)>,
        tie_keys: Vec<String>,
        major_groups: Vec<u8>,
        skill_words: &[Vec<&str>],
    ) -> Self {
        let mut idx = LabelIndex {
            labels: Vec::new(),
            originals: Vec::new(),
            tris: TrigramTable::default(),
            tri_post: Vec::new(),
            common_len: 0,
            tok_ids: HashMap::new(),
            tok_text: Vec::new(),
            tok_idf: Vec::new(),
            tok_stems: Vec::new(),
            stem_ids: HashMap::new(),
            en: Stemmer::create(Algorithm::English),
            nl: Stemmer::create(Algorithm::Dutch),
            sorted_words: Vec::new(),
            tie_keys,
            major_groups,
            skill_words: HashMap::new(),
        };
        // Deduplicate folded labels per target: ESCO repeats the preferred label among the alternatives.
        let mut seen: HashMap<(u32, String), usize> = HashMap::new();
        let mut folded_texts: Vec<String> = Vec::new();
        for (target, kind, text) in labels {
            let folded = fold(&text);
            if folded.is_empty() {
                continue;
            }
            if let Some(&i) = seen.get(&(target, folded.clone())) {
                if let Some(l) = idx.labels.get_mut(i) {
                    if kind.priority() > l.kind.priority() {
                        l.kind = kind;
                    }
                }
                continue;
            }
            seen.insert((target, folded.clone()), idx.labels.len());
            let label_words: Vec<&str> = words(&folded).collect();
            let head = head_position(&label_words);
            let manager = label_words.iter().any(|w| is_manager_word(w));
            let teacher = label_words.iter().any(|w| TEACHING_WORDS.contains(w));
            let tokens = label_words.iter().map(|w| idx.token_id(w)).collect();
            let original = u32::try_from(idx.originals.len()).unwrap_or(u32::MAX);
            idx.originals.push(text);
            idx.labels.push(Label { target, kind, original, tokens, head, manager, teacher, common_word: false });
            folded_texts.push(folded);
        }
        let mut stem_ids = std::mem::take(&mut idx.stem_ids);
        idx.tok_stems = idx
            .tok_text
            .iter()
            .map(|w| {
                let mut id = |s: &str| {
                    let next = u32::try_from(stem_ids.len()).unwrap_or(u32::MAX);
                    *stem_ids.entry(s.to_string()).or_insert(next)
                };
                [id(&idx.en.stem(w)), id(&idx.nl.stem(w))]
            })
            .collect();
        idx.stem_ids = stem_ids;
        idx.sorted_words = idx.tok_text.clone();
        idx.sorted_words.sort_unstable();
        // Document frequencies count targets, not labels: a word in every label of one
        // occupation is still specific to it.
        let n_targets = idx.tie_keys.len().max(1) as f32;
        let mut tok_targets: Vec<Vec<u32>> = vec![Vec::new(); idx.tok_text.len()];
        for l in &idx.labels {
            for &t in &l.tokens {
                if let Some(v) = tok_targets.get_mut(t as usize) {
                    if v.last() != Some(&l.target) {
                        v.push(l.target);
                    }
                }
            }
        }
        idx.tok_idf = tok_targets
            .iter_mut()
            .map(|v| {
                v.sort_unstable();
                v.dedup();
                idf(n_targets, v.len() as f32)
            })
            .collect();
        let common = |t: u32| tok_targets.get(t as usize).is_some_and(|v| v.len() >= COMMON_WORD_TARGETS);
        for l in &mut idx.labels {
            l.common_word = l.kind != LabelKind::Preferred && matches!(l.tokens.as_slice(), &[t] if common(t));
        }
        for (w, text) in idx.tok_idf.iter_mut().zip(&idx.tok_text) {
            *w *= modifier_factor(text);
        }
        idx.tris = TrigramTable::build(
            idx.labels.iter().zip(&folded_texts).map(|(l, f)| (l.target, words(f))),
            idx.tie_keys.len(),
        );
        idx.tri_post = idx.tris.postings();
        let max_targets = SKILL_WORD_MAX_TARGETS;
        let mut sw: HashMap<String, Vec<u32>> = HashMap::new();
        for (t, ws) in skill_words.iter().enumerate() {
            let t = u32::try_from(t).unwrap_or(u32::MAX);
            for &w in ws {
                if w.len() >= 2 && !idx.tok_ids.contains_key(w) {
                    let v = sw.entry(w.to_string()).or_default();
                    if v.last() != Some(&t) {
                        v.push(t);
                    }
                }
            }
        }
        sw.retain(|_, v| {
            v.sort_unstable();
            v.dedup();
            v.len() <= max_targets
        });
        idx.skill_words = sw;
        idx.common_len = (idx.labels.len() / COMMON_SHARE).max(PREFILTER);
        idx
    }

    fn token_id(&mut self, w: &str) -> u32 {
        if let Some(&id) = self.tok_ids.get(w) {
            return id;
        }
        let id = u32::try_from(self.tok_text.len()).unwrap_or(u32::MAX);
        self.tok_ids.insert(w.to_string(), id);
        self.tok_text.push(w.to_string());
        id
    }

    /// The label text as given.
    pub fn original(&self, i: u32) -> &str {
        self.originals.get(i as usize).map_or("", String::as_str)
    }

    /// The `k` best targets for `query`, best first, ties by tie key; scores in [0, 1].
    pub fn search(&self, query: &str, k: usize) -> Vec<Hit> {
        // Per-thread buffers: the index is shared read-only, the buffers are as large as the index.
        SCRATCH
            .try_with(|cell| match cell.try_borrow_mut() {
                Ok(mut s) => self.search_with(query, k, &mut s),
                Err(_) => self.search_with(query, k, &mut Scratch::default()),
            })
            .unwrap_or_else(|_| self.search_with(query, k, &mut Scratch::default()))
    }

    fn search_with(&self, query: &str, k: usize, s: &mut Scratch) -> Vec<Hit> {
        let (main, qualifier) = split_qualifier(query);
        let known = |w: &str| self.tok_ids.contains_key(w);
        let main = self.split_compounds(&rewrite(&fold(main), known));
        let qualifier = self.split_compounds(&rewrite(&fold(qualifier), known));
        let n_main = words(&main).count();
        let q_words: Vec<&str> = words(&main).chain(words(&qualifier)).collect();
        if q_words.is_empty() || k == 0 {
            return Vec::new();
        }
        let cos_candidates = self.cosine_candidates(&q_words, s);
        // Stage 2: rerank the candidates.
        let head = head_position(q_words.get(..n_main).unwrap_or(&[]));
        let q_tokens: Vec<QToken<'_>> = q_words
            .iter()
            .enumerate()
            .map(|(i, w)| {
                let id = self.tok_ids.get(*w).copied();
                // A word no label has is mostly a place or company name, seldom the occupation.
                let idf = id.and_then(|i| self.tok_idf.get(i as usize).copied()).unwrap_or_else(|| {
                    let weight = if self.skill_words.contains_key(*w) { SKILL_WORD_WEIGHT } else { UNSEEN_WORD_WEIGHT };
                    self.unseen_idf() * weight * modifier_factor(w)
                });
                let role = if i >= n_main {
                    QUALIFIER_WEIGHT
                } else if Some(i) == head {
                    HEAD_WEIGHT
                } else {
                    1.0
                };
                let stem = |st: &Stemmer| self.stem_ids.get(st.stem(w).as_ref()).copied().unwrap_or(u32::MAX);
                let skill_targets =
                    if id.is_none() { self.skill_words.get(*w).map_or(&[][..], Vec::as_slice) } else { &[][..] };
                QToken {
                    id,
                    skill_targets,
                    text: w,
                    all: &q_words,
                    idf: idf * role,
                    stems: [stem(&self.en), stem(&self.nl)],
                }
            })
            .collect();
        let says_manager = q_words.iter().any(|w| is_manager_word(w));
        let says_teacher = q_words.iter().any(|w| TEACHING_WORDS.contains(w));
        let says_armed = q_words.iter().any(|w| ARMED_FORCES_WORDS.contains(w));
        let mut sims = SimCache::new(s, q_tokens.len(), self.tok_text.len());
        let mut per_label: Vec<(u32, f32, u32)> = Vec::with_capacity(cos_candidates.len());
        for &(cos, li) in &cos_candidates {
            let Some(label) = self.labels.get(li as usize) else { continue };
            let raw = self.rerank(&q_tokens, label, cos, &mut sims);
            let mut score = raw * label.kind.weight(raw);
            if label.manager && !says_manager {
                score *= 1.0 - MANAGER_LABEL_PENALTY;
            }
            if label.common_word {
                score *= 1.0 - COMMON_WORD_LABEL_PENALTY;
            }
            if label.teacher && !says_teacher {
                score *= 1.0 - TEACHER_LABEL_PENALTY;
            }
            per_label.push((label.target, score, label.original));
        }
        sims.reset();
        // Best label first within each target; the label index breaks ties so the order is total.
        per_label.sort_unstable_by(|a, b| a.0.cmp(&b.0).then(b.1.total_cmp(&a.1)).then(a.2.cmp(&b.2)));
        let mut hits: Vec<Hit> = per_label
            .chunk_by(|a, b| a.0 == b.0)
            .filter_map(|g| {
                let &(target, best, original) = g.first()?;
                let second = g.get(1).map_or(0.0, |x| x.1);
                let third = g.get(2).map_or(0.0, |x| x.1);
                // More matching labels are more evidence for the same concept (noisy-or, damped).
                let miss = (1.0 - best) * (1.0 - SECOND_LABEL_WEIGHT * second) * (1.0 - THIRD_LABEL_WEIGHT * third);
                // Every further candidate label of the same concept is a little more evidence;
                // it shrinks the miss, so nothing overtakes an exact match.
                let support = 1.0 + SUPPORT_WEIGHT * (g.len() as f32).ln();
                // A title that names no management position is seldom a management occupation,
                // one without an armed forces word seldom a military one.
                let rank = match self.major_groups.get(target as usize) {
                    Some(1) if !says_manager => 1.0 - MANAGER_OCCUPATION_PENALTY,
                    Some(0) if !says_armed => 1.0 - ARMED_FORCES_PENALTY,
                    _ => 1.0,
                };
                Some(Hit { target, score: ((1.0 - miss / support) * rank).clamp(0.0, 1.0), original })
            })
            .collect();
        hits.sort_by(|a, b| b.score.total_cmp(&a.score).then_with(|| self.tie(a.target).cmp(self.tie(b.target))));
        hits.truncate(k);
        hits
    }

    /// Stage 1: the labels with the highest trigram TF-IDF cosine, as (cosine, label).
    ///
    /// Why two steps: the postings of trigrams such as "er " or " ma" hold most
    /// labels, and walking them dominated the query time while adding little
    /// (their IDF is low). So rare trigrams are accumulated first; common ones
    /// only while fewer than [`PREFILTER`] labels have been reached (a query
    /// made only of common words still finds candidates). The best
    /// [`PREFILTER`] labels by that partial score then get their exact cosine
    /// from their own trigram vectors.
    fn cosine_candidates(&self, q_words: &[&str], s: &mut Scratch) -> Vec<(f32, u32)> {
        let q_norm = self.tris.query(q_words, &mut s.tris, &mut s.q_vec);
        let post = |id: u32| self.tri_post.get(id as usize).map_or(&[][..], Vec::as_slice);
        s.q_vec.sort_unstable_by_key(|&(id, _)| (post(id).len(), id));
        if s.acc.len() < self.labels.len() {
            s.acc.resize(self.labels.len(), 0.0);
        }
        let mut skipped = false;
        for &(id, w) in &s.q_vec {
            let p = post(id);
            if p.len() > self.common_len && s.touched.len() >= PREFILTER {
                skipped = true;
                continue;
            }
            for &(li, lw) in p {
                if let Some(a) = s.acc.get_mut(li as usize) {
                    if *a == 0.0 {
                        s.touched.push(li);
                    }
                    *a += w * lw;
                }
            }
        }
        s.scored.clear();
        for &li in &s.touched {
            if let Some(a) = s.acc.get_mut(li as usize) {
                s.scored.push((*a, li));
                *a = 0.0;
            }
        }
        s.touched.clear();
        let by_score = |a: &(f32, u32), b: &(f32, u32)| b.0.total_cmp(&a.0).then(a.1.cmp(&b.1));
        if skipped {
            if s.scored.len() > PREFILTER {
                s.scored.select_nth_unstable_by(PREFILTER, by_score);
                s.scored.truncate(PREFILTER);
            }
            // Scatter the query once, look up each candidate's trigrams, clear again.
            if s.dense.len() < self.tris.len() {
                s.dense.resize(self.tris.len(), 0.0);
            }
            for &(id, w) in &s.q_vec {
                if let Some(x) = s.dense.get_mut(id as usize) {
                    *x = w;
                }
            }
            for c in s.scored.iter_mut() {
                c.0 = self.tris.dot_dense(&s.dense, c.1);
            }
            for &(id, _) in &s.q_vec {
                if let Some(x) = s.dense.get_mut(id as usize) {
                    *x = 0.0;
                }
            }
        }
        if s.scored.len() > CANDIDATES {
            s.scored.select_nth_unstable_by(CANDIDATES, by_score);
            s.scored.truncate(CANDIDATES);
        }
        s.scored.iter().map(|&(dot, li)| (dot / q_norm, li)).collect()
    }

    /// Splits a query word that no label has into modifier + known head word, the
    /// way Dutch (and German) compounds form ("klantcontactmedewerker" →
    /// "klantcontact medewerker"), when the modifier is a word or the start of one.
    fn split_compounds(&self, folded: &str) -> String {
        let mut out = String::with_capacity(folded.len() + 8);
        for w in words(folded) {
            if !out.is_empty() {
                out.push(' ');
            }
            if w.len() < 8 || !w.is_ascii() || self.tok_ids.contains_key(w) {
                out.push_str(w);
                continue;
            }
            // The longest known head of at least 4 letters whose modifier has at least 3.
            let cut = (COMPOUND_MIN_MODIFIER..=w.len() - 4).find(|&i| {
                let (m, h) = (w.get(..i).unwrap_or(""), w.get(i..).unwrap_or(""));
                self.tok_ids.contains_key(h)
                    && self.is_word_prefix(m.strip_suffix('s').filter(|x| x.len() >= 3).unwrap_or(m))
            });
            match cut.and_then(|i| Some((w.get(..i)?, w.get(i..)?))) {
                Some((m, h)) => {
                    out.push_str(m);
                    out.push(' ');
                    out.push_str(h);
                }
                None => out.push_str(w),
            }
        }
        out
    }

    /// Whether some label word starts with `prefix`.
    fn is_word_prefix(&self, prefix: &str) -> bool {
        let i = self.sorted_words.partition_point(|w| w.as_str() < prefix);
        self.sorted_words.get(i).is_some_and(|w| w.starts_with(prefix))
    }

    fn tie(&self, target: u32) -> &str {
        self.tie_keys.get(target as usize).map_or("", String::as_str)
    }

    fn unseen_idf(&self) -> f32 {
        idf(self.tie_keys.len() as f32, 0.0)
    }

    /// Combines trigram cosine with an IDF-weighted soft word overlap (F-measure).
    fn rerank(&self, q: &[QToken<'_>], label: &Label, cos: f32, sims: &mut SimCache<'_>) -> f32 {
        let mut q_cov = 0.0f32;
        let mut q_tot = 0.0f32;
        // Labels are short; longer ones fall back to a heap buffer.
        let mut l_best_small = [0.0f32; 16];
        let mut l_best_vec = Vec::new();
        let l_best: &mut [f32] = if label.tokens.len() <= l_best_small.len() {
            &mut l_best_small[..label.tokens.len()]
        } else {
            l_best_vec.resize(label.tokens.len(), 0.0);
            &mut l_best_vec
        };
        for (qi, qt) in q.iter().enumerate() {
            let qidf = qt.idf;
            let mut best = 0.0f32;
            for (j, &lt) in label.tokens.iter().enumerate() {
                let s = if Some(lt) == qt.id { 1.0 } else { sims.get(qi, lt, || self.word_sim(qt, lt)) };
                if s > best {
                    best = s;
                }
                if let Some(b) = l_best.get_mut(j) {
                    *b = b.max(s);
                }
            }
            if best < SKILL_SIM && qt.skill_targets.binary_search(&label.target).is_ok() {
                best = SKILL_SIM;
            }
            q_cov += qidf * best;
            q_tot += qidf;
        }
        let mut l_cov = 0.0f32;
        let mut l_tot = 0.0f32;
        let head = label.head;
        for (j, &lt) in label.tokens.iter().enumerate() {
            let role = if Some(j) == head { HEAD_WEIGHT } else { 1.0 };
            let w = self.tok_idf.get(lt as usize).copied().unwrap_or(0.0) * role;
            l_cov += w * l_best.get(j).copied().unwrap_or(0.0);
            l_tot += w;
        }
        let r = if q_tot > 0.0 { q_cov / q_tot } else { 0.0 };
        let p = if l_tot > 0.0 { l_cov / l_tot } else { 0.0 };
        // F-beta with beta < 1 leans on the label being covered: an ad title carries
        // extra words (specialism, place) more often than it omits label words.
        let b2 = F_BETA * F_BETA;
        let f = if r + p > 0.0 { (1.0 + b2) * r * p / (b2 * p + r) } else { 0.0 };
        let base = COSINE_WEIGHT * cos.min(1.0) + (1.0 - COSINE_WEIGHT) * f;
        base.clamp(0.0, 1.0)
    }

    /// Similarity of two different words: typos (Jaro-Winkler) and compound parts.
    fn word_sim(&self, qt: &QToken<'_>, lt: u32) -> f32 {
        let qw = qt.text;
        let lw = self.tok_text.get(lt as usize).map_or("", String::as_str);
        // Another form of the same word ("services" ~ "service", "marketeer" ~ "marketing").
        let stem = match self.tok_stems.get(lt as usize) {
            Some(ls) if ls.iter().zip(&qt.stems).any(|(a, b)| a == b && *b != u32::MAX) => STEM_SIM,
            _ => 0.0,
        };
        let (ql, ll) = (qw.len(), lw.len());
        if ql < 3 || ll < 3 {
            return 0.0;
        }
        // A compound that ends in the other word shares its head. A title compound
        // matches a label that is its head ("heftruckchauffeur" ~ "chauffeur": the
        // label is the wider occupation) when what precedes the head could be a word
        // of its own, at least COMPOUND_MIN_MODIFIER letters ("extractor" is no kind of
        // "tractor"). A label compound says more than the title word: "factchecker" is
        // not any "checker", "vrachtwagenchauffeur" not any "chauffeur". It matches
        // only when the title writes the compound apart ("medewerker magazijn",
        // "medewerker bediening" ~ "bedieningsmedewerker", "sales clerk").
        let label_compound = ql >= 4 && ll > ql && lw.ends_with(qw) && {
            let rest = lw.get(..ll - ql).unwrap_or("");
            qt.all.iter().any(|&w| w != qw && (w == rest || rest.strip_suffix('s') == Some(w)))
        };
        let title_compound = ll >= 4 && ql >= ll + COMPOUND_MIN_MODIFIER && qw.ends_with(lw);
        let compound = if label_compound || title_compound {
            let (short, long) = if ql < ll { (ql, ll) } else { (ll, ql) };
            0.5 + 0.4 * short as f32 / long as f32
        } else {
            0.0
        };
        // Truncation, a common abbreviation in ads ("exec", "admin", "tech").
        let abbr = if ql >= 3 && ll > ql + 2 && lw.starts_with(qw) { 0.7 } else { 0.0 };
        let jw = if ql.abs_diff(ll) <= 3 && may_be_typo(qw, lw) { strsim::jaro_winkler(qw, lw) as f32 } else { 0.0 };
        let typo = if jw >= TYPO_JW as f32 { (jw - TYPO_JW as f32) * 8.0 } else { 0.0 };
        compound.max(typo).max(abbr).max(stem)
    }
}

/// The shortest modifier of a compound (as in [`LabelIndex::split_compounds`]).
const COMPOUND_MIN_MODIFIER: usize = 3;

/// The Jaro-Winkler similarity at which two words count as a typo of each other.
const TYPO_JW: f64 = 0.9;

/// Whether `a` and `b` can reach [`TYPO_JW`]; `false` only when they cannot, so it
/// only skips work (checked against `strsim` by a proptest).
///
/// Why it holds: Jaro-Winkler is at most 0.6·jaro + 0.4 (a prefix bonus of at most
/// 4 × 0.1 of what is missing), so 0.9 needs jaro ≥ 5/6; jaro is at most
/// (m/|a| + m/|b| + 1)/3 for m matching characters, and m is at most the number of
/// characters of either word whose letter occurs in the other at all.
fn may_be_typo(a: &str, b: &str) -> bool {
    let mask = |w: &str| w.chars().fold(0u64, |m, c| m | 1u64 << (u32::from(c) % 64));
    let (ma, mb) = (mask(a), mask(b));
    let present = |w: &str, other: u64| w.chars().filter(|&c| other & (1u64 << (u32::from(c) % 64)) != 0).count();
    let (la, lb) = (a.chars().count(), b.chars().count());
    if la == 0 || lb == 0 {
        return false;
    }
    let m = present(a, mb).min(present(b, ma)) as f64;
    let jaro_max = (m / la as f64 + m / lb as f64 + 1.0) / 3.0;
    0.6 * jaro_max + 0.4 >= TYPO_JW - 1e-9
}

/// One query word with its IDF (times its role's weight) and stems.
struct QToken<'q> {
    id: Option<u32>,
    /// For a word no label has: the targets whose skills' labels have it, sorted.
    skill_targets: &'q [u32],
    text: &'q str,
    /// All words of the query (a compound may be written apart: "sales clerk", "medewerker magazijn").
    all: &'q [&'q str],
    idf: f32,
    stems: [u32; 2],
}

/// Words that say how senior or how temporary a job is, or that only advertise
/// it ("allround", "gezocht", the "m/v/x" of Dutch ads), not what it is: they
/// count for little on both sides, so "senior keeper" is mostly "keeper".
const MODIFIERS: [&str; 36] = [
    "senior",
    "junior",
    "sr",
    "jr",
    "medior",
    "trainee",
    "intern",
    "internship",
    "graduate",
    "graduates",
    "fresh",
    "temporary",
    "temp",
    "contract",
    "parttime",
    "fulltime",
    "freelance",
    "urgent",
    "vacancy",
    "hiring",
    "stagiair",
    "ervaren",
    "startend",
    "urgently",
    "allround",
    "vacature",
    "gezocht",
    "wanted",
    "needed",
    "dringend",
    "immediate",
    "m",
    "v",
    "x",
    // The level, not the trade, in (Commonwealth) English ads: a "sales executive"
    // or "marketing executive" is staff doing sales or marketing.
    "executive",
    // "team member", "team lead": the trade is in the other words.
    "team",
];

/// The IDF multiplier of a word: [`MODIFIER_WEIGHT`] for seniority and contract words, else 1.
fn modifier_factor(word: &str) -> f32 {
    if MODIFIERS.contains(&word) {
        MODIFIER_WEIGHT
    } else {
        1.0
    }
}

/// Words that say a title or label is a management position, English and Dutch.
///
/// Not "executive", "officer" or "coordinator": in ads these are as often staff
/// roles ("sales executive", "police officer", "projectcoördinator"). Not "chef",
/// a boss in Dutch but a cook in English.
const MANAGER_WORDS: [&str; 18] = [
    "manager",
    "managers",
    "mgr",
    "head",
    "director",
    "chief",
    "lead",
    "leader",
    "supervisor",
    "management",
    "owner",
    "ceo",
    "hoofd",
    "directeur",
    "leidinggevende",
    "teamleider",
    "bedrijfsleider",
    "leider",
];

/// Words that name a teaching position, English and Dutch.
const TEACHING_WORDS: [&str; 14] = [
    "teacher",
    "teachers",
    "teaching",
    "lecturer",
    "lecturers",
    "instructor",
    "instructors",
    "tutor",
    "professor",
    "educator",
    "docent",
    "leraar",
    "lerares",
    "onderwijzer",
];

/// Words that place a title in the armed forces (ISCO-08 major group 0), English and
/// Dutch. Without one, an armed forces occupation is seldom meant: "general worker"
/// is not an army general, a "(marine) officer" at sea is seldom military.
const ARMED_FORCES_WORDS: [&str; 24] = [
    "army",
    "military",
    "navy",
    "naval",
    "armed",
    "forces",
    "force",
    "soldier",
    "soldiers",
    "infantry",
    "artillery",
    "sergeant",
    "corporal",
    "lieutenant",
    "colonel",
    "defence",
    "defense",
    "leger",
    "defensie",
    "militair",
    "militaire",
    "soldaat",
    "krijgsmacht",
    "landmacht",
];

/// Whether a folded word names a management position: one of [`MANAGER_WORDS`], or a
/// Dutch compound on "manager" or "directeur" ("filiaalmanager", "schooldirecteur").
fn is_manager_word(w: &str) -> bool {
    MANAGER_WORDS.contains(&w) || (w.len() > 8 && (w.ends_with("manager") || w.ends_with("directeur")))
}

/// Words that end the head phrase in English and Dutch titles ("lecturer in chemistry").
const PREPOSITIONS: [&str; 11] = ["of", "in", "for", "at", "with", "on", "to", "van", "voor", "bij", "met"];

/// The head noun of an English or Dutch title: the last word before the first
/// preposition that is not a seniority word ("senior software engineer" → "engineer").
fn head_position(words: &[&str]) -> Option<usize> {
    let end = words.iter().position(|w| PREPOSITIONS.contains(w)).unwrap_or(words.len());
    (0..end).rev().find(|&i| words.get(i).is_some_and(|w| !MODIFIERS.contains(w) && w.len() > 1))
}

/// Prepositions whose phrase, after a title, says for whom, where or with what the
/// work is done, not what it is: "Baker for Cooking Video", "Personal Assistant to
/// Managing Director", "Sales Executive in KL", "Chauffeur met rijbewijs C",
/// "Medewerker bij …". Not "of" / "van" (and "on"), which are part of the occupation
/// ("Head of Department"). Chosen on the even split (+0.0005 even, +0.0011 odd).
const QUALIFYING_PREPOSITIONS: [&str; 8] = [" for ", " to ", " at ", " in ", " with ", " voor ", " bij ", " met "];

/// Splits a title into its main part and a qualifier: what follows the first
/// bracket, " - ", "@", "|" or qualifying preposition ([`QUALIFYING_PREPOSITIONS`]):
/// "Solution Architect (Java)", "Driver - Shah Alam", "Baker for Cooking Video".
/// Ads put locations, reference numbers and specialisms there.
fn split_qualifier(title: &str) -> (&str, &str) {
    // ASCII lowercasing keeps every byte offset, so a cut found in `lower` cuts `title`.
    let lower = title.to_ascii_lowercase();
    let prepositions = QUALIFYING_PREPOSITIONS.iter().map(|p| lower.find(p));
    let cut =
        [title.find('('), title.find('['), title.find(" - "), title.find(" – "), title.find('@'), title.find('|')]
            .into_iter()
            .chain(prepositions)
            .flatten()
            .min();
    match cut.and_then(|i| Some((title.get(..i)?, title.get(i..)?))) {
        Some((main, rest)) if main.chars().any(char::is_alphanumeric) => (main, rest),
        _ => (title, ""),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    proptest! {
        /// The typo pre-check never rejects a pair that Jaro-Winkler (the reference) accepts.
        #[test]
        fn typo_precheck_never_hides_a_typo(a in "[a-f]{1,9}", b in "[a-f]{1,9}") {
            if strsim::jaro_winkler(&a, &b) >= TYPO_JW {
                prop_assert!(may_be_typo(&a, &b), "{} {}", a, b);
            }
        }
    }

    /// `word_sim` of query word `i` of `query` against the label word `label`.
    fn sim(idx: &LabelIndex, query: &[&str], i: usize, label: &str) -> f32 {
        let lt = idx.tok_ids[label];
        let text = query[i];
        let qt = QToken {
            id: idx.tok_ids.get(text).copied(),
            skill_targets: &[],
            text,
            all: query,
            idf: 1.0,
            stems: [u32::MAX; 2],
        };
        idx.word_sim(&qt, lt)
    }

    #[test]
    fn a_label_compound_needs_its_modifier_in_the_title() {
        let labels = ["factchecker", "magazijnmedewerker", "bedieningsmedewerker", "chauffeur", "tractor"];
        let idx = LabelIndex::build(
            labels.iter().enumerate().map(|(t, l)| (t as u32, LabelKind::Preferred, l.to_string())),
            labels.iter().map(|l| l.to_string()).collect(),
            vec![9; labels.len()],
            &[],
        );
        // The label says which checker; the title does not.
        assert_eq!(sim(&idx, &["room", "checker"], 1, "factchecker"), 0.0);
        // The title writes the compound apart, in either order, with or without the linking s.
        assert!(sim(&idx, &["medewerker", "magazijn"], 0, "magazijnmedewerker") > 0.5);
        assert!(sim(&idx, &["magazijn", "medewerker"], 1, "magazijnmedewerker") > 0.5);
        assert!(sim(&idx, &["medewerker", "bediening"], 0, "bedieningsmedewerker") > 0.5);
        // A title compound matches the label that is its head, when the modifier can be a word.
        assert!(sim(&idx, &["heftruckchauffeur"], 0, "chauffeur") > 0.5);
        // "ex" is too short a modifier: no compound credit (0.81), only the weak typo one.
        assert!(sim(&idx, &["extractor"], 0, "tractor") < 0.5);
    }

    #[test]
    fn qualifiers_follow_brackets_dashes_and_prepositions() {
        assert_eq!(split_qualifier("Solution Architect (Java)"), ("Solution Architect ", "(Java)"));
        assert_eq!(split_qualifier("Driver - Shah Alam"), ("Driver", " - Shah Alam"));
        assert_eq!(split_qualifier("Baker FOR Cooking Video"), ("Baker", " FOR Cooking Video"));
        assert_eq!(split_qualifier("Chauffeur met rijbewijs C (m/v)"), ("Chauffeur", " met rijbewijs C (m/v)"));
        assert_eq!(
            split_qualifier("Assistant to Director – Kuala Lumpur"),
            ("Assistant", " to Director – Kuala Lumpur")
        );
        // "of" names the occupation; a title that begins with a preposition keeps it.
        assert_eq!(split_qualifier("Head of Department"), ("Head of Department", ""));
        assert_eq!(split_qualifier("(Senior) Developer"), ("(Senior) Developer", ""));
        assert_eq!(split_qualifier("Medewerker in de bediening"), ("Medewerker", " in de bediening"));
        assert_eq!(split_qualifier("Tester in"), ("Tester in", ""));
    }

    #[test]
    fn typo_precheck_accepts_typos_and_rejects_strangers() {
        assert!(may_be_typo("recepcionist", "receptionist"));
        assert!(!may_be_typo("driver", "kapper"));
    }
}
