//! The fairness-report and model-card texts, Dutch and English side by side.
//! They use the project's [`Lang`]; they stay in this crate because only the
//! audit reports show them (the core's catalogue holds what the scoring and
//! the tools say).

/// The project's language type (`werkmatch_core::text`), shared with every tool.
pub use werkmatch_core::text::Lang;

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
        "Aandeel werkzoekenden met ten minste één vacature in hun lijst, per groep, met het 95%-Wilsoninterval. Rood: verhouding onder 0,8.",
        "Share of seekers with at least one vacancy in their list, per group, with the Wilson 95% interval. Red: ratio below 0.8.",
    );
    /// Chart description: exposure.
    pub const EXPOSURE_DESC: Pair = (
        "Zichtbaarheid per werkzoekende: de som over alle vacaturelijsten van 1/log2(1 + positie) voor de plaatsen die de groep inneemt, gedeeld door n. Rood: verhouding onder 0,8.",
        "Exposure per seeker: the sum over all vacancy lists of 1/log2(1 + position) over the places the group holds, divided by n. Red: ratio below 0.8.",
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

/// Texts of the model card (Dutch, English), in the order of the Algoritmeregister fields.
pub mod model_card {
    /// Pairs of (Dutch, English).
    pub type Pair = (&'static str, &'static str);
    /// Title.
    pub const TITLE: Pair = ("Modelkaart werkmatch (Algoritmeregister)", "werkmatch model card (Algoritmeregister)");
    /// Generated note.
    pub const GENERATED: Pair = (
        "Deze kaart is gegenereerd uit de configuratie die in gebruik is en uit gemeten cijfers (`cargo run --release --example model_card`). Velden die de gemeente zelf invult zijn gemarkeerd.",
        "This card is generated from the configuration in force and from measured figures (`cargo run --release --example model_card`). Fields the municipality fills in itself are marked.",
    );
    /// Version line.
    pub const VERSION: Pair = ("Versie", "Version");
    /// Config hash line.
    pub const CONFIG_HASH: Pair = (
        "Hash van de scoreconfiguratie (zoals in het auditlog)",
        "Hash of the scoring configuration (as in the audit log)",
    );
    /// The prose fields before the data section.
    pub const PROSE_BEFORE: [(Pair, Pair); 6] = [
        (("Naam", "Name"), ("werkmatch: uitlegbare matching van werkzoekenden en vacatures.", "werkmatch: explainable matching of jobseekers and vacancies.")),
        (
            ("Korte omschrijving", "Description"),
            (
                "werkmatch vergelijkt werkzoekenden in de bijstand met vacatures en met werkgevers zonder vacature. Elk paar krijgt een score uit zes onderdelen (vaardigheden, beroep, niveau, bereikbaarheid, sector, uren) en harde uitsluitingen (zoals reistijd, rijbewijs, taalniveau). Per werkzoekende en per vacature ontstaat een lijst met de beste paren, elk met een uitleg.",
                "werkmatch compares jobseekers on social assistance with vacancies and with employers without a vacancy. Each pair gets a score from six components (skills, occupation, level, mobility, sector, hours) and hard exclusions (such as travel time, licence, Dutch level). Each seeker and each vacancy gets a list of the best pairs, each with an explanation.",
            ),
        ),
        (
            ("Doel en impact", "Purpose and impact"),
            (
                "Doel: consulenten werk en inkomen helpen passend werk te vinden voor werkzoekenden, en werkgevers passende kandidaten. Impact: de lijsten bepalen welke vacatures een consulent als eerste bespreekt. Matching voor werk is een hoog-risicotoepassing onder de AI-verordening (bijlage III, punt 4(a)).",
                "Purpose: help work-and-income consultants find suitable work for jobseekers, and suitable candidates for employers. Impact: the lists decide which vacancies a consultant discusses first. Matching people to jobs is a high-risk use under the EU AI Act (Annex III point 4(a)).",
            ),
        ),
        (
            ("Afwegingen", "Considerations"),
            (
                "Gekozen is voor een transparant, regelgebaseerd model in plaats van een getraind model: elke score is na te rekenen en uit te leggen, en er is geen trainingsdata met historische vooroordelen. De prijs is dat het model alleen weet wat in de gegevens staat; zachte kwaliteiten en motivatie ziet het niet.",
                "A transparent, rule-based model was chosen over a trained one: every score can be recomputed and explained, and there is no training data carrying historical bias. The price is that the model knows only what the records say; soft skills and motivation are invisible to it.",
            ),
        ),
        (
            ("Menselijke tussenkomst", "Human intervention"),
            (
                "werkmatch neemt geen besluiten: de lijsten zijn voorstellen voor een consulent, die met de werkzoekende beslist. Elke uitkomst heeft een uitleg in gewone woorden, ook voor uitgesloten paren (met wat de uitsluiting zou opheffen), zodat de consulent een uitkomst kan toetsen en aan de betrokkene kan uitleggen.",
                "werkmatch takes no decisions: the lists are proposals for a consultant, who decides together with the jobseeker. Every outcome has a plain-words explanation, also for excluded pairs (with what would lift the exclusion), so the consultant can check an outcome and explain it to the person concerned.",
            ),
        ),
        (
            ("Risicobeheer", "Risk management"),
            (
                "Elke batchrun legt een record vast in een auditlog (invoer, configuratie en uitvoer met hun hash, opties, tijden; geen persoonsgegevens), dat met een hashketen tegen wijzigen is beveiligd en opnieuw kan worden uitgevoerd. Het eerlijkheidsrapport vergelijkt uitkomsten tussen groepen. Het model scoort nooit op leeftijd, geslacht, nationaliteit, migratieachtergrond, gezondheid of huishouden.",
                "Every batch run writes a record to an audit log (inputs, configuration and output with their hashes, options, times; no personal data), protected against change by a hash chain and replayable. The fairness report compares outcomes between groups. The model never scores on age, gender, nationality, migration background, health or household.",
            ),
        ),
    ];
    /// Data heading.
    pub const DATA: Pair = ("Gebruikte data", "Data used");
    /// Data text.
    pub const DATA_TEXT: Pair = (
        "Van de werkzoekende: opleiding, werkervaring (ISCO-beroepen en jaren), gewenste beroepen, vaardigheden (ESCO), sectoren, gewenste uren, reisbereik en vervoer, rijbewijs, niveau Nederlands, belastbaarheid (licht/middel/zwaar, geen diagnose), certificaten, inschrijving doelgroepregister, en de woonlocatie. Van de vacature: beroep, niveau, vaardigheden, sector, uren, locatie, begintijd en eisen. **Nooit gebruikt**: leeftijd, geslacht, nationaliteit, migratieachtergrond, gezondheidsdiagnoses en huishoudsituatie; het model heeft er geen velden voor. Voor het eerlijkheidsrapport kunnen zulke kenmerken in een apart bestand worden aangeleverd; de code die scoort kan dat bestand niet lezen.",
        "From the jobseeker: education, work experience (ISCO occupations and years), wished occupations, skills (ESCO), sectors, hours wanted, travel reach and modes, licence, Dutch level, physical load limit (light/medium/heavy, no diagnosis), certificates, target-group registration, and home location. From the vacancy: occupation, level, skills, sector, hours, location, start time and requirements. **Never used**: age, gender, nationality, migration background, health diagnoses and household situation; the model has no fields for them. For the fairness report such attributes may be supplied in a separate file; the code that scores cannot read it.",
    );
    /// Technical heading.
    pub const TECHNICAL: Pair = ("Technische werking", "Technical operation");
    /// Technical text.
    pub const TECHNICAL_TEXT: Pair = (
        "Score = Σ gewicht × onderdeel / Σ gewichten over de zes onderdelen, elk tussen 0 en 1 (docs/SCORING.md, scoremodel v1). Een paar met een uitsluiting wordt niet gerangschikt. Rangschikking: hoogste score eerst, gelijke scores op id; de uitkomst hangt niet af van het aantal threads of de volgorde van de invoer. De gewichten die nu gelden:",
        "Score = Σ weight × component / Σ weights over the six components, each between 0 and 1 (docs/SCORING.md, scoring model v1). A pair with a knock-out is not ranked. Ranking: highest score first, ties by id; the result does not depend on the number of threads or the input order. The weights in force:",
    );
    /// Column: component.
    pub const COMPONENT: Pair = ("Onderdeel", "Component");
    /// Column: weight.
    pub const WEIGHT: Pair = ("Gewicht", "Weight");
    /// Component names.
    pub const SKILLS: Pair = ("vaardigheden", "skills");
    /// Component names.
    pub const OCCUPATION: Pair = ("beroep", "occupation");
    /// Component names.
    pub const LEVEL: Pair = ("niveau", "level");
    /// Component names.
    pub const MOBILITY: Pair = ("bereikbaarheid", "mobility");
    /// Component names.
    pub const SECTOR: Pair = ("sector", "sector");
    /// Component names.
    pub const HOURS: Pair = ("uren", "hours");
    /// Knock-outs line.
    pub const KNOCKOUTS: Pair = ("Uitsluitingen (elk sluit een paar uit):", "Knock-outs (each excludes a pair):");
    /// All settings line.
    pub const ALL_SETTINGS: Pair =
        ("Alle instellingen van de configuratie die in gebruik is:", "Every setting of the configuration in force:");
    /// Column: setting.
    pub const SETTING: Pair = ("Instelling", "Setting");
    /// Column: value.
    pub const VALUE: Pair = ("Waarde", "Value");
    /// Accuracy heading.
    pub const ACCURACY: Pair = ("Gemeten nauwkeurigheid van de normalisatie", "Measured accuracy of the normalisers");
    /// No measurements.
    pub const NO_MEASUREMENTS: Pair = ("Er zijn geen metingen vastgelegd.", "No measurements are recorded.");
    /// Measured on.
    pub const MEASURED_ON: Pair = ("Gemeten op", "Measured on");
    /// Command.
    pub const COMMAND: Pair = ("commando", "command");
    /// Accuracy note.
    pub const ACCURACY_NOTE: Pair = (
        "De normalisatie zet vrije tekst (een functietitel) om naar een ESCO-beroep. top1/top5: aandeel titels waarvan het juiste beroep als eerste / bij de eerste vijf staat; mrr: gemiddelde reciproque rang. De scoring zelf heeft geen nauwkeurigheid in deze zin: die is per definitie de formule hierboven.",
        "The normaliser turns free text (a job title) into an ESCO occupation. top1/top5: share of titles whose right occupation is ranked first / among the first five; mrr: mean reciprocal rank. The scoring itself has no accuracy in this sense: it is by definition the formula above.",
    );
    /// Prose fields after the accuracy section.
    pub const PROSE_AFTER: [(Pair, Pair); 3] = [
        (
            ("Wettelijke grondslag", "Legal basis"),
            (
                "*In te vullen door de gemeente* (bijvoorbeeld de Participatiewet, artikel 7, en de grondslag voor de verwerking onder de AVG).",
                "*To be filled in by the municipality* (for example the Participatiewet, article 7, and the basis for processing under the GDPR).",
            ),
        ),
        (
            ("Bekende beperkingen", "Known limitations"),
            (
                "Reistijden zijn geschat uit afstand, snelheid en omrijfactor per vervoerwijze, niet uit dienstregelingen; het openbaar vervoer telt alleen als het vóór de begintijd aankomt (eerste vertrek standaard 06:00). Vaardigheden tellen alleen als ze als ESCO-vaardigheid zijn vastgelegd. Het model kent geen zachte kwaliteiten, motivatie of werkgeversvoorkeuren. Onvolledige gegevens (bijvoorbeeld geen niveau Nederlands vastgelegd) kunnen tot uitsluitingen leiden; de uitleg noemt ze.",
                "Travel times are estimated from distance, speed and a detour factor per mode, not from timetables; transit counts only if it arrives before the start time (first departure 06:00 by default). Skills count only when recorded as ESCO skills. The model knows no soft skills, motivation or employer preferences. Incomplete records (for example no Dutch level recorded) can lead to exclusions; the explanation names them.",
            ),
        ),
        (
            ("Het eerlijkheidsrapport lezen", "How to read the fairness report"),
            (
                "Het rapport (`cargo run --release --example fairness`) geeft per groep de matchkans, de gemiddelde beste score, de zichtbaarheid in vacaturelijsten en (met een plaatsingsplan) de plaatsingskans, met een 95%-Wilsoninterval. De verhouding is de kans van een groep gedeeld door de hoogste kans onder groepen van minstens 30 mensen; onder 0,8 wordt de groep gemarkeerd. Kleinere groepen krijgen 'onvoldoende n'. De proxycontrole toont per gescoord kenmerk de groepsgemiddelden, zodat zichtbaar wordt welk kenmerk met een beschermd kenmerk samenhangt. Een markering vraagt om onderzoek, niet om een automatische correctie.",
                "The report (`cargo run --release --example fairness`) gives per group the match rate, the mean best score, the exposure in vacancy lists and (with a placement plan) the placement rate, with a Wilson 95% interval. A ratio is a group's rate divided by the highest rate among groups of at least 30 people; below 0.8 the group is flagged. Smaller groups get 'insufficient n'. The proxy check shows each scored feature's group means, so that a feature that goes with a protected attribute becomes visible. A flag calls for investigation, not for an automatic correction.",
            ),
        ),
    ];
}
