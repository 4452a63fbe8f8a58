//! Checks that turn raw bytes into document text: binary detection, UTF-8
//! validation with the position of the first bad byte, empty documents.

use crate::error::{Error, Location, Result};

/// How many leading bytes are inspected for NUL bytes.
const BINARY_SNIFF: usize = 8192;

/// Decodes the bytes of one document, or says precisely why it cannot be one.
/// A leading UTF-8 byte-order mark is dropped; nothing else is changed.
pub(crate) fn decode(bytes: Vec<u8>, location: impl Fn() -> Location) -> Result<String> {
    let sniff = &bytes[..bytes.len().min(BINARY_SNIFF)];
    if let Some(nul) = sniff.iter().position(|&b| b == 0) {
        return Err(Error::input(
            location().at_byte(nul),
            "binary data (NUL byte), not a text document",
        ));
    }
    let mut text = String::from_utf8(bytes).map_err(|e| {
        let byte = e.utf8_error().valid_up_to();
        let line = 1 + e.as_bytes()[..byte].iter().filter(|&&b| b == b'\n').count();
        Error::input(
            location().at_byte(byte),
            format!("not valid UTF-8 (first bad byte on line {line}); convert the file to UTF-8"),
        )
    })?;
    if text.starts_with('\u{feff}') {
        text.drain(..'\u{feff}'.len_utf8());
    }
    check_not_blank(&text, location)?;
    Ok(text)
}

/// Refuses a document that has no visible character.
pub(crate) fn check_not_blank(text: &str, location: impl Fn() -> Location) -> Result<()> {
    if text.trim().is_empty() {
        let what = if text.is_empty() {
            "empty document"
        } else {
            "document has only whitespace"
        };
        return Err(Error::input(location(), what));
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn here() -> Location {
        Location::new("t.txt")
    }

    #[test]
    fn accepts_text_and_drops_a_byte_order_mark() {
        assert_eq!(
            decode("\u{feff}Baku".as_bytes().to_vec(), here).unwrap(),
            "Baku"
        );
    }

    #[test]
    fn names_the_first_invalid_byte() {
        let e = decode(b"ok\nbad \xff here".to_vec(), here).unwrap_err();
        assert_eq!(e.location().unwrap().byte, Some(7));
        assert!(e.to_string().contains("line 2"), "{e}");
    }

    #[test]
    fn refuses_binary_empty_and_blank() {
        assert!(decode(b"PK\x03\x04\0\0".to_vec(), here)
            .unwrap_err()
            .to_string()
            .contains("binary"));
        assert!(decode(Vec::new(), here)
            .unwrap_err()
            .to_string()
            .contains("empty"));
        assert!(decode(b" \n\t ".to_vec(), here)
            .unwrap_err()
            .to_string()
            .contains("whitespace"));
    }
}
