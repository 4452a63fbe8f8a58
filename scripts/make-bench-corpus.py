#!/usr/bin/env python3
"""Builds a benchmark corpus by repeating and varying the sample articles.

Usage: scripts/make-bench-corpus.py OUT.jsonl [MEGABYTES]

Each generated document is one sample article with its paragraphs rotated
and its country names swapped through a fixed permutation, so the corpus
is large and varied but fully reproducible (no randomness). Written as
JSON Lines, the format batch users feed actant.
"""
import json
import pathlib
import sys

ROOT = pathlib.Path(__file__).resolve().parent.parent
SWAPS = [
    ("Azerbaijan", "Armenia"), ("Russia", "Ukraine"), ("Sudan", "Chad"),
    ("Israel", "Egypt"), ("Iran", "Iraq"), ("China", "Japan"),
    ("Venezuela", "Guyana"), ("Ethiopia", "Eritrea"), ("India", "Pakistan"),
]


def variants(text, n):
    paragraphs = [p for p in text.split("\n\n") if p.strip()]
    rot = n % max(1, len(paragraphs))
    body = paragraphs[:1] + paragraphs[1:][rot:] + paragraphs[1:][:rot]
    out = "\n\n".join(body)
    a, b = SWAPS[n % len(SWAPS)]
    if (n // len(SWAPS)) % 2 == 1:
        out = out.replace(a, "\0").replace(b, a).replace("\0", b)
    return out


def main():
    out = pathlib.Path(sys.argv[1])
    megabytes = float(sys.argv[2]) if len(sys.argv) > 2 else 24
    articles = sorted((ROOT / "data" / "sample").glob("*.txt"))
    texts = [a.read_text(encoding="utf-8") for a in articles]
    target = int(megabytes * 1_000_000)
    written = 0
    n = 0
    with out.open("w", encoding="utf-8") as f:
        while written < target:
            text = variants(texts[n % len(texts)], n // len(texts))
            line = json.dumps({"id": f"bench-{n:06d}", "text": text}, ensure_ascii=False) + "\n"
            f.write(line)
            written += len(line.encode("utf-8"))
            n += 1
    print(f"{out}: {n} documents, {written / 1e6:.1f} MB")


if __name__ == "__main__":
    main()
