//! Loading the official ESCO CSV export from a directory.
//!
//! File names (ESCO v1.1.x and v1.2.x, as the Commission's zips unpack):
//!
//! | per language `XX` | language-independent (v1.1: no suffix; v1.2: `_en`) |
//! |---|---|
//! | `occupations_XX.csv` (required, for at least one language) | `occupationSkillRelations.csv` |
//! | `skills_XX.csv` | `broaderRelationsOccPillar.csv` |
//! | `ISCOGroups_XX.csv` | `broaderRelationsSkillPillar.csv` |
//! | `skillsHierarchy_XX.csv` | `skillSkillRelations.csv` |
//! | `*SkillsCollection_XX.csv` (labels of skills when `skills_XX.csv` is absent) | |
//!
//! Every file may also be gzipped (`.csv.gz`). Missing optional files are
//! fine. A skill URI that a relation names but no skills file lists becomes a
//! skill without labels (its URI is still a valid id); a relation naming an
//! occupation that no occupations file lists is skipped and listed in
//! [`EscoLoad::dangling`] (its ISCO group is unknown, and the official v1.1.1
//! export has such rows).

use std::collections::{BTreeMap, BTreeSet, HashMap};
use std::path::{Path, PathBuf};

use werkmatch_core::IscoCode;

use super::table::{find_file, read_table, split_list, Sink};
use super::taxonomy::{
    EscoVersion, FileNaming, IscoGroup, LabelMap, Labels, Occupation, OccupationId, Skill, SkillGroup, SkillId,
    Taxonomy,
};
use crate::error::{Error, ErrorKind, OnError, Result};

/// The skill collections of the export; their labels fill in languages without `skills_XX.csv`.
const COLLECTIONS: [&str; 6] = ["digital", "green", "transversal", "language", "digComp", "research"];

/// How to load an export.
#[derive(Clone, Debug)]
pub struct LoadOptions {
    /// Languages to read labels for, e.g. `["en", "nl"]` (the default). Files of other languages are ignored.
    pub languages: Vec<String>,
    /// A version tag to use instead of the derived one (see [`EscoVersion`]).
    pub version: Option<String>,
    /// Stop at the first malformed row, or collect them all.
    pub on_error: OnError,
}

impl Default for LoadOptions {
    fn default() -> Self {
        LoadOptions { languages: vec!["en".into(), "nl".into()], version: None, on_error: OnError::Stop }
    }
}

/// A loaded export and the rows that were rejected (always empty in stop mode).
#[derive(Clone, Debug)]
pub struct EscoLoad {
    /// The taxonomy.
    pub taxonomy: Taxonomy,
    /// Malformed rows with file and line, in reading order.
    pub rejected: Vec<Error>,
    /// The files that were read, in reading order.
    pub files: Vec<PathBuf>,
    /// Relation rows naming an occupation that no occupations file lists, skipped.
    ///
    /// The official v1.1.1 export has such rows (one occupation, `a9e54177-…`, is in the
    /// relations but not in `occupations_en.csv`), so they never stop loading; they are
    /// listed here with file and line instead.
    pub dangling: Vec<Error>,
}

#[derive(Default)]
struct Builder {
    occupations: Vec<Occupation>,
    occ_index: HashMap<String, u32>,
    skills: Vec<Skill>,
    skill_index: HashMap<String, u32>,
    isco: BTreeMap<String, IscoGroup>,
    skill_groups: BTreeMap<String, SkillGroup>,
    /// (occupation, skill, essential?) with builder-local indexes.
    relations: Vec<(u32, u32, bool)>,
    skill_relations: Vec<(u32, u32, String)>,
    languages: BTreeSet<String>,
    latest_modified: Option<String>,
    naming: Option<FileNaming>,
    files: Vec<PathBuf>,
    dangling: Vec<Error>,
}

impl Builder {
    fn skill(&mut self, uri: &str) -> u32 {
        if let Some(&i) = self.skill_index.get(uri) {
            return i;
        }
        let i = u32::try_from(self.skills.len()).unwrap_or(u32::MAX);
        self.skills.push(Skill {
            uri: uri.to_string(),
            skill_type: None,
            reuse_level: None,
            labels: LabelMap::new(),
            broader: Vec::new(),
            related: Vec::new(),
        });
        self.skill_index.insert(uri.to_string(), i);
        i
    }
}

