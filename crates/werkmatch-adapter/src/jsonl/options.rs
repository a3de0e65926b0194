//! How a JSON Lines reader behaves.

use std::fmt;

use crate::error::OnError;
use crate::feed::ExpectedArea;
use crate::resolve::OccupationResolver;

/// Options of the JSON Lines readers.
///
/// ```
/// use werkmatch_adapter::jsonl::ReadOptions;
/// use werkmatch_adapter::OnError;
/// let opts = ReadOptions::new().on_error(OnError::Collect);
/// assert_eq!(opts.on_error, OnError::Collect);
/// assert!(opts.resolver.is_none());
/// ```
#[derive(Clone, Copy, Default)]
pub struct ReadOptions<'a> {
    /// Stop at the first bad record (the default) or collect every bad record.
    pub on_error: OnError,
    /// A taxonomy that resolves ESCO occupation references; without one they are errors.
    pub resolver: Option<&'a dyn OccupationResolver>,
    /// Where locations are expected; one outside is a warning (default: the Netherlands).
    pub area: ExpectedArea,
}

impl<'a> ReadOptions<'a> {
    /// Stop at the first error, no taxonomy.
    pub fn new() -> Self {
        Self::default()
    }

    /// Sets how bad records are treated.
    pub fn on_error(mut self, on_error: OnError) -> Self {
        self.on_error = on_error;
        self
    }

    /// Sets where locations are expected (see [`ExpectedArea`]).
    pub fn area(mut self, area: ExpectedArea) -> Self {
        self.area = area;
        self
    }

    /// Resolves ESCO references through `resolver`.
    pub fn resolver(mut self, resolver: &'a dyn OccupationResolver) -> Self {
        self.resolver = Some(resolver);
        self
    }
}

impl fmt::Debug for ReadOptions<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("ReadOptions")
            .field("on_error", &self.on_error)
            .field("resolver", &self.resolver.map(|_| "<dyn OccupationResolver>"))
            .field("area", &self.area)
            .finish()
    }
}
