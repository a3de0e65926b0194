//! Alle Nederlandse teksten van werkmatch, op één plek.
//!
//! Every Dutch text of werkmatch. A Dutch reviewer corrects the words here
//! and nowhere else; `en.rs` is the English twin. Both implement [`Texts`],
//! so neither can miss a message. Style: short, concrete sentences that a
//! jobhunter can read aloud to a jobseeker; the words of the Dutch
//! work-and-income departments; decimal comma ("score 0,85"), times as 06:30,
//! "12 min met de fiets".

use std::fmt;

use super::{Decimal, Label, Lang, Message, Texts};
use crate::model::{Cefr, Education, PhysicalLoad, TravelMode};
use crate::score::words::Reason;
use crate::score::{Component, Explanation, Hint, KnockOut};

/// Nederlands.
pub(super) struct Nl;

impl Texts for Nl {
    fn decimal_separator(&self) -> char {
        ','
    }

    fn knockout(&self, k: KnockOut) -> &'static str {
        match k {
            KnockOut::Travel => "reistijd te lang",
            KnockOut::LevelGap => "beroepsniveau te hoog",
            KnockOut::Hours => "te veel uren",
            KnockOut::Licence => "rijbewijs B nodig",
            KnockOut::Language => "taalniveau te laag",
            KnockOut::Physical => "fysieke belasting te zwaar",
            KnockOut::Certificates => "certificaat ontbreekt",
            KnockOut::TargetGroup => "niet in doelgroepregister",
            KnockOut::Override => "uitgesloten door een medewerker",
        }
    }

    fn component(&self, c: Component) -> &'static str {
        match c {
            Component::Skills => "vaardigheden",
            Component::Occupation => "beroep",
            Component::Level => "beroepsniveau",
            Component::Mobility => "reistijd",
            Component::Sector => "sector",
            Component::Hours => "uren",
        }
    }

    fn mode(&self, m: TravelMode) -> &'static str {
        match m {
            TravelMode::Walk => "lopen",
            TravelMode::Bike => "fiets",
            TravelMode::Ebike => "e-bike",
            TravelMode::Car => "auto",
            TravelMode::Transit => "OV",
        }
    }

    fn by_mode(&self, m: TravelMode) -> &'static str {
        match m {
            TravelMode::Walk => "lopend",
            TravelMode::Bike => "met de fiets",
            TravelMode::Ebike => "met de e-bike",
            TravelMode::Car => "met de auto",
            TravelMode::Transit => "met het OV",
        }
    }

    fn remote(&self) -> &'static str {
        "werk op afstand"
    }

    fn physical(&self, p: PhysicalLoad) -> &'static str {
        match p {
            PhysicalLoad::Light => "licht",
            PhysicalLoad::Medium => "middelzwaar",
            PhysicalLoad::Heavy => "zwaar",
        }
    }

    fn education(&self, e: Education) -> &'static str {
        match e {
            Education::None => "geen opleiding",
            Education::Primary => "basisonderwijs",
            Education::Vmbo => "vmbo",
            Education::Mbo1 => "mbo 1",
            Education::Mbo2 => "mbo 2",
            Education::Mbo3 => "mbo 3",
            Education::Mbo4 => "mbo 4",
            Education::Havo => "havo",
            Education::Vwo => "vwo",
            Education::Hbo => "hbo",
            Education::Wo => "wo",
            Education::Unknown => "opleiding onbekend",
        }
    }

    fn label(&self, l: Label) -> &'static str {
        use Label::*;
        match l {
            CommonScore => "score {score}",
            CommonExcluded => "uitgesloten",
            CommonNone => "geen",
            CommonUnknown => "onbekend",
            CommonSectorUnknown => "sector onbekend",
            CommonOf => "{n} van {total}",
            CommonSeconds => "{seconds} s",
            CommonError => "fout: {message}",
            CommonNote => "let op: {message}",
            CommonWhy => "waarom: {reasons}",
            CommonMissingSkills => "ontbrekende vaardigheden: {skills}",
            CommonWouldScore => "zou {score} scoren; {trip}",
            CommonToUnlock => "drempel: {hint}",
            CommonIncluded => "toegevoegd door een medewerker ({reason})",
            CommonNearMisses => "Bijna passend (op één punt uitgesloten)",
            CommonExcludedByStaff => "uitgesloten door een medewerker ({reason})",
            CommonLifts => "Wat elke uitsluiting zou opheffen:",
            CommonLift => "{knockout}: {hint}",
            CommonPairVacancy => "Werkzoekende {seeker} en vacature {vacancy}",
            CommonPairEmployer => "Werkzoekende {seeker} en werkgever {employer} (zonder vacature)",
            CommonNoSuchCandidate => "geen vacature of werkgever met id {id}",
            CommonEmployerUnscorable => "werkgever {id} heeft geen beroep om op te scoren",

            InputRejectedSummary => {
                "{file}: {read} gelezen, {accepted} goedgekeurd, {rejected} afgekeurd \
                 (de afgekeurde records doen niet mee):"
            }
            InputRejected => "afgekeurd {error}",
            InputUnmappedSummary => {
                "{file}: {unmapped} vaardigheid/vaardigheden niet met genoeg zekerheid aan ESCO gekoppeld \
                 (weggelaten; --keep-unmapped-skills bewaart ze zoals geschreven):"
            }
            InputWarning => "waarschuwing {error}",
            InputStrictHint => "(verbeter het record, of laat --strict weg om foute records over te slaan)",
            InputBadRecordsNote => "{bad} foute invoerrecord(s) weggelaten (zie hierboven); exitcode 1",
            InputMapping => "kolomindeling: {error}",
            InputPostcodeTable => "postcodetabel: {error}",
            InputEscoExport => "ESCO-export: {error}",
            InputLine => "regel {line}",
            InputUnknownPosition => "<invoer>",
            InputField => "veld `{field}`",
            InputValue => "(waarde {value})",
            InputKindIo => "bestand niet te lezen",
            InputKindSyntax => "onjuiste opmaak",
            InputKindUnknownField => "onbekend veld",
            InputKindMissingField => "verplicht veld ontbreekt",
            InputKindInvalidValue => "ongeldige waarde",
            InputKindDuplicateId => "dubbel id",
            InputKindUnresolved => "onbekende verwijzing",
            InputKindConfig => "onjuiste instellingen",
            InputKindImplausible => "onwaarschijnlijke waarde",
            InputKindEmpty => "geen records",
            InputKindOutOfScope => "niet open voor deze werkzoekenden",
            // The rule or expected shape is a technical detail of the format: verbatim in brackets.
            InputOutOfRange => "buiten het toegestane bereik [{rule}]",
            InputMalformed => "onjuiste vorm [{expected}]",
            InputMissing => "ontbreekt [{rule}]",
            InputInvalidConfig => "ongeldige configuratie [{reason}]",
            InputDuplicateId => "komt twee keer voor [{population}]",

            JobhuntCandidate => {
                "Werkzoekende {id}: {education} (beroepsniveau {level}{startkwalificatie}), \
                 reist maximaal {minutes} min ({modes})"
            }
            JobhuntStartkwalificatie => ", startkwalificatie",
            JobhuntBestVacancies => "Beste vacatures",
            JobhuntNoVacancies => "geen binnen bereik: zie hieronder wat bijna past",
            JobhuntHiddenJobs => "Verborgen banen (werkgevers zonder vacature)",
            JobhuntNoHiddenJobs => "geen (geef --employers BESTAND om werkgevers te doorzoeken)",
            JobhuntGiveCandidate => {
                "geef de werkzoekende op: --seekers BESTAND --id ID, of een profiel met --lat en --lon"
            }
            JobhuntNoSuchSeeker => "geen werkzoekende met id {id} in {file}",
            JobhuntUnknownEducation => "onbekende opleiding {value}: kies uit {choices}",
            JobhuntUnknownMode => "onbekend vervoermiddel {value}: kies uit {choices}",

            VacancyHeader => "Vacature {id} {title} (ISCO {isco}, beroepsniveau {level}, sector {sector}){starts}",
            VacancyStarts => ", begint om {time}",
            VacancyBestCandidates => "Beste kandidaten",
            VacancyNoCandidates => "geen: zie hieronder wie bijna past",
            VacancyNoSuchVacancy => "geen vacature met id {id} in {file}",

            GroningenTitle => "werkmatch: rapport Groningen (synthetische populatie, seed {seed})",
            GroningenSummary => {
                "{seekers} werkzoekenden, {vacancies} vacatures, {employers} werkgevers zonder vacature; \
                 gemaakt in {generated}, top-{k} in alle drie richtingen gerangschikt in {ranked} ({note})"
            }
            GroningenKernelNote => {
                "exacte kernel, {threads} threads; {considered} paren door de ruimtelijke index, \
                 {scored} volledig gescoord"
            }
            GroningenReach => "Bereik",
            GroningenWithVacancy => "werkzoekenden met minstens één vacature",
            GroningenWithHiddenJob => "werkzoekenden met minstens één verborgen baan",
            GroningenWithEither => "werkzoekenden met een van beide",
            GroningenVacancyWithCandidate => "vacatures met minstens één kandidaat",
            GroningenLevels => "Beroepsniveau (ISCO 1-4): werkzoekenden tegenover open plaatsen",
            GroningenColLevel => "niveau",
            GroningenColSeekers => "werkzoekenden",
            GroningenColPositions => "plaatsen",
            GroningenColPerSeeker => "plaatsen per werkzoekende",
            GroningenKnockouts => {
                "Redenen van uitsluiting ({sample} werkzoekenden, elke {step}e, \
                 tegen alle {vacancies} vacatures: {pairs} paren)"
            }
            GroningenColReason => "reden",
            GroningenColAllPairs => "alle paren",
            GroningenColWithinReach => "paren binnen bereik",
            GroningenColOnlyReason => "enige reden (bijna passend)",
            GroningenScan => "Arbeidsmarktwaardescan ({sample} werkzoekenden, elke {step}e, tegenover alle werkzoekenden, vacatures en werkgevers)",
            GroningenSampleSeeker => {
                "Voorbeeld: werkzoekende {id}, {education}, niveau {level}, {minutes} min ({modes})"
            }

            MatchWrote => "{lines} regels geschreven naar {file}",
            MatchTime => "tijd: lezen {read}, rangschikken {rank}, schrijven {write}, totaal {total}",
            MatchPairs => "paren: {considered} door de ruimtelijke index, {scored} volledig gescoord",
            MatchSeekersWithoutVacancy => "werkzoekenden zonder vacature: {n}",
            MatchVacanciesWithoutCandidate => "vacatures zonder kandidaat: {n}",
            MatchSeekersWithoutHiddenJob => "werkzoekenden zonder verborgen baan: {n}",
            MatchSubjectsWithoutMatch => "zonder enige match: {n}",
            MatchExclusions => {
                "uitsluitingen per reden ({pairs} paren werkzoekende-vacature in de steekproef): {reasons}"
            }
            MatchProgressSeekersVacancies => "werkzoekenden → vacatures",
            MatchProgressVacanciesSeekers => "vacatures → werkzoekenden",
            MatchProgressSeekersEmployers => "werkzoekenden → werkgevers",
            MatchGiveInput => "geef --vacancies, --employers of allebei (zie --help)",
            MatchPreparing => "indexen voorbereiden: {error}",
            MatchCannotCreate => "kan {file} niet aanmaken: {error}",
            MatchWriting => "schrijven naar {file}: {error}",

            ImportSummary => {
                "{file}: {read} gelezen, {accepted} goedgekeurd, {rejected} afgekeurd in {seconds} s; \
                 geschreven naar {out}"
            }
            ImportProgress => "… {records} records, {mb} MB",
            ImportGeonamesHint => {
                "geef --postcodes BESTAND: een postcodetabel in het postcodeformaat van GeoNames, \
                 bijvoorbeeld ../shared/data/geo/geonames_postalcodes_NL.txt (download.geonames.org/export/zip/NL.zip)"
            }
            ImportDefaultSector => "--default-sector moet een NACE-letter A–U zijn",
            PlanTitle => "Plaatsingsplan ({what}; L = {limit}, θ = {theta})",
            PlanOptimalPlacements => "optimaal plan: zoveel mogelijk plaatsingen, dan de hoogste totale score",
            PlanOptimalScore => "optimaal plan: de hoogste totale score",
            PlanStable => "stabiel plan: werkzoekenden kiezen, vacatures houden de besten",
            PlanCohort => "{seekers} werkzoekenden, {vacancies} vacatures met {positions} plaatsen; {edges} kandidaatparen",
            PlanPlaced => "geplaatst: {placed} van de {seekers} werkzoekenden ({share}%); totaal gewicht {weight}",
            PlanFirstChoice => "eerste keus: {share}% van de geplaatsten; gemiddelde plek in de eigen lijst {mean}",
            PlanWithout => "zonder kandidaten: {seekers} werkzoekenden, {vacancies} vacatures; niet geplaatst omdat anderen de plek kregen: {outcompeted}",
            PlanOpen => "open plaatsen: {open}",
            PlanNaive => "naïeve toplijsten: {n} werkzoekenden staan bij meer dan één vacature bovenaan de lijst (de dubbele voorstellen die het plan oplost)",
            GroningenPlanHeading => "Plaatsingsplan (optimaal, L = {limit}, score minstens {theta}; {seconds})",
            GroningenPlanNaive => "de naïeve lijsten stellen {n} werkzoekenden aan meer dan één vacature voor (bij de eersten voor haar plaatsen)",
            GroningenPlanPlaced => "één samenhangend plan plaatst {placed} van de {seekers} werkzoekenden ({share}%), {first}% op hun eerste keus; {open} plaatsen blijven open",
            ScanTitle => "Arbeidsmarktwaardescan van {id}: niveau {level}, opleiding {education}",
            ScanPosition => "passend: {matches} vacatures ({positions} plaatsen, {share}% van alle vacatures), waarvan {competitive} kansrijk tegenover andere werkzoekenden; {hidden} werkgevers zonder vacature",
            ScanByLevel => "passend per niveau: {levels}",
            ScanUnlocks => "Wat opent het meeste werk (één verandering tegelijk)",
            ScanUnlock => "{change}: {gained} vacatures erbij, {lost} eraf, {competitive} meer kansrijk, {hidden} werkgevers erbij",
            ScanAlternatives => "Andere beroepen binnen bereik",
            ScanAlternative => "{occupation} (ISCO {isco}): {coverage}% van de kernvaardigheden, {demand} banen binnen bereik{promising}, {route}",
            ScanPromising => " (kansrijk)",
            ScanRouteDirect => "direct",
            ScanRoutePraktijkleren => "via praktijkleren",
            ScanMissing => "nog te leren: {skills}",
            ScanChangeLicence => "rijbewijs B",
            ScanChangeCar => "rijbewijs B en een auto",
            ScanChangeEbike => "een e-bike",
            ScanChangeTravel => "15 minuten langer reizen",
            ScanChangeDutch => "Nederlands op niveau {level}",
            ScanChangeCertificate => "certificaat {name}",
            ScanChangeSkill => "vaardigheid {name}",
            ScanChangeLevelUp => "een diploma één niveau hoger",
            ScanCaseload => "Scan van het bestand: {seekers} werkzoekenden, {vacancies} vacatures, {employers} werkgevers zonder vacature; {seconds} s",
            ScanWithoutMatch => "werkzoekenden zonder passende vacature: {n} van {total}",
            ScanChanges => "Veranderingen die voor de meeste mensen \"geen passende vacature\" veranderen in \"minstens één\"",
            ScanChange => "{change}: eerste passende vacature voor {unlocked} werkzoekende(n), {helped} geholpen, {gained} matches erbij",
            ScanSkillGaps => "Vaardigheden die bij bijna-passende vacatures het vaakst ontbreken",
            ScanSkillGap => "{skill}: {n} bijna passend",
            ScanProgress => "werkzoekenden scannen",
            ScanNoSuchSeeker => "geen werkzoekende {id} in {file}",
            ScanPreparing => "scan voorbereiden: {error}",
            ReportScanSeekerTitle => "Arbeidsmarktwaardescan van {id}",
            ReportScanSeekerIntro => "Waar deze werkzoekende staat op de regionale arbeidsmarkt, welke ene verandering het meeste werk opent, en welke andere beroepen binnen bereik liggen. Alle aantallen volgen uit dezelfde score als de matchlijsten; een vacature telt als passend als er geen uitsluiting is en de score minstens 0,5 is.",
            ReportScanItem => "Onderdeel",
            ReportScanValue => "Waarde",
            ReportScanPosition => "Positie op de arbeidsmarkt",
            ReportScanLevel => "Niveau (Ls)",
            ReportScanEducation => "Opleiding",
            ReportScanMatches => "Passende vacatures",
            ReportScanPositions => "Plaatsen in die vacatures",
            ReportScanHidden => "Passende werkgevers zonder vacature",
            ReportScanCompetitive => "Passend en kansrijk tegenover andere werkzoekenden",
            ReportScanDemandShare => "Aandeel van alle vacatures (%)",
            ReportScanByLevelTitle => "Passende vacatures per niveau",
            ReportScanByLevelDesc => "Aantal passende vacatures per ISCO-vaardigheidsniveau van de vacature (1 = eenvoudig werk, 4 = hbo/wo).",
            ReportScanLevelN => "niveau {level}",
            ReportScanBySectorTitle => "Passende vacatures per sector",
            ReportScanBySectorDesc => "Aantal passende vacatures per sector van de vacature (SBI-sectieletter).",
            ReportScanSector => "Sector",
            ReportScanCount => "Aantal",
            ReportScanUnknownSector => "onbekend",
            ReportScanChange => "Verandering",
            ReportScanGained => "Vacatures erbij",
            ReportScanLost => "Vacatures eraf",
            ReportScanCompetitiveGained => "Meer kansrijk",
            ReportScanHiddenGained => "Werkgevers erbij",
            ReportScanUnlocksTitle => "Passende vacatures erbij per verandering",
            ReportScanUnlocksDesc => "Hoeveel vacatures er passend worden als alleen deze ene verandering wordt doorgevoerd; al het andere blijft gelijk.",
            ReportScanNoUnlocks => "Geen enkele verandering alleen levert een passende vacature of werkgever op.",
            ReportScanOccupation => "Beroep",
            ReportScanIsco => "ISCO",
            ReportScanCoverage => "Kernvaardigheden al in huis (%)",
            ReportScanDemand => "Banen binnen bereik",
            ReportScanKansrijk => "Kansrijk",
            ReportScanRoute => "Route",
            ReportScanMissing => "Nog te leren",
            ReportScanYes => "ja",
            ReportScanNo => "nee",
            ReportScanNoAlternatives => "Geen ander beroep binnen bereik.",
            ReportScanBest => "Best passende vacatures",
            ReportScanVacancy => "Vacature",
            ReportScanScore => "Score",
            ReportScanHowToRead => "Zo leest u dit rapport",
            ReportScanHowToReadSeeker => "Een verandering wordt alleen getoond als ze iets oplevert, en steeds los van de andere: twee veranderingen samen kunnen meer (of minder) opleveren dan de som. 'Kansrijk tegenover andere werkzoekenden' betekent dat de werkzoekende bij de vacature tot de eersten hoort (minstens de eerste tien, of drie per plaats). 'Kernvaardigheden al in huis' is het deel van de kernvaardigheden van het andere beroep dat de werkzoekende al heeft, gerekend vanuit het eigen beroep. Een beroep is kansrijk bij minstens 5 banen binnen bereik. De cijfers zijn een startpunt voor het gesprek, geen oordeel over de persoon.",
            ReportScanCaseloadTitle => "Arbeidsmarktwaardescan van het bestand",
            ReportScanCaseloadIntro => "Waar het hele bestand staat op de regionale arbeidsmarkt, en welke voorzieningen (een rijbewijs, een e-bike, een VCA-cursus, Nederlandse les, een diploma) de meeste mensen aan een eerste passende vacature helpen. Elke verandering is per werkzoekende los geprobeerd.",
            ReportScanSeekers => "Werkzoekenden",
            ReportScanVacancies => "Vacatures",
            ReportScanEmployers => "Werkgevers zonder vacature",
            ReportScanWithoutMatch => "Werkzoekenden zonder passende vacature",
            ReportScanMismatch => "Aanbod en vraag per niveau",
            ReportScanMismatchDesc => "Werkzoekenden per eigen niveau (Ls) naast het aantal plaatsen in vacatures per niveau van de vacature (Lv). Een groot verschil op een niveau betekent dat daar te veel of te weinig werk is voor het aanbod.",
            ReportScanMismatchSeekers => "Werkzoekenden (niveau Ls)",
            ReportScanMismatchPositions => "Plaatsen in vacatures (niveau Lv)",
            ReportScanUnlockedTitle => "Mensen met een eerste passende vacature, per verandering",
            ReportScanUnlockedDesc => "Aantal werkzoekenden zonder passende vacature die er door deze ene verandering minstens één krijgen.",
            ReportScanPeopleUnlocked => "Eerste passende vacature (mensen)",
            ReportScanPeopleHelped => "Geholpen (mensen)",
            ReportScanMatchesGained => "Passende vacatures erbij",
            ReportScanPeopleTried => "Geprobeerd bij (mensen)",
            ReportScanShown => "De eerste {shown} van {total}; de volledige lijst staat in de JSON (--summary).",
            ReportScanGapsTitle => "Ontbrekende kernvaardigheden bij bijna-passende vacatures",
            ReportScanGapsDesc => "Aantal paren (werkzoekende, vacature) zonder uitsluiting met een score net onder de drempel (0,4 tot 0,5) waarin deze kernvaardigheid ontbreekt.",
            ReportScanSkill => "Vaardigheid",
            ReportScanNearMatches => "Bijna-passende paren",
            ReportScanNoGaps => "Geen bijna-passende paren met een ontbrekende kernvaardigheid.",
            ReportScanDistribution => "Verdeling van het aantal passende vacatures",
            ReportScanDistributionDesc => "Aantal werkzoekenden met 0, 1–4, 5–19 of 20 en meer passende vacatures.",
            ReportScanCompetitiveDistribution => "Verdeling van het aantal kansrijke vacatures",
            ReportScanCompetitiveDistributionDesc => "Aantal werkzoekenden met 0, 1–4, 5–19 of 20 en meer vacatures waar zij tot de eersten horen.",
            ReportScanGroup => "Groep",
            ReportScanAll => "alle werkzoekenden",
            ReportScanMatchesBucket => "Passende vacatures",
            ReportScanHowToReadCaseload => "Elke verandering is per werkzoekende los doorgerekend tegen dezelfde vacatures en dezelfde andere werkzoekenden. 'Eerste passende vacature' telt mensen die nu geen enkele passende vacature hebben en er door de verandering minstens één krijgen; 'geholpen' telt iedereen die er passende vacatures bij krijgt. Een vaardigheid wordt alleen geprobeerd voor de 20 die het vaakst gevraagd worden in de bereikbare vacatures van die persoon. Het rapport noemt geen personen; de aantallen per persoon staan in de JSON (--json).",
        }
    }

    fn hint(&self, h: &Hint, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match h {
            Hint::Travel { minutes, max_minutes, transit_too_early, alternatives } => {
                if *transit_too_early {
                    write!(f, "de dienst begint voordat het OV er kan zijn")?;
                } else if minutes.is_finite() {
                    write!(f, "{minutes:.0} min reistijd, meer dan de maximale {max_minutes} min")?;
                } else {
                    write!(f, "alleen werk op afstand is bereikbaar (max {max_minutes} min)")?;
                }
                match alternatives.first() {
                    Some((TravelMode::Car, t)) => write!(f, "; met de auto (met rijbewijs B) bereikbaar in {t:.0} min"),
                    Some((mode, t)) => write!(f, "; {} bereikbaar in {t:.0} min", self.by_mode(*mode)),
                    None => Ok(()),
                }
            }
            Hint::LevelGap { seeker, job } => write!(
                f,
                "de baan is van beroepsniveau {job}, de werkzoekende van niveau {seeker}: \
                 eerst scholing of praktijkleren nodig"
            ),
            Hint::Hours { job_min, seeker_max } => {
                write!(
                    f,
                    "de baan vraagt minstens {job_min} uur per week, de werkzoekende kan maximaal {seeker_max} uur"
                )
            }
            Hint::Licence => f.write_str("rijbewijs B nodig"),
            Hint::Language { required, seeker } => {
                let level = |c: &Option<Cefr>| c.map_or_else(|| "onbekend".to_string(), |c| format!("{c:?}"));
                write!(f, "Nederlands op taalniveau {} nodig (werkzoekende: {})", level(required), level(seeker))
            }
            Hint::Physical { job, seeker } => write!(
                f,
                "de fysieke belasting is {}; de werkzoekende kan hoogstens {} werk aan",
                self.physical(*job),
                self.physical(*seeker)
            ),
            Hint::Certificates { missing } if missing.len() == 1 => write!(f, "certificaat {} nodig", missing[0]),
            Hint::Certificates { missing } => write!(f, "certificaten {} nodig", missing.join(", ")),
            Hint::TargetGroup => f.write_str("alleen voor mensen in het doelgroepregister (banenafspraak)"),
            Hint::Override => f.write_str("uitgesloten door een medewerker; alleen een medewerker kan dit opheffen"),
        }
    }

    fn reason(&self, r: &Reason, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match r {
            Reason::SameOccupation => f.write_str("hetzelfde beroep als gewenst of eerder gedaan"),
            Reason::CloselyRelatedOccupation => f.write_str("nauw verwant beroep"),
            Reason::RelatedOccupation => f.write_str("verwant beroep"),
            Reason::SameBroadField => f.write_str("beroep in hetzelfde vakgebied"),
            Reason::AllSkills => f.write_str("heeft alle gevraagde vaardigheden"),
            Reason::SkillsShare { percent } => write!(f, "heeft {percent}% van de gevraagde vaardigheden"),
            Reason::OverQualified { levels: 1 } => f.write_str("overgekwalificeerd: 1 niveau boven de baan"),
            Reason::OverQualified { levels } => write!(f, "overgekwalificeerd: {levels} niveaus boven de baan"),
            Reason::LevelFits => f.write_str("beroepsniveau past"),
            Reason::OneLevelAbove => f.write_str("de baan is één niveau hoger: leren op de werkplek (praktijkleren)"),
            Reason::PreferredSector => f.write_str("sector van voorkeur"),
            Reason::SectorBefore => f.write_str("eerder in deze sector gewerkt"),
            Reason::FewerHours => f.write_str("minder uren dan gewenst"),
            Reason::Trip { travel } => travel.write_to(Lang::Nl, f),
        }
    }

    fn explanation(&self, e: &Explanation, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let d = |x: f64, places: usize| Decimal::new(x, places).text(Lang::Nl);
        match e.score {
            Some(s) => writeln!(f, "score {}", d(s, 3))?,
            None => {
                let names: Vec<&str> = e.knockouts.iter().map(|k| self.knockout(*k)).collect();
                writeln!(f, "uitgesloten: {}", names.join(", "))?
            }
        }
        for c in &e.components {
            writeln!(f, "  {:<14} {} (gewicht {})", self.component(c.component), d(c.value, 3), d(c.weight, 2))?;
        }
        match e.travel.mode {
            None => writeln!(f, "  vervoer        werk op afstand")?,
            Some(m) => {
                writeln!(f, "  vervoer        {:.0} min {} (max {})", e.travel.minutes, self.by_mode(m), e.max_minutes)?
            }
        }
        if e.travel.transit_too_early {
            writeln!(f, "  let op         de dienst begint voordat het OV er kan zijn")?;
        }
        if e.sector.is_none() {
            writeln!(f, "  sector         onbekend")?;
        }
        writeln!(
            f,
            "  niveau         werkzoekende {}, baan {} (verschil {})",
            e.seeker_level, e.vacancy_level, e.level_gap
        )?;
        if !e.missing_essential_skills.is_empty() {
            writeln!(f, "  ontbreekt      {}", e.missing_essential_skills.join(", "))?;
        }
        Ok(())
    }
}