fn labels(preferred: &str, alt: &str, hidden: &str) -> Labels {
    Labels {
        preferred: preferred.to_string(),
        alt: split_list(alt).map(str::to_string).collect(),
        hidden: split_list(hidden).map(str::to_string).collect(),
    }
}

fn require<'a>(value: &'a str, field: &str) -> Result<&'a str> {
    if value.is_empty() {
        Err(Error::new(ErrorKind::MissingField, "the cell is empty").with_field(field))
    } else {
        Ok(value)
    }
}

fn non_empty(s: &str) -> Option<String> {
    (!s.is_empty()).then(|| s.to_string())
}

impl Taxonomy {
    /// Loads an export directory with the default options (English and Dutch, stop at the first bad row).
    pub fn load(dir: impl AsRef<Path>) -> Result<Taxonomy> {
        Ok(Taxonomy::load_with(dir, &LoadOptions::default())?.taxonomy)
    }

    /// Loads an export directory.
    ///
    /// # Errors
    /// No `occupations_XX.csv` for any requested language ([`ErrorKind::Config`]);
    /// an unreadable file ([`ErrorKind::Io`]); in stop mode, the first malformed row.
    pub fn load_with(dir: impl AsRef<Path>, options: &LoadOptions) -> Result<EscoLoad> {
        let dir = dir.as_ref();
        let mut b = Builder::default();
        let mut sink = Sink { on_error: options.on_error, rejected: Vec::new() };
        for lang in &options.languages {
            load_language(dir, lang, &mut b, &mut sink)?;
        }
        if b.languages.is_empty() {
            return Err(Error::new(
                ErrorKind::Config,
                format!("no occupations_XX.csv for the languages {:?}", options.languages),
            )
            .with_position(crate::error::Position::file(Some(dir))));
        }
        load_independent(dir, &options.languages, &mut b, &mut sink)?;
        let taxonomy = finish(options, &mut b);
        Ok(EscoLoad { taxonomy, rejected: sink.rejected, files: b.files, dangling: b.dangling })
    }
}

fn load_language(dir: &Path, lang: &str, b: &mut Builder, sink: &mut Sink) -> Result<()> {
    if let Some(path) = find_file(dir, &[format!("occupations_{lang}.csv")]) {
        b.files.push(path.clone());
        b.languages.insert(lang.to_string());
        read_occupations(&path, lang, b, sink)?;
    }
    if let Some(path) = find_file(dir, &[format!("ISCOGroups_{lang}.csv")]) {
        b.files.push(path.clone());
        read_isco(&path, lang, b, sink)?;
    }
    let has_skills = if let Some(path) = find_file(dir, &[format!("skills_{lang}.csv")]) {
        b.files.push(path.clone());
        read_skills(&path, lang, b, sink)?;
        true
    } else {
        false
    };
    for c in COLLECTIONS {
        if let Some(path) = find_file(dir, &[format!("{c}SkillsCollection_{lang}.csv")]) {
            b.files.push(path.clone());
            read_collection(&path, lang, !has_skills, b, sink)?;
        }
    }
    if let Some(path) = find_file(dir, &[format!("skillsHierarchy_{lang}.csv")]) {
        b.files.push(path.clone());
        read_hierarchy(&path, lang, b, sink)?;
    }
    Ok(())
}

