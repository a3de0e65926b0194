//! The completeness test: every knock-out, hint, reason, component, travel
//! mode, physical load, education and label has a text in Dutch and in
//! English. The enum lists are checked against the enums themselves (strum,
//! in tests only), so a variant nobody listed fails here too.

use std::collections::BTreeSet;

use strum::IntoEnumIterator;

use super::*;
use crate::model::{Cefr, Education, PhysicalLoad, TravelMode};
use crate::score::words::{Reason, ReasonDiscriminants};
use crate::score::{Component, ComponentScore, Explanation, Hint, HintDiscriminants, KnockOut};
use crate::travel::Travel;
use crate::IscoCode;

/// Every variant the enum has, in declaration order, against the list the library uses.
fn listed_completely<T: IntoEnumIterator + PartialEq + std::fmt::Debug>(listed: &[T]) {
    let all: Vec<T> = T::iter().collect();
    assert_eq!(all.len(), listed.len(), "the list misses variants: {all:?} vs {listed:?}");
    for v in &all {
        assert!(listed.contains(v), "{v:?} is not listed");
    }
}

fn assert_complete<C: Catalogue + IntoEnumIterator + PartialEq>() {
    listed_completely::<C>(C::KEYS);
    let problems = check_catalogue::<C>();
    assert!(problems.is_empty(), "{}", problems.join("\n"));
}

#[test]
fn every_keyed_text_exists_in_both_languages() {
    assert_complete::<KnockOut>();
    assert_complete::<Component>();
    assert_complete::<TravelMode>();
    assert_complete::<PhysicalLoad>();
    assert_complete::<Education>();
    assert_complete::<Label>();
}

#[test]
fn dutch_differs_from_english_where_words_differ() {
    // Words that are the same in both languages by nature (sector, score, e-bike …) are allowed;
    // a whole group copied from English is not.
    fn distinct<C: Catalogue>(min_share: f64) {
        let differ = C::KEYS.iter().filter(|k| k.template(Lang::Nl) != k.template(Lang::En)).count();
        let share = differ as f64 / C::KEYS.len() as f64;
        assert!(share >= min_share, "{}: only {differ} of {} differ", std::any::type_name::<C>(), C::KEYS.len());
    }
    distinct::<KnockOut>(1.0);
    distinct::<Component>(0.8);
    distinct::<TravelMode>(0.8);
    distinct::<PhysicalLoad>(1.0);
    distinct::<Label>(0.9);
}

/// One hint of every kind (the match is exhaustive: a new kind needs a sample here).
fn sample_hint(kind: HintDiscriminants) -> Hint {
    match kind {
        HintDiscriminants::Travel => Hint::Travel {
            minutes: 61.0,
            max_minutes: 45,
            transit_too_early: false,
            alternatives: vec![(TravelMode::Ebike, 43.0)],
        },
        HintDiscriminants::LevelGap => Hint::LevelGap { seeker: 1, job: 3 },
        HintDiscriminants::Hours => Hint::Hours { job_min: 32, seeker_max: 24 },
        HintDiscriminants::Licence => Hint::Licence,
        HintDiscriminants::Language => Hint::Language { required: Some(Cefr::B1), seeker: Some(Cefr::A2) },
        HintDiscriminants::Physical => Hint::Physical { job: PhysicalLoad::Heavy, seeker: PhysicalLoad::Light },
        HintDiscriminants::Certificates => Hint::Certificates { missing: vec!["VCA".into()] },
        HintDiscriminants::TargetGroup => Hint::TargetGroup,
        HintDiscriminants::Override => Hint::Override,
    }
}

