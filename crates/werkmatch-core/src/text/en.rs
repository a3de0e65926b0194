//! Every English text of werkmatch. The Dutch twin of this file is `nl.rs`;
//! both implement [`Texts`], so neither can miss a message.

use std::fmt;

use super::{Label, Texts};
use crate::model::{Cefr, Education, PhysicalLoad, TravelMode};
use crate::score::words::Reason;
use crate::score::{Component, Explanation, Hint, KnockOut};

/// English.
pub(super) struct En;

impl Texts for En {
    fn decimal_separator(&self) -> char {
        '.'
    }

    fn knockout(&self, k: KnockOut) -> &'static str {
        match k {
            KnockOut::Travel => "too far",
            KnockOut::LevelGap => "level too high",
            KnockOut::Hours => "too many hours",
            KnockOut::Licence => "needs a driving licence",
            KnockOut::Language => "Dutch level too low",
            KnockOut::Physical => "physically too heavy",
            KnockOut::Certificates => "missing certificate",
            KnockOut::TargetGroup => "not in target-group register",
            KnockOut::Override => "excluded by a staff member",
        }
    }

    fn component(&self, c: Component) -> &'static str {
        match c {
            Component::Skills => "skills",
            Component::Occupation => "occupation",
            Component::Level => "level",
            Component::Mobility => "mobility",
            Component::Sector => "sector",
            Component::Hours => "hours",
        }
    }

    fn mode(&self, m: TravelMode) -> &'static str {
        match m {
            TravelMode::Walk => "walk",
            TravelMode::Bike => "bike",
            TravelMode::Ebike => "e-bike",
            TravelMode::Car => "car",
            TravelMode::Transit => "transit",
        }
    }

    fn by_mode(&self, m: TravelMode) -> &'static str {
        match m {
            TravelMode::Walk => "on foot",
            TravelMode::Bike => "by bike",
            TravelMode::Ebike => "by e-bike",
            TravelMode::Car => "by car",
            TravelMode::Transit => "by public transport",
        }
    }

    fn remote(&self) -> &'static str {
        "remote job"
    }

    fn physical(&self, p: PhysicalLoad) -> &'static str {
        match p {
            PhysicalLoad::Light => "light",
            PhysicalLoad::Medium => "medium",
            PhysicalLoad::Heavy => "heavy",
        }
    }

    fn education(&self, e: Education) -> &'static str {
        // The names of the Dutch system, as in the input format.
        e.name()
    }

    fn label(&self, l: Label) -> &'static str {
        use Label::*;
        match l {
            CommonScore => "score {score}",
            CommonExcluded => "excluded",
            CommonNone => "none",
            CommonUnknown => "unknown",
            CommonSectorUnknown => "sector unknown",
            CommonOf => "{n} of {total}",
            CommonSeconds => "{seconds} s",
            CommonError => "error: {message}",
            CommonNote => "note: {message}",
            CommonWhy => "why: {reasons}",
            CommonMissingSkills => "missing skills: {skills}",
            CommonWouldScore => "would score {score}; travel {trip}",
            CommonToUnlock => "to unlock: {hint}",
            CommonIncluded => "included by a staff member ({reason})",
            CommonNearMisses => "Near misses (excluded by one thing)",
            CommonExcludedByStaff => "excluded by a staff member ({reason})",
            CommonLifts => "What would lift each exclusion:",
            CommonLift => "{knockout}: {hint}",
            CommonPairVacancy => "Seeker {seeker} and vacancy {vacancy}",
            CommonPairEmployer => "Seeker {seeker} and employer {employer} (no vacancy)",
            CommonNoSuchCandidate => "no vacancy or employer with id {id}",
            CommonEmployerUnscorable => "employer {id} has no occupation to score",

            InputRejectedSummary => {
                "{file}: read {read}, accepted {accepted}, rejected {rejected} (the rejected records are left out):"
            }
            InputRejected => "rejected {error}",
            InputUnmappedSummary => {
                "{file}: {unmapped} skill phrase(s) not mapped to ESCO with enough confidence \
                 (left out; --keep-unmapped-skills keeps them as written):"
            }
            InputWarning => "warning {error}",
            InputStrictHint => "(fix the record, or drop --strict to skip bad records)",
            InputBadRecordsNote => "{bad} bad input record(s) were left out (listed above); exit code 1",
            InputMapping => "mapping: {error}",
            InputPostcodeTable => "postcode table: {error}",
            InputEscoExport => "ESCO export: {error}",
            InputLine => "line {line}",
            InputUnknownPosition => "<input>",
            InputField => "field `{field}`",
            InputValue => "(value {value})",
            InputKindIo => "cannot read the file",
            InputKindSyntax => "not well-formed",
            InputKindUnknownField => "unknown field",
            InputKindMissingField => "required field missing",
            InputKindInvalidValue => "invalid value",
            InputKindDuplicateId => "duplicate id",
            InputKindUnresolved => "unknown reference",
            InputKindConfig => "wrong settings",
            InputKindImplausible => "implausible value",
            InputKindEmpty => "no records",
            InputKindOutOfScope => "not open to these seekers",
            InputOutOfRange => "out of range: must satisfy {rule}",
            InputMalformed => "malformed: expected {expected}",
            InputMissing => "missing: {rule}",
            InputInvalidConfig => "{reason}",
            InputDuplicateId => "appears twice among the {population}",

            JobhuntCandidate => {
                "Candidate {id}: education {education} (skill level {level}{startkwalificatie}), \
                 travels up to {minutes} min by {modes}"
            }
            JobhuntStartkwalificatie => ", startkwalificatie",
            JobhuntBestVacancies => "Best vacancies",
            JobhuntNoVacancies => "none within reach: see the near misses below",
            JobhuntHiddenJobs => "Hidden jobs (employers without a vacancy)",
            JobhuntNoHiddenJobs => "none (give --employers FILE to search employers)",
            JobhuntGiveCandidate => "give the candidate: --seekers FILE --id ID, or a profile with --lat and --lon",
            JobhuntNoSuchSeeker => "no seeker with id {id} in {file}",
            JobhuntUnknownEducation => "unknown education {value}: use {choices}",
            JobhuntUnknownMode => "unknown travel mode {value}: use {choices}",

            VacancyHeader => "Vacancy {id} {title} (ISCO {isco}, skill level {level}, sector {sector}){starts}",
            VacancyStarts => ", starts {time}",
            VacancyBestCandidates => "Best candidates",
            VacancyNoCandidates => "none: see the near misses below",
            VacancyNoSuchVacancy => "no vacancy with id {id} in {file}",

            GroningenTitle => "werkmatch: Groningen report (synthetic population, seed {seed})",
            GroningenSummary => {
                "{seekers} jobseekers, {vacancies} vacancies, {employers} employers without a vacancy; \
                 generated in {generated}, ranked top-{k} in all three directions in {ranked} ({note})"
            }
            GroningenKernelNote => {
                "exact kernel, {threads} threads; {considered} pairs past the spatial index, {scored} fully scored"
            }
            GroningenReach => "Reach",
            GroningenWithVacancy => "seekers with at least one vacancy",
            GroningenWithHiddenJob => "seekers with at least one hidden job",
            GroningenWithEither => "seekers with either",
            GroningenVacancyWithCandidate => "vacancies with at least one candidate",
            GroningenLevels => "Skill level (ISCO 1-4): seekers against open positions",
            GroningenColLevel => "level",
            GroningenColSeekers => "seekers",
            GroningenColPositions => "positions",
            GroningenColPerSeeker => "positions per seeker",
            GroningenKnockouts => {
                "Knock-out reasons ({sample} seekers, every {step}th, against all {vacancies} vacancies: {pairs} pairs)"
            }
            GroningenColReason => "reason",
            GroningenColAllPairs => "all pairs",
            GroningenColWithinReach => "pairs within reach",
            GroningenColOnlyReason => "the only reason (near misses)",
            GroningenScan => "Labour-market value scan ({sample} seekers, every {step}th, against all seekers, vacancies and employers)",
            GroningenSampleSeeker => {
                "Sample seeker {id}: education {education}, level {level}, {minutes} min by {modes}"
            }

            MatchWrote => "wrote {lines} lines to {file}",
            MatchTime => "time: reading {read}, ranking {rank}, writing {write}, total {total}",
            MatchPairs => "pairs: {considered} past the spatial index, {scored} fully scored",
            MatchSeekersWithoutVacancy => "seekers without any vacancy: {n}",
            MatchVacanciesWithoutCandidate => "vacancies without any candidate: {n}",
            MatchSeekersWithoutHiddenJob => "seekers without any hidden job: {n}",
            MatchSubjectsWithoutMatch => "subjects without any match: {n}",
            MatchExclusions => "exclusions by reason ({pairs} sampled seeker-vacancy pairs): {reasons}",
            MatchProgressSeekersVacancies => "seekers → vacancies",
            MatchProgressVacanciesSeekers => "vacancies → seekers",
            MatchProgressSeekersEmployers => "seekers → employers",
            MatchGiveInput => "give --vacancies, --employers or both (see --help)",
            MatchPreparing => "preparing the indexes: {error}",
            MatchCannotCreate => "cannot create {file}: {error}",
            MatchWriting => "writing {file}: {error}",

            ImportSummary => {
                "{file}: read {read}, accepted {accepted}, rejected {rejected} in {seconds} s; wrote {out}"
            }
            ImportProgress => "… {records} records, {mb} MB",
            ImportGeonamesHint => {
                "give --postcodes FILE: a postcode table in the GeoNames postal-code format, \
                 e.g. ../shared/data/geo/geonames_postalcodes_NL.txt (download.geonames.org/export/zip/NL.zip)"
            }
            ImportDefaultSector => "--default-sector must be a NACE letter A–U",
            PlanTitle => "Placement plan ({what}; L = {limit}, θ = {theta})",
            PlanOptimalPlacements => "optimal plan: the most placements, then the highest total score",
            PlanOptimalScore => "optimal plan: the highest total score",
            PlanStable => "stable plan: seekers propose, vacancies keep the best",
            PlanCohort => "{seekers} seekers, {vacancies} vacancies with {positions} positions; {edges} candidate pairs",
            PlanPlaced => "placed: {placed} of {seekers} seekers ({share}%); total weight {weight}",
            PlanFirstChoice => "first choice: {share}% of those placed; mean position in their own list {mean}",
            PlanWithout => "without candidates: {seekers} seekers, {vacancies} vacancies; not placed because others got the place: {outcompeted}",
            PlanOpen => "open positions: {open}",
            PlanNaive => "naive top lists: {n} seekers are among the first of more than one vacancy's list (the double proposals the plan resolves)",
            GroningenPlanHeading => "Placement plan (optimal, L = {limit}, score at least {theta}; {seconds})",
            GroningenPlanNaive => "the naive lists propose {n} seekers to more than one vacancy (among its first positions)",
            GroningenPlanPlaced => "one consistent plan places {placed} of {seekers} seekers ({share}%), {first}% in their first choice; {open} positions stay open",
            ScanTitle => "Labour-market value scan of {id}: level {level}, education {education}",
            ScanPosition => "matches: {matches} vacancies ({positions} positions, {share}% of all vacancies), {competitive} of them competitive; {hidden} employers without a vacancy",
            ScanByLevel => "matches by level: {levels}",
            ScanUnlocks => "What would open the most work (one change at a time)",
            ScanUnlock => "{change}: {gained} more matches, {lost} fewer, {competitive} more competitive, {hidden} more employers",
            ScanAlternatives => "Other occupations within reach",
            ScanAlternative => "{occupation} (ISCO {isco}): {coverage}% of the essential skills, {demand} jobs in reach{promising}, {route}",
            ScanPromising => " (promising)",
            ScanRouteDirect => "direct",
            ScanRoutePraktijkleren => "through learning on the job",
            ScanMissing => "still to learn: {skills}",
            ScanChangeLicence => "a driving licence",
            ScanChangeCar => "a driving licence and a car",
            ScanChangeEbike => "an e-bike",
            ScanChangeTravel => "15 minutes more travel",
            ScanChangeDutch => "Dutch at level {level}",
            ScanChangeCertificate => "certificate {name}",
            ScanChangeSkill => "skill {name}",
            ScanChangeLevelUp => "a diploma one level up",
            ScanCaseload => "Caseload scan: {seekers} seekers, {vacancies} vacancies, {employers} employers without a vacancy; {seconds} s",
            ScanWithoutMatch => "seekers without any matching vacancy: {n} of {total}",
            ScanChanges => "Changes that turn \"no match\" into \"at least one match\" for the most people",
            ScanChange => "{change}: {unlocked} people unlocked, {helped} helped, {gained} matches gained",
            ScanSkillGaps => "Skills missed most by near matches",
            ScanSkillGap => "{skill}: {n} near matches",
            ScanProgress => "scanning seekers",
            ScanNoSuchSeeker => "no seeker {id} in {file}",
            ScanPreparing => "preparing the scan: {error}",
            ReportScanSeekerTitle => "Labour-market value scan of {id}",
            ReportScanSeekerIntro => "Where this jobseeker stands on the regional labour market, which single change opens the most work, and which other occupations are within reach. Every count follows from the same score as the match lists; a vacancy counts as a match when nothing excludes it and its score is at least 0.5.",
            ReportScanItem => "Item",
            ReportScanValue => "Value",
            ReportScanPosition => "Position on the labour market",
            ReportScanLevel => "Level (Ls)",
            ReportScanEducation => "Education",
            ReportScanMatches => "Matching vacancies",
            ReportScanPositions => "Positions in those vacancies",
            ReportScanHidden => "Matching employers without a vacancy",
            ReportScanCompetitive => "Matching and competitive against other seekers",
            ReportScanDemandShare => "Share of all vacancies (%)",
            ReportScanByLevelTitle => "Matching vacancies by level",
            ReportScanByLevelDesc => "Number of matching vacancies by the vacancy's ISCO skill level (1 = elementary work, 4 = higher education).",
            ReportScanLevelN => "level {level}",
            ReportScanBySectorTitle => "Matching vacancies by sector",
            ReportScanBySectorDesc => "Number of matching vacancies by the vacancy's sector (NACE section letter).",
            ReportScanSector => "Sector",
            ReportScanCount => "Count",
            ReportScanUnknownSector => "unknown",
            ReportScanChange => "Change",
            ReportScanGained => "Matches gained",
            ReportScanLost => "Matches lost",
            ReportScanCompetitiveGained => "More competitive",
            ReportScanHiddenGained => "Employers gained",
            ReportScanUnlocksTitle => "Matches gained per change",
            ReportScanUnlocksDesc => "How many vacancies become a match when only this one change is made; everything else stays as it is.",
            ReportScanNoUnlocks => "No single change gains a matching vacancy or employer.",
            ReportScanOccupation => "Occupation",
            ReportScanIsco => "ISCO",
            ReportScanCoverage => "Essential skills already held (%)",
            ReportScanDemand => "Jobs in reach",
            ReportScanKansrijk => "Promising",
            ReportScanRoute => "Route",
            ReportScanMissing => "Still to learn",
            ReportScanYes => "yes",
            ReportScanNo => "no",
            ReportScanNoAlternatives => "No other occupation within reach.",
            ReportScanBest => "Best matching vacancies",
            ReportScanVacancy => "Vacancy",
            ReportScanScore => "Score",
            ReportScanHowToRead => "How to read this report",
            ReportScanHowToReadSeeker => "A change is shown only when it gains something, and always on its own: two changes together can gain more (or less) than their sum. 'Competitive against other seekers' means the seeker is among the first for the vacancy (at least the first ten, or three per position). 'Essential skills already held' is the part of the other occupation's essential skills the seeker already has, counted from their own occupation. An occupation is promising with at least 5 jobs in reach. The figures are a starting point for the conversation, not a judgement of the person.",
            ReportScanCaseloadTitle => "Labour-market value scan of the caseload",
            ReportScanCaseloadIntro => "Where the whole caseload stands on the regional labour market, and which provisions (a driving licence, an e-bike, a VCA course, Dutch lessons, a diploma) bring the most people to a first matching vacancy. Each change was tried for each seeker on its own.",
            ReportScanSeekers => "Seekers",
            ReportScanVacancies => "Vacancies",
            ReportScanEmployers => "Employers without a vacancy",
            ReportScanWithoutMatch => "Seekers without a matching vacancy",
            ReportScanMismatch => "Supply and demand by level",
            ReportScanMismatchDesc => "Seekers by their own level (Ls) beside the vacancy positions by the vacancy's level (Lv). A large difference at a level means too much or too little work there for the supply.",
            ReportScanMismatchSeekers => "Seekers (level Ls)",
            ReportScanMismatchPositions => "Vacancy positions (level Lv)",
            ReportScanUnlockedTitle => "People unlocked per change",
            ReportScanUnlockedDesc => "Number of seekers without a matching vacancy who get at least one through this one change.",
            ReportScanPeopleUnlocked => "People unlocked",
            ReportScanPeopleHelped => "People helped",
            ReportScanMatchesGained => "Matches gained",
            ReportScanPeopleTried => "Tried for (people)",
            ReportScanShown => "The first {shown} of {total}; the full list is in the JSON (--summary).",
            ReportScanGapsTitle => "Essential skills missing in near matches",
            ReportScanGapsDesc => "Number of (seeker, vacancy) pairs without a knock-out scoring just under the threshold (0.4 to 0.5) that miss this essential skill.",
            ReportScanSkill => "Skill",
            ReportScanNearMatches => "Near matches",
            ReportScanNoGaps => "No near matches missing an essential skill.",
            ReportScanDistribution => "Distribution of the number of matches",
            ReportScanDistributionDesc => "Number of seekers with 0, 1–4, 5–19 or 20 and more matching vacancies.",
            ReportScanCompetitiveDistribution => "Distribution of the number of competitive matches",
            ReportScanCompetitiveDistributionDesc => "Number of seekers with 0, 1–4, 5–19 or 20 and more vacancies where they are among the first.",
            ReportScanGroup => "Group",
            ReportScanAll => "all seekers",
            ReportScanMatchesBucket => "Matches",
            ReportScanHowToReadCaseload => "Each change was worked out for each seeker on its own, against the same vacancies and the same other seekers. 'People unlocked' counts people with no matching vacancy now who get at least one through the change; 'helped' counts everyone who gains matches. A skill is tried only for the 20 asked most often in that person's reachable vacancies. The report names no persons; the counts per person are in the JSON (--json).",
        }
    }

    fn hint(&self, h: &Hint, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match h {
            Hint::Travel { minutes, max_minutes, transit_too_early, alternatives } => {
                if *transit_too_early {
                    write!(f, "shift starts before public transport can arrive")?;
                } else if minutes.is_finite() {
                    write!(f, "{minutes:.0} min away, more than {max_minutes} min")?;
                } else {
                    write!(f, "only remote work is reachable (max {max_minutes} min)")?;
                }
                match alternatives.first() {
                    Some((TravelMode::Car, t)) => write!(f, "; reachable by car (with a licence) in {t:.0} min"),
                    Some((TravelMode::Walk, t)) => write!(f, "; reachable on foot in {t:.0} min"),
                    Some((mode, t)) => write!(f, "; reachable {} in {t:.0} min", self.by_mode(*mode)),
                    None => Ok(()),
                }
            }
            Hint::LevelGap { seeker, job } => {
                write!(f, "job is at skill level {job}, the candidate at level {seeker}: needs training first")
            }
            Hint::Hours { job_min, seeker_max } => {
                write!(f, "job needs at least {job_min} hours a week, the candidate can do {seeker_max}")
            }
            Hint::Licence => f.write_str("needs a driving licence"),
            Hint::Language { required, seeker } => {
                write!(f, "needs Dutch at {} (candidate: {})", cefr(*required), cefr(*seeker))
            }
            Hint::Physical { job, seeker } => {
                write!(
                    f,
                    "physically {} work, the candidate can do at most {}",
                    self.physical(*job),
                    self.physical(*seeker)
                )
            }
            Hint::Certificates { missing } => write!(f, "needs certificate {}", missing.join(", ")),
            Hint::TargetGroup => f.write_str("reserved for the target-group register (banenafspraak)"),
            Hint::Override => f.write_str("excluded by a staff member; only a staff member can lift it"),
        }
    }

    fn reason(&self, r: &Reason, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match r {
            Reason::SameOccupation => f.write_str("same occupation as wanted or done before"),
            Reason::CloselyRelatedOccupation => f.write_str("closely related occupation"),
            Reason::RelatedOccupation => f.write_str("related occupation"),
            Reason::SameBroadField => f.write_str("occupation in the same broad field"),
            Reason::AllSkills => f.write_str("has every skill asked"),
            Reason::SkillsShare { percent } => write!(f, "has {percent}% of the skills asked"),
            Reason::OverQualified { levels: 1 } => f.write_str("over-qualified by 1 level"),
            Reason::OverQualified { levels } => write!(f, "over-qualified by {levels} levels"),
            Reason::LevelFits => f.write_str("level fits"),
            Reason::OneLevelAbove => f.write_str("one level above the candidate: learning on the job"),
            Reason::PreferredSector => f.write_str("preferred sector"),
            Reason::SectorBefore => f.write_str("sector worked in before"),
            Reason::FewerHours => f.write_str("fewer hours than wanted"),
            Reason::Trip { travel } => super::Message::write_to(travel, super::Lang::En, f),
        }
    }

    fn explanation(&self, e: &Explanation, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match e.score {
            Some(s) => writeln!(f, "score {s:.3}")?,
            None => {
                let names: Vec<&str> = e.knockouts.iter().map(|k| self.knockout(*k)).collect();
                writeln!(f, "excluded: {}", names.join(", "))?
            }
        }
        for c in &e.components {
            writeln!(f, "  {:<10} {:.3} (weight {:.2})", self.component(c.component), c.value, c.weight)?;
        }
        match e.travel.mode {
            None => writeln!(f, "  travel     remote job")?,
            Some(m) => {
                writeln!(f, "  travel     {:.0} min {} (max {})", e.travel.minutes, self.by_mode(m), e.max_minutes)?
            }
        }
        if e.travel.transit_too_early {
            writeln!(f, "  note       the shift starts before public transport can arrive")?;
        }
        if e.sector.is_none() {
            writeln!(f, "  sector     unknown")?;
        }
        writeln!(f, "  level      seeker {} / job {} (gap {})", e.seeker_level, e.vacancy_level, e.level_gap)?;
        if !e.missing_essential_skills.is_empty() {
            writeln!(f, "  missing    {}", e.missing_essential_skills.join(", "))?;
        }
        Ok(())
    }
}

fn cefr(c: Option<Cefr>) -> String {
    c.map_or_else(|| "none".to_string(), |c| format!("{c:?}"))
}
