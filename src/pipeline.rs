//! The pipeline: the stages a document goes through, built once and shared
//! by every worker thread.

use crate::doc::{AnnotatedDoc, Doc, RawDoc};
use crate::error::Result;
use crate::export::ModelInfo;
use crate::link::{EventLexicon, LinkConfig, Linker};
use crate::ner::{ActorDictionary, NerConfig, NerStage, Recognizer};
use crate::segment::Segmenter;
use crate::syntax::{SyntaxConfig, SyntaxModel};
use std::sync::Arc;

/// Runs segmentation, syntax, entity recognition and the rule layer on
/// documents.
///
/// A pipeline is immutable once built and `Sync`, so one instance serves
/// every thread of a batch.
#[derive(Debug)]
pub struct Pipeline {
    segmenter: Segmenter,
    syntax: Option<Arc<SyntaxModel>>,
    syntax_models: Vec<ModelInfo>,
    recognizer: NerStage,
    ner_config: NerConfig,
    linker: Option<Linker>,
}

/// Configures a [`Pipeline`].
#[derive(Clone, Debug, Default)]
pub struct PipelineBuilder {
    ner: NerConfig,
    syntax: SyntaxConfig,
    link: LinkConfig,
    without_link: bool,
}

impl PipelineBuilder {
    /// Chooses the entity recognizer.
    pub fn ner(mut self, ner: NerConfig) -> Self {
        self.ner = ner;
        self
    }

    /// Chooses the syntax models (default: the embedded ones), or turns
    /// the syntax stage off.
    pub fn syntax(mut self, syntax: SyntaxConfig) -> Self {
        self.syntax = syntax;
        self
    }

    /// Configures the rule layer (on by default).
    pub fn link(mut self, link: LinkConfig) -> Self {
        self.link = link;
        self.without_link = false;
        self
    }

    /// Leaves the rule layer out: entities only, no triples.
    pub fn without_link(mut self) -> Self {
        self.without_link = true;
        self
    }

    /// Loads the models and lexicons the configuration needs.
    pub fn build(self) -> Result<Pipeline> {
        let linker = if self.without_link {
            None
        } else {
            Some(Linker::new(
                EventLexicon::embedded()?,
                ActorDictionary::embedded()?,
                self.link,
            ))
        };
        Ok(Pipeline {
            segmenter: Segmenter::new(),
            syntax: self.syntax.load()?,
            syntax_models: self.syntax.model_infos()?,
            recognizer: NerStage::from_config(&self.ner)?,
            ner_config: self.ner,
            linker,
        })
    }
}

impl Pipeline {
    /// Starts configuring a pipeline.
    pub fn builder() -> PipelineBuilder {
        PipelineBuilder::default()
    }

    /// The entity recognizer this pipeline runs.
    pub fn recognizer(&self) -> &NerStage {
        &self.recognizer
    }

    /// The recognizer configuration this pipeline was built with.
    pub fn ner_config(&self) -> &NerConfig {
        &self.ner_config
    }

    /// Whether the pipeline produces triples (the rule layer runs).
    pub fn links(&self) -> bool {
        self.linker.is_some()
    }

    /// The rule layer, when it runs.
    pub fn linker(&self) -> Option<&Linker> {
        self.linker.as_ref()
    }

    /// The models and lexicons this pipeline uses, with checksums.
    pub fn models(&self) -> Vec<ModelInfo> {
        let mut models = vec![ModelInfo::of_bytes(
            "actor dictionary",
            "embedded data/lexicon/actors.toml",
            ActorDictionary::embedded_text().as_bytes(),
        )];
        models.extend(self.syntax_models.iter().cloned());
        models.extend(self.recognizer.models());
        if let Some(linker) = &self.linker {
            models.push(linker.lexicon().model_info());
        }
        models
    }

    /// Annotates a copy of `raw`.
    pub fn process(&self, raw: &RawDoc) -> Result<AnnotatedDoc> {
        self.annotate(raw.clone())
    }

    /// Annotates `raw`, taking ownership of its text.
    pub fn annotate(&self, raw: RawDoc) -> Result<AnnotatedDoc> {
        let mut doc = Doc::from_raw(raw);
        let segmentation = self.segmenter.segment(&doc.text);
        doc.sentences = segmentation.sentences;
        doc.tokens = segmentation.tokens;
        if let Some(syntax) = &self.syntax {
            doc.syntax = syntax.annotate_doc(&doc);
        }
        let mut entities = self.recognizer.recognize(&doc)?;
        for entity in &mut entities {
            entity.sentence = doc.sentence_at(entity.span.start).unwrap_or(0);
        }
        doc.entities = entities;
        if let Some(linker) = &self.linker {
            doc.triples = linker.link(&doc);
        }
        Ok(doc)
    }
}
