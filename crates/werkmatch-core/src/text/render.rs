//! The core's types as [`Message`]s: each one asks the language's [`Texts`](super::Texts)
//! for its words, so no text lives here.

use std::fmt;

use super::{Catalogue, Label, Lang, Message};
use crate::model::{Education, PhysicalLoad, TravelMode};
use crate::score::words::Reason;
use crate::score::{Account, Component, Explanation, Hint, KnockOut};
use crate::travel::Travel;

impl Catalogue for KnockOut {
    const KEYS: &'static [Self] = &KnockOut::ALL;

    fn key(self) -> &'static str {
        self.name()
    }

    fn template(self, lang: Lang) -> &'static str {
        lang.texts().knockout(self)
    }
}

impl Catalogue for Component {
    const KEYS: &'static [Self] = &Component::ALL;

    fn key(self) -> &'static str {
        self.name()
    }

    fn template(self, lang: Lang) -> &'static str {
        lang.texts().component(self)
    }
}

impl Catalogue for TravelMode {
    const KEYS: &'static [Self] = &TravelMode::ALL;

    fn key(self) -> &'static str {
        self.name()
    }

    fn template(self, lang: Lang) -> &'static str {
        lang.texts().mode(self)
    }
}

impl Catalogue for PhysicalLoad {
    const KEYS: &'static [Self] = &[PhysicalLoad::Light, PhysicalLoad::Medium, PhysicalLoad::Heavy];

    fn key(self) -> &'static str {
        match self {
            PhysicalLoad::Light => "light",
            PhysicalLoad::Medium => "medium",
            PhysicalLoad::Heavy => "heavy",
        }
    }

    fn template(self, lang: Lang) -> &'static str {
        lang.texts().physical(self)
    }
}

impl Catalogue for Education {
    const KEYS: &'static [Self] = &Education::ALL;

    fn key(self) -> &'static str {
        self.name()
    }

    fn template(self, lang: Lang) -> &'static str {
        lang.texts().education(self)
    }
}

/// A trip: "12 min met de fiets", "12 min by bike"; a remote job has none.
impl Message for Travel {
    fn write_to(&self, lang: Lang, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let t = lang.texts();
        match self.mode {
            None => f.write_str(t.remote()),
            Some(m) => write!(f, "{:.0} min {}", self.minutes, t.by_mode(m)),
        }
    }
}

impl Message for Hint {
    fn write_to(&self, lang: Lang, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        lang.texts().hint(self, f)
    }
}

impl Message for Reason {
    fn write_to(&self, lang: Lang, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        lang.texts().reason(self, f)
    }
}

/// The account of a pair for the person concerned: the explanation, why it
/// fits, and what would lift each knock-out.
impl Message for Account {
    fn write_to(&self, lang: Lang, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let e = &self.explanation;
        e.write_to(lang, f)?;
        if !self.reasons.is_empty() {
            let reasons: Vec<String> = self.reasons.iter().map(|r| r.text(lang)).collect();
            writeln!(f, "{}", Label::CommonWhy.text_with(lang, &[("reasons", &reasons.join("; "))]))?;
        }
        if let Some(reason) = &e.override_reason {
            let label = if e.knockouts.contains(&KnockOut::Override) {
                Label::CommonExcludedByStaff
            } else {
                Label::CommonIncluded
            };
            writeln!(f, "{}", label.text_with(lang, &[("reason", &super::Verbatim(reason))]))?;
        }
        if self.is_excluded() {
            let would = super::Decimal::new(e.recombined_total(), 2);
            writeln!(f, "{}", Label::CommonWouldScore.text_with(lang, &[("score", &would), ("trip", &e.travel)]))?;
            writeln!(f, "{}", Label::CommonLifts.text(lang))?;
            for l in &self.lifts {
                let line = Label::CommonLift.text_with(lang, &[("knockout", &l.knockout), ("hint", &l.hint)]);
                writeln!(f, "  - {line}")?;
            }
        }
        Ok(())
    }
}

impl Message for Explanation {
    fn write_to(&self, lang: Lang, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        lang.texts().explanation(self, f)
    }
}

/// `field: reason (value "v")`, the reason from the error's kind; the rule or
/// expected shape is the core's own technical text, shown as it is.
impl Message for crate::Error {
    fn write_to(&self, lang: Lang, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        use crate::ErrorKind;
        write!(f, "{}: ", self.field())?;
        match self.kind() {
            ErrorKind::OutOfRange { rule, .. } => Label::InputOutOfRange.with(&[("rule", rule)]).write_to(lang, f)?,
            ErrorKind::Malformed { expected, .. } => {
                Label::InputMalformed.with(&[("expected", expected)]).write_to(lang, f)?
            }
            ErrorKind::Missing { rule } => Label::InputMissing.with(&[("rule", rule)]).write_to(lang, f)?,
            ErrorKind::InvalidConfig(reason) => {
                Label::InputInvalidConfig.with(&[("reason", reason)]).write_to(lang, f)?
            }
            ErrorKind::DuplicateId { population, .. } => {
                Label::InputDuplicateId.with(&[("population", population)]).write_to(lang, f)?
            }
        }
        if let Some(v) = self.value() {
            f.write_str(" ")?;
            Label::InputValue.with(&[("value", &super::Verbatim(format!("{v:?}")))]).write_to(lang, f)?;
        }
        Ok(())
    }
}

/// A change of the scan in words: "rijbewijs B en een auto", "a driving
/// licence and a car"; certificates and skills by their id.
impl Message for crate::scan::Change {
    fn write_to(&self, lang: Lang, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        use crate::scan::Change;
        match self {
            Change::Licence => Label::ScanChangeLicence.write_to(lang, f),
            Change::Car => Label::ScanChangeCar.write_to(lang, f),
            Change::Ebike => Label::ScanChangeEbike.write_to(lang, f),
            Change::TravelPlus15 => Label::ScanChangeTravel.write_to(lang, f),
            Change::Dutch(l) => {
                Label::ScanChangeDutch.with(&[("level", &super::Verbatim(format!("{l:?}")))]).write_to(lang, f)
            }
            Change::Certificate(x) => Label::ScanChangeCertificate.with(&[("name", &x.as_str())]).write_to(lang, f),
            Change::Skill(x) => Label::ScanChangeSkill.with(&[("name", &x.as_str())]).write_to(lang, f),
            Change::LevelUp => Label::ScanChangeLevelUp.write_to(lang, f),
        }
    }
}
