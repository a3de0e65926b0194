//! Dutch and English for everything people read: knock-outs, components,
//! travel modes, plain-words reasons, unlock hints, explanations, and the
//! headings and summaries of the tools and reports. The library returns text;
//! it never prints.
//!
//! Data stays language-free: serde values keep their ids (`level_gap`,
//! `ebike`). Only rendering takes a [`Lang`]:
//!
//! ```
//! use werkmatch_core::score::KnockOut;
//! use werkmatch_core::text::{Label, Lang, Message, Catalogue};
//!
//! assert_eq!(KnockOut::Licence.text(Lang::Nl), "rijbewijs B nodig");
//! assert_eq!(KnockOut::Licence.text(Lang::En), "needs a driving licence");
//! let lang: Lang = "nl".parse().unwrap();
//! let line = Label::CommonOf.with(&[("n", &3_u64), ("total", &8_u64)]).text(lang);
//! assert_eq!(line, "3 van 8");
//! ```
//!
//! # One file per language
//! Every Dutch text of the project is in `text/nl.rs`, every English one in
//! `text/en.rs`, so that a Dutch reviewer reads and corrects all Dutch in one
//! file. Both files implement one private trait that lists every message; a
//! message without a text in either language does not compile, and the test
//! below walks every knock-out, hint, reason, component, travel mode and label
//! in both languages.
//!
//! Why a Rust catalogue and not Fluent files: the texts take typed values
//! (minutes, levels, modes) and branch on them (a car alternative, one level or
//! two), which a `match` checks at compile time while Fluent checks at run time;
//! the library may not fail on a missing message, and it needs no parser,
//! bundle or locale data at run time. Numbers are formatted here, in the
//! language's own style ("0,85" in Dutch, "0.85" in English).
//!
//! # For other crates (reports)
//! A report adds its fixed texts as [`Label`] variants (keys `report.…`), with
//! their Dutch in `nl.rs` and English in `en.rs`, and renders them with
//! [`Catalogue::with`] and [`Message::text`]. A crate that must keep its own
//! catalogue implements [`Catalogue`] for its own key enum and calls
//! [`check_catalogue`] in a test; every [`Catalogue`] is a [`Message`].
//!
//! # Stability
//! [`Lang`], [`Message`], [`Catalogue`], [`Decimal`] and [`Verbatim`] are the
//! stable rendering API. [`Lang`] is deliberately exhaustive: adding a
//! language must add a text for every message, so it is a breaking change.

mod en;
mod label;
mod nl;
mod render;
#[cfg(test)]
mod tests;

use std::fmt;
use std::str::FromStr;

use serde::{Deserialize, Serialize};

pub use label::Label;

/// The language of a rendering.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Lang {
    /// Dutch, the default: the language of the people who run and read the tools.
    #[default]
    Nl,
    /// English.
    En,
}

impl Lang {
    /// Every language.
    pub const ALL: [Lang; 2] = [Lang::Nl, Lang::En];

    /// The code used on command lines and in serde: `"nl"` or `"en"`.
    pub fn code(self) -> &'static str {
        match self {
            Lang::Nl => "nl",
            Lang::En => "en",
        }
    }

    pub(crate) fn texts(self) -> &'static dyn Texts {
        match self {
            Lang::Nl => &nl::Nl,
            Lang::En => &en::En,
        }
    }
}

impl fmt::Display for Lang {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.code())
    }
}

/// A language code that is neither `nl` nor `en`.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ParseLangError(String);

impl fmt::Display for ParseLangError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "unknown language {:?}: use nl (Nederlands) or en (English)", self.0)
    }
}

impl std::error::Error for ParseLangError {}

impl FromStr for Lang {
    type Err = ParseLangError;

    /// `nl` or `en`, in any case.
    fn from_str(s: &str) -> Result<Self, Self::Err> {
        Lang::ALL.into_iter().find(|l| l.code().eq_ignore_ascii_case(s)).ok_or_else(|| ParseLangError(s.to_string()))
    }
}

