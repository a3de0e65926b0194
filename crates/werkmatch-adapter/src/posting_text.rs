//! Start times and weekly hours stated in a posting's free text.
//!
//! Vacancy sites rarely fill structured fields for the two facts the early-shift
//! knock-out and the hours component need; they write them: `workHours`
//! "05:30-14:00" or "van 6.00 tot 14.30 uur", a description saying "vanaf
//! 06:00", "start om 6 uur 's ochtends", "early shift from 5.30 am", "32-40
//! hours per week". This module reads those phrases, Dutch and English, by
//! hand: a tokenizer and a few patterns, no regular expressions, no model.
//!
//! # What counts
//!
//! A **clock time** is `H:MM`/`H.MM` (two-digit minutes, optionally `uur`/`u`/`h`
//! after), or a whole hour with `am`/`pm`, or with a part of the day (`'s
//! ochtends`, `'s morgens`, `'s nachts`: as written; `'s middags`, `'s avonds`:
//! plus 12). A whole hour with only `uur` (`6 uur`) or nothing is a clock
//! time only where the context says so (below). A number after a currency
//! sign or before `euro`, `per uur`, `per hour` is a wage, never a time.
//!
//! A **start** is
//! * the first time of a clock range: `A-B`, `A – B`, `A tot B`, `A to B`,
//!   `A until B`, `tussen A en B`, where A or B is a clock time, or where the
//!   range opens with `van`/`from`/`tussen`/`between` and its end carries `uur`
//!   (`van 6 tot 14 uur`) and is not hours per week (`… uur per week`);
//! * a clock time after `vanaf`/`from`;
//! * a clock time or `N uur` after a start word (`start`, `begint`,
//!   `beginnen`, `aanvang`, `starting`, `begins` …), directly or through `om`/`at`;
//!   after `om`/`at` also a bare hour when a start word or `dienst`/`shift` came
//!   at most four words before (`shifts begin at 6`).
//!
//! In a description, a time in a sentence about contact ("bel ons tussen 9.00
//! en 17.00 uur", "call us from 9 am", "telefonisch bereikbaar vanaf 08:30":
//! a contact word before it in the same sentence, no start or shift word in
//! between) is no start: those are the employer's hours, not the job's.
//!
//! The earliest start stated is the answer (a posting with early, late and
//! night shifts can start at the early one).
//!
//! **Hours per week** are `A-B`/`A tot B`/`A to B` followed by `uur`, `uren`,
//! `u`, `hours`, `hrs` (`24 tot 32 uur`, `32-40 hours per week`), or one number
//! with such a unit and `per week`/`p/w`/`pw`/`a week`/`weekly` (`36 uur per
//! week`). A range that is a clock range is not hours. Amounts per day or per
//! month are not weekly hours. The first statement wins. In the `workHours`
//! field (whose subject is hours anyway) a single `N uur` counts as well.
//!
//! # HTML
//!
//! Descriptions are often HTML. [`plain_text`] reads tags as word breaks and
//! decodes the common entities (`&amp;`, `&nbsp;`, `&#8211;` …), so
//! `<li>Start: 06:00</li>` reads as "Start: 06:00".
//!
//! Every function here is total: any text gives an answer (possibly none) and
//! never panics (a proptest checks this on arbitrary input).

use std::borrow::Cow;

use werkmatch_core::{HoursRange, TimeOfDay};

/// Which field a text comes from (the rules differ slightly, see the module docs).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum Source {
    /// `workHours`: about working time, so a single `N uur` is hours per week.
    WorkHours,
    /// `description` (and other prose).
    Description,
}

/// What a text states.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub(crate) struct Stated {
    /// The earliest start time stated.
    pub start: Option<TimeOfDay>,
    /// The first statement of hours per week.
    pub hours: Option<HoursRange>,
}

/// Reads the start times and hours per week stated in `text` (plain text or HTML).
pub(crate) fn extract(text: &str, source: Source) -> Stated {
    let plain = plain_text(text);
    let lower = plain.to_lowercase().replace("a.m.", "am").replace("p.m.", "pm");
    let tokens = tokenize(&lower);
    Scan { t: &tokens, source }.run()
}