fn read_occupations(path: &Path, lang: &str, b: &mut Builder, sink: &mut Sink) -> Result<()> {
    let req = ["conceptUri", "iscoGroup", "preferredLabel"];
    let opt = ["altLabels", "hiddenLabels", "code", "modifiedDate"];
    read_table(path, &req, &opt, sink, |r| {
        let uri = require(r.get(0), "conceptUri")?;
        let isco_cell = require(r.get(1), "iscoGroup")?;
        let isco = IscoCode::parse(isco_cell).map_err(|_| {
            Error::new(ErrorKind::InvalidValue, "an ISCO-08 unit group of exactly 4 digits")
                .with_field("iscoGroup")
                .with_value(isco_cell)
        })?;
        let preferred = require(r.get(2), "preferredLabel")?;
        let date = r.get(6).get(..10).unwrap_or("");
        if !date.is_empty() && b.latest_modified.as_deref().is_none_or(|d| d < date) {
            b.latest_modified = Some(date.to_string());
        }
        let labels = labels(preferred, r.get(3), r.get(4));
        let code = non_empty(r.get(5));
        if let Some(&i) = b.occ_index.get(uri) {
            let occ = b.occupations.get_mut(i as usize).ok_or_else(|| Error::new(ErrorKind::Config, "index"))?;
            if occ.isco != isco {
                return Err(Error::new(
                    ErrorKind::InvalidValue,
                    format!("another language file puts this occupation in ISCO group {}", occ.isco),
                )
                .with_field("iscoGroup")
                .with_value(isco_cell));
            }
            if occ.code.is_none() {
                occ.code = code;
            }
            occ.labels.insert(lang.to_string(), labels);
        } else {
            let i = u32::try_from(b.occupations.len()).unwrap_or(u32::MAX);
            let mut map = LabelMap::new();
            map.insert(lang.to_string(), labels);
            b.occupations.push(Occupation {
                uri: uri.to_string(),
                code,
                isco,
                labels: map,
                broader: Vec::new(),
                essential: Vec::new(),
                optional: Vec::new(),
            });
            b.occ_index.insert(uri.to_string(), i);
        }
        Ok(())
    })
}

fn read_isco(path: &Path, lang: &str, b: &mut Builder, sink: &mut Sink) -> Result<()> {
    read_table(path, &["conceptUri", "code", "preferredLabel"], &[], sink, |r| {
        let uri = require(r.get(0), "conceptUri")?;
        let code = require(r.get(1), "code")?;
        if code.len() > 4 || !code.bytes().all(|c| c.is_ascii_digit()) {
            return Err(Error::new(ErrorKind::InvalidValue, "an ISCO-08 code of 1 to 4 digits")
                .with_field("code")
                .with_value(code));
        }
        let g = b.isco.entry(code.to_string()).or_insert_with(|| IscoGroup {
            code: code.to_string(),
            uri: uri.to_string(),
            labels: BTreeMap::new(),
        });
        g.labels.insert(lang.to_string(), r.get(2).to_string());
        Ok(())
    })
}

fn read_skills(path: &Path, lang: &str, b: &mut Builder, sink: &mut Sink) -> Result<()> {
    let req = ["conceptUri", "preferredLabel"];
    let opt = ["altLabels", "hiddenLabels", "skillType", "reuseLevel"];
    read_table(path, &req, &opt, sink, |r| {
        let uri = require(r.get(0), "conceptUri")?;
        let preferred = require(r.get(1), "preferredLabel")?;
        let i = b.skill(uri);
        if let Some(s) = b.skills.get_mut(i as usize) {
            s.labels.insert(lang.to_string(), labels(preferred, r.get(2), r.get(3)));
            s.skill_type = s.skill_type.take().or_else(|| non_empty(r.get(4)));
            s.reuse_level = s.reuse_level.take().or_else(|| non_empty(r.get(5)));
        }
        Ok(())
    })
}

/// A collection row; its labels are used only when `labels_from_here` (no `skills_XX.csv` for the language).
fn read_collection(path: &Path, lang: &str, labels_from_here: bool, b: &mut Builder, sink: &mut Sink) -> Result<()> {
    let req = ["conceptUri", "preferredLabel"];
    let opt = ["altLabels", "skillType", "reuseLevel"];
    read_table(path, &req, &opt, sink, |r| {
        let uri = require(r.get(0), "conceptUri")?;
        let preferred = require(r.get(1), "preferredLabel")?;
        let i = b.skill(uri);
        if let Some(s) = b.skills.get_mut(i as usize) {
            if labels_from_here && !s.labels.contains_key(lang) {
                s.labels.insert(lang.to_string(), labels(preferred, r.get(2), ""));
            }
            s.skill_type = s.skill_type.take().or_else(|| non_empty(r.get(3)));
            s.reuse_level = s.reuse_level.take().or_else(|| non_empty(r.get(4)));
        }
        Ok(())
    })
}

