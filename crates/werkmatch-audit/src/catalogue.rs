//! The report and model-card texts, Dutch and English side by side (an
//! interim catalogue until the project-wide one lands in the core).

/// The language of a report.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum Lang {
    /// Dutch, the default for people-facing reports.
    #[default]
    Nl,
    /// English.
    En,
}

impl Lang {
    /// Parses `nl` or `en`.
    pub fn parse(s: &str) -> Option<Lang> {
        match s {
            "nl" => Some(Lang::Nl),
            "en" => Some(Lang::En),
            _ => None,
        }
    }

    /// The BCP 47 tag (`nl`, `en`).
    pub fn tag(self) -> &'static str {
        match self {
            Lang::Nl => "nl",
            Lang::En => "en",
        }
    }
}

/// Picks the text of `lang` from a (Dutch, English) pair.
pub fn t(lang: Lang, pair: (&'static str, &'static str)) -> &'static str {
    match lang {
        Lang::Nl => pair.0,
        Lang::En => pair.1,
    }
}
