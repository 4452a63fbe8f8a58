//! One JSON Lines record → one document.

use serde_json::Value;

use super::text::check_not_blank;
use crate::doc::{Metadata, RawDoc};
use crate::error::{Error, Location, Result};

/// Parses line `line_no` (1-based) of JSON Lines input `source`.
///
/// Blank lines give `Ok(None)`. A record needs a string `text`; its `id` may
/// be a string or a number and defaults to `source:line` when absent. Every
/// other field is kept as metadata.
pub(crate) fn parse_line(bytes: &[u8], source: &str, line_no: usize) -> Result<Option<RawDoc>> {
    let at = || Location::new(source).at_line(line_no);
    let line = std::str::from_utf8(bytes)
        .map_err(|e| Error::input(at().at_byte(e.valid_up_to()), "line is not valid UTF-8"))?;
    let line = line.trim_end_matches(['\n', '\r']);
    if line.trim().is_empty() {
        return Ok(None);
    }
    let mut fields: Metadata = serde_json::from_str(line).map_err(|e| {
        let message = match e.classify() {
            serde_json::error::Category::Data => "record is not a JSON object".to_string(),
            _ => format!("malformed JSON: {e}"),
        };
        Error::input(at().at_byte(e.column().saturating_sub(1)), message)
    })?;
    let text = match fields.shift_remove("text") {
        Some(Value::String(text)) => text,
        Some(other) => {
            return Err(Error::input(
                at(),
                format!("`text` must be a string, found {}", json_kind(&other)),
            ))
        }
        None => return Err(Error::input(at(), "record has no `text` field")),
    };
    let id = match fields.shift_remove("id") {
        Some(Value::String(id)) if !id.trim().is_empty() => id,
        Some(Value::Number(n)) => n.to_string(),
        None | Some(Value::Null) => format!("{source}:{line_no}"),
        Some(other) => {
            return Err(Error::input(
                at(),
                format!(
                    "`id` must be a non-empty string or a number, found {}",
                    json_kind(&other)
                ),
            ))
        }
    };
    check_not_blank(&text, || Location::new(id.clone()).at_line(line_no))
        .map_err(|e| Error::input(at(), format!("document `{id}`: {}", e.message())))?;
    Ok(Some(RawDoc {
        id,
        text,
        meta: fields,
    }))
}

fn json_kind(value: &Value) -> &'static str {
    match value {
        Value::Null => "null",
        Value::Bool(_) => "a boolean",
        Value::Number(_) => "a number",
        Value::String(_) => "a string",
        Value::Array(_) => "an array",
        Value::Object(_) => "an object",
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn parse(line: &str) -> Result<Option<RawDoc>> {
        parse_line(line.as_bytes(), "in.jsonl", 4)
    }

    #[test]
    fn keeps_metadata_in_order() {
        let doc = parse(r#"{"id":"a1","date":"2023-09-19","text":"Baku said.","url":"u"}"#)
            .unwrap()
            .unwrap();
        assert_eq!(doc.id, "a1");
        assert_eq!(doc.text, "Baku said.");
        assert_eq!(doc.meta.keys().collect::<Vec<_>>(), ["date", "url"]);
    }

    #[test]
    fn numeric_and_missing_ids() {
        assert_eq!(parse(r#"{"id":7,"text":"x"}"#).unwrap().unwrap().id, "7");
        assert_eq!(parse(r#"{"text":"x"}"#).unwrap().unwrap().id, "in.jsonl:4");
    }

    #[test]
    fn blank_lines_are_skipped() {
        assert_eq!(parse("   \r\n").unwrap(), None);
    }

    #[test]
    fn errors_name_the_line_and_reason() {
        for (line, expected) in [
            (r#"{"id":"a","text":"x""#, "malformed JSON"),
            (r#"["text"]"#, "not a JSON object"),
            (r#"{"id":"a"}"#, "no `text` field"),
            (r#"{"id":"a","text":5}"#, "`text` must be a string"),
            (r#"{"id":[1],"text":"x"}"#, "`id` must be"),
            (r#"{"id":"a","text":"  "}"#, "only whitespace"),
        ] {
            let e = parse(line).unwrap_err();
            let shown = e.to_string();
            assert!(shown.starts_with("in.jsonl:4"), "{shown}");
            assert!(shown.contains(expected), "{line}: {shown}");
        }
        let e = parse_line(b"{\"text\":\"\xff\"}", "in.jsonl", 4).unwrap_err();
        assert!(e.to_string().contains("UTF-8"), "{e}");
    }
}
