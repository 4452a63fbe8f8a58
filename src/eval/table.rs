//! Plain-text tables of evaluation reports, for the terminal. Figures are
//! percentages with two decimals; the JSON report has the exact fractions.

use std::collections::BTreeSet;
use std::fmt::Write;

use super::metrics::{Averages, Scores};
use super::ner::{ModeReport, NerReport};
use super::ner_data::{Mention, NerFormat};
use super::ner_errors::NerError;
use super::syntax::{AlignedScore, SyntaxReport};
use super::triples::{TripleRecord, TriplesReport};

/// Columns of text: the first `left` columns left-aligned (at least
/// one), the rest right-aligned.
#[derive(Debug, Default)]
struct TextTable {
    rows: Vec<Vec<String>>,
    left: usize,
}

impl TextTable {
    fn row<S: Into<String>>(&mut self, cells: impl IntoIterator<Item = S>) {
        self.rows.push(cells.into_iter().map(Into::into).collect());
    }

    fn render(&self, out: &mut String) {
        let columns = self.rows.iter().map(Vec::len).max().unwrap_or(0);
        let width: Vec<usize> = (0..columns)
            .map(|c| {
                self.rows
                    .iter()
                    .filter_map(|r| r.get(c))
                    .map(|s| s.chars().count())
                    .max()
                    .unwrap_or(0)
            })
            .collect();
        for row in &self.rows {
            let mut line = String::new();
            for (c, cell) in row.iter().enumerate() {
                let gap = if c == 0 { "" } else { "  " };
                if c < self.left.max(1) {
                    let _ = write!(line, "{gap}{cell:<w$}", w = width[c]);
                } else {
                    let _ = write!(line, "{gap}{cell:>w$}", w = width[c]);
                }
            }
            out.push_str(line.trim_end());
            out.push('\n');
        }
    }
}

fn pct(x: f64) -> String {
    format!("{:.2}", x * 100.0)
}

fn scores_row(table: &mut TextTable, name: &str, s: &Scores) {
    table.row([
        name.to_string(),
        (s.tp + s.fn_).to_string(),
        (s.tp + s.fp).to_string(),
        s.tp.to_string(),
        s.fp.to_string(),
        s.fn_.to_string(),
        pct(s.precision),
        pct(s.recall),
        pct(s.f1),
    ]);
}

fn macro_row(table: &mut TextTable, a: &Averages) {
    table.row([
        "macro".to_string(),
        String::new(),
        String::new(),
        String::new(),
        String::new(),
        String::new(),
        pct(a.precision),
        pct(a.recall),
        pct(a.f1),
    ]);
}

const SCORE_HEADER: [&str; 9] = ["label", "gold", "pred", "TP", "FP", "FN", "P", "R", "F1"];

/// The entity report: both modes with per-label rows, micro and macro,
/// and the strict confusion table.
/// The entities report; at most `show` strict errors are listed (all of
/// them are in the JSON report).
pub fn render_ner(report: &NerReport, show: usize) -> String {
    let mut out = String::new();
    let side = |s: &super::ner::DataSummary| {
        let docs = s
            .documents
            .map_or(String::new(), |d| format!(", {d} documents"));
        let column = s
            .tag_column
            .map_or(String::new(), |c| format!(", tags in column {c}"));
        let scheme = s.scheme.map_or(String::new(), |c| format!(", {c} scheme"));
        let format = match s.format {
            NerFormat::Pipeline => "predicted on the gold texts".to_string(),
            f => f.to_string(),
        };
        format!(
            "{} ({format}{docs}{column}{scheme}, {} mentions)",
            s.source, s.mentions
        )
    };
    let _ = writeln!(out, "gold:      {}", side(&report.gold));
    let _ = writeln!(out, "predicted: {}", side(&report.predicted));
    if let Some(labels) = &report.labels {
        let _ = writeln!(out, "labels:    {}", labels.join(", "));
    }
    if report.ignored_predictions > 0 {
        let _ = writeln!(
            out,
            "ignored:   {} predicted mentions in documents not in the gold data",
            report.ignored_predictions
        );
    }
    for (title, mode) in [
        ("strict (exact span and label)", &report.strict),
        ("partial (overlapping span, same label)", &report.partial),
    ] {
        let _ = writeln!(out, "\n{title}");
        mode_table(mode).render(&mut out);
    }
    if let Some(acc) = &report.token_accuracy {
        let _ = writeln!(
            out,
            "\ntoken accuracy: {} ({} of {} tags)",
            pct(acc.accuracy),
            acc.correct,
            acc.total
        );
    }
    let _ = writeln!(
        out,
        "\nconfusion (strict spans; rows gold, columns predicted, `-` none)"
    );
    confusion_table(&report.strict).render(&mut out);
    ner_errors(&mut out, &report.errors, show);
    failures(
        &mut out,
        report.failures.iter().map(|f| (&f.doc, &f.message)),
    );
    out
}

