//! Transformer NER (cargo feature `transformer`): any BERT-family
//! token-classification model in a local Hugging Face folder
//! (`config.json`, `tokenizer.json` or `vocab.txt`, `model.safetensors`),
//! run with rust-bert on libtorch.
//!
//! Only the network comes from rust-bert. The rest is here, one step per
//! file:
//!
//! 1. [`folder`] opens the folder and checks that its files agree;
//!    [`model_config`] reads `config.json`, [`labels`] its `id2label`.
//! 2. [`tokenizer`] splits the text into word pieces with byte offsets into
//!    the original text (Hugging Face's `tokenizers`).
//! 3. [`windows`] cuts long texts into overlapping windows of the model's
//!    length, so entities anywhere in a long text are found.
//! 4. [`worker`] owns the model on a dedicated thread fed through a bounded
//!    channel and runs windows in length-bucketed batches ([`batch`]);
//!    [`network`] and [`weights`] build the rust-bert model and fill it
//!    from `model.safetensors`.
//! 5. [`decode`] turns logits into words (first piece's label) and words
//!    into entity spans (BIO/BIOES), merging overlapping windows.
//!
//! On the fixture model, spans and scores equal those of Hugging Face's
//! `pipeline("token-classification", aggregation_strategy="first",
//! stride=...)` (see `tests/transformer_parity.rs`).

pub mod allocator;
pub mod batch;
pub mod check;
pub mod decode;
pub mod device;
pub mod folder;
pub mod labels;
pub mod model_config;
pub mod network;
pub mod recognizer;
pub mod tokenizer;
pub mod weights;
pub mod windows;
pub mod worker;

pub use check::{check_model_folder, FolderReport};
pub use device::DeviceChoice;
pub use recognizer::{TransformerConfig, TransformerRecognizer};
