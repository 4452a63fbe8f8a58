//! The library's one error type: a kind, where it happened, a message and
//! the underlying cause.

use std::fmt;
use std::path::Path;

/// What went wrong, in broad classes that callers can act on.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
#[non_exhaustive]
pub enum ErrorKind {
    /// Reading or writing a file failed.
    Io,
    /// An input document is unusable (not UTF-8, binary, empty, malformed, duplicate id).
    Input,
    /// A data file (treebank, fixture, lexicon) does not follow its format.
    Format,
    /// A model file or folder is missing, corrupt or inconsistent.
    Model,
    /// The requested configuration is invalid.
    Config,
    /// A pipeline stage failed on a document.
    Stage,
}

impl ErrorKind {
    /// A short lowercase name, used as the reason in run manifests.
    pub fn as_str(self) -> &'static str {
        match self {
            ErrorKind::Io => "io",
            ErrorKind::Input => "input",
            ErrorKind::Format => "format",
            ErrorKind::Model => "model",
            ErrorKind::Config => "config",
            ErrorKind::Stage => "stage",
        }
    }
}

/// Where an error happened: a file or document, and optionally a line and
/// a byte offset within it.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Location {
    /// File path or document id.
    pub source: String,
    /// 1-based line number.
    pub line: Option<usize>,
    /// 0-based byte offset (within the line when `line` is set).
    pub byte: Option<usize>,
}

impl Location {
    /// A location naming only a file or document.
    pub fn new(source: impl Into<String>) -> Self {
        Location {
            source: source.into(),
            line: None,
            byte: None,
        }
    }

    /// A location in a file path.
    pub fn path(path: &Path) -> Self {
        Location::new(path.display().to_string())
    }

    /// The same location at a line.
    pub fn at_line(mut self, line: usize) -> Self {
        self.line = Some(line);
        self
    }

    /// The same location at a byte offset.
    pub fn at_byte(mut self, byte: usize) -> Self {
        self.byte = Some(byte);
        self
    }
}

impl fmt::Display for Location {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.source)?;
        if let Some(line) = self.line {
            write!(f, ":{line}")?;
        }
        if let Some(byte) = self.byte {
            write!(f, " (byte {byte})")?;
        }
        Ok(())
    }
}

/// An error from any part of actant.
#[derive(Debug)]
pub struct Error {
    kind: ErrorKind,
    location: Option<Location>,
    message: String,
    source: Option<Box<dyn std::error::Error + Send + Sync>>,
}

/// `Result` with actant's [`Error`].
pub type Result<T, E = Error> = std::result::Result<T, E>;

impl Error {
    /// An error of a kind with a message.
    pub fn new(kind: ErrorKind, message: impl Into<String>) -> Self {
        Error {
            kind,
            location: None,
            message: message.into(),
            source: None,
        }
    }

    /// An I/O error on a path.
    pub fn io(path: &Path, source: std::io::Error) -> Self {
        Error::new(ErrorKind::Io, source.to_string())
            .at(Location::path(path))
            .caused_by(source)
    }

    /// An invalid configuration.
    pub fn config(message: impl Into<String>) -> Self {
        Error::new(ErrorKind::Config, message)
    }

    /// A malformed data file.
    pub fn format(location: Location, message: impl Into<String>) -> Self {
        Error::new(ErrorKind::Format, message).at(location)
    }

    /// A model problem.
    pub fn model(location: Location, message: impl Into<String>) -> Self {
        Error::new(ErrorKind::Model, message).at(location)
    }

    /// An unusable input document.
    pub fn input(location: Location, message: impl Into<String>) -> Self {
        Error::new(ErrorKind::Input, message).at(location)
    }

    /// Sets where the error happened.
    pub fn at(mut self, location: Location) -> Self {
        self.location = Some(location);
        self
    }

    /// Keeps the underlying cause.
    pub fn caused_by(mut self, source: impl std::error::Error + Send + Sync + 'static) -> Self {
        self.source = Some(Box::new(source));
        self
    }

    /// The class of error.
    pub fn kind(&self) -> ErrorKind {
        self.kind
    }

    /// Where it happened, if known.
    pub fn location(&self) -> Option<&Location> {
        self.location.as_ref()
    }

    /// The message without the location.
    pub fn message(&self) -> &str {
        &self.message
    }
}

impl fmt::Display for Error {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match &self.location {
            Some(location) => write!(f, "{location}: {}", self.message),
            None => f.write_str(&self.message),
        }
    }
}

impl std::error::Error for Error {
    fn source(&self) -> Option<&(dyn std::error::Error + 'static)> {
        self.source
            .as_deref()
            .map(|e| e as &(dyn std::error::Error + 'static))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn display_names_file_line_and_byte() {
        let e = Error::input(
            Location::new("news.jsonl").at_line(7).at_byte(12),
            "invalid JSON",
        );
        assert_eq!(e.to_string(), "news.jsonl:7 (byte 12): invalid JSON");
        assert_eq!(e.kind(), ErrorKind::Input);
    }

    #[test]
    fn io_errors_keep_their_source() {
        let e = Error::io(
            Path::new("/nope"),
            std::io::Error::new(std::io::ErrorKind::NotFound, "not found"),
        );
        assert!(std::error::Error::source(&e).is_some());
        assert!(e.to_string().starts_with("/nope: "));
    }
}