/// Lists the first `show` strict errors, one per line.
fn ner_errors(out: &mut String, errors: &[NerError], show: usize) {
    if errors.is_empty() || show == 0 {
        return;
    }
    let _ = writeln!(out, "\nerrors (strict; {}):", errors.len());
    let mention = |m: &Option<Mention>| {
        m.as_ref().map_or("-".to_string(), |m| {
            let text = if m.text.is_empty() {
                format!("{}..{}", m.start, m.end)
            } else {
                format!("{:?}", m.text)
            };
            format!("{} {text}", m.label)
        })
    };
    let mut table = TextTable {
        left: 4,
        ..TextTable::default()
    };
    table.row(["kind", "document", "gold", "predicted"]);
    for e in errors.iter().take(show) {
        table.row([
            e.kind.as_str().to_string(),
            e.doc().to_string(),
            mention(&e.gold),
            mention(&e.predicted),
        ]);
    }
    table.render(out);
    if errors.len() > show {
        let _ = writeln!(out, "... and {} more (see --json)", errors.len() - show);
    }
}

fn mode_table(mode: &ModeReport) -> TextTable {
    let mut table = TextTable::default();
    table.row(SCORE_HEADER);
    for l in &mode.scores.labels {
        scores_row(&mut table, &l.label, &l.scores);
    }
    scores_row(&mut table, "micro", &mode.scores.micro);
    macro_row(&mut table, &mode.scores.macro_avg);
    table
}

fn confusion_table(mode: &ModeReport) -> TextTable {
    let gold: BTreeSet<Option<&str>> = mode.confusion.iter().map(|c| c.gold.as_deref()).collect();
    let pred: BTreeSet<Option<&str>> = mode
        .confusion
        .iter()
        .map(|c| c.predicted.as_deref())
        .collect();
    let (gold, pred) = (none_last(gold), none_last(pred));
    let name = |l: Option<&str>| l.unwrap_or("-").to_string();
    let mut table = TextTable::default();
    table.row(std::iter::once("gold \\ pred".to_string()).chain(pred.iter().map(|p| name(*p))));
    for g in &gold {
        let mut row = vec![name(*g)];
        for p in &pred {
            let count = mode
                .confusion
                .iter()
                .find(|c| c.gold.as_deref() == *g && c.predicted.as_deref() == *p)
                .map_or(0, |c| c.count);
            row.push(if count == 0 {
                ".".to_string()
            } else {
                count.to_string()
            });
        }
        table.row(row);
    }
    table
}

/// The labels in order, then `None` if present.
fn none_last(set: BTreeSet<Option<&str>>) -> Vec<Option<&str>> {
    let mut v: Vec<Option<&str>> = set.iter().copied().filter(Option::is_some).collect();
    if set.contains(&None) {
        v.push(None);
    }
    v
}

fn failures<'a>(out: &mut String, list: impl Iterator<Item = (&'a String, &'a String)>) {
    let list: Vec<_> = list.collect();
    if !list.is_empty() {
        let _ = writeln!(out, "\n{} documents failed:", list.len());
        for (doc, message) in list {
            let _ = writeln!(out, "  {doc}: {message}");
        }
    }
}

/// The triples report; at most `show` misses and false alarms are listed
/// (all of them are in the JSON report).
pub fn render_triples(report: &TriplesReport, show: usize) -> String {
    let mut out = String::new();
    let _ = writeln!(
        out,
        "gold:      {} ({} triples)",
        report.gold.source, report.gold.triples
    );
    let _ = writeln!(
        out,
        "predicted: {} ({} triples)",
        report.predicted.source, report.predicted.triples
    );
    if report.ignored_predictions > 0 {
        let _ = writeln!(
            out,
            "ignored:   {} predicted triples in documents not in the gold data",
            report.ignored_predictions
        );
    }
    out.push('\n');
    let mut table = TextTable::default();
    table.row(SCORE_HEADER);
    scores_row(&mut table, "triples", &report.scores);
    table.render(&mut out);
    let acc = &report.event_accuracy;
    let _ = writeln!(
        out,
        "\nevent type accuracy on matches: {} ({} of {})\n",
        pct(acc.accuracy),
        acc.correct,
        acc.total
    );
    let mut events = TextTable::default();
    events.row(["event", "gold", "pred", "matched", "same type"]);
    for e in &report.by_event {
        let name = if e.event.is_empty() {
            "(none)"
        } else {
            e.event.as_str()
        };
        events.row([
            name.to_string(),
            e.gold.to_string(),
            e.predicted.to_string(),
            e.matched.to_string(),
            e.typed.to_string(),
        ]);
    }
    events.render(&mut out);
    for (title, list) in [
        ("misses", &report.misses),
        ("false alarms", &report.false_alarms),
    ] {
        if list.is_empty() {
            continue;
        }
        let _ = writeln!(out, "\n{title} ({}):", list.len());
        let mut table = TextTable {
            left: 5,
            ..TextTable::default()
        };
        for t in list.iter().take(show) {
            table.row(triple_cells(t));
        }
        table.render(&mut out);
        if list.len() > show {
            let _ = writeln!(out, "... and {} more (see --json)", list.len() - show);
        }
    }
    failures(
        &mut out,
        report.failures.iter().map(|f| (&f.doc, &f.message)),
    );
    out
}

