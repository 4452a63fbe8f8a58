//! The header every shipped model file starts with.
//!
//! ```text
//! magic "ACTANTM\0" | u32 format version | kind (string) | u32 model version |
//! u32 label count | labels (strings) | payload ...
//! ```
//! Strings are a u32 byte length followed by UTF-8. A loader states the kind
//! and model version it understands; any mismatch is refused with a message
//! that says what the file holds and what was expected.

use std::io::{self, Read, Write};
use std::path::Path;

use crate::error::{Error, Location, Result};

const MAGIC: &[u8; 8] = b"ACTANTM\0";
const FORMAT_VERSION: u32 = 1;

/// What a model file declares about itself.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Header {
    /// Model kind (`tagger`, `parser`, `ner`, ...).
    pub kind: String,
    /// Version of the model's own payload layout.
    pub version: u32,
    /// Class labels, in class-index order.
    pub labels: Vec<String>,
}

impl Header {
    /// Writes the header.
    pub fn write_to(&self, out: &mut impl Write) -> io::Result<()> {
        out.write_all(MAGIC)?;
        out.write_all(&FORMAT_VERSION.to_le_bytes())?;
        write_str(out, &self.kind)?;
        out.write_all(&self.version.to_le_bytes())?;
        out.write_all(&(self.labels.len() as u32).to_le_bytes())?;
        for label in &self.labels {
            write_str(out, label)?;
        }
        Ok(())
    }

    /// Reads a header and checks its kind and version against what the
    /// caller understands; `path` is only used in messages.
    pub fn read_checked(
        input: &mut impl Read,
        path: &Path,
        kind: &str,
        version: u32,
    ) -> Result<Header> {
        let bad = |msg: String| Error::model(Location::path(path), msg);
        let io = |e: io::Error| bad(format!("cannot read model header: {e}"));
        let mut magic = [0u8; 8];
        input.read_exact(&mut magic).map_err(io)?;
        if &magic != MAGIC {
            return Err(bad("not an actant model file (bad magic bytes)".into()));
        }
        let format = read_u32(input).map_err(io)?;
        if format != FORMAT_VERSION {
            return Err(bad(format!(
                "model file format {format}, this build reads format {FORMAT_VERSION}"
            )));
        }
        let found_kind = read_string(input).map_err(io)?;
        if found_kind != kind {
            return Err(bad(format!(
                "holds a `{found_kind}` model, expected `{kind}`"
            )));
        }
        let found_version = read_u32(input).map_err(io)?;
        if found_version != version {
            return Err(bad(format!(
                "{kind} model version {found_version}, this build reads version {version}; retrain it with scripts/train-models.sh"
            )));
        }
        let count = read_u32(input).map_err(io)? as usize;
        if count > 1 << 20 {
            return Err(bad(format!("implausible label count {count}")));
        }
        let labels = (0..count)
            .map(|_| read_string(input))
            .collect::<io::Result<Vec<_>>>()
            .map_err(io)?;
        Ok(Header {
            kind: found_kind,
            version,
            labels,
        })
    }
}

/// Writes a length-prefixed UTF-8 string.
pub fn write_str(out: &mut impl Write, s: &str) -> io::Result<()> {
    out.write_all(&(s.len() as u32).to_le_bytes())?;
    out.write_all(s.as_bytes())
}

/// Reads a string written by [`write_str`].
pub fn read_string(input: &mut impl Read) -> io::Result<String> {
    let len = read_u32(input)? as usize;
    if len > 1 << 24 {
        return Err(io::Error::new(
            io::ErrorKind::InvalidData,
            format!("implausible string length {len}"),
        ));
    }
    let mut buf = vec![0u8; len];
    input.read_exact(&mut buf)?;
    String::from_utf8(buf).map_err(|e| io::Error::new(io::ErrorKind::InvalidData, e))
}

/// Reads a little-endian u32.
pub fn read_u32(input: &mut impl Read) -> io::Result<u32> {
    let mut b = [0u8; 4];
    input.read_exact(&mut b)?;
    Ok(u32::from_le_bytes(b))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn header() -> Header {
        Header {
            kind: "tagger".into(),
            version: 2,
            labels: vec!["NOUN".into(), "VERB".into()],
        }
    }

    #[test]
    fn round_trips() {
        let mut bytes = Vec::new();
        header().write_to(&mut bytes).unwrap();
        let back =
            Header::read_checked(&mut bytes.as_slice(), Path::new("m"), "tagger", 2).unwrap();
        assert_eq!(back, header());
    }

    #[test]
    fn wrong_kind_or_version_is_refused_with_a_reason() {
        let mut bytes = Vec::new();
        header().write_to(&mut bytes).unwrap();
        let e =
            Header::read_checked(&mut bytes.as_slice(), Path::new("m"), "parser", 2).unwrap_err();
        assert!(e.to_string().contains("expected `parser`"), "{e}");
        let e =
            Header::read_checked(&mut bytes.as_slice(), Path::new("m"), "tagger", 3).unwrap_err();
        assert!(e.to_string().contains("version 2"), "{e}");
        let e =
            Header::read_checked(&mut &b"garbage!"[..], Path::new("m"), "tagger", 2).unwrap_err();
        assert!(e.to_string().contains("magic"), "{e}");
    }
}
