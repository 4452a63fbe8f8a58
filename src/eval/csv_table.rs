//! A CSV file with a header row, read whole, whose columns are found by
//! name: the shape of every CSV fixture and output the scorers read.

use std::path::Path;

use crate::error::{Error, Location, Result};

/// The rows of a CSV file and the names of its columns.
#[derive(Clone, Debug)]
pub struct CsvTable {
    source: String,
    headers: Vec<String>,
    rows: Vec<(usize, csv::StringRecord)>,
}

impl CsvTable {
    /// Reads a CSV file.
    pub fn read(path: &Path) -> Result<CsvTable> {
        let file = std::fs::File::open(path).map_err(|e| Error::io(path, e))?;
        CsvTable::from_reader(file, &path.display().to_string())
    }

    /// Reads CSV text; `source` names it in messages.
    pub fn from_reader(reader: impl std::io::Read, source: &str) -> Result<CsvTable> {
        let mut csv = csv::ReaderBuilder::new()
            .has_headers(true)
            .flexible(false)
            .from_reader(reader);
        let bad = |e: csv::Error| {
            let line = e.position().map(|p| p.line() as usize);
            let location = match line {
                Some(line) => Location::new(source).at_line(line),
                None => Location::new(source),
            };
            Error::format(location, format!("bad CSV: {e}"))
        };
        let headers = csv
            .headers()
            .map_err(bad)?
            .iter()
            .map(|h| h.trim().trim_start_matches('\u{feff}').to_string())
            .collect();
        let mut rows = Vec::new();
        for record in csv.records() {
            let record = record.map_err(bad)?;
            let line = record.position().map_or(0, |p| p.line() as usize);
            rows.push((line, record));
        }
        Ok(CsvTable {
            source: source.to_string(),
            headers,
            rows,
        })
    }

    /// The file, for messages.
    pub fn source(&self) -> &str {
        &self.source
    }

    /// The index of a column, if the header names it.
    pub fn optional(&self, name: &str) -> Option<usize> {
        self.headers.iter().position(|h| h == name)
    }

    /// The index of a column the header must name.
    pub fn required(&self, name: &str) -> Result<usize> {
        self.optional(name).ok_or_else(|| {
            Error::format(
                Location::new(&self.source).at_line(1),
                format!(
                    "no `{name}` column (the header has: {})",
                    self.headers.join(", ")
                ),
            )
        })
    }

    /// The rows with their 1-based line numbers.
    pub fn rows(&self) -> impl Iterator<Item = (usize, &csv::StringRecord)> {
        self.rows.iter().map(|(line, r)| (*line, r))
    }

    /// Where a row is, for messages.
    pub fn at(&self, line: usize) -> Location {
        Location::new(&self.source).at_line(line)
    }
}

/// A field of a row, or the empty string when the column is absent.
pub fn field(row: &csv::StringRecord, column: Option<usize>) -> &str {
    column.and_then(|c| row.get(c)).unwrap_or("").trim()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn finds_columns_by_name_and_numbers_rows() {
        let t = CsvTable::from_reader("\u{feff}a,b\n1,2\n\"x,y\",3\n".as_bytes(), "t.csv").unwrap();
        let b = t.required("b").unwrap();
        let rows: Vec<(usize, &str)> = t.rows().map(|(l, r)| (l, field(r, Some(b)))).collect();
        assert_eq!(rows, vec![(2, "2"), (3, "3")]);
        assert_eq!(field(t.rows().nth(1).unwrap().1, t.optional("a")), "x,y");
        assert_eq!(field(t.rows().next().unwrap().1, t.optional("c")), "");
        let e = t.required("c").unwrap_err();
        assert!(e.to_string().contains("no `c` column"), "{e}");
    }

    #[test]
    fn ragged_rows_are_errors_with_a_line() {
        let e = CsvTable::from_reader("a,b\n1\n".as_bytes(), "t.csv").unwrap_err();
        assert!(e.to_string().starts_with("t.csv:2:"), "{e}");
    }
}
