//! The keys of the fixed texts of the tools and reports. The texts
//! themselves are in `nl.rs` and `en.rs`; a key's `{name}` placeholders are
//! filled with [`Catalogue::with`].

use super::{Catalogue, Lang};

macro_rules! labels {
    ($($(#[$doc:meta])* $v:ident => $key:literal,)*) => {
        /// A fixed text of a tool or report: a heading, a label, a summary line.
        ///
        /// Keys are grouped by the tool or report that uses them (`jobhunt.…`,
        /// `input.…`); `common.…` is shared. The variant's doc is the English text.
        #[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
        #[cfg_attr(test, derive(strum::EnumIter))]
        #[non_exhaustive]
        pub enum Label {
            $($(#[$doc])* $v,)*
        }

        impl Label {
            /// Every label, in the order of this file.
            pub const ALL: &'static [Label] = &[$(Label::$v,)*];

            /// The stable key, e.g. `"jobhunt.best_vacancies"`.
            pub fn key(self) -> &'static str {
                match self {
                    $(Label::$v => $key,)*
                }
            }
        }
    };
}

labels! {
    /// `score {score}`
    CommonScore => "common.score",
    /// `excluded`
    CommonExcluded => "common.excluded",
    /// `none`
    CommonNone => "common.none",
    /// `unknown`: a value that is not known (a vacancy's sector).
    CommonUnknown => "common.unknown",
    /// `sector unknown` (v1.1: a vacancy without a sector).
    CommonSectorUnknown => "common.sector_unknown",
    /// `{n} of {total}`
    CommonOf => "common.of",
    /// `{seconds} s`
    CommonSeconds => "common.seconds",
    /// `error: {message}`
    CommonError => "common.error",
    /// `note: {message}`
    CommonNote => "common.note",
    /// `why: {reasons}`
    CommonWhy => "common.why",
    /// `missing skills: {skills}`
    CommonMissingSkills => "common.missing_skills",
    /// `would score {score}; travel {trip}`
    CommonWouldScore => "common.would_score",
    /// `to unlock: {hint}`
    CommonToUnlock => "common.to_unlock",
    /// `included by a staff member ({reason})`
    CommonIncluded => "common.included",
    /// `Near misses (excluded by one thing)`
    CommonNearMisses => "common.near_misses",
    /// `excluded by a staff member ({reason})`
    CommonExcludedByStaff => "common.excluded_by_staff",
    /// `What would lift each exclusion:`
    CommonLifts => "common.lifts",
    /// `{knockout}: {hint}`
    CommonLift => "common.lift",
    /// `Seeker {seeker} and vacancy {vacancy}`: the heading of one pair's explanation.
    CommonPairVacancy => "common.pair_vacancy",
    /// `Seeker {seeker} and employer {employer} (no vacancy)`
    CommonPairEmployer => "common.pair_employer",
    /// `no vacancy or employer with id {id}`
    CommonNoSuchCandidate => "common.no_such_candidate",
    /// `employer {id} has no occupation to score`
    CommonEmployerUnscorable => "common.employer_unscorable",

    /// `{file}: read {read}, accepted {accepted}, rejected {rejected} (the rejected records are left out):`
    InputRejectedSummary => "input.rejected_summary",
    /// `rejected {error}`
    InputRejected => "input.rejected",
    /// `{file}: {unmapped} skill phrase(s) not mapped to ESCO with enough confidence (left out; --keep-unmapped-skills keeps them as written):`
    InputUnmappedSummary => "input.unmapped_summary",
    /// `warning {error}`
    InputWarning => "input.warning",
    /// `(fix the record, or drop --strict to skip bad records)`
    InputStrictHint => "input.strict_hint",
    /// `{bad} bad input record(s) were left out (listed above); exit code 1`
    InputBadRecordsNote => "input.bad_records_note",
    /// `mapping: {error}`
    InputMapping => "input.mapping",
    /// `postcode table: {error}`
    InputPostcodeTable => "input.postcode_table",
    /// `ESCO export: {error}`
    InputEscoExport => "input.esco_export",
    /// `line {line}`: a position without a file.
    InputLine => "input.line",
    /// `<input>`: a position without file or line.
    InputUnknownPosition => "input.unknown_position",
    /// field \`{field}\`
    InputField => "input.field",
    /// `(value {value})`
    InputValue => "input.value",
    /// `cannot read the file`
    InputKindIo => "input.kind.io",
    /// `not well-formed`
    InputKindSyntax => "input.kind.syntax",
    /// `unknown field`
    InputKindUnknownField => "input.kind.unknown_field",
    /// `required field missing`
    InputKindMissingField => "input.kind.missing_field",
    /// `invalid value`
    InputKindInvalidValue => "input.kind.invalid_value",
    /// `duplicate id`
    InputKindDuplicateId => "input.kind.duplicate_id",
    /// `unknown reference`
    InputKindUnresolved => "input.kind.unresolved",
    /// `wrong settings`
    InputKindConfig => "input.kind.config",
    /// `implausible value`
    InputKindImplausible => "input.kind.implausible",
    /// `no records`
    InputKindEmpty => "input.kind.empty",
    /// `not open to these seekers`: a valid record matching cannot use (a remote posting for applicants abroad).
    InputKindOutOfScope => "input.kind.out_of_scope",
    /// `out of range: must satisfy {rule}`: a core value outside its rule.
    InputOutOfRange => "input.out_of_range",
    /// `malformed: expected {expected}`: a core value of the wrong shape.
    InputMalformed => "input.malformed",
    /// `missing: {rule}`: a core value required in this case.
    InputMissing => "input.missing",
    /// `{reason}`: an inconsistent configuration.
    InputInvalidConfig => "input.invalid_config",
    /// `appears twice among the {population}`: an id repeated in one population.
    InputDuplicateId => "input.duplicate_id",

    /// `Candidate {id}: education {education} (skill level {level}{startkwalificatie}), travels up to {minutes} min by {modes}`
    JobhuntCandidate => "jobhunt.candidate",
    /// `, startkwalificatie`: added after the level when the education is one.
    JobhuntStartkwalificatie => "jobhunt.startkwalificatie",
    /// `Best vacancies`
    JobhuntBestVacancies => "jobhunt.best_vacancies",
    /// `none within reach: see the near misses below`
    JobhuntNoVacancies => "jobhunt.no_vacancies",
    /// `Hidden jobs (employers without a vacancy)`
    JobhuntHiddenJobs => "jobhunt.hidden_jobs",
    /// `none (give --employers FILE to search employers)`
    JobhuntNoHiddenJobs => "jobhunt.no_hidden_jobs",
    /// `give the candidate: --seekers FILE --id ID, or a profile with --lat and --lon`
    JobhuntGiveCandidate => "jobhunt.give_candidate",
    /// `no seeker with id {id} in {file}`
    JobhuntNoSuchSeeker => "jobhunt.no_such_seeker",
    /// `unknown education {value}: use {choices}`
    JobhuntUnknownEducation => "jobhunt.unknown_education",
    /// `unknown travel mode {value}: use {choices}`
    JobhuntUnknownMode => "jobhunt.unknown_mode",

    /// `Vacancy {id} {title} (ISCO {isco}, skill level {level}, sector {sector}){starts}`
    VacancyHeader => "vacancy.header",
    /// `, starts {time}`
    VacancyStarts => "vacancy.starts",
    /// `Best candidates`
    VacancyBestCandidates => "vacancy.best_candidates",
    /// `none: see the near misses below`
    VacancyNoCandidates => "vacancy.no_candidates",
    /// `no vacancy with id {id} in {file}`
    VacancyNoSuchVacancy => "vacancy.no_such_vacancy",

    /// `werkmatch: Groningen report (synthetic population, seed {seed})`
    GroningenTitle => "groningen.title",
    /// `{seekers} jobseekers, {vacancies} vacancies, {employers} employers without a vacancy; generated in {generated}, ranked top-{k} in all three directions in {ranked} ({note})`
    GroningenSummary => "groningen.summary",
    /// `exact kernel, {threads} threads; {considered} pairs past the spatial index, {scored} fully scored`
    GroningenKernelNote => "groningen.kernel_note",
    /// `Reach`
    GroningenReach => "groningen.reach",
    /// `seekers with at least one vacancy`
    GroningenWithVacancy => "groningen.with_vacancy",
    /// `seekers with at least one hidden job`
    GroningenWithHiddenJob => "groningen.with_hidden_job",
    /// `seekers with either`
    GroningenWithEither => "groningen.with_either",
    /// `vacancies with at least one candidate`
    GroningenVacancyWithCandidate => "groningen.vacancy_with_candidate",
    /// `Skill level (ISCO 1-4): seekers against open positions`
    GroningenLevels => "groningen.levels",
    /// `level`
    GroningenColLevel => "groningen.col_level",
    /// `seekers`
    GroningenColSeekers => "groningen.col_seekers",
    /// `positions`
    GroningenColPositions => "groningen.col_positions",
    /// `positions per seeker`
    GroningenColPerSeeker => "groningen.col_per_seeker",
    /// `Knock-out reasons ({sample} seekers, every {step}th, against all {vacancies} vacancies: {pairs} pairs)`
    GroningenKnockouts => "groningen.knockouts",
    /// `reason`
    GroningenColReason => "groningen.col_reason",
    /// `all pairs`
    GroningenColAllPairs => "groningen.col_all_pairs",
    /// `pairs within reach`
    GroningenColWithinReach => "groningen.col_within_reach",
    /// `the only reason (near misses)`
    GroningenColOnlyReason => "groningen.col_only_reason",
    /// `Sample seeker {id}: education {education}, level {level}, {minutes} min by {modes}`
    GroningenSampleSeeker => "groningen.sample_seeker",
    /// `Labour-market value scan ({sample} seekers, every {step}th, against all seekers, vacancies and employers)`
    GroningenScan => "groningen.scan",

    /// `wrote {lines} lines to {file}`
    MatchWrote => "match.wrote",
    /// `time: reading {read}, ranking {rank}, writing {write}, total {total}`
    MatchTime => "match.time",
    /// `pairs: {considered} past the spatial index, {scored} fully scored`
    MatchPairs => "match.pairs",
    /// `seekers without any vacancy: {n}`
    MatchSeekersWithoutVacancy => "match.seekers_without_vacancy",
    /// `vacancies without any candidate: {n}`
    MatchVacanciesWithoutCandidate => "match.vacancies_without_candidate",
    /// `seekers without any hidden job: {n}`
    MatchSeekersWithoutHiddenJob => "match.seekers_without_hidden_job",
    /// `subjects without any match: {n}` (a direction added later)
    MatchSubjectsWithoutMatch => "match.subjects_without_match",
    /// `exclusions by reason ({pairs} sampled seeker-vacancy pairs): {reasons}`
    MatchExclusions => "match.exclusions",
    /// `seekers → vacancies`
    MatchProgressSeekersVacancies => "match.progress_seekers_vacancies",
    /// `vacancies → seekers`
    MatchProgressVacanciesSeekers => "match.progress_vacancies_seekers",
    /// `seekers → employers`
    MatchProgressSeekersEmployers => "match.progress_seekers_employers",
    /// `give --vacancies, --employers or both (see --help)`
    MatchGiveInput => "match.give_input",
    /// `preparing the indexes: {error}`
    MatchPreparing => "match.preparing",
    /// `cannot create {file}: {error}`
    MatchCannotCreate => "match.cannot_create",
    /// `writing {file}: {error}`
    MatchWriting => "match.writing",

    /// `{file}: read {read}, accepted {accepted}, rejected {rejected} in {seconds} s; wrote {out}`
    ImportSummary => "import.summary",
    /// `… {records} records, {mb} MB`
    ImportProgress => "import.progress",
    /// `give --postcodes FILE: a postcode table in the GeoNames postal-code format, e.g. …`
    ImportGeonamesHint => "import.geonames_hint",
    /// `--default-sector must be a NACE letter A–U`
    ImportDefaultSector => "import.default_sector",
    /// `Placement plan ({what}; L = {limit}, θ = {theta})`
    PlanTitle => "plan.title",
    /// `optimal plan: the most placements, then the highest total score`
    PlanOptimalPlacements => "plan.optimal_placements",
    /// `optimal plan: the highest total score`
    PlanOptimalScore => "plan.optimal_score",
    /// `stable plan: seekers propose, vacancies keep the best`
    PlanStable => "plan.stable",
    /// `{seekers} seekers, {vacancies} vacancies with {positions} positions; {edges} candidate pairs`
    PlanCohort => "plan.cohort",
    /// `placed: {placed} of {seekers} seekers ({share}%); total weight {weight}`
    PlanPlaced => "plan.placed",
    /// `first choice: {share}% of those placed; mean position in their own list {mean}`
    PlanFirstChoice => "plan.first_choice",
    /// `without candidates: {seekers} seekers, {vacancies} vacancies; not placed because others got the place: {outcompeted}`
    PlanWithout => "plan.without",
    /// `open positions: {open}`
    PlanOpen => "plan.open",
    /// `naive top lists: {n} seekers are among the first of more than one vacancy's list (the double proposals the plan resolves)`
    PlanNaive => "plan.naive",
    /// `Placement plan (optimal, L = {limit}, score at least {theta}; {seconds})`
    GroningenPlanHeading => "groningen.plan_heading",
    /// `the naive lists propose {n} seekers to more than one vacancy (among its first positions)`
    GroningenPlanNaive => "groningen.plan_naive",
    /// `one consistent plan places {placed} of {seekers} seekers ({share}%), {first}% in their first choice; {open} positions stay open`
    GroningenPlanPlaced => "groningen.plan_placed",

    /// `Labour-market value scan of {id}: level {level}, education {education}`
    ScanTitle => "scan.title",
    /// `matches: {matches} vacancies ({positions} positions, {share}% of all vacancies), {competitive} of them competitive; {hidden} employers without a vacancy`
    ScanPosition => "scan.position",
    /// `matches by level: {levels}`
    ScanByLevel => "scan.by_level",
    /// `What would open the most work (one change at a time)`
    ScanUnlocks => "scan.unlocks",
    /// `{change}: {gained} more matches, {lost} fewer, {competitive} more competitive, {hidden} more employers`
    ScanUnlock => "scan.unlock",
    /// `Other occupations within reach`
    ScanAlternatives => "scan.alternatives",
    /// `{occupation} (ISCO {isco}): {coverage}% of the essential skills, {demand} jobs in reach{promising}, {route}`
    ScanAlternative => "scan.alternative",
    /// ` (promising)`
    ScanPromising => "scan.promising",
    /// `direct`
    ScanRouteDirect => "scan.route_direct",
    /// `through learning on the job`
    ScanRoutePraktijkleren => "scan.route_praktijkleren",
    /// `still to learn: {skills}`
    ScanMissing => "scan.missing",
    /// `a driving licence`
    ScanChangeLicence => "scan.change_licence",
    /// `a driving licence and a car`
    ScanChangeCar => "scan.change_car",
    /// `an e-bike`
    ScanChangeEbike => "scan.change_ebike",
    /// `15 minutes more travel`
    ScanChangeTravel => "scan.change_travel",
    /// `Dutch at level {level}`
    ScanChangeDutch => "scan.change_dutch",
    /// `certificate {name}`
    ScanChangeCertificate => "scan.change_certificate",
    /// `skill {name}`
    ScanChangeSkill => "scan.change_skill",
    /// `a diploma one level up`
    ScanChangeLevelUp => "scan.change_level_up",
    /// `Caseload scan: {seekers} seekers, {vacancies} vacancies, {employers} employers without a vacancy; {seconds} s`
    ScanCaseload => "scan.caseload",
    /// `seekers without any matching vacancy: {n} of {total}`
    ScanWithoutMatch => "scan.without_match",
    /// `Changes that turn "no match" into "at least one match" for the most people`
    ScanChanges => "scan.changes",
    /// `{change}: {unlocked} people unlocked, {helped} helped, {gained} matches gained`
    ScanChange => "scan.change",
    /// `Skills missed most by near matches`
    ScanSkillGaps => "scan.skill_gaps",
    /// `{skill}: {n} near matches`
    ScanSkillGap => "scan.skill_gap",
    /// `scanning seekers`
    ScanProgress => "scan.progress",
    /// `no seeker {id} in {file}`
    ScanNoSuchSeeker => "scan.no_such_seeker",
    /// `preparing the scan: {error}`
    ScanPreparing => "scan.preparing",

    /// `Labour-market value scan of {id}`
    ReportScanSeekerTitle => "report.scan.seeker_title",
    /// `Where this jobseeker stands on the regional labour market, which single change opens the most work, and which other occupations are within reach. Every count follows from the same score as the match lists; a vacancy counts as a match when nothing excludes it and its score is at least 0.5.`
    ReportScanSeekerIntro => "report.scan.seeker_intro",
    /// `Item`
    ReportScanItem => "report.scan.item",
    /// `Value`
    ReportScanValue => "report.scan.value",
    /// `Position on the labour market`
    ReportScanPosition => "report.scan.position",
    /// `Level (Ls)`
    ReportScanLevel => "report.scan.level",
    /// `Education`
    ReportScanEducation => "report.scan.education",
    /// `Matching vacancies`
    ReportScanMatches => "report.scan.matches",
    /// `Positions in those vacancies`
    ReportScanPositions => "report.scan.positions",
    /// `Matching employers without a vacancy`
    ReportScanHidden => "report.scan.hidden",
    /// `Matching and competitive against other seekers`
    ReportScanCompetitive => "report.scan.competitive",
    /// `Share of all vacancies (%)`
    ReportScanDemandShare => "report.scan.demand_share",
    /// `Matching vacancies by level`
    ReportScanByLevelTitle => "report.scan.by_level_title",
    /// `Number of matching vacancies by the vacancy's ISCO skill level (1 = elementary work, 4 = higher education).`
    ReportScanByLevelDesc => "report.scan.by_level_desc",
    /// `level {level}`
    ReportScanLevelN => "report.scan.level_n",
    /// `Matching vacancies by sector`
    ReportScanBySectorTitle => "report.scan.by_sector_title",
    /// `Number of matching vacancies by the vacancy's sector (NACE section letter).`
    ReportScanBySectorDesc => "report.scan.by_sector_desc",
    /// `Sector`
    ReportScanSector => "report.scan.sector",
    /// `Count`
    ReportScanCount => "report.scan.count",
    /// `unknown`
    ReportScanUnknownSector => "report.scan.unknown_sector",
    /// `Change`
    ReportScanChange => "report.scan.change",
    /// `Matches gained`
    ReportScanGained => "report.scan.gained",
    /// `Matches lost`
    ReportScanLost => "report.scan.lost",
    /// `More competitive`
    ReportScanCompetitiveGained => "report.scan.competitive_gained",
    /// `Employers gained`
    ReportScanHiddenGained => "report.scan.hidden_gained",
    /// `Matches gained per change`
    ReportScanUnlocksTitle => "report.scan.unlocks_title",
    /// `How many vacancies become a match when only this one change is made; everything else stays as it is.`
    ReportScanUnlocksDesc => "report.scan.unlocks_desc",
    /// `No single change gains a matching vacancy or employer.`
    ReportScanNoUnlocks => "report.scan.no_unlocks",
    /// `Occupation`
    ReportScanOccupation => "report.scan.occupation",
    /// `ISCO`
    ReportScanIsco => "report.scan.isco",
    /// `Essential skills already held (%)`
    ReportScanCoverage => "report.scan.coverage",
    /// `Jobs in reach`
    ReportScanDemand => "report.scan.demand",
    /// `Promising`
    ReportScanKansrijk => "report.scan.kansrijk",
    /// `Route`
    ReportScanRoute => "report.scan.route",
    /// `Still to learn`
    ReportScanMissing => "report.scan.missing",
    /// `yes`
    ReportScanYes => "report.scan.yes",
    /// `no`
    ReportScanNo => "report.scan.no",
    /// `No other occupation within reach.`
    ReportScanNoAlternatives => "report.scan.no_alternatives",
    /// `Best matching vacancies`
    ReportScanBest => "report.scan.best",
    /// `Vacancy`
    ReportScanVacancy => "report.scan.vacancy",
    /// `Score`
    ReportScanScore => "report.scan.score",
    /// `How to read this report`
    ReportScanHowToRead => "report.scan.how_to_read",
    /// `A change is shown only when it gains something, and always on its own: two changes together can gain more (or less) than their sum. 'Competitive against other seekers' means the seeker is among the first for the vacancy (at least the first ten, or three per position). 'Essential skills already held' is the part of the other occupation's essential skills the seeker already has, counted from their own occupation. An occupation is promising with at least 5 jobs in reach. The figures are a starting point for the conversation, not a judgement of the person.`
    ReportScanHowToReadSeeker => "report.scan.how_to_read_seeker",
    /// `Labour-market value scan of the caseload`
    ReportScanCaseloadTitle => "report.scan.caseload_title",
    /// `Where the whole caseload stands on the regional labour market, and which provisions (a driving licence, an e-bike, a VCA course, Dutch lessons, a diploma) bring the most people to a first matching vacancy. Each change was tried for each seeker on its own.`
    ReportScanCaseloadIntro => "report.scan.caseload_intro",
    /// `Seekers`
    ReportScanSeekers => "report.scan.seekers",
    /// `Vacancies`
    ReportScanVacancies => "report.scan.vacancies",
    /// `Employers without a vacancy`
    ReportScanEmployers => "report.scan.employers",
    /// `Seekers without a matching vacancy`
    ReportScanWithoutMatch => "report.scan.without_match",
    /// `Supply and demand by level`
    ReportScanMismatch => "report.scan.mismatch",
    /// `Seekers by their own level (Ls) beside the vacancy positions by the vacancy's level (Lv). A large difference at a level means too much or too little work there for the supply.`
    ReportScanMismatchDesc => "report.scan.mismatch_desc",
    /// `Seekers (level Ls)`
    ReportScanMismatchSeekers => "report.scan.mismatch_seekers",
    /// `Vacancy positions (level Lv)`
    ReportScanMismatchPositions => "report.scan.mismatch_positions",
    /// `People unlocked per change`
    ReportScanUnlockedTitle => "report.scan.unlocked_title",
    /// `Number of seekers without a matching vacancy who get at least one through this one change.`
    ReportScanUnlockedDesc => "report.scan.unlocked_desc",
    /// `People unlocked`
    ReportScanPeopleUnlocked => "report.scan.people_unlocked",
    /// `People helped`
    ReportScanPeopleHelped => "report.scan.people_helped",
    /// `Matches gained`
    ReportScanMatchesGained => "report.scan.matches_gained",
    /// `Tried for (people)`
    ReportScanPeopleTried => "report.scan.people_tried",
    /// `The first {shown} of {total}; the full list is in the JSON (--summary).`
    ReportScanShown => "report.scan.shown",
    /// `Essential skills missing in near matches`
    ReportScanGapsTitle => "report.scan.gaps_title",
    /// `Number of (seeker, vacancy) pairs without a knock-out scoring just under the threshold (0.4 to 0.5) that miss this essential skill.`
    ReportScanGapsDesc => "report.scan.gaps_desc",
    /// `Skill`
    ReportScanSkill => "report.scan.skill",
    /// `Near matches`
    ReportScanNearMatches => "report.scan.near_matches",
    /// `No near matches missing an essential skill.`
    ReportScanNoGaps => "report.scan.no_gaps",
    /// `Distribution of the number of matches`
    ReportScanDistribution => "report.scan.distribution",
    /// `Number of seekers with 0, 1–4, 5–19 or 20 and more matching vacancies.`
    ReportScanDistributionDesc => "report.scan.distribution_desc",
    /// `Distribution of the number of competitive matches`
    ReportScanCompetitiveDistribution => "report.scan.competitive_distribution",
    /// `Number of seekers with 0, 1–4, 5–19 or 20 and more vacancies where they are among the first.`
    ReportScanCompetitiveDistributionDesc => "report.scan.competitive_distribution_desc",
    /// `Group`
    ReportScanGroup => "report.scan.group",
    /// `all seekers`
    ReportScanAll => "report.scan.all",
    /// `Matches`
    ReportScanMatchesBucket => "report.scan.matches_bucket",
    /// `Each change was worked out for each seeker on its own, against the same vacancies and the same other seekers. 'People unlocked' counts people with no matching vacancy now who get at least one through the change; 'helped' counts everyone who gains matches. A skill is tried only for the 20 asked most often in that person's reachable vacancies. The report names no persons; the counts per person are in the JSON (--json).`
    ReportScanHowToReadCaseload => "report.scan.how_to_read_caseload",
}

impl Catalogue for Label {
    const KEYS: &'static [Label] = Label::ALL;

    fn key(self) -> &'static str {
        Label::key(self)
    }

    fn template(self, lang: Lang) -> &'static str {
        lang.texts().label(self)
    }
}
