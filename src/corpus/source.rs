//! Corpus inputs and the document stream over them.

use std::ffi::OsStr;
use std::fs::File;
use std::io::{BufRead, BufReader, Read};
use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicU64, Ordering};
use std::sync::Arc;

use super::ids::SeenIds;
use super::{jsonl, text};
use crate::doc::RawDoc;
use crate::error::{Error, Location, Result};

/// One command-line input.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Input {
    /// A file or directory.
    Path(PathBuf),
    /// JSON Lines on standard input (`-`).
    Stdin,
}

impl Input {
    /// `-` is standard input; anything else a path.
    pub fn from_arg(arg: &OsStr) -> Input {
        if arg == "-" {
            Input::Stdin
        } else {
            Input::Path(PathBuf::from(arg))
        }
    }
}

/// A file-level unit of reading, in corpus order.
#[derive(Debug)]
enum Item {
    /// A plain-text file holding one document with this id.
    Text { path: PathBuf, id: String },
    /// A JSON Lines file.
    Jsonl { path: PathBuf },
    /// JSON Lines on standard input.
    Stdin,
    /// A path that could not be listed or opened.
    Unreadable(Error),
}

/// The documents of a list of inputs, resolved to files in reading order.
#[derive(Debug)]
pub struct Corpus {
    items: Vec<Item>,
    inputs: usize,
    total_bytes: u64,
}

impl Corpus {
    /// Resolves inputs to files; directories are walked now (cheap), files
    /// are read later, one at a time. Paths that cannot be read become error
    /// records in the stream rather than failing the whole corpus.
    pub fn open(inputs: &[Input]) -> Corpus {
        let mut items = Vec::new();
        for input in inputs {
            match input {
                Input::Stdin => items.push(Item::Stdin),
                Input::Path(path) => match std::fs::metadata(path) {
                    Err(e) => items.push(Item::Unreadable(Error::io(path, e))),
                    Ok(meta) if meta.is_dir() => walk(path, path, &mut items),
                    Ok(_) => items.push(file_item(path, None)),
                },
            }
        }
        let total_bytes = items
            .iter()
            .filter_map(|item| match item {
                Item::Text { path, .. } | Item::Jsonl { path } => std::fs::metadata(path).ok(),
                _ => None,
            })
            .map(|m| m.len())
            .sum();
        Corpus {
            items,
            inputs: inputs.len(),
            total_bytes,
        }
    }

    /// Number of inputs the corpus was opened with.
    pub fn inputs(&self) -> usize {
        self.inputs
    }

    /// Total size of the input files in bytes (standard input not counted).
    pub fn total_bytes(&self) -> u64 {
        self.total_bytes
    }

    /// Whether the corpus reads standard input, whose size is unknown.
    pub fn reads_stdin(&self) -> bool {
        self.items.iter().any(|i| matches!(i, Item::Stdin))
    }

    /// Number of files (and standard input) to read.
    pub fn files(&self) -> usize {
        self.items.len()
    }

    /// Streams the documents, one `Result` each, in corpus order.
    pub fn docs(self) -> Docs {
        Docs {
            items: self.items.into_iter(),
            lines: None,
            seen: SeenIds::default(),
            ordinal: 0,
            bytes_read: Arc::new(AtomicU64::new(0)),
        }
    }
}

fn file_item(path: &Path, root: Option<&Path>) -> Item {
    let ext = path.extension().and_then(OsStr::to_str).unwrap_or("");
    if matches!(ext, "jsonl" | "ndjson") {
        return Item::Jsonl {
            path: path.to_path_buf(),
        };
    }
    let relative = root.and_then(|r| path.strip_prefix(r).ok()).unwrap_or(path);
    let id = match root {
        Some(_) => relative
            .with_extension("")
            .to_string_lossy()
            .replace('\\', "/"),
        None => path
            .file_stem()
            .map(|s| s.to_string_lossy().into_owned())
            .unwrap_or_else(|| path.display().to_string()),
    };
    Item::Text {
        path: path.to_path_buf(),
        id,
    }
}

/// Adds the readable files under `dir` in sorted order; hidden entries and
/// symbolic links to directories are skipped (no cycles).
fn walk(root: &Path, dir: &Path, items: &mut Vec<Item>) {
    let entries = match std::fs::read_dir(dir) {
        Ok(entries) => entries,
        Err(e) => return items.push(Item::Unreadable(Error::io(dir, e))),
    };
    let mut entries: Vec<_> = entries.filter_map(|e| e.ok()).collect();
    entries.sort_by_key(|e| e.file_name());
    for entry in entries {
        let path = entry.path();
        if entry.file_name().to_string_lossy().starts_with('.') {
            continue;
        }
        let is_dir = entry.file_type().map(|t| t.is_dir()).unwrap_or(false);
        if is_dir {
            walk(root, &path, items);
        } else if path.is_file() {
            let ext = path.extension().and_then(OsStr::to_str).unwrap_or("");
            if matches!(ext, "txt" | "text" | "jsonl" | "ndjson") {
                items.push(file_item(&path, Some(root)));
            }
        }
    }
}

