//! Every text people read, Dutch next to English, for a reviewer who checks
//! the words without reading Rust. The texts themselves live in
//! `crates/werkmatch-core/src/text/nl.rs` and `en.rs`; this only lists them.
//!
//! ```sh
//! cargo run --example texts            # a tab-separated table: key, nl, en
//! ```
#![allow(clippy::print_stdout)]

use werkmatch::model::{Cefr, Education, PhysicalLoad, TravelMode};
use werkmatch::score::words::Reason;
use werkmatch::score::{Component, Hint, KnockOut};
use werkmatch::text::{Catalogue, Label, Lang, Message};
use werkmatch::travel::Travel;

fn row(key: &str, m: &dyn Message) {
    // Tabs and newlines inside a text would break the table: show them escaped.
    let cell = |lang| m.text(lang).replace('\t', "\\t").replace('\n', "\\n");
    println!("{key}\t{}\t{}", cell(Lang::Nl), cell(Lang::En));
}

fn catalogue<C: Catalogue>(group: &str) {
    for &k in C::KEYS {
        row(&format!("{group}.{}", k.key()), &k);
    }
}

fn main() {
    println!("key\tnl\ten");
    catalogue::<KnockOut>("knockout");
    catalogue::<Component>("component");
    catalogue::<TravelMode>("mode");
    catalogue::<PhysicalLoad>("physical");
    catalogue::<Education>("education");
    for m in TravelMode::ALL {
        row(&format!("trip.{}", m.name()), &Travel { mode: Some(m), minutes: 12.0, transit_too_early: false });
    }
    row("trip.remote", &Travel { mode: None, minutes: 0.0, transit_too_early: false });
    let hints = [
        (
            "travel",
            Hint::Travel {
                minutes: 61.0,
                max_minutes: 45,
                transit_too_early: false,
                alternatives: vec![(TravelMode::Ebike, 43.0)],
            },
        ),
        (
            "travel_early_shift",
            Hint::Travel {
                minutes: 52.0,
                max_minutes: 60,
                transit_too_early: true,
                alternatives: vec![(TravelMode::Car, 25.0)],
            },
        ),
        ("level_gap", Hint::LevelGap { seeker: 1, job: 3 }),
        ("hours", Hint::Hours { job_min: 32, seeker_max: 24 }),
        ("licence", Hint::Licence),
        ("language", Hint::Language { required: Some(Cefr::B1), seeker: Some(Cefr::A2) }),
        ("physical", Hint::Physical { job: PhysicalLoad::Heavy, seeker: PhysicalLoad::Light }),
        ("certificates", Hint::Certificates { missing: vec!["VCA".into()] }),
        ("target_group", Hint::TargetGroup),
    ];
    for (key, h) in &hints {
        row(&format!("hint.{key}"), h);
    }
    let bike = Travel { mode: Some(TravelMode::Bike), minutes: 12.0, transit_too_early: false };
    let reasons = [
        ("same_occupation", Reason::SameOccupation),
        ("closely_related_occupation", Reason::CloselyRelatedOccupation),
        ("related_occupation", Reason::RelatedOccupation),
        ("same_broad_field", Reason::SameBroadField),
        ("all_skills", Reason::AllSkills),
        ("skills_share", Reason::SkillsShare { percent: 80 }),
        ("over_qualified", Reason::OverQualified { levels: 1 }),
        ("level_fits", Reason::LevelFits),
        ("one_level_above", Reason::OneLevelAbove),
        ("preferred_sector", Reason::PreferredSector),
        ("sector_before", Reason::SectorBefore),
        ("fewer_hours", Reason::FewerHours),
        ("trip", Reason::Trip { travel: bike }),
    ];
    for (key, r) in &reasons {
        row(&format!("reason.{key}"), r);
    }
    for &l in Label::ALL {
        row(l.key(), &l);
    }
}