/// The text of an HTML fragment: tags become spaces, entities are decoded.
/// Text without `<` or `&` is returned as it is.
pub(crate) fn plain_text(text: &str) -> Cow<'_, str> {
    if !text.contains(['<', '&']) {
        return Cow::Borrowed(text);
    }
    let decoded = decode_entities(&strip_tags(text));
    // Escaped HTML (`&lt;p&gt;`) decodes to tags: strip those as well.
    if decoded.contains('<') {
        Cow::Owned(strip_tags(&decoded))
    } else {
        Cow::Owned(decoded)
    }
}

fn strip_tags(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let mut rest = text;
    while let Some(open) = rest.find('<') {
        out.push_str(&rest[..open]);
        let after = &rest[open + 1..];
        // A tag starts with a letter, `/` or `!`; anything else ("a < b") is text.
        if after.starts_with(|c: char| c.is_ascii_alphabetic() || c == '/' || c == '!') {
            match after.find('>') {
                Some(close) => {
                    out.push(' ');
                    rest = &after[close + 1..];
                }
                None => {
                    rest = "";
                }
            }
        } else {
            out.push('<');
            rest = after;
        }
    }
    out.push_str(rest);
    out
}

fn decode_entities(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let mut rest = text;
    while let Some(amp) = rest.find('&') {
        out.push_str(&rest[..amp]);
        let after = &rest[amp + 1..];
        let end = after.find(';').filter(|e| *e <= 10);
        let decoded = end.and_then(|e| entity(&after[..e]));
        match (end, decoded) {
            (Some(e), Some(c)) => {
                out.push(c);
                rest = &after[e + 1..];
            }
            _ => {
                out.push('&');
                rest = after;
            }
        }
    }
    out.push_str(rest);
    out
}

fn entity(name: &str) -> Option<char> {
    if let Some(num) = name.strip_prefix('#') {
        let code = match num.strip_prefix(['x', 'X']) {
            Some(hex) => u32::from_str_radix(hex, 16).ok()?,
            None => num.parse().ok()?,
        };
        return char::from_u32(code);
    }
    Some(match name {
        "amp" => '&',
        "lt" => '<',
        "gt" => '>',
        "quot" => '"',
        "apos" => '\'',
        "nbsp" => ' ',
        "ndash" => '–',
        "mdash" => '—',
        "euro" => '€',
        "rsquo" | "lsquo" => '\'',
        _ => return None,
    })
}

#[derive(Clone, Copy, Debug, PartialEq)]
enum Tok<'a> {
    /// Digits, with two-digit minutes after `:` or `.` when present.
    Num { value: u32, minutes: Option<u32> },
    /// Letters (and apostrophes inside or before them: `'s`, `o'clock`).
    Word(&'a str),
    /// Anything else that is not white space.
    Sym(char),
}

fn tokenize(s: &str) -> Vec<Tok<'_>> {
    let mut out = Vec::new();
    let b = s.as_bytes();
    let mut i = 0;
    while i < b.len() {
        let c = b[i];
        if c.is_ascii_digit() {
            let start = i;
            while i < b.len() && b[i].is_ascii_digit() {
                i += 1;
            }
            // More than 4 digits cannot be an hour or a count of hours: keep it as a large number.
            let value = s[start..i].parse::<u32>().unwrap_or(u32::MAX);
            let mut minutes = None;
            if matches!(b.get(i), Some(b':' | b'.'))
                && b.get(i + 1).is_some_and(u8::is_ascii_digit)
                && b.get(i + 2).is_some_and(u8::is_ascii_digit)
                && !b.get(i + 3).is_some_and(u8::is_ascii_digit)
            {
                minutes = Some(u32::from(b[i + 1] - b'0') * 10 + u32::from(b[i + 2] - b'0'));
                i += 3;
            }
            out.push(Tok::Num { value, minutes });
            continue;
        }
        let Some(ch) = s[i..].chars().next() else { break };
        if ch.is_alphabetic() || ((ch == '\'' || ch == '’') && next_is_alpha(s, i + ch.len_utf8())) {
            let start = i;
            i += ch.len_utf8();
            while let Some(c) = s[i..].chars().next() {
                if c.is_alphabetic() || ((c == '\'' || c == '’') && next_is_alpha(s, i + c.len_utf8())) {
                    i += c.len_utf8();
                } else {
                    break;
                }
            }
            out.push(Tok::Word(&s[start..i]));
            continue;
        }
        i += ch.len_utf8();
        if !ch.is_whitespace() {
            out.push(Tok::Sym(ch));
        }
    }
    out
}

