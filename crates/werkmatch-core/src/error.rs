//! The core's error type: invalid values and invalid configuration.
//!
//! The core knows no file formats, so its errors carry no file or line; the
//! adapter wraps them with a position. They do carry the field that was
//! wrong, so that an adapter can say which one.

use std::fmt;

/// An error from building a model value or a configuration.
#[derive(Debug, Clone, PartialEq)]
pub struct Error {
    field: &'static str,
    kind: ErrorKind,
}

/// What was wrong.
#[derive(Debug, Clone, PartialEq)]
#[non_exhaustive]
pub enum ErrorKind {
    /// A value was outside the range the contract allows.
    OutOfRange {
        /// The offending value, as text.
        value: String,
        /// The rule it broke, e.g. `"0 ≤ min ≤ max ≤ 60"`.
        rule: &'static str,
    },
    /// A value did not have the required shape (e.g. an ISCO code of 3 digits).
    Malformed {
        /// The offending value, as text.
        value: String,
        /// What was expected.
        expected: &'static str,
    },
    /// A value that is required (in this case) was absent, e.g. the
    /// location of a vacancy that is not remote.
    Missing {
        /// When it is required.
        rule: &'static str,
    },
    /// A configuration was inconsistent (e.g. all weights zero).
    InvalidConfig(&'static str),
    /// An id given to an index twice (ids are unique within a population).
    DuplicateId {
        /// The id, as text.
        value: String,
        /// The population: `seekers`, `vacancies` or `employers`.
        population: &'static str,
    },
}

impl Error {
    pub(crate) fn out_of_range(field: &'static str, value: impl fmt::Display, rule: &'static str) -> Self {
        Error { field, kind: ErrorKind::OutOfRange { value: value.to_string(), rule } }
    }

    pub(crate) fn malformed(field: &'static str, value: impl fmt::Display, expected: &'static str) -> Self {
        Error { field, kind: ErrorKind::Malformed { value: value.to_string(), expected } }
    }

    pub(crate) fn missing(field: &'static str, rule: &'static str) -> Self {
        Error { field, kind: ErrorKind::Missing { rule } }
    }

    pub(crate) fn duplicate(population: &'static str, id: impl fmt::Display) -> Self {
        Error { field: "id", kind: ErrorKind::DuplicateId { value: id.to_string(), population } }
    }

    pub(crate) fn config(field: &'static str, reason: &'static str) -> Self {
        Error { field, kind: ErrorKind::InvalidConfig(reason) }
    }

    /// The field (or configuration setting) that was wrong.
    pub fn field(&self) -> &'static str {
        self.field
    }

    /// What was wrong.
    pub fn kind(&self) -> &ErrorKind {
        &self.kind
    }

    /// The offending value as text, when there is one.
    pub fn value(&self) -> Option<&str> {
        match &self.kind {
            ErrorKind::OutOfRange { value, .. }
            | ErrorKind::Malformed { value, .. }
            | ErrorKind::DuplicateId { value, .. } => Some(value),
            ErrorKind::Missing { .. } | ErrorKind::InvalidConfig(_) => None,
        }
    }

    /// The reason, without field or value.
    pub fn reason(&self) -> String {
        match &self.kind {
            ErrorKind::OutOfRange { rule, .. } => format!("out of range: must satisfy {rule}"),
            ErrorKind::Malformed { expected, .. } => format!("malformed: expected {expected}"),
            ErrorKind::Missing { rule } => format!("missing: {rule}"),
            ErrorKind::InvalidConfig(reason) => (*reason).to_string(),
            ErrorKind::DuplicateId { population, .. } => format!("appears twice among the {population}"),
        }
    }
}

impl fmt::Display for Error {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self.value() {
            Some(v) => write!(f, "{}: {} (value {:?})", self.field, self.reason(), v),
            None => write!(f, "{}: {}", self.field, self.reason()),
        }
    }
}

impl std::error::Error for Error {}

/// The core's result type.
pub type Result<T, E = Error> = std::result::Result<T, E>;
