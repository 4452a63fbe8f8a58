//! The output files of an extraction run, in CSV or JSON Lines.

use std::io::Write;
use std::path::{Path, PathBuf};
use std::str::FromStr;

use serde::{Deserialize, Serialize};

use super::atomic::AtomicFile;
use super::graph::GraphWriter;
use super::records::{entity_records, triple_records};
use crate::doc::{CharOffsets, Doc};
use crate::error::{Error, Result};

/// Columns of `entities.csv`, in order.
pub const ENTITY_COLUMNS: [&str; 10] = [
    "doc_id",
    "sentence",
    "start",
    "end",
    "text",
    "label",
    "score",
    "source",
    "code",
    "canonical",
];

/// Columns of `triples.csv`, in order.
pub const TRIPLE_COLUMNS: [&str; 23] = [
    "doc_id",
    "sentence",
    "actor",
    "actor_label",
    "actor_code",
    "actor_start",
    "actor_end",
    "action",
    "action_lemma",
    "action_start",
    "action_end",
    "target",
    "target_label",
    "target_code",
    "target_start",
    "target_end",
    "event",
    "cameo",
    "negated",
    "mode",
    "confidence",
    "rule",
    "evidence",
];

/// Record format of the output files.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Format {
    /// `entities.csv`, `triples.csv`.
    #[default]
    Csv,
    /// `entities.jsonl`, `triples.jsonl`: the same records as JSON objects.
    Jsonl,
}

impl Format {
    fn extension(self) -> &'static str {
        match self {
            Format::Csv => "csv",
            Format::Jsonl => "jsonl",
        }
    }
}

impl FromStr for Format {
    type Err = String;

    fn from_str(s: &str) -> Result<Self, Self::Err> {
        match s {
            "csv" => Ok(Format::Csv),
            "jsonl" => Ok(Format::Jsonl),
            _ => Err(format!(
                "unknown output format `{s}` (expected csv or jsonl)"
            )),
        }
    }
}

/// One output file of records.
#[derive(Debug)]
enum RecordFile {
    Csv(Box<csv::Writer<AtomicFile>>),
    Jsonl(AtomicFile),
}

impl RecordFile {
    fn create(path: &Path, format: Format, columns: &[&str]) -> Result<RecordFile> {
        let file = AtomicFile::create(path)?;
        Ok(match format {
            Format::Csv => {
                let mut writer = csv::WriterBuilder::new()
                    .has_headers(false)
                    .from_writer(file);
                writer
                    .write_record(columns)
                    .map_err(|e| csv_error(path, e))?;
                RecordFile::Csv(Box::new(writer))
            }
            Format::Jsonl => RecordFile::Jsonl(file),
        })
    }

    fn write<T: Serialize>(&mut self, record: &T) -> Result<()> {
        match self {
            RecordFile::Csv(writer) => writer.serialize(record).map_err(|e| {
                let path = writer.get_ref().path().to_path_buf();
                csv_error(&path, e)
            }),
            RecordFile::Jsonl(file) => {
                serde_json::to_writer(&mut *file, record)
                    .map_err(|e| Error::io(file.path(), e.into()))?;
                file.write_all(b"\n").map_err(|e| Error::io(file.path(), e))
            }
        }
    }

    fn commit(self) -> Result<PathBuf> {
        match self {
            RecordFile::Csv(writer) => {
                let file = (*writer).into_inner().map_err(|e| {
                    let err = e.error();
                    Error::new(crate::error::ErrorKind::Io, err.to_string())
                })?;
                file.commit()
            }
            RecordFile::Jsonl(file) => file.commit(),
        }
    }
}

fn csv_error(path: &Path, e: csv::Error) -> Error {
    Error::new(crate::error::ErrorKind::Io, e.to_string()).at(crate::error::Location::path(path))
}

/// The record files of a run: entities, and triples when the rule layer runs.
#[derive(Debug)]
pub struct Outputs {
    entities: RecordFile,
    triples: Option<RecordFile>,
    graph: Option<GraphWriter>,
}

