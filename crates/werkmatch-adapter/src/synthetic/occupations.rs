//! The generator's own occupation and skill vocabulary: ISCO-08 unit groups
//! (73) that matter in the Groningen labour market, each with its NACE section,
//! a handful of skill ids and the traits that shape its vacancies.
//!
//! ISCO codes are real ISCO-08 unit groups; the titles are the usual Dutch job
//! titles. Skill ids are this generator's own opaque ids (`skill:...`), not ESCO
//! URIs: FORMAT.md compares skill ids exactly when no taxonomy is loaded.
//!
//! `demand` (relative number of vacancies) is shaped by POPULATION.md: most
//! vacancies are technical and administrative/logistics/sales jobs at level 2;
//! level 1 (production, construction help, assembly, hospitality, cleaning) is
//! scarce relative to the many seekers whose education fits level 1; levels 3–4
//! are in technology, care, ICT and education. `supply` (how often seekers have
//! worked in or want the occupation) is an assumption: heavy in elementary,
//! retail, hospitality, warehouse and care-support work. The exact numbers are
//! assumptions.

use werkmatch_core::Cefr;

/// How physically demanding the work is (mapped to `PhysicalLoad`).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum Load {
    Light,
    Medium,
    Heavy,
}

/// One occupation of the vocabulary.
#[derive(Clone, Copy, Debug)]
pub(crate) struct Occupation {
    /// ISCO-08 unit group.
    pub isco: &'static str,
    /// Dutch job title (vacancy `title`).
    pub title: &'static str,
    /// NACE section where most of these jobs are.
    pub sector: char,
    /// Other sections where the job also occurs (picked for 30% of vacancies).
    pub alt_sectors: &'static str,
    /// Occupation-specific skill ids.
    pub skills: &'static [&'static str],
    /// Relative number of vacancies.
    pub demand: u32,
    /// Relative number of seekers with experience in / a wish for it.
    pub supply: u32,
    pub load: Load,
    /// Shift work that can start before 07:00 (production, logistics, cleaning, care, bakery).
    pub early: bool,
    /// Percentage of vacancies that require a driving licence.
    pub licence_pct: u8,
    /// Construction / industry site work: vacancies usually require VCA (safety certificate).
    pub vca: bool,
    /// A *praktijkleren* (learning on the job) occupation at MBO-2 (POPULATION.md).
    pub training: bool,
    /// Can be done remotely (some ICT and administrative work).
    pub remote: bool,
    /// Minimum Dutch for customer-contact, care and education jobs; `None` elsewhere.
    pub dutch: Option<Cefr>,
    /// Mostly part-time jobs (care, retail, hospitality, cleaning).
    pub part_time: bool,
}

const BASE: Occupation = Occupation {
    isco: "0000",
    title: "",
    sector: 'N',
    alt_sectors: "",
    skills: &[],
    demand: 0,
    supply: 0,
    load: Load::Light,
    early: false,
    licence_pct: 0,
    vca: false,
    training: false,
    remote: false,
    dutch: None,
    part_time: false,
};

/// Generic skills: seekers get a few at random, vacancies sometimes list one as optional.
pub(crate) const GENERIC_SKILLS: &[&str] = &[
    "skill:samenwerken",
    "skill:klantvriendelijk",
    "skill:zelfstandig_werken",
    "skill:stressbestendig",
    "skill:nauwkeurig_werken",
    "skill:computervaardigheden_basis",
    "skill:nederlands_schrijven",
    "skill:engels_spreken",
    "skill:duits_spreken",
    "skill:plannen_organiseren",
    "skill:communiceren",
    "skill:flexibel_inzetbaar",
    "skill:leergierig",
    "skill:rekenvaardigheid",
    "skill:digitale_vaardigheden",
    "skill:eerste_hulp",
    "skill:bhv",
    "skill:fietsen_repareren_eenvoudig",
    "skill:koken_eenvoudig",
    "skill:kinderen_begeleiden",
    "skill:mantelzorg_ervaring",
    "skill:vrijwilligerswerk",
];

