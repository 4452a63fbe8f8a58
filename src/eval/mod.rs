//! Step 7: evaluation. Reads gold fixtures and predictions, scores
//! entities, segmentation, syntax and triples, and renders tables and JSON
//! reports.
//!
//! - Readers: [`conll`] (CoNLL / IOB2 columns), [`conllu_text`] and
//!   [`gum`] / [`gum_named`] (CoNLL-U text and GUM entity mentions),
//!   [`jsonl_spans`], [`entities_csv`], all gathered by [`ner_data`];
//!   [`triples`] reads triples CSV files.
//! - Scorers: [`ner`] (strict and partial entity matching, with the tag
//!   readings of [`iob`]), [`segment`], [`triples`], [`syntax`]; counts
//!   and figures in [`metrics`].
//! - [`predict`] runs the pipeline on gold texts when no predictions are
//!   given; [`run`] runs each evaluation as the command line asks;
//!   [`table`] renders reports for the terminal.
//!
//! ```
//! use actant::eval::conll::{parse_conll, TagColumn};
//! use actant::eval::iob::Scheme;
//! use actant::eval::ner::{score_ner, NerOptions};
//! use actant::eval::ner_data::NerData;
//!
//! let gold = parse_conll("Baku B-LOC\nsaid O\n", "gold", TagColumn::Auto)?;
//! let pred = parse_conll("Baku B-ORG\nsaid O\n", "pred", TagColumn::Auto)?;
//! let report = score_ner(
//!     &NerData::from_tagged(gold, Scheme::Conlleval)?,
//!     &NerData::from_tagged(pred, Scheme::Conlleval)?,
//!     &NerOptions::default(),
//! )?;
//! assert_eq!(report.strict.scores.micro.f1, 0.0);
//! assert_eq!(report.token_accuracy.unwrap().accuracy, 0.5);
//! # Ok::<(), actant::Error>(())
//! ```

pub mod conll;
pub mod conllu_text;
pub mod csv_table;
pub mod entities_csv;
pub mod gum;
pub mod gum_named;
pub mod iob;
pub mod jsonl_spans;
pub mod metrics;
pub mod ner;
pub mod ner_data;
pub mod ner_errors;
pub mod predict;
pub mod run;
pub mod segment;
pub mod syntax;
pub mod syntax_align;
pub mod table;
pub mod triples;