fn next_is_alpha(s: &str, at: usize) -> bool {
    s.get(at..).and_then(|r| r.chars().next()).is_some_and(char::is_alphabetic)
}

/// How sure a number is a time of day.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord)]
enum Clock {
    /// A whole number and nothing else (`6`).
    Bare,
    /// A whole hour with `uur`/`u`/`h` (`6 uur`).
    Unit,
    /// Minutes, `am`/`pm` or a part of the day: certainly a time.
    Sure,
}

/// A number read as a time: minutes after midnight, how sure, and the token after it.
#[derive(Clone, Copy, Debug)]
struct Time {
    minutes: u16,
    clock: Clock,
    next: usize,
}

struct Scan<'t, 'a> {
    t: &'t [Tok<'a>],
    source: Source,
}

/// Words that make the times after them the employer's hours of contact, not
/// working hours ("Bel ons tussen 9.00 en 17.00 uur", "call us from 9 am").
const CONTACT_WORDS: [&str; 16] = [
    "bel",
    "bellen",
    "belt",
    "telefonisch",
    "telefoon",
    "contact",
    "contactpersoon",
    "vragen",
    "reageren",
    "kantoortijden",
    "openingstijden",
    "call",
    "phone",
    "questions",
    "contacting",
    "telephone",
];
const RANGE_OPENERS: [&str; 5] = ["van", "from", "tussen", "between", "vanaf"];
const RANGE_SEPARATORS: [&str; 7] = ["tot", "to", "till", "until", "en", "and", "tm"];
const HOUR_UNITS: [&str; 7] = ["uur", "uren", "u", "hours", "hour", "hrs", "h"];
const START_WORDS: [&str; 20] = [
    "start",
    "starts",
    "started",
    "starting",
    "starten",
    "startend",
    "begin",
    "begins",
    "beginning",
    "begint",
    "beginnen",
    "beginnend",
    "aanvang",
    "aanvangstijd",
    "begintijd",
    "starttijd",
    "aanvangen",
    "opening",
    "opent",
    "commence",
];
const SHIFT_WORDS: [&str; 12] = [
    "dienst",
    "diensten",
    "vroege",
    "vroeg",
    "shift",
    "shifts",
    "ochtenddienst",
    "vroegedienst",
    "werkdag",
    "workday",
    "werktijd",
    "werktijden",
];

impl Scan<'_, '_> {
    fn word(&self, i: usize) -> Option<&str> {
        match self.t.get(i) {
            Some(Tok::Word(w)) => Some(w),
            _ => None,
        }
    }

    fn sym(&self, i: usize) -> Option<char> {
        match self.t.get(i) {
            Some(Tok::Sym(c)) => Some(*c),
            _ => None,
        }
    }

    fn is_word(&self, i: usize, words: &[&str]) -> bool {
        self.word(i).is_some_and(|w| words.contains(&w))
    }

    /// `per week`, `p/w`, `pw`, `a week`, `weekly`, `in de week` at `i`.
    fn per_week(&self, i: usize) -> bool {
        match self.word(i) {
            Some("pw" | "weekly" | "wekelijks") => true,
            Some("per" | "a" | "each" | "every" | "in") => {
                let j = if self.is_word(i + 1, &["de", "the"]) { i + 2 } else { i + 1 };
                self.is_word(j, &["week", "wk"])
            }
            Some("p") => self.sym(i + 1) == Some('/') && self.is_word(i + 2, &["w", "wk", "week"]),
            _ => false,
        }
    }

