//! Step 7: scoring predictions against gold annotation.

pub mod segment;