/// Something people read, in either language.
///
/// Implemented by the core's knock-outs, components, travel modes, hints,
/// reasons and explanations, by every [`Catalogue`], and by numbers and
/// strings (which read the same in both languages; use [`Decimal`] for
/// fractions).
pub trait Message {
    /// Writes the text in `lang`.
    fn write_to(&self, lang: Lang, f: &mut fmt::Formatter<'_>) -> fmt::Result;

    /// The text in `lang`.
    fn text(&self, lang: Lang) -> String {
        struct Show<'a, M: ?Sized>(&'a M, Lang);
        impl<M: Message + ?Sized> fmt::Display for Show<'_, M> {
            fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                self.0.write_to(self.1, f)
            }
        }
        Show(self, lang).to_string()
    }

    /// A [`fmt::Display`] of the text in `lang`, for `format!` and `write!`.
    fn in_lang(&self, lang: Lang) -> InLang<'_, Self>
    where
        Self: Sized,
    {
        InLang { message: self, lang }
    }
}

/// A message shown in one language: see [`Message::in_lang`].
#[derive(Clone, Copy, Debug)]
pub struct InLang<'a, M: ?Sized> {
    message: &'a M,
    lang: Lang,
}

impl<M: Message + ?Sized> fmt::Display for InLang<'_, M> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        self.message.write_to(self.lang, f)
    }
}

impl Message for &str {
    fn write_to(&self, _: Lang, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self)
    }
}

impl Message for str {
    fn write_to(&self, _: Lang, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self)
    }
}

impl Message for String {
    fn write_to(&self, _: Lang, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self)
    }
}

macro_rules! plain_numbers {
    ($($t:ty),*) => {$(
        /// Whole numbers read the same in Dutch and English (no grouping).
        impl Message for $t {
            fn write_to(&self, _: Lang, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                write!(f, "{self}")
            }
        }
    )*};
}
plain_numbers!(u8, u16, u32, u64, usize, i8, i16, i32, i64);

/// Anything [`fmt::Display`] shown as it is in every language: ids, file
/// names, codes, times of day ("06:30").
#[derive(Clone, Copy, Debug)]
pub struct Verbatim<T>(pub T);

impl<T: fmt::Display> Message for Verbatim<T> {
    fn write_to(&self, _: Lang, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}", self.0)
    }
}

/// A number with a fixed count of decimals in the language's style: "0,85"
/// in Dutch, "0.85" in English.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Decimal {
    /// The value.
    pub value: f64,
    /// Decimals shown.
    pub places: usize,
}

impl Decimal {
    /// `value` with `places` decimals.
    pub fn new(value: f64, places: usize) -> Self {
        Decimal { value, places }
    }
}

impl Message for Decimal {
    fn write_to(&self, lang: Lang, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let s = format!("{:.*}", self.places, self.value);
        match lang.texts().decimal_separator() {
            '.' => f.write_str(&s),
            sep => f.write_str(&s.replace('.', sep.encode_utf8(&mut [0; 4]))),
        }
    }
}