    /// `per dag`, `per maand`, `a day` … at `i`: an amount that is not per week.
    fn per_other(&self, i: usize) -> bool {
        self.is_word(i, &["per", "a", "each", "every", "p"])
            && (self.is_word(i + 1, &["dag", "day", "maand", "month", "jaar", "year", "nacht", "night", "d", "m"])
                || (self.sym(i + 1) == Some('/') && self.is_word(i + 2, &["d", "m", "dag", "day", "maand", "month"])))
    }

    /// A wage: `€ 14.50`, `14.50 euro`, `14.50 per uur`, `$15 an hour`.
    fn is_money(&self, num: usize, next: usize) -> bool {
        let before = num.checked_sub(1).and_then(|i| self.sym(i));
        if matches!(before, Some('€' | '$' | '£')) || (num > 0 && self.is_word(num - 1, &["eur", "euro", "usd"])) {
            return true;
        }
        if self.is_word(next, &["euro", "eur", "bruto", "netto", "gross"]) || self.sym(next) == Some('€') {
            return true;
        }
        self.is_word(next, &["per", "an", "a", "p"]) && self.is_word(next + 1, &["uur", "hour", "u", "h"])
    }

    /// The number at `i` read as a time of day, with how sure that reading is.
    fn time(&self, i: usize) -> Option<Time> {
        let Some(Tok::Num { value, minutes }) = self.t.get(i).copied() else { return None };
        let mut hour = value;
        let mut clock = if minutes.is_some() { Clock::Sure } else { Clock::Bare };
        let mut next = i + 1;
        match self.word(next) {
            Some("am") => {
                if !(1..=12).contains(&hour) {
                    return None;
                }
                hour %= 12;
                clock = Clock::Sure;
                next += 1;
            }
            Some("pm") => {
                if !(1..=12).contains(&hour) {
                    return None;
                }
                hour = hour % 12 + 12;
                clock = Clock::Sure;
                next += 1;
            }
            Some("uur" | "u" | "h" | "o'clock" | "o’clock") => {
                clock = clock.max(Clock::Unit);
                next += 1;
            }
            _ => {}
        }
        if let Some((shift, len)) = self.day_part(next) {
            if hour < 12 {
                hour += shift;
            }
            clock = Clock::Sure;
            next += len;
        }
        let minutes = minutes.unwrap_or(0);
        if hour > 23 || minutes > 59 || self.is_money(i, next) || (clock == Clock::Unit && self.per_week(next)) {
            return None;
        }
        let minutes = u16::try_from(hour * 60 + minutes).ok()?;
        Some(Time { minutes, clock, next })
    }

    /// `'s ochtends` (0), `'s middags` / `'s avonds` (12) … at `i`: the hours to add and the tokens used.
    fn day_part(&self, i: usize) -> Option<(u32, usize)> {
        let part = |w: &str| match w.trim_start_matches(['\'', '’']) {
            "ochtends" | "morgens" | "sochtends" | "smorgens" | "nachts" | "snachts" | "morning" | "ochtend" => Some(0),
            "middags" | "smiddags" | "avonds" | "savonds" | "afternoon" | "evening" | "avond" | "middag" => Some(12),
            _ => None,
        };
        let w = self.word(i)?;
        if matches!(w, "'s" | "’s" | "s") {
            return part(self.word(i + 1)?).map(|h| (h, 2));
        }
        if matches!(w, "in" | "des") {
            let j = if self.is_word(i + 1, &["de", "the"]) { i + 2 } else { i + 1 };
            return part(self.word(j)?).filter(|_| self.word(j).is_some_and(|w| w.len() > 5)).map(|h| (h, j + 1 - i));
        }
        part(w).filter(|_| w.starts_with(['\'', '’'])).map(|h| (h, 1))
    }

    /// A range separator at `i`: `-`, `–`, `—`, `tot`, `to`, `t/m` …; returns the token after it.
    fn separator(&self, i: usize) -> Option<usize> {
        match self.t.get(i)? {
            Tok::Sym('-' | '–' | '—' | '~') => Some(i + 1),
            Tok::Word("t") if self.sym(i + 1) == Some('/') && self.is_word(i + 2, &["m"]) => Some(i + 3),
            Tok::Word(w) if RANGE_SEPARATORS.contains(w) => Some(i + 1),
            _ => None,
        }
    }

