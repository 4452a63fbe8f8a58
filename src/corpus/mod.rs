//! Step 1: reading documents, and the treebank formats the models learn from.

pub mod conllu;
