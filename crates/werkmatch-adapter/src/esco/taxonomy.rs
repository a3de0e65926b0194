//! The loaded taxonomy: ISCO-08 tree, ESCO occupations and skills, look-ups.

use std::collections::{BTreeMap, HashMap};

use werkmatch_core::isco::SkillLevel;
use werkmatch_core::IscoCode;

/// The labels of a concept in one language.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Labels {
    /// The preferred label.
    pub preferred: String,
    /// Alternative labels (synonyms, gendered forms).
    pub alt: Vec<String>,
    /// Hidden labels (misspellings and old terms, kept for search only).
    pub hidden: Vec<String>,
}

/// Labels by language code (`"en"`, `"nl"`, …), in language order.
pub type LabelMap = BTreeMap<String, Labels>;

/// An interned skill: the index of the skill in [`Taxonomy::skills`].
///
/// Skills are sorted by URI before the ids are given out, so an id depends
/// only on the set of skills, not on file order.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct SkillId(pub u32);

/// An occupation's index in [`Taxonomy::occupations`] (sorted by URI).
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct OccupationId(pub u32);

/// One group of the ISCO-08 tree (major, sub-major, minor or unit group).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct IscoGroup {
    /// The code, 1 to 4 digits with leading zeros kept (`"0"`, `"01"`, `"011"`, `"0110"`).
    pub code: String,
    /// The concept URI (`http://data.europa.eu/esco/isco/C0110`).
    pub uri: String,
    /// Preferred label by language.
    pub labels: BTreeMap<String, String>,
}

impl IscoGroup {
    /// 1 (major) to 4 (unit group): the number of digits.
    pub fn depth(&self) -> usize {
        self.code.len()
    }

    /// The parent group's code (the code without its last digit), `None` for a major group.
    pub fn parent_code(&self) -> Option<&str> {
        self.code.get(..self.code.len().checked_sub(1)?).filter(|p| !p.is_empty())
    }

    /// The unit-group code when this is a unit group.
    pub fn unit(&self) -> Option<IscoCode> {
        IscoCode::parse(&self.code).ok()
    }

    /// The ISCO-08 skill level of the group, from its first two digits.
    ///
    /// `None` for major group 0 (armed forces), whose sub-majors have different levels.
    pub fn skill_level(&self) -> Option<SkillLevel> {
        if self.code == "0" {
            return None;
        }
        // The level of any unit group under this group (padding with zeros gives no unit group).
        IscoCode::all().find(|c| c.as_str().starts_with(self.code.as_str())).map(|c| c.skill_level())
    }
}

/// An ESCO occupation.
#[derive(Clone, Debug, PartialEq)]
pub struct Occupation {
    /// Concept URI (`http://data.europa.eu/esco/occupation/<uuid>`).
    pub uri: String,
    /// ESCO code such as `2654.1.7`, when the export has the `code` column.
    pub code: Option<String>,
    /// ISCO-08 unit group.
    pub isco: IscoCode,
    /// Labels by language.
    pub labels: LabelMap,
    /// Broader occupation or ISCO group URIs (from `broaderRelationsOccPillar`).
    pub broader: Vec<String>,
    /// Essential skills, sorted.
    pub essential: Vec<SkillId>,
    /// Optional skills, sorted.
    pub optional: Vec<SkillId>,
}

/// An ESCO skill (or knowledge item).
#[derive(Clone, Debug, PartialEq)]
pub struct Skill {
    /// Concept URI (`http://data.europa.eu/esco/skill/<uuid>`).
    pub uri: String,
    /// `skill/competence`, `knowledge`, … when known.
    pub skill_type: Option<String>,
    /// `cross-sector`, `sector-specific`, … when known.
    pub reuse_level: Option<String>,
    /// Labels by language (empty when the skill is only known from relations).
    pub labels: LabelMap,
    /// Broader skill or skill-group URIs (from `broaderRelationsSkillPillar` and the collections).
    pub broader: Vec<String>,
    /// Related skills (`skillSkillRelations`): the other skill and the relation type (`essential`/`optional`).
    pub related: Vec<(SkillId, String)>,
}

/// A skill group of the skills hierarchy (`skillsHierarchy_XX.csv`).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct SkillGroup {
    /// Concept URI.
    pub uri: String,
    /// Hierarchy code such as `S1.2` when given.
    pub code: Option<String>,
    /// 0 (top) to 3.
    pub level: u8,
    /// The parent group's URI, `None` at level 0.
    pub parent: Option<String>,
    /// Preferred term by language.
    pub labels: BTreeMap<String, String>,
}

/// How the export names its language-independent files.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum FileNaming {
    /// ESCO v1.1.x: `occupationSkillRelations.csv`, no language suffix.
    V1_1,
    /// ESCO v1.2.x: `occupationSkillRelations_en.csv`, with the suffix.
    V1_2,
    /// No language-independent file was found, so naming says nothing.
    Unknown,
}