    /// A clock range starting at the number at `i`: its start time and the token after it.
    fn clock_range(&self, i: usize) -> Option<(u16, usize)> {
        let a = self.time(i)?;
        let sep = self.separator(a.next)?;
        let b = self.time(sep)?;
        let opened = i > 0 && self.is_word(i - 1, &RANGE_OPENERS);
        let sure = a.clock == Clock::Sure || b.clock == Clock::Sure;
        let spoken = opened && b.clock == Clock::Unit && !self.per_week(b.next) && !self.per_other(b.next);
        (sure || spoken).then_some((a.minutes, b.next))
    }

    /// An hours-per-week statement starting at the number at `i`.
    fn weekly_hours(&self, i: usize) -> Option<HoursRange> {
        let Some(Tok::Num { value: a, minutes: None }) = self.t.get(i).copied() else { return None };
        let (min, max, unit_at) = match self.separator(i + 1).map(|j| (j, self.t.get(j).copied())) {
            Some((j, Some(Tok::Num { value: b, minutes: None }))) => (a, b, j + 1),
            _ => (a, a, i + 1),
        };
        if !self.is_word(unit_at, &HOUR_UNITS) || self.per_other(unit_at + 1) || self.is_money(i, unit_at) {
            return None;
        }
        let single = min == max && unit_at == i + 1;
        if single && self.source == Source::Description && !self.per_week(unit_at + 1) {
            return None;
        }
        let (min, max) = (u8::try_from(min).ok()?, u8::try_from(max).ok()?);
        HoursRange::new(min, max).ok()
    }

    /// A start after a start word or `vanaf`/`from` at `i`.
    fn start_phrase(&self, i: usize) -> Option<u16> {
        let w = self.word(i)?;
        let from = matches!(w, "vanaf" | "from");
        let start_word = START_WORDS.contains(&w);
        let at = matches!(w, "om" | "at") && self.start_context(i);
        if !(from || start_word || at) {
            return None;
        }
        // Skip a few fillers: "start: om 6 uur", "begint al om", "starting from 5.30".
        let mut j = i + 1;
        for _ in 0..3 {
            match self.t.get(j) {
                Some(Tok::Sym(':')) => j += 1,
                Some(Tok::Word("om" | "at" | "al" | "already" | "vanaf" | "from" | "rond" | "around" | "is")) => {
                    return self.start_phrase(j).or_else(|| self.after_cue(j + 1, true));
                }
                _ => break,
            }
        }
        self.after_cue(j, at)
    }

    /// The time at `j` right after a cue; `bare_ok`: a bare hour counts (after `om`/`at` in a start context).
    fn after_cue(&self, j: usize, bare_ok: bool) -> Option<u16> {
        let t = self.time(j)?;
        let ok = match t.clock {
            Clock::Sure => true,
            Clock::Unit => true,
            // A bare number followed by a word ("at 6 locations") is not a time.
            Clock::Bare => bare_ok && !matches!(self.t.get(t.next), Some(Tok::Word(_)) | Some(Tok::Num { .. })),
        };
        // "vanaf 24 uur": a Unit reading after `vanaf`/`from` alone is too weak (hours per week).
        let weak_from =
            t.clock == Clock::Unit && self.word(j.saturating_sub(1)).is_some_and(|w| w == "vanaf" || w == "from");
        let weak = weak_from && !self.start_context(j.saturating_sub(1));
        (ok && !weak).then_some(t.minutes)
    }

    /// Whether a start word or a shift word occurs in the four tokens before `i`.
    fn start_context(&self, i: usize) -> bool {
        (i.saturating_sub(4)..i).any(|k| self.is_word(k, &START_WORDS) || self.is_word(k, &SHIFT_WORDS))
    }

