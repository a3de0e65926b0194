//! Bad-input messages in Dutch or English, rendered from the error's kind,
//! position, field and value through the core's catalogue
//! ([`werkmatch_core::text`]). File, line, field and value stay verbatim.

use std::fmt;

use werkmatch_core::text::{Catalogue, Label, Lang, Message, Verbatim};

use crate::error::{Error, ErrorKind, Position};

impl ErrorKind {
    /// The kind in words, as a catalogue label.
    pub fn label(self) -> Label {
        match self {
            ErrorKind::Io => Label::InputKindIo,
            ErrorKind::Syntax => Label::InputKindSyntax,
            ErrorKind::UnknownField => Label::InputKindUnknownField,
            ErrorKind::MissingField => Label::InputKindMissingField,
            ErrorKind::InvalidValue => Label::InputKindInvalidValue,
            ErrorKind::DuplicateId => Label::InputKindDuplicateId,
            ErrorKind::Unresolved => Label::InputKindUnresolved,
            ErrorKind::Config => Label::InputKindConfig,
            ErrorKind::Implausible => Label::InputKindImplausible,
            ErrorKind::Empty => Label::InputKindEmpty,
            ErrorKind::OutOfScope => Label::InputKindOutOfScope,
        }
    }
}

/// `file:line`, `file`, `line 3` / `regel 3`, or `<input>` / `<invoer>`.
impl Message for Position {
    fn write_to(&self, lang: Lang, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match (&self.file, self.line) {
            (Some(p), Some(l)) => write!(f, "{}:{}", p.display(), l),
            (Some(p), None) => write!(f, "{}", p.display()),
            (None, Some(l)) => Label::InputLine.with(&[("line", &l)]).write_to(lang, f),
            (None, None) => Label::InputUnknownPosition.write_to(lang, f),
        }
    }
}

/// English: `file:line: field `x`: reason (value "v")`, the reason as the
/// reader wrote it. Other languages: the kind in words, and the reader's
/// (English) reason verbatim in brackets as a technical detail, so that
/// nothing is lost while the readers' reasons are free text.
impl Message for Error {
    fn write_to(&self, lang: Lang, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        self.position().write_to(lang, f)?;
        f.write_str(": ")?;
        if let Some(field) = self.field() {
            Label::InputField.with(&[("field", &field)]).write_to(lang, f)?;
            f.write_str(": ")?;
        }
        let value = self.value().map(|v| Verbatim(format!("{v:?}")));
        let value_text = |f: &mut fmt::Formatter<'_>| match &value {
            Some(v) => {
                f.write_str(" ")?;
                Label::InputValue.with(&[("value", v)]).write_to(lang, f)
            }
            None => Ok(()),
        };
        match lang {
            Lang::En => {
                f.write_str(self.reason())?;
                value_text(f)
            }
            Lang::Nl => {
                // "ongeldige waarde: "MBO 5"" reads better than repeating the word waarde.
                self.kind().label().write_to(lang, f)?;
                if let Some(v) = &value {
                    f.write_str(": ")?;
                    v.write_to(lang, f)?;
                }
                write!(f, " [{}]", self.reason())
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::path::Path;

    #[test]
    fn english_is_the_display_and_dutch_keeps_file_line_field_and_value() {
        let e = Error::new(ErrorKind::Unresolved, "postcode 9999 is not in the postcode table")
            .at(Some(Path::new("seekers.csv")), 4)
            .with_field("postcode")
            .with_value("9999 AB");
        assert_eq!(e.text(Lang::En), e.to_string());
        assert_eq!(
            e.text(Lang::Nl),
            // A PC6 value is shown as its PC4 (no personal data in messages).
            "seekers.csv:4: veld `postcode`: onbekende verwijzing: \"9999\" \
             [postcode 9999 is not in the postcode table]"
        );
        let no_file = Error::new(ErrorKind::Syntax, "expected value").with_position(Position::new(None, 3));
        assert_eq!(no_file.text(Lang::Nl), "regel 3: onjuiste opmaak [expected value]");
        assert_eq!(no_file.text(Lang::En), no_file.to_string());
    }

    #[test]
    fn every_kind_has_words() {
        for kind in [
            ErrorKind::Io,
            ErrorKind::Syntax,
            ErrorKind::UnknownField,
            ErrorKind::MissingField,
            ErrorKind::InvalidValue,
            ErrorKind::DuplicateId,
            ErrorKind::Unresolved,
            ErrorKind::Config,
            ErrorKind::Implausible,
            ErrorKind::Empty,
            ErrorKind::OutOfScope,
        ] {
            assert_ne!(kind.label().text(Lang::Nl), kind.label().text(Lang::En), "{kind:?}");
        }
    }
}