/// The vocabulary (ordered by ISCO code).
pub(crate) const OCCUPATIONS: &[Occupation] = &[
    // ---- Level 4 (ISCO major groups 1 and 2) ----
    Occupation {
        isco: "1324",
        title: "Logistiek manager",
        sector: 'H',
        alt_sectors: "CG",
        skills: &[
            "skill:supply_chain_management",
            "skill:leidinggeven",
            "skill:budgetbeheer",
            "skill:voorraadbeheer",
            "skill:procesverbetering",
            "skill:wms_systeem",
        ],
        demand: 6,
        supply: 3,
        licence_pct: 30,
        ..BASE
    },
    Occupation {
        isco: "2144",
        title: "Werktuigbouwkundig ingenieur",
        sector: 'M',
        alt_sectors: "CD",
        skills: &[
            "skill:technisch_tekenen_cad",
            "skill:constructieberekeningen",
            "skill:werktuigbouwkunde",
            "skill:projectmanagement",
            "skill:procesverbetering",
            "skill:materiaalkunde",
        ],
        demand: 8,
        supply: 2,
        ..BASE
    },
    Occupation {
        isco: "2149",
        title: "Procestechnoloog",
        sector: 'C',
        alt_sectors: "DM",
        skills: &[
            "skill:procestechnologie",
            "skill:chemische_processen",
            "skill:procesverbetering",
            "skill:veiligheidsanalyse",
            "skill:data_analyseren",
            "skill:kwaliteitsborging",
        ],
        demand: 6,
        supply: 2,
        ..BASE
    },
    Occupation {
        isco: "2221",
        title: "Verpleegkundige (hbo)",
        sector: 'Q',
        skills: &[
            "skill:verpleegkundige_zorg",
            "skill:medicatie_toedienen",
            "skill:zorgplan_opstellen",
            "skill:observeren_rapporteren",
            "skill:wondzorg",
            "skill:client_communicatie",
            "skill:klinisch_redeneren",
        ],
        demand: 14,
        supply: 3,
        early: true,
        dutch: Some(Cefr::B2),
        part_time: true,
        ..BASE
    },
    Occupation {
        isco: "2330",
        title: "Docent voortgezet onderwijs",
        sector: 'P',
        skills: &[
            "skill:lesgeven",
            "skill:lesvoorbereiding",
            "skill:klassenmanagement",
            "skill:toetsen_beoordelen",
            "skill:leerlingen_begeleiden",
            "skill:didactiek",
        ],
        demand: 8,
        supply: 2,
        dutch: Some(Cefr::C1),
        part_time: true,
        ..BASE
    },
    Occupation {
        isco: "2341",
        title: "Leerkracht basisonderwijs",
        sector: 'P',
        skills: &[
            "skill:lesgeven",
            "skill:lesvoorbereiding",
            "skill:klassenmanagement",
            "skill:kinderen_begeleiden",
            "skill:oudergesprekken",
            "skill:didactiek",
        ],
        demand: 8,
        supply: 2,
        dutch: Some(Cefr::C1),
        part_time: true,
        ..BASE
    },
    Occupation {
        isco: "2411",
        title: "Accountant",
        sector: 'M',
        alt_sectors: "KO",
        skills: &[
            "skill:jaarrekening_opstellen",
            "skill:boekhouden",
            "skill:fiscale_wetgeving",
            "skill:controle_uitvoeren",
            "skill:excel_gevorderd",
            "skill:rapporteren",
        ],
        demand: 4,
        supply: 2,
        remote: true,
        ..BASE
    },
    Occupation {
        isco: "2431",
        title: "Marketingmedewerker",
        sector: 'M',
        alt_sectors: "GJ",
        skills: &[
            "skill:marketingplan",
            "skill:social_media",
            "skill:copywriting",
            "skill:data_analyseren",
            "skill:campagnes_beheren",
        ],
        demand: 3,
        supply: 3,
        remote: true,
        ..BASE
    },
    Occupation {
        isco: "2511",
        title: "Systeemanalist",
        sector: 'J',
        alt_sectors: "KO",
        skills: &[
            "skill:requirements_analyse",
            "skill:procesmodellering",
            "skill:sql",
            "skill:systeemontwerp",
            "skill:stakeholders_adviseren",
        ],
        demand: 5,
        supply: 1,
        remote: true,
        ..BASE
    },
    Occupation {
        isco: "2512",
        title: "Softwareontwikkelaar",
        sector: 'J',
        alt_sectors: "MK",
        skills: &[
            "skill:programmeren",
            "skill:java",
            "skill:python",
            "skill:javascript",
            "skill:sql",
            "skill:git",
            "skill:software_testen",
            "skill:agile_scrum",
        ],
        demand: 12,
        supply: 2,
        remote: true,
        ..BASE
    },
    Occupation {
        isco: "2522",
        title: "Systeembeheerder",
        sector: 'J',
        alt_sectors: "OQP",
        skills: &[
            "skill:netwerkbeheer",
            "skill:servers_beheren",
            "skill:linux",
            "skill:windows_server",
            "skill:informatiebeveiliging",
            "skill:cloud_diensten",
        ],
        demand: 6,
        supply: 2,
        remote: true,
        ..BASE
    },
    Occupation {
        isco: "2635",
        title: "Maatschappelijk werker",
        sector: 'Q',
        alt_sectors: "O",
        skills: &[
            "skill:hulpvraag_verhelderen",
            "skill:gespreksvoering",
            "skill:casemanagement",
            "skill:sociale_kaart",
            "skill:rapporteren",
            "skill:crisisinterventie",
        ],
        demand: 5,
        supply: 2,
        dutch: Some(Cefr::C1),
        part_time: true,
        ..BASE
    },
    // ---- Level 3 (ISCO major group 3, sub-major 14) ----
    Occupation {
        isco: "1412",
        title: "Restaurantmanager",
        sector: 'I',
        skills: &[
            "skill:leidinggeven",
            "skill:roosters_maken",
            "skill:horeca_bedrijfsvoering",
            "skill:gastvrijheid",
            "skill:inkoop",
            "skill:haccp",
        ],
        demand: 3,
        supply: 3,
        dutch: Some(Cefr::B1),
        ..BASE
    },
    Occupation {
        isco: "1420",
        title: "Filiaalmanager winkel",
        sector: 'G',
        skills: &[
            "skill:leidinggeven",
            "skill:roosters_maken",
            "skill:omzet_analyseren",
            "skill:voorraadbeheer",
            "skill:klanten_adviseren",
            "skill:winkelpresentatie",
        ],
        demand: 4,
        supply: 3,
        dutch: Some(Cefr::B1),
        ..BASE
    },
    Occupation {
        isco: "3113",
        title: "Elektrotechnicus",
        sector: 'F',
        alt_sectors: "CD",
        skills: &[
            "skill:elektrotechniek",
            "skill:schema_lezen",
            "skill:storingen_zoeken",
            "skill:plc_programmeren",
            "skill:nen3140",
            "skill:meten_testen",
        ],
        demand: 9,
        supply: 2,
        load: Load::Medium,
        licence_pct: 40,
        vca: true,
        ..BASE
    },
    Occupation {
        isco: "3115",
        title: "Werktuigbouwkundig technicus",
        sector: 'C',
        alt_sectors: "M",
        skills: &[
            "skill:werktuigbouwkunde",
            "skill:technisch_tekenen_cad",
            "skill:storingen_zoeken",
            "skill:onderhoud_plannen",
            "skill:hydrauliek",
            "skill:pneumatiek",
        ],
        demand: 8,
        supply: 2,
        load: Load::Medium,
        vca: true,
        ..BASE
    },
    Occupation {
        isco: "3123",
        title: "Uitvoerder bouw",
        sector: 'F',
        skills: &[
            "skill:bouwplanning",
            "skill:leidinggeven",
            "skill:bestektekening_lezen",
            "skill:veiligheid_bouwplaats",
            "skill:kwaliteitscontrole_bouw",
        ],
        demand: 4,
        supply: 1,
        load: Load::Medium,
        licence_pct: 80,
        vca: true,
        ..BASE
    },
    Occupation {
        isco: "3133",
        title: "Operator chemische procesindustrie",
        sector: 'C',
        alt_sectors: "D",
        skills: &[
            "skill:procesbewaking",
            "skill:chemische_processen",
            "skill:monsters_nemen",
            "skill:veiligheidsvoorschriften",
            "skill:dcs_bedienen",
            "skill:storingen_zoeken",
        ],
        demand: 5,
        supply: 1,
        load: Load::Medium,
        early: true,
        vca: true,
        ..BASE
    },
    Occupation {
        isco: "3221",
        title: "Verpleegkundige (mbo)",
        sector: 'Q',
        skills: &[
            "skill:verpleegkundige_zorg",
            "skill:medicatie_toedienen",
            "skill:observeren_rapporteren",
            "skill:wondzorg",
            "skill:persoonlijke_verzorging",
            "skill:client_communicatie",
        ],
        demand: 14,
        supply: 3,
        load: Load::Medium,
        early: true,
        dutch: Some(Cefr::B2),
        part_time: true,
        ..BASE
    },
    Occupation {
        isco: "3313",
        title: "Boekhouder",
        sector: 'M',
        alt_sectors: "CGKO",
        skills: &[
            "skill:boekhouden",
            "skill:grootboek",
            "skill:btw_aangifte",
            "skill:excel_gevorderd",
            "skill:exact_online",
            "skill:facturen_verwerken",
        ],
        demand: 6,
        supply: 3,
        remote: true,
        ..BASE
    },
    Occupation {
        isco: "3322",
        title: "Vertegenwoordiger",
        sector: 'G',
        alt_sectors: "C",
        skills: &[
            "skill:verkopen",
            "skill:acquisitie",
            "skill:onderhandelen",
            "skill:relatiebeheer",
            "skill:crm_systeem",
            "skill:offertes_maken",
        ],
        demand: 4,
        supply: 3,
        licence_pct: 95,
        dutch: Some(Cefr::B2),
        ..BASE
    },
    Occupation {
        isco: "3343",
        title: "Managementassistent",
        sector: 'N',
        alt_sectors: "MOPQ",
        skills: &[
            "skill:agendabeheer",
            "skill:notuleren",
            "skill:correspondentie",
            "skill:office_pakket",
            "skill:vergaderingen_organiseren",
        ],
        demand: 4,
        supply: 3,
        remote: true,
        dutch: Some(Cefr::B2),
        ..BASE
    },
    Occupation {
        isco: "3412",
        title: "Sociaal werker (mbo)",
        sector: 'Q',
        alt_sectors: "O",
        skills: &[
            "skill:clienten_begeleiden",
            "skill:gespreksvoering",
            "skill:activiteiten_organiseren",
            "skill:observeren_rapporteren",
            "skill:sociale_kaart",
        ],
        demand: 6,
        supply: 3,
        dutch: Some(Cefr::B2),
        part_time: true,
        ..BASE
    },
    Occupation {
        isco: "3434",
        title: "Chef-kok",
        sector: 'I',
        skills: &[
            "skill:koken",
            "skill:menu_samenstellen",
            "skill:haccp",
            "skill:keuken_leiden",
            "skill:inkoop",
            "skill:snijtechnieken",
        ],
        demand: 3,
        supply: 2,
        load: Load::Medium,
        ..BASE
    },
    Occupation {
        isco: "3512",
        title: "ICT-servicedeskmedewerker",
        sector: 'J',
        alt_sectors: "NOP",
        skills: &[
            "skill:gebruikers_ondersteunen",
            "skill:incidenten_registreren",
            "skill:windows_beheer",
            "skill:netwerk_basis",
            "skill:telefoon_beantwoorden",
            "skill:ticketsysteem",
        ],
        demand: 7,
        supply: 3,
        remote: true,
        dutch: Some(Cefr::B1),
        ..BASE
    },
    // ---- Level 2 (ISCO major groups 4–8) ----
    Occupation {
        isco: "4110",
        title: "Administratief medewerker",
        sector: 'N',
        alt_sectors: "CGHOQ",
        skills: &[
            "skill:administratie_bijhouden",
            "skill:tekstverwerken",
            "skill:archiveren",
            "skill:email_afhandelen",
            "skill:office_pakket",
            "skill:gegevens_invoeren",
        ],
        demand: 30,
        supply: 18,
        remote: true,
        dutch: Some(Cefr::B1),
        ..BASE
    },
    Occupation {
        isco: "4222",
        title: "Klantcontactmedewerker",
        sector: 'N',
        alt_sectors: "JKD",
        skills: &[
            "skill:klantgesprekken_voeren",
            "skill:klachten_afhandelen",
            "skill:crm_systeem",
            "skill:telefoon_beantwoorden",
            "skill:informatie_verstrekken",
            "skill:gegevens_invoeren",
        ],
        demand: 30,
        supply: 12,
        remote: true,
        dutch: Some(Cefr::B2),
        part_time: true,
        ..BASE
    },
    Occupation {
        isco: "4226",
        title: "Receptionist",
        sector: 'N',
        alt_sectors: "IQM",
        skills: &[
            "skill:bezoekers_ontvangen",
            "skill:telefoon_beantwoorden",
            "skill:agendabeheer",
            "skill:informatie_verstrekken",
            "skill:kassa_bedienen",
        ],
        demand: 6,
        supply: 8,
        dutch: Some(Cefr::B1),
        part_time: true,
        ..BASE
    },
    Occupation {
        isco: "4311",
        title: "Financieel administratief medewerker",
        sector: 'M',
        alt_sectors: "CGK",
        skills: &[
            "skill:boekhouden",
            "skill:facturen_verwerken",
            "skill:debiteurenbeheer",
            "skill:excel",
            "skill:exact_online",
            "skill:gegevens_invoeren",
        ],
        demand: 12,
        supply: 6,
        remote: true,
        dutch: Some(Cefr::B1),
        ..BASE
    },
    Occupation {
        isco: "4321",
        title: "Magazijnmedewerker",
        sector: 'H',
        alt_sectors: "CG",
        skills: &[
            "skill:orderpicken",
            "skill:heftruck_rijden",
            "skill:voorraadbeheer",
            "skill:scanner_gebruiken",
            "skill:goederen_ontvangen",
            "skill:palletwagen_bedienen",
            "skill:wms_systeem",
        ],
        demand: 45,
        supply: 40,
        load: Load::Medium,
        early: true,
        ..BASE
    },
    Occupation {
        isco: "4323",
        title: "Transportplanner",
        sector: 'H',
        skills: &[
            "skill:ritplanning",
            "skill:transportmanagementsysteem",
            "skill:chauffeurs_aansturen",
            "skill:douanedocumenten",
            "skill:telefoon_beantwoorden",
        ],
        demand: 6,
        supply: 3,
        early: true,
        dutch: Some(Cefr::B1),
        ..BASE
    },
    Occupation {
        isco: "5120",
        title: "Kok",
        sector: 'I',
        alt_sectors: "Q",
        skills: &[
            "skill:koken",
            "skill:haccp",
            "skill:snijtechnieken",
            "skill:mise_en_place",
            "skill:menu_bereiden",
            "skill:voorraad_keuken",
        ],
        demand: 14,
        supply: 12,
        load: Load::Medium,
        training: true,
        part_time: true,
        ..BASE
    },
    Occupation {
        isco: "5131",
        title: "Medewerker bediening",
        sector: 'I',
        skills: &[
            "skill:gasten_bedienen",
            "skill:bestellingen_opnemen",
            "skill:afrekenen",
            "skill:dranken_schenken",
            "skill:gastvrijheid",
        ],
        demand: 14,
        supply: 16,
        load: Load::Medium,
        training: true,
        dutch: Some(Cefr::A2),
        part_time: true,
        ..BASE
    },
    Occupation {
        isco: "5223",
        title: "Verkoopmedewerker",
        sector: 'G',
        skills: &[
            "skill:klanten_adviseren",
            "skill:kassa_bedienen",
            "skill:vakken_vullen",
            "skill:winkelpresentatie",
            "skill:voorraad_tellen",
            "skill:verkopen",
        ],
        demand: 40,
        supply: 40,
        load: Load::Medium,
        dutch: Some(Cefr::B1),
        part_time: true,
        ..BASE
    },
    Occupation {
        isco: "5230",
        title: "Kassamedewerker",
        sector: 'G',
        skills: &["skill:kassa_bedienen", "skill:afrekenen", "skill:klantvriendelijk_afrekenen", "skill:kasopmaak"],
        demand: 8,
        supply: 14,
        dutch: Some(Cefr::A2),
        part_time: true,
        ..BASE
    },
    Occupation {
        isco: "5246",
        title: "Medewerker fastfood en counter",
        sector: 'I',
        skills: &[
            "skill:bestellingen_opnemen",
            "skill:afrekenen",
            "skill:snacks_bereiden",
            "skill:haccp",
            "skill:counter_schoonhouden",
        ],
        demand: 10,
        supply: 14,
        training: true,
        dutch: Some(Cefr::A2),
        part_time: true,
        ..BASE
    },
    Occupation {
        isco: "5311",
        title: "Pedagogisch medewerker kinderopvang",
        sector: 'Q',
        alt_sectors: "P",
        skills: &[
            "skill:kinderen_begeleiden",
            "skill:spelactiviteiten",
            "skill:observeren_rapporteren",
            "skill:oudercontact",
            "skill:veiligheid_kinderen",
        ],
        demand: 10,
        supply: 8,
        dutch: Some(Cefr::B2),
        part_time: true,
        ..BASE
    },
    Occupation {
        isco: "5321",
        title: "Helpende zorg en welzijn",
        sector: 'Q',
        skills: &[
            "skill:persoonlijke_verzorging",
            "skill:adl_ondersteuning",
            "skill:observeren_rapporteren",
            "skill:hygiene_zorg",
            "skill:tillen_transfers",
            "skill:client_communicatie",
            "skill:maaltijden_verzorgen",
        ],
        demand: 24,
        supply: 20,
        load: Load::Medium,
        early: true,
        training: true,
        dutch: Some(Cefr::B1),
        part_time: true,
        ..BASE
    },
    Occupation {
        isco: "5322",
        title: "Medewerker thuiszorg",
        sector: 'Q',
        skills: &[
            "skill:persoonlijke_verzorging",
            "skill:adl_ondersteuning",
            "skill:huishoudelijke_hulp",
            "skill:observeren_rapporteren",
            "skill:client_communicatie",
        ],
        demand: 14,
        supply: 10,
        load: Load::Medium,
        early: true,
        licence_pct: 25,
        training: true,
        dutch: Some(Cefr::B1),
        part_time: true,
        ..BASE
    },
    Occupation {
        isco: "5414",
        title: "Beveiliger",
        sector: 'N',
        skills: &[
            "skill:toezicht_houden",
            "skill:surveilleren",
            "skill:rapporteren",
            "skill:conflicthantering",
            "skill:bhv",
            "skill:toegangscontrole",
        ],
        demand: 8,
        supply: 8,
        early: true,
        dutch: Some(Cefr::B1),
        ..BASE
    },
    Occupation {
        isco: "6113",
        title: "Hovenier",
        sector: 'N',
        alt_sectors: "A",
        skills: &[
            "skill:tuinaanleg",
            "skill:bestrating_leggen",
            "skill:snoeien",
            "skill:planten_kennis",
            "skill:maaien",
            "skill:kleine_machines_bedienen",
        ],
        demand: 6,
        supply: 6,
        load: Load::Heavy,
        early: true,
        licence_pct: 30,
        ..BASE
    },
    Occupation {
        isco: "7112",
        title: "Metselaar",
        sector: 'F',
        skills: &[
            "skill:metselen",
            "skill:voegen",
            "skill:bestektekening_lezen",
            "skill:veiligheid_bouwplaats",
            "skill:maatvoering",
        ],
        demand: 10,
        supply: 4,
        load: Load::Heavy,
        early: true,
        vca: true,
        training: true,
        ..BASE
    },
    Occupation {
        isco: "7115",
        title: "Timmerman",
        sector: 'F',
        alt_sectors: "C",
        skills: &[
            "skill:timmeren",
            "skill:houtbewerking",
            "skill:bestektekening_lezen",
            "skill:elektrisch_handgereedschap",
            "skill:maatvoering",
            "skill:veiligheid_bouwplaats",
        ],
        demand: 14,
        supply: 6,
        load: Load::Heavy,
        early: true,
        vca: true,
        training: true,
        ..BASE
    },
    Occupation {
        isco: "7119",
        title: "Steigerbouwer",
        sector: 'F',
        skills: &[
            "skill:steigerbouw",
            "skill:valbeveiliging",
            "skill:veiligheid_bouwplaats",
            "skill:werken_op_hoogte",
            "skill:materiaal_sjouwen",
        ],
        demand: 8,
        supply: 4,
        load: Load::Heavy,
        early: true,
        vca: true,
        training: true,
        ..BASE
    },
    Occupation {
        isco: "7126",
        title: "Loodgieter en installatiemonteur",
        sector: 'F',
        skills: &[
            "skill:leidingwerk",
            "skill:solderen",
            "skill:cv_installaties",
            "skill:sanitair_installeren",
            "skill:schema_lezen",
            "skill:veiligheid_bouwplaats",
        ],
        demand: 14,
        supply: 4,
        load: Load::Medium,
        licence_pct: 50,
        vca: true,
        ..BASE
    },
    Occupation {
        isco: "7212",
        title: "Lasser",
        sector: 'C',
        skills: &[
            "skill:lassen_mig_mag",
            "skill:lassen_tig",
            "skill:tekening_lezen",
            "skill:metaal_bewerken",
            "skill:veiligheidsvoorschriften",
        ],
        demand: 10,
        supply: 4,
        load: Load::Heavy,
        early: true,
        vca: true,
        ..BASE
    },
    Occupation {
        isco: "7223",
        title: "CNC-verspaner",
        sector: 'C',
        skills: &[
            "skill:cnc_programmeren",
            "skill:draaien_frezen",
            "skill:tekening_lezen",
            "skill:meten_testen",
            "skill:metaal_bewerken",
        ],
        demand: 10,
        supply: 3,
        load: Load::Medium,
        early: true,
        vca: true,
        ..BASE
    },
    Occupation {
        isco: "7231",
        title: "Automonteur",
        sector: 'G',
        skills: &[
            "skill:auto_onderhoud",
            "skill:diagnose_apparatuur",
            "skill:remmen_banden",
            "skill:motormanagement",
            "skill:storingen_zoeken",
        ],
        demand: 8,
        supply: 5,
        load: Load::Medium,
        training: true,
        ..BASE
    },
    Occupation {
        isco: "7233",
        title: "Monteur machines en installaties",
        sector: 'C',
        alt_sectors: "AG",
        skills: &[
            "skill:machines_monteren",
            "skill:hydrauliek",
            "skill:pneumatiek",
            "skill:storingen_zoeken",
            "skill:tekening_lezen",
            "skill:onderhoud_plannen",
        ],
        demand: 14,
        supply: 4,
        load: Load::Medium,
        licence_pct: 40,
        vca: true,
        ..BASE
    },
    Occupation {
        isco: "7234",
        title: "Fietsenmaker",
        sector: 'G',
        skills: &[
            "skill:fietsen_repareren",
            "skill:banden_plakken",
            "skill:versnellingen_afstellen",
            "skill:ebike_onderhoud",
            "skill:klanten_adviseren",
        ],
        demand: 5,
        supply: 4,
        load: Load::Medium,
        training: true,
        ..BASE
    },
    Occupation {
        isco: "7411",
        title: "Elektricien",
        sector: 'F',
        skills: &[
            "skill:elektrische_installaties",
            "skill:schema_lezen",
            "skill:nen1010",
            "skill:kabels_trekken",
            "skill:meten_testen",
            "skill:veiligheid_bouwplaats",
        ],
        demand: 14,
        supply: 4,
        load: Load::Medium,
        licence_pct: 40,
        vca: true,
        ..BASE
    },
    Occupation {
        isco: "7512",
        title: "Bakker",
        sector: 'C',
        alt_sectors: "G",
        skills: &[
            "skill:deeg_bereiden",
            "skill:bakken",
            "skill:haccp",
            "skill:ovens_bedienen",
            "skill:recepturen_volgen",
        ],
        demand: 6,
        supply: 4,
        load: Load::Medium,
        early: true,
        training: true,
        ..BASE
    },
    Occupation {
        isco: "7522",
        title: "Meubelmaker en houtbewerker",
        sector: 'C',
        skills: &[
            "skill:houtbewerking",
            "skill:houtbewerkingsmachines",
            "skill:tekening_lezen",
            "skill:afwerken_lakken",
            "skill:maatvoering",
        ],
        demand: 5,
        supply: 4,
        load: Load::Heavy,
        vca: true,
        training: true,
        ..BASE
    },
    Occupation {
        isco: "8160",
        title: "Operator levensmiddelenindustrie",
        sector: 'C',
        skills: &[
            "skill:productielijn_bedienen",
            "skill:haccp",
            "skill:machine_instellen",
            "skill:kwaliteitscontrole",
            "skill:hygienevoorschriften",
        ],
        demand: 12,
        supply: 6,
        load: Load::Medium,
        early: true,
        ..BASE
    },
    Occupation {
        isco: "8189",
        title: "Procesoperator",
        sector: 'C',
        alt_sectors: "DE",
        skills: &[
            "skill:procesbewaking",
            "skill:machine_instellen",
            "skill:storingen_zoeken",
            "skill:kwaliteitscontrole",
            "skill:veiligheidsvoorschriften",
        ],
        demand: 12,
        supply: 4,
        load: Load::Medium,
        early: true,
        vca: true,
        ..BASE
    },
    Occupation {
        isco: "8219",
        title: "Assemblagemedewerker",
        sector: 'C',
        skills: &[
            "skill:assembleren",
            "skill:tekening_lezen",
            "skill:handgereedschap",
            "skill:kwaliteitscontrole",
            "skill:lopende_band_werk",
        ],
        demand: 12,
        supply: 10,
        load: Load::Medium,
        early: true,
        ..BASE
    },
    Occupation {
        isco: "8322",
        title: "Chauffeur bestelbus",
        sector: 'H',
        alt_sectors: "GN",
        skills: &[
            "skill:rijbewijs_b",
            "skill:pakketten_bezorgen",
            "skill:route_plannen",
            "skill:laden_lossen",
            "skill:navigatiesysteem",
        ],
        demand: 14,
        supply: 10,
        load: Load::Medium,
        early: true,
        licence_pct: 100,
        ..BASE
    },
    Occupation {
        isco: "8332",
        title: "Vrachtwagenchauffeur",
        sector: 'H',
        skills: &[
            "skill:rijbewijs_ce",
            "skill:tachograaf",
            "skill:laden_lossen",
            "skill:ladingzekering",
            "skill:route_plannen",
        ],
        demand: 12,
        supply: 4,
        load: Load::Medium,
        early: true,
        licence_pct: 100,
        ..BASE
    },
    Occupation {
        isco: "8344",
        title: "Heftruckchauffeur",
        sector: 'H',
        alt_sectors: "CG",
        skills: &[
            "skill:heftruck_rijden",
            "skill:reachtruck_rijden",
            "skill:laden_lossen",
            "skill:orderpicken",
            "skill:scanner_gebruiken",
        ],
        demand: 8,
        supply: 6,
        load: Load::Medium,
        early: true,
        ..BASE
    },
    // ---- Level 1 (ISCO major group 9) ----
    Occupation {
        isco: "9112",
        title: "Schoonmaker",
        sector: 'N',
        alt_sectors: "QI",
        skills: &[
            "skill:schoonmaken_interieur",
            "skill:schoonmaakmiddelen_gebruiken",
            "skill:hygienevoorschriften",
            "skill:vloeren_reinigen",
            "skill:sanitair_reinigen",
            "skill:afval_scheiden",
        ],
        demand: 22,
        supply: 60,
        load: Load::Medium,
        early: true,
        training: true,
        part_time: true,
        ..BASE
    },
    Occupation {
        isco: "9122",
        title: "Industrieel reiniger",
        sector: 'N',
        alt_sectors: "C",
        skills: &[
            "skill:hogedrukreiniger",
            "skill:industriele_reiniging",
            "skill:veiligheidsvoorschriften",
            "skill:schoonmaakmiddelen_gebruiken",
            "skill:werken_op_hoogte",
        ],
        demand: 4,
        supply: 6,
        load: Load::Heavy,
        early: true,
        vca: true,
        training: true,
        ..BASE
    },
    Occupation {
        isco: "9211",
        title: "Medewerker akkerbouw en tuinbouw",
        sector: 'A',
        skills: &[
            "skill:oogsten",
            "skill:planten_verzorgen",
            "skill:sorteren",
            "skill:trekker_rijden",
            "skill:kassenwerk",
        ],
        demand: 5,
        supply: 10,
        load: Load::Heavy,
        early: true,
        ..BASE
    },
    Occupation {
        isco: "9214",
        title: "Groenmedewerker",
        sector: 'N',
        alt_sectors: "O",
        skills: &[
            "skill:maaien",
            "skill:snoeien",
            "skill:onkruid_wieden",
            "skill:bosmaaier_bedienen",
            "skill:kleine_machines_bedienen",
        ],
        demand: 5,
        supply: 14,
        load: Load::Heavy,
        early: true,
        ..BASE
    },
    Occupation {
        isco: "9313",
        title: "Bouwhulp en sloper",
        sector: 'F',
        skills: &[
            "skill:materiaal_sjouwen",
            "skill:sloopwerk",
            "skill:grondwerk",
            "skill:handgereedschap",
            "skill:veiligheid_bouwplaats",
        ],
        demand: 6,
        supply: 14,
        load: Load::Heavy,
        early: true,
        vca: true,
        training: true,
        ..BASE
    },
    Occupation {
        isco: "9321",
        title: "Inpakker",
        sector: 'C',
        alt_sectors: "H",
        skills: &[
            "skill:inpakken",
            "skill:lopende_band_werk",
            "skill:etiketteren",
            "skill:kwaliteitscontrole_visueel",
            "skill:hygienevoorschriften",
        ],
        demand: 6,
        supply: 16,
        load: Load::Medium,
        early: true,
        ..BASE
    },
    Occupation {
        isco: "9329",
        title: "Productiemedewerker",
        sector: 'C',
        skills: &[
            "skill:machine_bedienen",
            "skill:lopende_band_werk",
            "skill:kwaliteitscontrole_visueel",
            "skill:inpakken",
            "skill:hygienevoorschriften",
            "skill:handgereedschap",
        ],
        demand: 14,
        supply: 30,
        load: Load::Medium,
        early: true,
        ..BASE
    },
    Occupation {
        isco: "9333",
        title: "Laad- en losmedewerker",
        sector: 'H',
        skills: &[
            "skill:laden_lossen",
            "skill:palletwagen_bedienen",
            "skill:goederen_sjouwen",
            "skill:orderpicken",
            "skill:scanner_gebruiken",
        ],
        demand: 6,
        supply: 16,
        load: Load::Heavy,
        early: true,
        ..BASE
    },
    Occupation {
        isco: "9334",
        title: "Vakkenvuller",
        sector: 'G',
        skills: &[
            "skill:vakken_vullen",
            "skill:houdbaarheid_controleren",
            "skill:palletwagen_bedienen",
            "skill:winkelpresentatie",
        ],
        demand: 7,
        supply: 24,
        load: Load::Medium,
        early: true,
        part_time: true,
        ..BASE
    },
    Occupation {
        isco: "9411",
        title: "Medewerker snackbar",
        sector: 'I',
        skills: &[
            "skill:snacks_bereiden",
            "skill:frituren",
            "skill:haccp",
            "skill:afrekenen",
            "skill:counter_schoonhouden",
        ],
        demand: 5,
        supply: 12,
        training: true,
        dutch: Some(Cefr::A2),
        part_time: true,
        ..BASE
    },
    Occupation {
        isco: "9412",
        title: "Keukenhulp",
        sector: 'I',
        alt_sectors: "Q",
        skills: &[
            "skill:afwassen",
            "skill:groente_snijden",
            "skill:haccp",
            "skill:keuken_schoonmaken",
            "skill:mise_en_place",
        ],
        demand: 6,
        supply: 18,
        load: Load::Medium,
        training: true,
        part_time: true,
        ..BASE
    },
    Occupation {
        isco: "9611",
        title: "Medewerker afvalinzameling",
        sector: 'E',
        skills: &[
            "skill:afval_inzamelen",
            "skill:afval_scheiden",
            "skill:containers_verplaatsen",
            "skill:veiligheidsvoorschriften",
        ],
        demand: 3,
        supply: 6,
        load: Load::Heavy,
        early: true,
        ..BASE
    },
    Occupation {
        isco: "9621",
        title: "Bezorger",
        sector: 'H',
        alt_sectors: "GI",
        skills: &[
            "skill:pakketten_bezorgen",
            "skill:route_plannen",
            "skill:scanner_gebruiken",
            "skill:klantvriendelijk_bezorgen",
        ],
        demand: 5,
        supply: 14,
        load: Load::Medium,
        licence_pct: 30,
        part_time: true,
        ..BASE
    },
    Occupation {
        isco: "9622",
        title: "Klusjesman en conciërge",
        sector: 'N',
        alt_sectors: "PLQ",
        skills: &[
            "skill:klein_onderhoud",
            "skill:handgereedschap",
            "skill:schilderen",
            "skill:toezicht_houden",
            "skill:tuinonderhoud",
        ],
        demand: 3,
        supply: 10,
        load: Load::Medium,
        part_time: true,
        ..BASE
    },
];

