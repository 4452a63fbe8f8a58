//! Recognizer that matches the actor dictionary against the text.

use crate::doc::{Doc, Entity};
use crate::error::Result;

use super::Recognizer;

/// Actor-dictionary recognizer (interim: matches nothing until the
/// dictionary lands).
#[derive(Debug, Default)]
pub struct Gazetteer {}

impl Recognizer for Gazetteer {
    fn name(&self) -> &'static str {
        "gazetteer"
    }

    fn recognize(&self, _doc: &Doc) -> Result<Vec<Entity>> {
        Ok(Vec::new())
    }
}