/// Which export the taxonomy came from.
///
/// The official CSV files carry no release number. The loader derives the tag
/// from the file naming (`v1.1` without suffix, `v1.2` with `_en`) and the latest
/// occupation `modifiedDate`, e.g. `esco-v1.1+2022-07-27`; a caller who knows
/// better passes its own tag in [`super::LoadOptions::version`].
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct EscoVersion {
    /// The tag: the caller's or the derived one.
    pub tag: String,
    /// The naming scheme found.
    pub naming: FileNaming,
    /// The latest `modifiedDate` (date part) among the occupations, when given.
    pub latest_modified: Option<String>,
}

/// The ISCO-08 tree and the ESCO occupation and skill pillars, with look-ups.
#[derive(Clone, Debug)]
pub struct Taxonomy {
    pub(crate) version: EscoVersion,
    pub(crate) languages: Vec<String>,
    pub(crate) isco: BTreeMap<String, IscoGroup>,
    pub(crate) occupations: Vec<Occupation>,
    pub(crate) occ_by_key: HashMap<String, OccupationId>,
    pub(crate) occ_by_isco: BTreeMap<IscoCode, Vec<OccupationId>>,
    pub(crate) skills: Vec<Skill>,
    pub(crate) skill_by_uri: HashMap<String, SkillId>,
    pub(crate) skill_groups: BTreeMap<String, SkillGroup>,
}

impl Taxonomy {
    /// The version tag of the export.
    pub fn version(&self) -> &EscoVersion {
        &self.version
    }

    /// The languages whose label files were found, sorted.
    pub fn languages(&self) -> &[String] {
        &self.languages
    }

    /// All occupations, sorted by URI; an [`OccupationId`] indexes this slice.
    pub fn occupations(&self) -> &[Occupation] {
        &self.occupations
    }

    /// All skills, sorted by URI; a [`SkillId`] indexes this slice.
    pub fn skills(&self) -> &[Skill] {
        &self.skills
    }

    /// The ISCO-08 groups by code (all four levels), in code order.
    pub fn isco_groups(&self) -> &BTreeMap<String, IscoGroup> {
        &self.isco
    }

    /// The skill groups of the skills hierarchy by URI.
    pub fn skill_groups(&self) -> &BTreeMap<String, SkillGroup> {
        &self.skill_groups
    }

    /// The ISCO group with this code (1–4 digits).
    pub fn isco_group(&self, code: &str) -> Option<&IscoGroup> {
        self.isco.get(code)
    }

    /// The direct children of an ISCO group (e.g. the unit groups of a minor group), in code order.
    pub fn isco_children(&self, code: &str) -> impl Iterator<Item = &IscoGroup> + '_ {
        let code = code.to_string();
        self.isco.values().filter(move |g| g.parent_code() == Some(code.as_str()))
    }

    /// Looks up an occupation by concept URI or ESCO code (`2654.1.7`).
    pub fn occupation_id(&self, uri_or_code: &str) -> Option<OccupationId> {
        self.occ_by_key.get(uri_or_code.trim()).copied()
    }

    /// The occupation by URI or ESCO code.
    pub fn occupation(&self, uri_or_code: &str) -> Option<&Occupation> {
        self.occupation_id(uri_or_code).and_then(|id| self.occupation_by_id(id))
    }

    /// The occupation with this id.
    pub fn occupation_by_id(&self, id: OccupationId) -> Option<&Occupation> {
        self.occupations.get(id.0 as usize)
    }

    /// The occupations in an ISCO unit group, sorted by URI.
    pub fn occupations_in(&self, isco: IscoCode) -> &[OccupationId] {
        self.occ_by_isco.get(&isco).map_or(&[], Vec::as_slice)
    }

    /// The interned id of a skill URI.
    pub fn skill_id(&self, uri: &str) -> Option<SkillId> {
        self.skill_by_uri.get(uri.trim()).copied()
    }

    /// The skill with this id.
    pub fn skill(&self, id: SkillId) -> Option<&Skill> {
        self.skills.get(id.0 as usize)
    }

    /// The skill with this URI.
    pub fn skill_by_uri(&self, uri: &str) -> Option<&Skill> {
        self.skill_id(uri).and_then(|id| self.skill(id))
    }

    /// The skills whose preferred label in some language is exactly `label` (a linear scan, for tests
    /// and evaluations: ESCO repeats a few preferred labels, so there can be more than one).
    pub fn skills_with_preferred_label(&self, label: &str) -> Vec<SkillId> {
        (0..self.skills.len())
            .filter(|&i| self.skills.get(i).is_some_and(|s| s.labels.values().any(|l| l.preferred == label)))
            .filter_map(|i| u32::try_from(i).ok().map(SkillId))
            .collect()
    }

    /// The number of occupation–skill relations (essential plus optional).
    pub fn relation_count(&self) -> usize {
        self.occupations.iter().map(|o| o.essential.len() + o.optional.len()).sum()
    }
}