/// The ISCO skill level (1–4) of an occupation code, by its first digit (the
/// rule of SCORING.md 2.1, restricted to the codes in this table).
pub(crate) fn level_of(isco: &str) -> u8 {
    match isco.as_bytes() {
        [b'1', b'4', ..] => 3,
        [b'1' | b'2', ..] => 4,
        [b'3', ..] => 3,
        [b'9', ..] => 1,
        _ => 2,
    }
}

#[cfg(test)]
mod tests {
    use std::collections::BTreeSet;

    use werkmatch_core::{IscoCode, Nace};

    use super::*;

    #[test]
    fn every_entry_is_valid() {
        let mut seen = BTreeSet::new();
        for o in OCCUPATIONS {
            let code = IscoCode::parse(o.isco).expect(o.isco);
            assert_eq!(code.skill_level().get(), level_of(o.isco), "{}", o.isco);
            assert!(seen.insert(o.isco), "duplicate {}", o.isco);
            assert!(Nace::from_letter(o.sector).is_ok(), "{}", o.isco);
            for c in o.alt_sectors.chars() {
                assert!(Nace::from_letter(c).is_ok(), "{}", o.isco);
            }
            assert!((4..=12).contains(&o.skills.len()), "{} has {} skills", o.isco, o.skills.len());
            assert!(o.demand > 0 && o.supply > 0 && o.licence_pct <= 100, "{}", o.isco);
            for s in o.skills {
                assert!(s.starts_with("skill:"), "{s}");
            }
        }
        assert!((40..=80).contains(&OCCUPATIONS.len()), "{}", OCCUPATIONS.len());
    }

    #[test]
    fn the_skill_vocabulary_has_a_few_hundred_ids() {
        let all: BTreeSet<&str> =
            OCCUPATIONS.iter().flat_map(|o| o.skills.iter().copied()).chain(GENERIC_SKILLS.iter().copied()).collect();
        assert!(all.len() >= 200, "{}", all.len());
    }
}
