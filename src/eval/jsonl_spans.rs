//! Reader for JSONL span files: one document per line,
//! `{"id": "...", "text": "...", "entities": [{"start": 0, "end": 6, "label": "LOC", "text": "Russia"}]}`,
//! offsets in Unicode code points, end exclusive. An entity's `text`, when
//! present, must be the text under its span; a line without `entities`
//! is a document without entities.

use std::path::Path;

use serde::Deserialize;

use crate::error::{Error, Location, Result};

use super::ner_data::{EvalDoc, Mention, NerData, NerFormat};

#[derive(Deserialize)]
struct Line {
    id: Id,
    text: String,
    #[serde(default)]
    entities: Vec<Span>,
}

/// Document ids may be written as strings or numbers.
#[derive(Deserialize)]
#[serde(untagged)]
enum Id {
    Text(String),
    Number(u64),
}

#[derive(Deserialize)]
struct Span {
    start: usize,
    end: usize,
    label: String,
    #[serde(default)]
    text: Option<String>,
}

/// Reads a JSONL span file.
pub fn read_jsonl_spans(path: &Path) -> Result<NerData> {
    let text = std::fs::read_to_string(path).map_err(|e| Error::io(path, e))?;
    parse_jsonl_spans(&text, &path.display().to_string())
}

/// Parses JSONL span text; `source` names it in messages.
pub fn parse_jsonl_spans(text: &str, source: &str) -> Result<NerData> {
    let mut docs: Vec<EvalDoc> = Vec::new();
    let mut mentions = Vec::new();
    let mut seen = std::collections::HashSet::new();
    for (n, line) in text.lines().enumerate() {
        let at = || Location::new(source).at_line(n + 1);
        if line.trim().is_empty() {
            continue;
        }
        let parsed: Line = serde_json::from_str(line)
            .map_err(|e| Error::format(at(), format!("bad JSON document: {e}")))?;
        let id = match parsed.id {
            Id::Text(id) => id,
            Id::Number(id) => id.to_string(),
        };
        if !seen.insert(id.clone()) {
            return Err(Error::format(
                at(),
                format!("document `{id}` appears twice"),
            ));
        }
        let chars: Vec<char> = parsed.text.chars().collect();
        for (k, span) in parsed.entities.into_iter().enumerate() {
            if span.start >= span.end || span.end > chars.len() {
                return Err(Error::format(
                    at(),
                    format!(
                        "entity {} ({}..{}) is empty or outside the text of {} characters",
                        k + 1,
                        span.start,
                        span.end,
                        chars.len()
                    ),
                ));
            }
            let surface: String = chars[span.start..span.end].iter().collect();
            if let Some(expected) = &span.text {
                if *expected != surface {
                    return Err(Error::format(
                        at(),
                        format!(
                            "entity {} ({}..{}) says `{expected}` but the text there is `{surface}`",
                            k + 1,
                            span.start,
                            span.end
                        ),
                    ));
                }
            }
            mentions.push(Mention {
                doc: id.clone(),
                start: span.start,
                end: span.end,
                label: span.label,
                text: surface,
            });
        }
        docs.push(EvalDoc {
            id,
            text: parsed.text,
        });
    }
    Ok(NerData::new(source, NerFormat::Jsonl, Some(docs), mentions))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reads_documents_and_code_point_spans() {
        let text = concat!(
            r#"{"id": "a", "text": "Erdoğan met Aliyev.", "entities": [{"start": 12, "end": 18, "label": "PER", "text": "Aliyev"}, {"start": 0, "end": 7, "label": "PER"}]}"#,
            "\n\n",
            r#"{"id": 7, "text": "Nothing here."}"#,
            "\n"
        );
        let data = parse_jsonl_spans(text, "t").unwrap();
        assert_eq!(data.docs.as_ref().unwrap().len(), 2);
        assert_eq!(data.docs.as_ref().unwrap()[1].id, "7");
        assert_eq!(data.mentions.len(), 2);
        assert_eq!(data.mentions[0].text, "Erdoğan");
        assert_eq!(data.mentions[1].start, 12);
    }

    #[test]
    fn wrong_offsets_and_texts_name_the_line() {
        let bad_text = r#"{"id": "a", "text": "Erdoğan met", "entities": [{"start": 1, "end": 7, "label": "PER", "text": "Erdoğan"}]}"#;
        let e = parse_jsonl_spans(bad_text, "f.jsonl").unwrap_err();
        assert!(e.to_string().starts_with("f.jsonl:1:"), "{e}");
        assert!(e.to_string().contains("`rdoğan`"), "{e}");
        let outside =
            r#"{"id": "a", "text": "ab", "entities": [{"start": 1, "end": 3, "label": "PER"}]}"#;
        assert!(parse_jsonl_spans(outside, "f").is_err());
        let twice = "{\"id\": \"a\", \"text\": \"x\"}\n{\"id\": \"a\", \"text\": \"y\"}\n";
        let e = parse_jsonl_spans(twice, "f").unwrap_err();
        assert!(e.to_string().starts_with("f:2:"), "{e}");
        assert!(parse_jsonl_spans("{not json", "f").is_err());
    }
}
