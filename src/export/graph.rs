//! `graph.graphml`: the triples of a run as a directed multigraph of
//! actors, for graph tools (Gephi, yEd, NetworkX `read_graphml`, Neo4j
//! APOC import). Nodes are actors, keyed by code and name; each triple is
//! an edge from actor to target carrying the action, event type, CAMEO
//! code, mode, negation, confidence and provenance (document, sentence).
//!
//! The file is streamed: a node is written the first time it is seen, so
//! memory grows with the number of distinct actors, not of triples.

use std::collections::HashMap;
use std::io::Write;
use std::path::{Path, PathBuf};

use super::atomic::AtomicFile;
use crate::doc::{Argument, Doc};
use crate::error::{Error, Result};

/// Streams triples into a GraphML file.
#[derive(Debug)]
pub struct GraphWriter {
    file: AtomicFile,
    nodes: HashMap<(String, String), usize>,
    edges: usize,
}

const HEADER: &str = r#"<?xml version="1.0" encoding="UTF-8"?>
<graphml xmlns="http://graphml.graphdrawing.org/xmlns">
  <key id="name" for="node" attr.name="name" attr.type="string"/>
  <key id="code" for="node" attr.name="code" attr.type="string"/>
  <key id="label" for="node" attr.name="label" attr.type="string"/>
  <key id="action" for="edge" attr.name="action" attr.type="string"/>
  <key id="event" for="edge" attr.name="event" attr.type="string"/>
  <key id="cameo" for="edge" attr.name="cameo" attr.type="string"/>
  <key id="mode" for="edge" attr.name="mode" attr.type="string"/>
  <key id="negated" for="edge" attr.name="negated" attr.type="boolean"/>
  <key id="confidence" for="edge" attr.name="confidence" attr.type="double"/>
  <key id="doc_id" for="edge" attr.name="doc_id" attr.type="string"/>
  <key id="sentence" for="edge" attr.name="sentence" attr.type="int"/>
  <graph id="actant" edgedefault="directed">
"#;

impl GraphWriter {
    /// Opens `path` (under a temporary name until [`GraphWriter::finish`]).
    pub fn create(path: &Path) -> Result<GraphWriter> {
        let mut file = AtomicFile::create(path)?;
        file.write_all(HEADER.as_bytes())
            .map_err(|e| Error::io(path, e))?;
        Ok(GraphWriter {
            file,
            nodes: HashMap::new(),
            edges: 0,
        })
    }

    /// Adds the triples of a document that have a target.
    pub fn write(&mut self, doc: &Doc) -> Result<()> {
        for triple in &doc.triples {
            let Some(target) = &triple.target else {
                continue;
            };
            let from = self.node(&triple.actor)?;
            let to = self.node(target)?;
            let edge = format!(
                "    <edge id=\"e{}\" source=\"n{from}\" target=\"n{to}\">\
                 <data key=\"action\">{}</data><data key=\"event\">{}</data>\
                 <data key=\"cameo\">{}</data><data key=\"mode\">{}</data>\
                 <data key=\"negated\">{}</data><data key=\"confidence\">{:.4}</data>\
                 <data key=\"doc_id\">{}</data><data key=\"sentence\">{}</data></edge>\n",
                self.edges,
                escape(&triple.action_lemma),
                escape(triple.event.as_deref().unwrap_or("")),
                escape(triple.cameo.as_deref().unwrap_or("")),
                triple.mode.as_str(),
                triple.negated,
                triple.confidence,
                escape(&doc.id),
                triple.sentence,
            );
            self.edges += 1;
            self.put(&edge)?;
        }
        Ok(())
    }

    /// The node id of an argument, writing the node when first seen.
    fn node(&mut self, argument: &Argument) -> Result<usize> {
        let key = (
            argument.code.clone().unwrap_or_default(),
            argument
                .text
                .split_whitespace()
                .collect::<Vec<_>>()
                .join(" "),
        );
        if let Some(&id) = self.nodes.get(&key) {
            return Ok(id);
        }
        let id = self.nodes.len();
        let node = format!(
            "    <node id=\"n{id}\"><data key=\"name\">{}</data><data key=\"code\">{}</data><data key=\"label\">{}</data></node>\n",
            escape(&key.1),
            escape(&key.0),
            argument.label.map_or("", |l| l.as_str()),
        );
        self.put(&node)?;
        self.nodes.insert(key, id);
        Ok(id)
    }

    fn put(&mut self, text: &str) -> Result<()> {
        let path = self.file.path().to_path_buf();
        self.file
            .write_all(text.as_bytes())
            .map_err(|e| Error::io(&path, e))
    }

    /// Closes the graph and gives the file its final name.
    pub fn finish(mut self) -> Result<PathBuf> {
        self.put("  </graph>\n</graphml>\n")?;
        self.file.commit()
    }
}

/// Escapes text for XML character data and attribute values, dropping
/// characters XML 1.0 cannot hold.
fn escape(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&apos;"),
            '\t' | '\n' | '\r' => out.push(c),
            c if (c as u32) < 0x20 || c == '\u{fffe}' || c == '\u{ffff}' => {}
            c => out.push(c),
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::doc::{EntityLabel, Mode, RawDoc, Span, Triple};

    fn arg(text: &str, code: &str) -> Argument {
        Argument {
            text: text.into(),
            label: Some(EntityLabel::Loc),
            code: Some(code.into()),
            span: Span::new(0, 1),
        }
    }

    fn triple(actor: Argument, target: Option<Argument>) -> Triple {
        Triple {
            sentence: 0,
            actor,
            action: Span::new(0, 1),
            action_lemma: "call on".into(),
            target,
            event: Some("REQUEST".into()),
            cameo: Some("10".into()),
            negated: false,
            mode: Mode::Asserted,
            confidence: 0.9,
            rule: "test",
        }
    }

    #[test]
    fn nodes_are_shared_and_text_is_escaped() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("graph.graphml");
        let mut graph = GraphWriter::create(&path).unwrap();
        let mut doc = Doc::from_raw(RawDoc::new("d<1>", "x"));
        doc.triples = vec![
            triple(arg("Russia", "RUS"), Some(arg("Armenia", "ARM"))),
            triple(arg("Russia", "RUS"), Some(arg("Azerbaijan & co", "AZE"))),
            triple(arg("Russia", "RUS"), None),
        ];
        graph.write(&doc).unwrap();
        graph.finish().unwrap();
        let xml = std::fs::read_to_string(&path).unwrap();
        assert_eq!(xml.matches("<node ").count(), 3);
        assert_eq!(xml.matches("<edge ").count(), 2);
        assert!(xml.contains("Azerbaijan &amp; co"));
        assert!(xml.contains("d&lt;1&gt;"));
        assert!(xml.trim_end().ends_with("</graphml>"));
    }

    #[test]
    fn control_characters_are_dropped() {
        assert_eq!(escape("a\u{1}b\n"), "ab\n");
    }
}
