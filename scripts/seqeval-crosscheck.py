#!/usr/bin/env python3
"""Prints seqeval's figures for a gold and a predicted IOB file, as JSON.

Used by tests/eval_seqeval.rs to check that `actant eval ner` agrees with
seqeval 1.2.2 in both of its modes:

- "strict": seqeval mode="strict" with the IOB2 scheme;
- "conlleval": seqeval's default mode, which follows conlleval.pl.

Files: one token per line, whitespace-separated columns, the tag in the
last column, a blank line between sentences; `-DOCSTART-` lines and lines
starting with `# ` are skipped. Both files must have the same tokens.

Usage: seqeval-crosscheck.py GOLD PRED
Needs: pip install seqeval==1.2.2
"""

import json
import sys
import warnings

from seqeval.metrics import accuracy_score, classification_report
from seqeval.scheme import IOB2


def read_tags(path):
    sentences, current = [], []
    with open(path, encoding="utf-8") as f:
        for line in f:
            fields = line.split()
            if not fields:
                sentences.append(current)
                current = []
            elif fields[0].upper() == "-DOCSTART-" or line.startswith("# "):
                continue
            else:
                current.append(fields[-1])
    if current:
        sentences.append(current)
    return sentences


def figures(report):
    out = {}
    for name, row in report.items():
        out[name] = {
            "precision": float(row["precision"]),
            "recall": float(row["recall"]),
            "f1": float(row["f1-score"]),
            "support": int(row["support"]),
        }
    return out


def main():
    gold, pred = read_tags(sys.argv[1]), read_tags(sys.argv[2])
    if [len(s) for s in gold] != [len(s) for s in pred]:
        sys.exit("gold and predicted files have different sentences")
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        result = {
            "strict": figures(
                classification_report(
                    gold, pred, mode="strict", scheme=IOB2, output_dict=True, zero_division=0
                )
            ),
            "conlleval": figures(classification_report(gold, pred, output_dict=True, zero_division=0)),
            "accuracy": float(accuracy_score(gold, pred)),
        }
    json.dump(result, sys.stdout, indent=1, sort_keys=True)
    print()


if __name__ == "__main__":
    main()