/// One reason of every kind.
fn sample_reason(kind: ReasonDiscriminants) -> Reason {
    match kind {
        ReasonDiscriminants::SameOccupation => Reason::SameOccupation,
        ReasonDiscriminants::CloselyRelatedOccupation => Reason::CloselyRelatedOccupation,
        ReasonDiscriminants::RelatedOccupation => Reason::RelatedOccupation,
        ReasonDiscriminants::SameBroadField => Reason::SameBroadField,
        ReasonDiscriminants::AllSkills => Reason::AllSkills,
        ReasonDiscriminants::SkillsShare => Reason::SkillsShare { percent: 80 },
        ReasonDiscriminants::OverQualified => Reason::OverQualified { levels: 2 },
        ReasonDiscriminants::LevelFits => Reason::LevelFits,
        ReasonDiscriminants::OneLevelAbove => Reason::OneLevelAbove,
        ReasonDiscriminants::PreferredSector => Reason::PreferredSector,
        ReasonDiscriminants::SectorBefore => Reason::SectorBefore,
        ReasonDiscriminants::FewerHours => Reason::FewerHours,
        ReasonDiscriminants::Trip => {
            Reason::Trip { travel: Travel { mode: Some(TravelMode::Bike), minutes: 12.0, transit_too_early: false } }
        }
    }
}

/// Every text of a group is non-empty in both languages, the two differ, and no two kinds read the same.
fn distinct_texts<M: Message>(what: &str, samples: &[M]) {
    for lang in Lang::ALL {
        let texts: Vec<String> = samples.iter().map(|m| m.text(lang)).collect();
        for t in &texts {
            assert!(!t.trim().is_empty(), "{what}: an empty {lang} text");
        }
        let unique: BTreeSet<&String> = texts.iter().collect();
        assert_eq!(unique.len(), texts.len(), "{what}: two kinds read the same in {lang}: {texts:?}");
    }
    for m in samples {
        assert_ne!(m.text(Lang::Nl), m.text(Lang::En), "{what}: Dutch is the English text");
    }
}

#[test]
fn every_hint_reason_and_trip_reads_in_both_languages() {
    let hints: Vec<Hint> = HintDiscriminants::iter().map(sample_hint).collect();
    distinct_texts("hints", &hints);
    let reasons: Vec<Reason> = ReasonDiscriminants::iter().map(sample_reason).collect();
    distinct_texts("reasons", &reasons);
    let mut trips: Vec<Travel> =
        TravelMode::iter().map(|m| Travel { mode: Some(m), minutes: 12.0, transit_too_early: false }).collect();
    trips.push(Travel { mode: None, minutes: 0.0, transit_too_early: false });
    distinct_texts("trips", &trips);
    // Every alternative mode of a travel hint, the car included, has its words.
    let alternatives: Vec<Hint> = TravelMode::iter()
        .map(|m| Hint::Travel {
            minutes: 61.0,
            max_minutes: 45,
            transit_too_early: true,
            alternatives: vec![(m, 40.0)],
        })
        .collect();
    distinct_texts("travel alternatives", &alternatives);
}

fn explanation(score: Option<f64>, knockouts: Vec<KnockOut>) -> Explanation {
    Explanation {
        score,
        components: Component::ALL
            .iter()
            .map(|&component| ComponentScore { component, value: 0.85, weight: 0.15 })
            .collect(),
        travel: Travel { mode: Some(TravelMode::Transit), minutes: 22.4, transit_too_early: true },
        max_minutes: 45,
        seeker_level: 2,
        vacancy_level: 2,
        level_gap: 0,
        isco: IscoCode::parse("9112").unwrap(),
        sector: None,
        skills_asked: 2,
        missing_essential_skills: vec!["clean_floors".into()],
        knockouts,
        override_reason: None,
    }
}

