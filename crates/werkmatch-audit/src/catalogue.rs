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

/// Texts of the fairness report (Dutch, English).
pub mod fairness {
    /// Pairs of (Dutch, English).
    pub type Pair = (&'static str, &'static str);
    /// Page title.
    pub const TITLE: Pair = ("Eerlijkheidsrapport", "Fairness report");
    /// What the report is.
    pub const INTRO: Pair = (
        "Dit rapport vergelijkt de uitkomsten van een matchrun tussen groepen werkzoekenden. De kenmerken waarop wordt gegroepeerd (zoals leeftijdsklasse of migratieachtergrond) komen uit een apart bestand en worden nooit gebruikt om te scoren of te rangschikken.",
        "This report compares the outcomes of a matching run between groups of jobseekers. The attributes it groups by (such as age band or migration background) come from a separate file and are never used to score or rank.",
    );
    /// Summary table: first column.
    pub const ITEM: Pair = ("Onderdeel", "Item");
    /// Summary table: second column.
    pub const VALUE: Pair = ("Waarde", "Value");
    /// Summary line: counted seekers.
    pub const SEEKERS: Pair = ("Werkzoekenden geteld", "Seekers counted");
    /// Summary line: vacancy lists.
    pub const VACANCY_LISTS: Pair = ("Vacaturelijsten", "Vacancy lists");
    /// Summary line: minimum group.
    pub const MIN_GROUP: Pair = ("Kleinste groep met verhoudingen", "Smallest group with ratios");
    /// Summary line: flagged groups.
    pub const FLAGGED_COUNT: Pair = ("Gemarkeerde groepen", "Flagged groups");
    /// Section heading prefix.
    pub const ATTRIBUTE: Pair = ("Kenmerk", "Attribute");
    /// Column: group.
    pub const GROUP: Pair = ("Groep", "Group");
    /// Column: n.
    pub const N: Pair = ("n", "n");
    /// Column: match rate.
    pub const MATCH_RATE: Pair = ("Matchkans", "Match rate");
    /// Column: interval.
    pub const INTERVAL: Pair = ("95%-interval", "95% interval");
    /// Column: mean best score.
    pub const BEST: Pair = ("Gem. beste score", "Mean best score");
    /// Column: exposure.
    pub const EXPOSURE: Pair = ("Zichtbaarheid", "Exposure");
    /// Column: placement rate.
    pub const PLACEMENT: Pair = ("Plaatsingskans", "Placement rate");
    /// Column: ratio of the match rate.
    pub const IR_MATCH: Pair = ("Verhouding matchkans", "Match rate ratio");
    /// Column: ratio of the exposure.
    pub const IR_EXPOSURE: Pair = ("Verhouding zichtbaarheid", "Exposure ratio");
    /// Column: ratio of the placement rate.
    pub const IR_PLACEMENT: Pair = ("Verhouding plaatsing", "Placement ratio");
    /// Column: status.
    pub const STATUS: Pair = ("Status", "Status");
    /// Status: flagged.
    pub const FLAGGED: Pair = ("gemarkeerd", "flagged");
    /// Status: insufficient n.
    pub const INSUFFICIENT: Pair = ("onvoldoende n", "insufficient n");
    /// Status: fine.
    pub const OK: Pair = ("in orde", "ok");
    /// Chart description: match rate.
    pub const MATCH_DESC: Pair = (
        "Aandeel werkzoekenden met ten minste één vacature in hun lijst, per groep, met het 95%-Wilsoninterval. Rood: gemarkeerde groep.",
        "Share of seekers with at least one vacancy in their list, per group, with the Wilson 95% interval. Red: flagged group.",
    );
    /// Chart description: exposure.
    pub const EXPOSURE_DESC: Pair = (
        "Zichtbaarheid per werkzoekende: de som over alle vacaturelijsten van 1/log2(1 + positie) voor de plaatsen die de groep inneemt, gedeeld door n.",
        "Exposure per seeker: the sum over all vacancy lists of 1/log2(1 + position) over the places the group holds, divided by n.",
    );
    /// Proxy heading.
    pub const PROXY: Pair = ("Controle op plaatsvervangende kenmerken", "Proxy check");
    /// Proxy explanation.
    pub const PROXY_INTRO: Pair = (
        "Per gescoord kenmerk het groepsgemiddelde. Een groot verschil betekent dat het kenmerk samenhangt met de groep en de uitkomst dus via een omweg kan beïnvloeden.",
        "Each scored feature's mean per group. A large difference means the feature goes with the group, and can thus affect the outcome indirectly.",
    );
    /// Proxy: without a seekers file.
    pub const PROXY_NONE: Pair = (
        "Niet berekend: geef het bestand met werkzoekenden mee (--seekers).",
        "Not computed: pass the seekers file (--seekers).",
    );
    /// Proxy column: feature.
    pub const FEATURE: Pair = ("Kenmerk", "Feature");
    /// Proxy column: overall mean.
    pub const OVERALL: Pair = ("Alle", "All");
    /// Proxy column: largest difference.
    pub const MAX_DIFF: Pair = ("Grootste verschil", "Largest difference");
    /// Reading guide heading.
    pub const HOW_TO_READ: Pair = ("Zo leest u dit rapport", "How to read this report");
    /// Reading guide.
    pub const HOW_TO_READ_TEXT: Pair = (
        "De verhouding is de kans van een groep gedeeld door de hoogste kans onder de groepen met ten minste het minimum aantal werkzoekenden. Een groep wordt gemarkeerd als een van haar verhoudingen onder 0,8 ligt (de vier-vijfderegel). Groepen kleiner dan het minimum krijgen geen verhoudingen ('onvoldoende n'): bij zo weinig mensen zegt een verschil weinig. Een markering is een aanleiding om te onderzoeken, geen bewijs van discriminatie; het interval laat zien hoe zeker een kans is.",
        "A ratio is a group's rate divided by the highest rate among the groups with at least the minimum number of seekers. A group is flagged when one of its ratios is below 0.8 (the four-fifths rule). Groups below the minimum get no ratios ('insufficient n'): with so few people a difference says little. A flag is a reason to investigate, not proof of discrimination; the interval shows how certain a rate is.",
    );
    /// Feature names.
    pub const FEATURES: [(&str, Pair); 6] = [
        ("level", ("ISCO-vaardigheidsniveau (1–4)", "ISCO skill level (1–4)")),
        ("sector", ("aandeel met sectoren opgegeven", "share listing sectors")),
        ("travel_minutes", ("reistijd max. (min)", "max. travel time (min)")),
        ("hours", ("uren per week max.", "max. hours per week")),
        ("licence", ("aandeel met rijbewijs", "share with a licence")),
        ("dutch_level", ("Nederlands (A1 = 1 … C2 = 6, geen = 0)", "Dutch (A1 = 1 … C2 = 6, none = 0)")),
    ];
}