/// Keyed fixed texts: one enum of keys, a text per key and language.
///
/// A text may hold `{name}` placeholders, filled by [`Catalogue::with`];
/// `{{` and `}}` stand for literal braces. Both languages of a key must use
/// the same placeholders ([`check_catalogue`] checks it).
///
/// A crate with its own catalogue (the project's reports put their texts in
/// [`Label`] instead, so that all Dutch stays in one file):
///
/// ```
/// use werkmatch_core::text::{check_catalogue, Catalogue, Decimal, Lang, Message};
///
/// #[derive(Clone, Copy, Debug, PartialEq)]
/// enum Fairness {
///     Title,
///     ImpactRatio,
/// }
///
/// impl Catalogue for Fairness {
///     const KEYS: &'static [Self] = &[Fairness::Title, Fairness::ImpactRatio];
///     fn key(self) -> &'static str {
///         match self {
///             Fairness::Title => "fairness.title",
///             Fairness::ImpactRatio => "fairness.impact_ratio",
///         }
///     }
///     fn template(self, lang: Lang) -> &'static str {
///         match (self, lang) {
///             (Fairness::Title, Lang::Nl) => "Eerlijkheidsrapport",
///             (Fairness::Title, Lang::En) => "Fairness report",
///             (Fairness::ImpactRatio, Lang::Nl) => "verhouding {ratio}",
///             (Fairness::ImpactRatio, Lang::En) => "impact ratio {ratio}",
///         }
///     }
/// }
///
/// assert!(check_catalogue::<Fairness>().is_empty());
/// let ratio = Decimal::new(0.8, 2);
/// assert_eq!(Fairness::ImpactRatio.text_with(Lang::Nl, &[("ratio", &ratio)]), "verhouding 0,80");
/// assert_eq!(Fairness::Title.text(Lang::En), "Fairness report");
/// ```
pub trait Catalogue: Copy + fmt::Debug + 'static {
    /// Every key, in a fixed order.
    const KEYS: &'static [Self];

    /// The stable, language-free id of the key (`[a-z0-9_.]`).
    fn key(self) -> &'static str;

    /// The text (template) in `lang`.
    fn template(self, lang: Lang) -> &'static str;

    /// The text with its placeholders filled from `args` (name, value).
    fn with<'a>(self, args: &'a [(&'a str, &'a dyn Message)]) -> Filled<'a, Self> {
        Filled { key: self, args }
    }

    /// The text in `lang` with its placeholders filled: `with(args).text(lang)` in one call.
    fn text_with(self, lang: Lang, args: &[(&str, &dyn Message)]) -> String {
        self.with(args).text(lang)
    }
}

impl<C: Catalogue> Message for C {
    fn write_to(&self, lang: Lang, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        fill(self.template(lang), &[], lang, f)
    }
}

/// A [`Catalogue`] text with its placeholders filled: see [`Catalogue::with`].
#[derive(Clone, Copy)]
pub struct Filled<'a, C> {
    key: C,
    args: &'a [(&'a str, &'a dyn Message)],
}

impl<C: fmt::Debug> fmt::Debug for Filled<'_, C> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let names: Vec<&str> = self.args.iter().map(|a| a.0).collect();
        f.debug_struct("Filled").field("key", &self.key).field("args", &names).finish()
    }
}

impl<C: Catalogue> Message for Filled<'_, C> {
    fn write_to(&self, lang: Lang, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        fill(self.key.template(lang), self.args, lang, f)
    }
}

/// Writes `template` with every `{name}` replaced by its argument. A name
/// without an argument is written as it stands, so a mistake shows in the
/// output (and in [`check_catalogue`]) instead of failing.
fn fill(template: &str, args: &[(&str, &dyn Message)], lang: Lang, f: &mut fmt::Formatter<'_>) -> fmt::Result {
    let mut rest = template;
    while let Some(i) = rest.find(['{', '}']) {
        f.write_str(&rest[..i])?;
        let tail = &rest[i..];
        if tail.starts_with("{{") || tail.starts_with("}}") {
            f.write_str(&tail[..1])?;
            rest = &tail[2..];
            continue;
        }
        match (tail.starts_with('{'), tail.find('}')) {
            (true, Some(end)) => {
                let name = &tail[1..end];
                match args.iter().find(|a| a.0 == name) {
                    Some((_, value)) => value.write_to(lang, f)?,
                    None => f.write_str(&tail[..=end])?,
                }
                rest = &tail[end + 1..];
            }
            _ => {
                f.write_str(&tail[..1])?;
                rest = &tail[1..];
            }
        }
    }
    f.write_str(rest)
}