    /// Whether the time or start phrase at `i` is in a phrase about contact: a
    /// contact word before it in the same sentence, with no start or shift word
    /// between or at `i` itself ("bel ons: de dienst begint om 6:00" and "bel
    /// ons: start 6:00" are starts).
    fn contact_context(&self, i: usize) -> bool {
        for k in (i.saturating_sub(8)..=i).rev() {
            match self.t.get(k) {
                Some(Tok::Sym('.' | '!' | '?' | ';')) => return false,
                Some(Tok::Word(w)) if START_WORDS.contains(w) || SHIFT_WORDS.contains(w) => return false,
                Some(Tok::Word(w)) if CONTACT_WORDS.contains(w) => return true,
                _ => {}
            }
        }
        false
    }

    fn run(&self) -> Stated {
        let mut stated = Stated::default();
        let mut earliest: Option<u16> = None;
        let mut take = |m: u16| earliest = Some(earliest.map_or(m, |e| e.min(m)));
        let mut i = 0;
        while i < self.t.len() {
            // Times of contact are no start, in prose: "bel ons tussen 9.00 en 17.00 uur".
            // Only read when a time or a start phrase is found at `i`.
            let contact = || self.source == Source::Description && self.contact_context(i);
            if let Some((start, next)) = self.clock_range(i) {
                if !contact() {
                    take(start);
                }
                i = next;
                continue;
            }
            if stated.hours.is_none() {
                if let Some(h) = self.weekly_hours(i) {
                    stated.hours = Some(h);
                    i += 1;
                    continue;
                }
            }
            if let Some(start) = self.start_phrase(i).filter(|_| !contact()) {
                take(start);
            }
            i += 1;
        }
        stated.start = earliest.and_then(|m| TimeOfDay::from_minutes(m).ok());
        stated
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    fn start(text: &str) -> Option<String> {
        extract(text, Source::Description).start.map(|t| t.to_string())
    }

    fn hours(text: &str, source: Source) -> Option<(u8, u8)> {
        extract(text, source).hours.map(|h| (h.min(), h.max()))
    }

    #[test]
    fn start_times_from_work_hours() {
        let s = |t: &str| extract(t, Source::WorkHours).start.map(|t| t.to_string());
        assert_eq!(s("05:30-14:00").as_deref(), Some("05:30"));
        assert_eq!(s("van 6.00 tot 14.30 uur").as_deref(), Some("06:00"));
        assert_eq!(s("06:00 – 14:30, 14:00 – 22:30").as_deref(), Some("06:00"));
        assert_eq!(s("van 6 tot 14 uur").as_deref(), Some("06:00"));
        assert_eq!(s("22:00-06:00").as_deref(), Some("22:00"), "a night shift starts at 22:00");
        assert_eq!(s("7am - 3pm").as_deref(), Some("07:00"));
        assert_eq!(s("tussen 5.45 en 14.15").as_deref(), Some("05:45"));
        assert_eq!(s("24 tot 32 uur"), None, "hours per week, not a time");
        assert_eq!(s("12-24 uur per week"), None);
    }

    #[test]
    fn start_times_from_descriptions() {
        assert_eq!(start("De dienst begint vanaf 06:00 in de bakkerij.").as_deref(), Some("06:00"));
        assert_eq!(start("We start om 6 uur 's ochtends.").as_deref(), Some("06:00"));
        assert_eq!(start("Early shift from 5.30 am, late shift from 2 pm.").as_deref(), Some("05:30"));
        assert_eq!(start("Shifts begin at 6 a.m. sharp").as_deref(), Some("06:00"));
        assert_eq!(start("shifts begin at 4.45").as_deref(), Some("04:45"));
        assert_eq!(start("Shifts begin at 6.").as_deref(), Some("06:00"));
        assert_eq!(start("Aanvang: 5.00 uur").as_deref(), Some("05:00"));
        assert_eq!(start("Je begint om 7 uur").as_deref(), Some("07:00"));
        assert_eq!(start("Werktijden 7.00 - 15.30 uur").as_deref(), Some("07:00"));
        assert_eq!(start("start om 8 uur 's avonds").as_deref(), Some("20:00"));
        assert_eq!(start("<p>Start:&nbsp;<b>05:15</b></p>").as_deref(), Some("05:15"));
        // A contact phrase in another sentence, or before the start word, does not hide the start.
        assert_eq!(start("Bel ons gerust. De dienst begint om 6:00.").as_deref(), Some("06:00"));
        assert_eq!(start("Goed bereikbaar met het OV, werktijden 6.00 - 14.00 uur").as_deref(), Some("06:00"));
        assert_eq!(start("Bel ons: je begint om 5.30 uur").as_deref(), Some("05:30"));
        // The start word itself ends the contact phrase.
        assert_eq!(start("Bel ons: start 6:00").as_deref(), Some("06:00"));
        assert_eq!(start("Call us, shift starts 5:30 am").as_deref(), Some("05:30"));
        assert_eq!(start("Bel ons tussen 9.00 en 17.00 uur. Werktijden 6.00 - 14.30 uur").as_deref(), Some("06:00"));
    }

    #[test]
    fn numbers_that_are_not_start_times() {
        for text in [
            "Salaris € 14.50 - € 16.00 per uur",
            "14.50 euro bruto per uur",
            "$15.00 an hour",
            "vanaf 24 uur per week",
            "vanaf 18 jaar",
            "vanaf 1 januari 2025",
            "We have 6 locations; start at 6 locations",
            "Reageer binnen 24 uur",
            "Pauze 12.30",
            "Bel ons tussen 9.00 en 17.00 uur",
            "Vragen? Je kunt ons bellen van 8:30 tot 17:00.",
            "Call us from 9 am to 5 pm with questions",
            "Telefonisch bereikbaar vanaf 08:30",
            "Heb je vragen? Bel 050-1234567 tussen 9 en 17 uur",
            "vanaf 16 uur",
            "32-40 hours per week",
            "",
        ] {
            assert_eq!(start(text), None, "{text:?}");
        }
    }

    #[test]
    fn weekly_hours() {
        use Source::{Description as D, WorkHours as W};
        assert_eq!(hours("24 tot 32 uur", D), Some((24, 32)));
        assert_eq!(hours("32-40 hours per week", D), Some((32, 40)));
        assert_eq!(hours("Je werkt 36 uur per week", D), Some((36, 36)));
        assert_eq!(hours("40 hours a week", D), Some((40, 40)));
        assert_eq!(hours("12 – 24 uur p/w", D), Some((12, 24)));
        assert_eq!(hours("32 uur", W), Some((32, 32)));
        assert_eq!(hours("32 uur", D), None, "a single number in prose needs `per week`");
        assert_eq!(hours("8 uur per dag", D), None);
        assert_eq!(hours("van 6 tot 14 uur", W), None, "a clock range");
        assert_eq!(hours("05:30-14:00", W), None);
        assert_eq!(hours("40-32 uur", D), None, "min above max");
        assert_eq!(hours("70 uur per week", D), None, "above 60");
        assert_eq!(hours("€ 12 - 14 per uur", D), None);
        assert_eq!(hours("eerst 24 tot 32 uur, later 40 uur per week", D), Some((24, 32)), "the first statement");
    }

    #[test]
    fn html_is_read_as_text() {
        assert_eq!(plain_text("a &amp; b"), "a & b");
        assert_eq!(plain_text("<ul><li>één</li><li>twee</li></ul>"), "  één  twee  ");
        assert_eq!(plain_text("&lt;p&gt;x&lt;/p&gt;"), " x ");
        assert_eq!(plain_text("5 < 6 &bogus; &#8211; &#x20AC;"), "5 < 6 &bogus; – €");
        assert!(matches!(plain_text("plain"), Cow::Borrowed("plain")));
    }

    proptest! {
        #[test]
        fn never_panics_on_arbitrary_text(s in "\\PC{0,200}") {
            let _ = extract(&s, Source::Description);
            let _ = extract(&s, Source::WorkHours);
        }

        #[test]
        fn never_panics_on_time_like_text(s in "([0-9]{1,3}[:.]?[0-9]{0,3}|am|pm|uur|u|van|tot|vanaf|om|start|'s|ochtends|per|week|€|-|–|<b>|&amp;|&#|;| ){0,24}") {
            let stated = extract(&s, Source::Description);
            if let Some(h) = stated.hours {
                prop_assert!(h.min() <= h.max() && h.max() <= 60);
            }
            let _ = extract(&s, Source::WorkHours);
        }
    }
}