#[test]
fn explanations_in_dutch_and_english() {
    let e = explanation(Some(0.8512), Vec::new());
    let nl = e.text(Lang::Nl);
    assert!(nl.starts_with("score 0,851\n"), "{nl}");
    assert!(nl.contains("  reistijd       0,850 (gewicht 0,15)\n"), "{nl}");
    assert!(nl.contains("  vervoer        22 min met het OV (max 45)\n"), "{nl}");
    assert!(nl.contains("de dienst begint voordat het OV er kan zijn"), "{nl}");
    assert!(nl.contains("  ontbreekt      clean_floors"), "{nl}");
    assert!(nl.contains("  sector         onbekend\n"), "v1.1: the sector is unknown: {nl}");
    let en = e.text(Lang::En);
    assert!(en.starts_with("score 0.851\n"), "{en}");
    assert!(en.contains("  mobility   0.850 (weight 0.15)\n"), "{en}");
    assert!(en.contains("  travel     22 min by public transport (max 45)\n"), "{en}");
    assert!(en.contains("  sector     unknown\n"), "v1.1: the sector is unknown: {en}");
    let known = Explanation { sector: Some(crate::Nace::parse("N").unwrap()), ..e.clone() };
    assert!(!known.text(Lang::En).contains("unknown"), "a known sector is not called unknown");
    assert!(!known.text(Lang::Nl).contains("onbekend"), "a known sector is not called unknown");
    assert_eq!(e.to_string(), en, "Display is the English text");
    // Every knock-out is named in an excluded pair's explanation.
    let out = explanation(None, KnockOut::ALL.to_vec());
    for lang in Lang::ALL {
        let text = out.text(lang);
        for k in KnockOut::ALL {
            assert!(text.lines().next().unwrap().contains(k.template(lang)), "{lang}: {k:?} in {text}");
        }
    }
    assert!(out.text(Lang::Nl).starts_with("uitgesloten: reistijd te lang, beroepsniveau te hoog"));
}

#[test]
fn lang_parses_and_serialises_as_its_code() {
    for lang in Lang::ALL {
        assert_eq!(lang.code().parse::<Lang>(), Ok(lang));
        assert_eq!(lang.code().to_uppercase().parse::<Lang>(), Ok(lang));
        assert_eq!(serde_json::to_value(lang).unwrap(), serde_json::Value::String(lang.code().into()));
        assert_eq!(serde_json::from_value::<Lang>(lang.code().into()).unwrap(), lang);
        assert_eq!(lang.to_string(), lang.code());
    }
    assert_eq!(Lang::default(), Lang::Nl);
    let err = "de".parse::<Lang>().unwrap_err();
    assert_eq!(err.to_string(), "unknown language \"de\": use nl (Nederlands) or en (English)");
}

#[test]
fn numbers_in_the_language_s_style() {
    assert_eq!(Decimal::new(0.8512, 2).text(Lang::Nl), "0,85");
    assert_eq!(Decimal::new(0.8512, 2).text(Lang::En), "0.85");
    assert_eq!(Decimal::new(-12.25, 1).text(Lang::Nl), "-12,2");
    assert_eq!(Decimal::new(3.0, 0).text(Lang::Nl), "3");
    let score = Decimal::new(0.85, 2);
    let args: [(&str, &dyn Message); 1] = [("score", &score)];
    assert_eq!(Label::CommonScore.with(&args).text(Lang::Nl), "score 0,85");
    assert_eq!(Label::CommonScore.with(&args).text(Lang::En), "score 0.85");
}

#[test]
fn templates_fill_their_placeholders_and_show_a_missing_one() {
    let args: [(&str, &dyn Message); 2] = [("n", &3_u64), ("total", &8_usize)];
    let two = Label::CommonOf.with(&args);
    assert_eq!(two.text(Lang::Nl), "3 van 8");
    assert_eq!(two.text(Lang::En), "3 of 8");
    // A missing argument shows as written, never panics.
    assert_eq!(Label::CommonOf.with(&[("n", &3_u64)]).text(Lang::En), "3 of {total}");
    assert_eq!(Label::CommonOf.text(Lang::Nl), "{n} van {total}");
    assert_eq!(placeholders("a {{b}} {c}").unwrap(), ["c"]);
    assert!(placeholders("a {b").is_err());
    assert!(placeholders("a {B}").is_err());
}

