//! Reader for actant's `entities.csv` (`doc_id, sentence, start, end,
//! text, label, score, source, code, canonical`): only `doc_id`, `start`,
//! `end` and `label` are needed, so any CSV with those columns will do.
//! The file carries no document texts.

use std::path::Path;

use crate::error::{Error, Result};

use super::csv_table::{field, CsvTable};
use super::ner_data::{Mention, NerData, NerFormat};

/// Reads an `entities.csv` file.
pub fn read_entities_csv(path: &Path) -> Result<NerData> {
    entities_from_table(&CsvTable::read(path)?)
}

/// The mentions of an `entities.csv` table.
pub fn entities_from_table(table: &CsvTable) -> Result<NerData> {
    let doc = table.required("doc_id")?;
    let start = table.required("start")?;
    let end = table.required("end")?;
    let label = table.required("label")?;
    let text = table.optional("text");
    let mut mentions = Vec::new();
    for (line, row) in table.rows() {
        let offset = |column: usize, name: &str| {
            field(row, Some(column)).parse::<usize>().map_err(|_| {
                Error::format(
                    table.at(line),
                    format!("`{name}` is `{}`, not an offset", field(row, Some(column))),
                )
            })
        };
        let (s, e) = (offset(start, "start")?, offset(end, "end")?);
        if s >= e {
            return Err(Error::format(
                table.at(line),
                format!("empty span {s}..{e}"),
            ));
        }
        mentions.push(Mention {
            doc: field(row, Some(doc)).to_string(),
            start: s,
            end: e,
            label: field(row, Some(label)).to_string(),
            text: field(row, text).to_string(),
        });
    }
    Ok(NerData::new(
        table.source(),
        NerFormat::EntitiesCsv,
        None,
        mentions,
    ))
}

#[cfg(test)]
mod tests {
    use super::*;

    const CSV: &str = "doc_id,sentence,start,end,text,label,score,source,code,canonical\n\
d2,0,0,6,Russia,LOC,0.98,embedded,RUS,Russia\n\
d1,1,10,17,\"Baku, A\",ORG,1,gazetteer,,\n";

    #[test]
    fn reads_actant_output() {
        let table = CsvTable::from_reader(CSV.as_bytes(), "e.csv").unwrap();
        let data = entities_from_table(&table).unwrap();
        assert!(data.docs.is_none());
        assert_eq!(data.mentions.len(), 2);
        assert_eq!(data.mentions[0].doc, "d1");
        assert_eq!(data.mentions[0].text, "Baku, A");
        assert_eq!(data.document_ids(), vec!["d1", "d2"]);
    }

    #[test]
    fn bad_offsets_name_the_line() {
        let bad = "doc_id,start,end,label\nd,0,x,PER\n";
        let table = CsvTable::from_reader(bad.as_bytes(), "e.csv").unwrap();
        let e = entities_from_table(&table).unwrap_err();
        assert!(e.to_string().starts_with("e.csv:2:"), "{e}");
        let missing = CsvTable::from_reader("doc_id,start\n".as_bytes(), "e.csv").unwrap();
        assert!(entities_from_table(&missing).is_err());
    }
}
