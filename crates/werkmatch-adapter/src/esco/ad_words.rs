//! How job ads write titles differently from ESCO's labels: abbreviations,
//! American spellings, trainee words and ad decorations, rewritten before a
//! title is searched.
//!
//! ESCO writes titles out in British English and Dutch ("marketing
//! assistant", "organiser", "medewerker"); ads abbreviate ("Mktg Mgr", "Sr
//! Dev", "mdw"), spell American ("organizer", "center"), name a learner
//! instead of the job ("Marketing Intern") and add words that say nothing
//! about the occupation ("cum" between two titles, "(male)"). The tables are
//! general knowledge of ad English and Dutch, not learnt from test data: an
//! abbreviation is listed only when it has one usual meaning in job titles
//! ("MD" is not: managing director or medical doctor).
//!
//! Left as typed, because expanding them made the JobBERT development titles
//! rank worse (their expansions outweigh the rest of a short title, and ESCO
//! has the short forms itself in some labels): "HR", "QA", "QC", "admin",
//! "exec" (the truncation match in the index reaches "executive" anyway),
//! "asst"; also "full time" / "part time" and "F&B" (no better either way).

/// Single-word abbreviations and their ESCO spelling.
const ABBREVIATIONS: &[(&str, &str)] = &[
    ("pa", "personal assistant"),
    ("gm", "general manager"),
    ("ceo", "chief executive officer"),
    ("cfo", "chief financial officer"),
    ("coo", "chief operating officer"),
    ("cto", "chief technology officer"),
    ("cio", "chief information officer"),
    ("cs", "customer service"),
    ("csr", "customer service representative"),
    ("bdm", "business development manager"),
    ("bd", "business development"),
    ("ui", "user interface"),
    ("ux", "user experience"),
    ("hse", "health safety environment"),
    ("ehs", "environment health safety"),
    ("hgv", "heavy goods vehicle"),
    ("lgv", "large goods vehicle"),
    ("rn", "registered nurse"),
    ("rgn", "registered general nurse"),
    ("hca", "healthcare assistant"),
    ("nqt", "newly qualified teacher"),
    ("vp", "vice president"),
    ("hod", "head of department"),
    ("qs", "quantity surveyor"),
    ("dba", "database administrator"),
    ("sysadmin", "system administrator"),
    ("bi", "business intelligence"),
    ("ar", "accounts receivable"),
    ("ap", "accounts payable"),
    ("sr", "senior"),
    ("snr", "senior"),
    ("jr", "junior"),
    ("jnr", "junior"),
    ("execs", "executives"),
    ("assoc", "associate"),
    ("acct", "accounting"),
    ("accts", "accounts"),
    ("mgr", "manager"),
    ("mgmt", "management"),
    ("engr", "engineer"),
    ("eng", "engineer"),
    ("tech", "technician"),
    ("techs", "technicians"),
    ("rep", "representative"),
    ("reps", "representatives"),
    ("dev", "developer"),
    ("devs", "developers"),
    ("ops", "operations"),
    ("coord", "coordinator"),
    ("supv", "supervisor"),
    ("spv", "supervisor"),
    ("mktg", "marketing"),
    ("dept", "department"),
    ("svc", "service"),
    ("mech", "mechanical"),
    ("elec", "electrical"),
    ("maint", "maintenance"),
    ("mfg", "manufacturing"),
    ("dir", "director"),
    ("spec", "specialist"),
    // Dutch.
    ("mdw", "medewerker"),
    ("medew", "medewerker"),
    ("adm", "administratief"),
    ("chauf", "chauffeur"),
];

/// Words for someone learning the trade. ESCO has no trainee occupations; the
/// work is an assistant's ("marketing intern" → marketing assistant), so these
/// are searched as "assistant".
const TRAINEES: &[&str] = &[
    "intern",
    "interns",
    "internship",
    "trainee",
    "trainees",
    "apprentice",
    "apprenticeship",
    "stagiair",
    "stagiaire",
];

/// Words that say nothing about the occupation in a title: "cum" joins two
/// titles ("driver cum clerk"), the rest are gender and contract decorations.
const NOISE: &[&str] = &["cum", "male", "female", "permanent", "remote", "hybrid", "wfh", "immediately", "asap"];

/// Rewrites the words of a folded title into ESCO's spelling (see the module docs).
/// `known` says whether a word occurs in some label; American spellings are
/// changed only when the word is unknown and its British spelling is known.
pub(crate) fn rewrite(folded: &str, known: impl Fn(&str) -> bool) -> String {
    let mut out = String::with_capacity(folded.len() + 16);
    let mut push = |s: &str| {
        if !out.is_empty() {
            out.push(' ');
        }
        out.push_str(s);
    };
    for w in folded.split(' ').filter(|w| !w.is_empty()) {
        if NOISE.contains(&w) {
            continue;
        }
        if TRAINEES.contains(&w) {
            push("assistant");
        } else if let Some((_, rep)) = ABBREVIATIONS.iter().find(|(a, _)| *a == w) {
            push(rep);
        } else if known(w) {
            push(w);
        } else {
            match british(w).into_iter().flatten().find(|v| known(v)) {
                Some(v) => push(&v),
                None => push(w),
            }
        }
    }
    out
}

/// British spellings of an American word ("organizer" → "organiser", "center" →
/// "centre", "labor" → "labour", "counselor" → "counsellor", "pediatric" → "paediatric").
fn british(w: &str) -> [Option<String>; 5] {
    let swap = |from: &str, to: &str| w.contains(from).then(|| w.replacen(from, to, 1));
    [
        w.contains("iz").then(|| w.replace("iz", "is")),
        w.strip_suffix("er").map(|s| format!("{s}re")),
        w.strip_suffix("or").map(|s| format!("{s}our")).or_else(|| swap("or", "our")),
        w.strip_suffix("lor").map(|s| format!("{s}llor")).or_else(|| swap("eler", "eller")),
        swap("ped", "paed").or_else(|| swap("esth", "aesth")),
    ]
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn abbreviations_trainees_noise_and_spellings() {
        let known =
            |w: &str| ["organiser", "centre", "driver", "clerk", "labour", "counsellor", "paediatric"].contains(&w);
        assert_eq!(rewrite("mktg mgr", known), "marketing manager");
        assert_eq!(rewrite("marketing intern", known), "marketing assistant");
        assert_eq!(rewrite("driver cum clerk male", known), "driver clerk");
        assert_eq!(rewrite("event organizer", known), "event organiser");
        assert_eq!(rewrite("call center", known), "call centre");
        assert_eq!(rewrite("labor counselor", known), "labour counsellor");
        assert_eq!(rewrite("pediatric", known), "paediatric");
        // A known word is never respelt; an unknown one without a known British form stays.
        assert_eq!(rewrite("driver unknownword", known), "driver unknownword");
        assert_eq!(rewrite("", known), "");
        assert_eq!(rewrite("cum", known), "");
    }
}