/// A catalogue of another crate, to show the extension point and the checks.
#[derive(Clone, Copy, Debug, PartialEq)]
enum Broken {
    Fine,
    MissingDutch,
    OtherPlaceholders,
}

impl Catalogue for Broken {
    const KEYS: &'static [Self] = &[Broken::Fine, Broken::MissingDutch, Broken::OtherPlaceholders, Broken::Fine];

    fn key(self) -> &'static str {
        match self {
            Broken::Fine => "report.fine",
            Broken::MissingDutch => "report.missing_dutch",
            Broken::OtherPlaceholders => "report.other",
        }
    }

    fn template(self, lang: Lang) -> &'static str {
        match (self, lang) {
            (Broken::Fine, Lang::Nl) => "goed {n}",
            (Broken::Fine, Lang::En) => "fine {n}",
            (Broken::MissingDutch, Lang::Nl) => "",
            (Broken::MissingDutch, Lang::En) => "present",
            (Broken::OtherPlaceholders, Lang::Nl) => "{aantal} paren",
            (Broken::OtherPlaceholders, Lang::En) => "{pairs} pairs",
        }
    }
}

#[test]
fn the_check_finds_a_missing_text_a_duplicate_key_and_differing_placeholders() {
    let problems = check_catalogue::<Broken>();
    assert_eq!(problems.len(), 3, "{problems:?}");
    assert!(problems.iter().any(|p| p == "report.missing_dutch: no nl text"), "{problems:?}");
    assert!(problems.iter().any(|p| p.contains("placeholders differ")), "{problems:?}");
    assert!(problems.iter().any(|p| p.contains("duplicate key")), "{problems:?}");
    // Every catalogue is a Message.
    assert_eq!(Broken::Fine.with(&[("n", &1_u8)]).text(Lang::Nl), "goed 1");
}

#[test]
fn core_errors_in_both_languages_english_as_display() {
    let errors = [
        crate::IscoCode::parse("911").unwrap_err(),
        crate::GeoPoint::new(91.0, 6.0).unwrap_err(),
        crate::score::ScoringConfig::builder().mobility_comfort_fraction(1.5).build().unwrap_err(),
        crate::model::Workplace::from_fields(None, false).unwrap_err(),
    ];
    for e in &errors {
        assert_eq!(e.text(Lang::En), e.to_string());
        assert!(e.text(Lang::Nl).starts_with(&format!("{}: ", e.field())), "{}", e.text(Lang::Nl));
        assert_ne!(e.text(Lang::Nl), e.text(Lang::En));
    }
    assert_eq!(
        errors[1].text(Lang::Nl),
        "location.lat: buiten het toegestane bereik [finite, -90 ≤ lat ≤ 90] (waarde \"91\")"
    );
}

#[test]
fn a_change_reads_in_words_and_its_id_parses_back() {
    use crate::scan::Change;
    for id in ["licence", "car", "ebike", "travel_plus_15", "dutch_A2", "dutch_B1", "dutch_B2", "level_up"] {
        let c: Change = id.parse().unwrap();
        assert_eq!(c.id(), id);
        assert!(!c.text(Lang::Nl).is_empty() && c.text(Lang::Nl) != c.text(Lang::En), "{id}");
    }
    let c: Change = "certificate:VCA".parse().unwrap();
    assert_eq!((c.id().as_str(), c.text(Lang::Nl).as_str()), ("certificate:VCA", "certificaat VCA"));
    let c: Change = "skill:skill:haccp".parse().unwrap();
    assert_eq!(c, Change::Skill("skill:haccp".to_owned()));
    assert_eq!(c.text(Lang::En), "skill skill:haccp");
    for bad in ["", "dutch_C1", "certificate:", "bike", "skill"] {
        assert!(bad.parse::<Change>().is_err(), "{bad:?}");
    }
}