fn triple_cells(t: &TripleRecord) -> [String; 5] {
    let event = if t.event.is_empty() {
        "-"
    } else {
        t.event.as_str()
    };
    [
        format!("  {}", t.doc),
        t.actor.clone(),
        t.action.clone(),
        if t.target.is_empty() {
            "-".to_string()
        } else {
            t.target.clone()
        },
        event.to_string(),
    ]
}

/// The syntax report.
pub fn render_syntax(report: &SyntaxReport) -> String {
    let mut out = String::new();
    let mode = if report.gold_tokens {
        "gold tokens"
    } else {
        "raw text"
    };
    let _ = writeln!(
        out,
        "{} sentences, {} words; {mode}",
        report.sentences, report.words
    );
    if let Some(seg) = &report.segmentation {
        out.push('\n');
        let mut table = TextTable::default();
        table.row(["unit", "gold", "pred", "TP", "FP", "FN", "P", "R", "F1"]);
        if let Some(tokens) = &seg.tokens {
            scores_row(&mut table, "tokens", tokens);
        }
        scores_row(&mut table, "words", &seg.words);
        scores_row(&mut table, "sentences", &seg.sentences);
        table.render(&mut out);
    }
    match &report.syntax {
        Some(s) => {
            out.push('\n');
            let mut table = TextTable::default();
            if report.gold_tokens {
                table.row(["metric", "correct", "words", "accuracy"]);
            } else {
                table.row(["metric", "correct", "gold", "pred", "P", "R", "F1"]);
            }
            for (name, score) in [
                ("UPOS", &s.upos),
                ("XPOS", &s.xpos),
                ("lemma", &s.lemma),
                ("UAS", &s.uas),
                ("LAS", &s.las),
                ("LAS+sub", &s.las_subtype),
            ] {
                table.row(aligned_cells(name, score, report.gold_tokens));
            }
            table.render(&mut out);
        }
        None => {
            let _ = writeln!(out, "\nno tags, lemmas or trees were predicted");
        }
    }
    failures(
        &mut out,
        report.failures.iter().map(|f| (&f.doc, &f.message)),
    );
    out
}

fn aligned_cells(name: &str, s: &AlignedScore, gold_tokens: bool) -> Vec<String> {
    if gold_tokens {
        vec![
            name.to_string(),
            s.correct.to_string(),
            s.gold.to_string(),
            pct(s.f1),
        ]
    } else {
        vec![
            name.to_string(),
            s.correct.to_string(),
            s.gold.to_string(),
            s.predicted.to_string(),
            pct(s.precision),
            pct(s.recall),
            pct(s.f1),
        ]
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::eval::ner::{score_ner, NerOptions};
    use crate::eval::ner_data::{Mention, NerData};

    fn m(start: usize, end: usize, label: &str) -> Mention {
        Mention::new("d", start, end, label)
    }

    #[test]
    fn ner_table_shows_labels_averages_and_confusion() {
        let gold = NerData::new(
            "g.jsonl",
            NerFormat::Jsonl,
            None,
            vec![m(0, 4, "LOC"), m(5, 9, "PER")],
        );
        let pred = NerData::new(
            "p.csv",
            NerFormat::EntitiesCsv,
            None,
            vec![m(0, 4, "LOC"), m(5, 9, "ORG")],
        );
        let report = score_ner(&gold, &pred, &NerOptions::default()).unwrap();
        let text = render_ner(&report, 20);
        assert!(
            text.contains("gold:      g.jsonl (jsonl, 2 mentions)"),
            "{text}"
        );
        let loc = text.lines().find(|l| l.starts_with("LOC")).unwrap();
        assert_eq!(
            loc.split_whitespace().collect::<Vec<_>>(),
            ["LOC", "1", "1", "1", "0", "0", "100.00", "100.00", "100.00"]
        );
        assert!(
            text.lines()
                .any(|l| l.starts_with("micro") && l.ends_with("50.00")),
            "{text}"
        );
        let per_row = text.lines().rfind(|l| l.starts_with("PER")).unwrap();
        // In the confusion table (columns LOC, ORG): PER predicted as ORG once.
        assert_eq!(
            per_row.split_whitespace().collect::<Vec<_>>(),
            ["PER", ".", "1"]
        );
    }

    #[test]
    fn columns_line_up() {
        let mut t = TextTable::default();
        t.row(["a", "1"]);
        t.row(["long", "100"]);
        let mut out = String::new();
        t.render(&mut out);
        assert_eq!(out, "a       1\nlong  100\n");
    }
}