fn read_hierarchy(path: &Path, lang: &str, b: &mut Builder, sink: &mut Sink) -> Result<()> {
    let req = ["Level 0 URI", "Level 0 preferred term"];
    let opt = [
        "Level 1 URI",
        "Level 1 preferred term",
        "Level 2 URI",
        "Level 2 preferred term",
        "Level 3 URI",
        "Level 3 preferred term",
        "Level 0 code",
        "Level 1 code",
        "Level 2 code",
        "Level 3 code",
    ];
    read_table(path, &req, &opt, sink, |r| {
        let mut parent: Option<String> = None;
        for level in 0..4u8 {
            let (u, t) = if level == 0 { (0, 1) } else { (2 * level as usize, 2 * level as usize + 1) };
            let uri = r.get(u);
            if uri.is_empty() {
                break;
            }
            let code = non_empty(r.get(8 + level as usize));
            let g = b.skill_groups.entry(uri.to_string()).or_insert_with(|| SkillGroup {
                uri: uri.to_string(),
                code,
                level,
                parent: parent.clone(),
                labels: BTreeMap::new(),
            });
            g.labels.entry(lang.to_string()).or_insert_with(|| r.get(t).to_string());
            parent = Some(uri.to_string());
        }
        Ok(())
    })
}

/// Finds a language-independent file: the v1.1 name, then `name_XX` for each language (v1.2).
fn independent(dir: &Path, base: &str, langs: &[String], b: &mut Builder) -> Option<PathBuf> {
    if let Some(p) = find_file(dir, &[format!("{base}.csv")]) {
        b.naming.get_or_insert(FileNaming::V1_1);
        b.files.push(p.clone());
        return Some(p);
    }
    let names: Vec<String> = langs.iter().map(|l| format!("{base}_{l}.csv")).collect();
    let p = find_file(dir, &names)?;
    b.naming.get_or_insert(FileNaming::V1_2);
    b.files.push(p.clone());
    Some(p)
}

fn load_independent(dir: &Path, langs: &[String], b: &mut Builder, sink: &mut Sink) -> Result<()> {
    if let Some(path) = independent(dir, "occupationSkillRelations", langs, b) {
        read_table(&path, &["occupationUri", "relationType", "skillUri"], &[], sink, |r| {
            let occ_uri = require(r.get(0), "occupationUri")?;
            let Some(&occ) = b.occ_index.get(occ_uri) else {
                let e = Error::new(ErrorKind::Unresolved, "no occupations file lists this occupation; row skipped")
                    .at(Some(&path), r.line)
                    .with_field("occupationUri")
                    .with_value(occ_uri);
                b.dangling.push(e);
                return Ok(());
            };
            let essential = relation_type(r.get(1), "relationType")?;
            let skill = b.skill(require(r.get(2), "skillUri")?);
            b.relations.push((occ, skill, essential));
            Ok(())
        })?;
    }
    if let Some(path) = independent(dir, "broaderRelationsOccPillar", langs, b) {
        read_table(&path, &["conceptUri", "broaderUri"], &[], sink, |r| {
            // Links between ISCO groups repeat the code prefixes; only occupations need storing.
            if let Some(&i) = b.occ_index.get(r.get(0)) {
                if let Some(o) = b.occupations.get_mut(i as usize) {
                    o.broader.push(require(r.get(1), "broaderUri")?.to_string());
                }
            }
            Ok(())
        })?;
    }
    if let Some(path) = independent(dir, "broaderRelationsSkillPillar", langs, b) {
        read_table(&path, &["conceptUri", "broaderUri"], &["conceptType"], sink, |r| {
            let uri = require(r.get(0), "conceptUri")?;
            let broader = require(r.get(1), "broaderUri")?;
            // Skill-group links are in skillsHierarchy; skills are the rows of type KnowledgeSkillCompetence.
            let is_skill = r.get(2) == "KnowledgeSkillCompetence" || b.skill_index.contains_key(uri);
            if is_skill {
                let i = b.skill(uri);
                if let Some(s) = b.skills.get_mut(i as usize) {
                    s.broader.push(broader.to_string());
                }
            }
            Ok(())
        })?;
    }
    if let Some(path) = independent(dir, "skillSkillRelations", langs, b) {
        read_table(&path, &["originalSkillUri", "relationType", "relatedSkillUri"], &[], sink, |r| {
            let a = b.skill(require(r.get(0), "originalSkillUri")?);
            let kind = require(r.get(1), "relationType")?.to_string();
            let c = b.skill(require(r.get(2), "relatedSkillUri")?);
            b.skill_relations.push((a, c, kind));
            Ok(())
        })?;
    }
    Ok(())
}

fn relation_type(cell: &str, field: &str) -> Result<bool> {
    match cell {
        "essential" => Ok(true),
        "optional" => Ok(false),
        _ => Err(Error::new(ErrorKind::InvalidValue, "`essential` or `optional`").with_field(field).with_value(cell)),
    }
}