/// The placeholder names of a template, in order; `Err` when its braces do not pair up.
fn placeholders(template: &str) -> Result<Vec<&str>, String> {
    let mut names = Vec::new();
    let mut rest = template;
    while let Some(i) = rest.find(['{', '}']) {
        let tail = &rest[i..];
        if tail.starts_with("{{") || tail.starts_with("}}") {
            rest = &tail[2..];
            continue;
        }
        let end = match (tail.starts_with('{'), tail.find('}')) {
            (true, Some(end)) => end,
            _ => return Err(format!("unpaired brace in {template:?}")),
        };
        let name = &tail[1..end];
        if name.is_empty() || !name.chars().all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '_') {
            return Err(format!("bad placeholder {{{name}}} in {template:?}"));
        }
        names.push(name);
        rest = &tail[end + 1..];
    }
    Ok(names)
}

/// Checks a catalogue: every key has a text in every language, keys are
/// unique and well-formed, braces pair up, and the languages of a key use the
/// same placeholders. Returns the problems (empty when the catalogue is
/// complete); call it in a test.
pub fn check_catalogue<C: Catalogue>() -> Vec<String> {
    let mut problems = Vec::new();
    if C::KEYS.is_empty() {
        problems.push(format!("{}: no keys", std::any::type_name::<C>()));
    }
    let mut seen = std::collections::BTreeSet::new();
    for &k in C::KEYS {
        let key = k.key();
        if key.is_empty() || !key.chars().all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '_' || c == '.')
        {
            problems.push(format!("{k:?}: malformed key {key:?}"));
        }
        if !seen.insert(key) {
            problems.push(format!("{k:?}: duplicate key {key:?}"));
        }
        let mut sets = Vec::new();
        for lang in Lang::ALL {
            let t = k.template(lang);
            if t.trim().is_empty() {
                problems.push(format!("{key}: no {lang} text"));
            }
            match placeholders(t) {
                Ok(mut names) => {
                    names.sort_unstable();
                    names.dedup();
                    sets.push((lang, names));
                }
                Err(e) => problems.push(format!("{key} ({lang}): {e}")),
            }
        }
        if let [(l0, first), rest @ ..] = &sets[..] {
            for (l, names) in rest {
                if names != first {
                    problems.push(format!("{key}: placeholders differ: {l0} {first:?}, {l} {names:?}"));
                }
            }
        }
    }
    problems
}

/// Every message the project renders, in one language. `nl.rs` and `en.rs`
/// each implement all of it; there are no defaults, so a message added here
/// without both texts does not compile.
pub(crate) trait Texts: Sync {
    /// The decimal separator: `,` or `.`.
    fn decimal_separator(&self) -> char;
    /// A knock-out, as a short reason ("rijbewijs B nodig").
    fn knockout(&self, k: crate::score::KnockOut) -> &'static str;
    /// A component's name.
    fn component(&self, c: crate::score::Component) -> &'static str;
    /// A travel mode as a noun ("fiets").
    fn mode(&self, m: crate::model::TravelMode) -> &'static str;
    /// A trip by a mode, after the minutes ("met de fiets": "12 min met de fiets").
    fn by_mode(&self, m: crate::model::TravelMode) -> &'static str;
    /// A remote job: no trip.
    fn remote(&self) -> &'static str;
    /// A physical load ("zwaar").
    fn physical(&self, p: crate::model::PhysicalLoad) -> &'static str;
    /// An education ("mbo 2").
    fn education(&self, e: crate::model::Education) -> &'static str;
    /// A fixed text of the tools and reports.
    fn label(&self, l: Label) -> &'static str;
    /// What would lift one knock-out.
    fn hint(&self, h: &crate::score::Hint, f: &mut fmt::Formatter<'_>) -> fmt::Result;
    /// One plain-words reason why a pair fits.
    fn reason(&self, r: &crate::score::words::Reason, f: &mut fmt::Formatter<'_>) -> fmt::Result;
    /// An explanation, one fact per line.
    fn explanation(&self, e: &crate::score::Explanation, f: &mut fmt::Formatter<'_>) -> fmt::Result;
}