/// An open JSON Lines stream.
struct Lines {
    reader: Box<dyn BufRead + Send>,
    source: String,
    line_no: usize,
}

/// The stream of documents of a [`Corpus`].
pub struct Docs {
    items: std::vec::IntoIter<Item>,
    lines: Option<Lines>,
    seen: SeenIds,
    ordinal: u64,
    bytes_read: Arc<AtomicU64>,
}

impl std::fmt::Debug for Docs {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Docs")
            .field("ordinal", &self.ordinal)
            .finish_non_exhaustive()
    }
}

impl Docs {
    /// A counter of input bytes consumed so far, readable from any thread.
    pub fn bytes_read(&self) -> Arc<AtomicU64> {
        Arc::clone(&self.bytes_read)
    }

    fn next_from_lines(&mut self) -> Option<Result<RawDoc>> {
        let lines = self.lines.as_mut()?;
        let mut buf = Vec::new();
        loop {
            buf.clear();
            lines.line_no += 1;
            match lines.reader.read_until(b'\n', &mut buf) {
                Ok(0) => {
                    self.lines = None;
                    return None;
                }
                Ok(n) => {
                    self.bytes_read.fetch_add(n as u64, Ordering::Relaxed);
                    match jsonl::parse_line(&buf, &lines.source, lines.line_no) {
                        Ok(None) => continue,
                        Ok(Some(doc)) => return Some(Ok(doc)),
                        Err(e) => return Some(Err(e)),
                    }
                }
                Err(e) => {
                    let location = Location::new(lines.source.clone()).at_line(lines.line_no);
                    self.lines = None;
                    return Some(Err(
                        Error::input(location, format!("read failed: {e}")).caused_by(e)
                    ));
                }
            }
        }
    }

    fn open_item(&mut self, item: Item) -> Option<Result<RawDoc>> {
        match item {
            Item::Unreadable(e) => Some(Err(e)),
            Item::Stdin => {
                self.lines = Some(Lines {
                    reader: Box::new(BufReader::new(std::io::stdin())),
                    source: "<stdin>".into(),
                    line_no: 0,
                });
                None
            }
            Item::Jsonl { path } => match File::open(&path) {
                Ok(file) => {
                    self.lines = Some(Lines {
                        reader: Box::new(BufReader::with_capacity(1 << 16, file)),
                        source: path.display().to_string(),
                        line_no: 0,
                    });
                    None
                }
                Err(e) => Some(Err(Error::io(&path, e))),
            },
            Item::Text { path, id } => Some(read_text_file(&path, id, &self.bytes_read)),
        }
    }

    /// Where the document just read came from, for messages.
    fn origin(&self, text_file: Option<&Path>) -> Location {
        match (&self.lines, text_file) {
            (_, Some(path)) => Location::path(path),
            (Some(lines), None) => Location::new(lines.source.clone()).at_line(lines.line_no),
            (None, None) => Location::default(),
        }
    }

    fn check_unique(&mut self, doc: RawDoc, origin: Location) -> Result<RawDoc> {
        self.ordinal += 1;
        match self.seen.insert(&doc.id, self.ordinal) {
            None => Ok(doc),
            Some(first) => Err(Error::input(
                origin,
                format!(
                    "duplicate document id `{}` (document #{} of this run, first used by document #{first}); skipped",
                    doc.id, self.ordinal
                ),
            )),
        }
    }
}

fn read_text_file(path: &Path, id: String, bytes_read: &AtomicU64) -> Result<RawDoc> {
    let mut bytes = Vec::new();
    File::open(path)
        .and_then(|mut f| f.read_to_end(&mut bytes))
        .map_err(|e| Error::io(path, e))?;
    bytes_read.fetch_add(bytes.len() as u64, Ordering::Relaxed);
    let text = text::decode(bytes, || Location::path(path))?;
    Ok(RawDoc::new(id, text))
}

impl Iterator for Docs {
    type Item = Result<RawDoc>;

    fn next(&mut self) -> Option<Result<RawDoc>> {
        loop {
            if let Some(result) = self.next_from_lines() {
                let origin = self.origin(None);
                return Some(result.and_then(|doc| self.check_unique(doc, origin)));
            }
            let item = self.items.next()?;
            let text_file = match &item {
                Item::Text { path, .. } => Some(path.clone()),
                _ => None,
            };
            if let Some(result) = self.open_item(item) {
                let origin = self.origin(text_file.as_deref());
                return Some(result.and_then(|doc| self.check_unique(doc, origin)));
            }
        }
    }
}