impl Outputs {
    /// Creates `dir` if needed and opens the output files under temporary
    /// names; they get their final names in [`Outputs::finish`]. With
    /// `triples`, the rule layer's triples are written too, and with `graph`
    /// also the actor graph `graph.graphml`.
    pub fn create(dir: &Path, format: Format, triples: bool, graph: bool) -> Result<Outputs> {
        std::fs::create_dir_all(dir).map_err(|e| Error::io(dir, e))?;
        let path = |stem: &str| dir.join(format!("{stem}.{}", format.extension()));
        Ok(Outputs {
            entities: RecordFile::create(&path("entities"), format, &ENTITY_COLUMNS)?,
            triples: if triples {
                Some(RecordFile::create(
                    &path("triples"),
                    format,
                    &TRIPLE_COLUMNS,
                )?)
            } else {
                None
            },
            graph: if triples && graph {
                Some(GraphWriter::create(&dir.join("graph.graphml"))?)
            } else {
                None
            },
        })
    }

    /// Writes the records of one document.
    pub fn write(&mut self, doc: &Doc) -> Result<()> {
        let offsets = CharOffsets::new(&doc.text);
        for record in entity_records(doc, &offsets) {
            self.entities.write(&record)?;
        }
        if let Some(triples) = &mut self.triples {
            for record in triple_records(doc, &offsets) {
                triples.write(&record)?;
            }
        }
        if let Some(graph) = &mut self.graph {
            graph.write(doc)?;
        }
        Ok(())
    }

    /// Completes every file; returns their final paths.
    pub fn finish(self) -> Result<Vec<PathBuf>> {
        let mut paths = vec![self.entities.commit()?];
        if let Some(triples) = self.triples {
            paths.push(triples.commit()?);
        }
        if let Some(graph) = self.graph {
            paths.push(graph.finish()?);
        }
        Ok(paths)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::doc::{Argument, Mode, RawDoc, Sentence, Span, Triple};
    use crate::export::{EntityRecord, TripleRecord};

    fn header_of<T: Serialize>(record: &T) -> String {
        let mut w = csv::Writer::from_writer(Vec::new());
        w.serialize(record).unwrap();
        let text = String::from_utf8(w.into_inner().unwrap()).unwrap();
        text.lines().next().unwrap().to_string()
    }

    #[test]
    fn column_constants_match_the_records() {
        let e = EntityRecord {
            doc_id: "",
            sentence: 0,
            start: 0,
            end: 0,
            text: "",
            label: "",
            score: 0.0,
            source: "",
            code: "",
            canonical: "",
        };
        assert_eq!(header_of(&e), ENTITY_COLUMNS.join(","));
        let mut doc = Doc::from_raw(RawDoc::new("d", "Moscow urged Baku."));
        doc.sentences = vec![Sentence {
            span: Span::new(0, 18),
            tokens: 0..0,
        }];
        let arg = |s, e| Argument {
            text: "x".into(),
            label: None,
            code: None,
            span: Span::new(s, e),
        };
        doc.triples = vec![Triple {
            sentence: 0,
            actor: arg(0, 6),
            action: Span::new(7, 12),
            action_lemma: "urge".into(),
            target: Some(arg(13, 17)),
            event: None,
            cameo: None,
            negated: false,
            mode: Mode::Asserted,
            confidence: 0.5,
            rule: "test",
        }];
        let offsets = CharOffsets::new(&doc.text);
        let rows: Vec<TripleRecord> = triple_records(&doc, &offsets);
        assert_eq!(header_of(&rows[0]), TRIPLE_COLUMNS.join(","));
    }

    #[test]
    fn empty_run_still_writes_headers() {
        let dir = tempfile::tempdir().unwrap();
        let out = Outputs::create(dir.path(), Format::Csv, true, false).unwrap();
        out.finish().unwrap();
        let entities = std::fs::read_to_string(dir.path().join("entities.csv")).unwrap();
        assert_eq!(entities.trim_end(), ENTITY_COLUMNS.join(","));
        let triples = std::fs::read_to_string(dir.path().join("triples.csv")).unwrap();
        assert_eq!(triples.trim_end(), TRIPLE_COLUMNS.join(","));
    }
}