/// Sorts occupations and skills by URI, gives out the ids and attaches the relations.
fn finish(options: &LoadOptions, b: &mut Builder) -> Taxonomy {
    let occ_perm = sorted_perm(b.occupations.iter().map(|o| o.uri.as_str()));
    let skill_perm = sorted_perm(b.skills.iter().map(|s| s.uri.as_str()));
    let mut occupations = reorder(std::mem::take(&mut b.occupations), &occ_perm);
    let mut skills = reorder(std::mem::take(&mut b.skills), &skill_perm);
    let sid = |i: u32| SkillId(skill_perm.get(i as usize).copied().unwrap_or(0));
    for &(o, s, essential) in &b.relations {
        let Some(occ) = occ_perm.get(o as usize).and_then(|&n| occupations.get_mut(n as usize)) else { continue };
        if essential {
            occ.essential.push(sid(s));
        } else {
            occ.optional.push(sid(s));
        }
    }
    for (a, c, kind) in std::mem::take(&mut b.skill_relations) {
        if let Some(s) = skills.get_mut(sid(a).0 as usize) {
            s.related.push((sid(c), kind));
        }
    }
    let mut occ_by_key = HashMap::with_capacity(occupations.len() * 2);
    let mut occ_by_isco: BTreeMap<IscoCode, Vec<OccupationId>> = BTreeMap::new();
    for (n, o) in occupations.iter_mut().enumerate() {
        let id = OccupationId(u32::try_from(n).unwrap_or(u32::MAX));
        o.essential.sort_unstable();
        o.essential.dedup();
        o.optional.sort_unstable();
        o.optional.dedup();
        o.broader.sort();
        o.broader.dedup();
        occ_by_key.insert(o.uri.clone(), id);
        if let Some(c) = &o.code {
            occ_by_key.insert(c.clone(), id);
        }
        occ_by_isco.entry(o.isco).or_default().push(id);
    }
    for s in &mut skills {
        s.broader.sort();
        s.broader.dedup();
        s.related.sort();
        s.related.dedup();
    }
    let skill_by_uri = skills
        .iter()
        .enumerate()
        .map(|(n, s)| (s.uri.clone(), SkillId(u32::try_from(n).unwrap_or(u32::MAX))))
        .collect();
    let naming = b.naming.unwrap_or(FileNaming::Unknown);
    let family = match naming {
        FileNaming::V1_1 => "esco-v1.1",
        FileNaming::V1_2 => "esco-v1.2",
        FileNaming::Unknown => "esco",
    };
    let tag = options.version.clone().unwrap_or_else(|| match &b.latest_modified {
        Some(d) => format!("{family}+{d}"),
        None => family.to_string(),
    });
    Taxonomy {
        version: EscoVersion { tag, naming, latest_modified: b.latest_modified.clone() },
        languages: b.languages.iter().cloned().collect(),
        isco: std::mem::take(&mut b.isco),
        occupations,
        occ_by_key,
        occ_by_isco,
        skills,
        skill_by_uri,
        skill_groups: std::mem::take(&mut b.skill_groups),
    }
}

/// `perm[old] = new` such that the new order is sorted by key.
fn sorted_perm<'a>(keys: impl Iterator<Item = &'a str>) -> Vec<u32> {
    let keys: Vec<&str> = keys.collect();
    let mut order: Vec<u32> = (0..u32::try_from(keys.len()).unwrap_or(u32::MAX)).collect();
    order.sort_by(|&a, &c| keys.get(a as usize).cmp(&keys.get(c as usize)));
    let mut perm = vec![0u32; keys.len()];
    for (new, &old) in order.iter().enumerate() {
        if let Some(p) = perm.get_mut(old as usize) {
            *p = u32::try_from(new).unwrap_or(u32::MAX);
        }
    }
    perm
}

fn reorder<T>(items: Vec<T>, perm: &[u32]) -> Vec<T> {
    let mut slots: Vec<Option<T>> = Vec::with_capacity(items.len());
    slots.resize_with(items.len(), || None);
    for (old, item) in items.into_iter().enumerate() {
        if let Some(slot) = perm.get(old).and_then(|&n| slots.get_mut(n as usize)) {
            *slot = Some(item);
        }
    }
    slots.into_iter().flatten().collect()
}
