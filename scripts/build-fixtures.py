#!/usr/bin/env python3
"""Build the labelled evaluation fixtures of actant from their annotated sources.

Sources:  tests/fixtures/src/<split>/NN-slug.txt   (split = dev | test | blind)
Outputs:  tests/fixtures/<split>/entities.jsonl
          tests/fixtures/<split>/triples.csv

Source file format (see tests/fixtures/README.md and GUIDELINES.md):

    id: dev-01-karabakh
    <blank line>
    article text with inline entity markup: [Baku|LOC], [Kemal Aydın|PER]
    ...
    === triples ===
    actor | action | target | EVENT

The script strips the markup, computes entity offsets as Unicode code-point
offsets into the stripped text (end exclusive, Python text[start:end]),
validates everything, and writes the outputs deterministically. On any error
it prints every problem found (file:line: message) and exits with status 1
without writing anything.

Usage:
    python3 scripts/build-fixtures.py          # validate and (re)write outputs
    python3 scripts/build-fixtures.py --check  # validate; fail if outputs are stale

Python 3.11, standard library only.
"""

from __future__ import annotations

import csv
import io
import json
import re
import sys
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
FIXTURES = ROOT / "tests" / "fixtures"
SRC = FIXTURES / "src"
# dev: the working set for rule building. test: frozen, scored only.
# blind: written blind to the rule layer after its rules were frozen; frozen,
# scored once.
SPLITS = ("dev", "test", "blind")

LABELS = ("PER", "ORG", "LOC", "MISC")
EVENTS = (
    "AGREE", "CONSULT", "SUPPORT", "CONCEDE", "COOPERATE", "AID", "RETREAT",
    "REQUEST", "ACCUSE", "REJECT", "THREATEN", "PROTEST", "SANCTION",
    "MOBILIZE", "COERCE", "ASSAULT", "STATEMENT",
)
TRIPLES_MARKER = "=== triples ==="
MIN_WORDS, MAX_WORDS = 150, 400
FILE_NAME_RE = re.compile(r"^\d{2}-[a-z0-9]+(?:-[a-z0-9]+)*\.txt$")
ACTION_RE = re.compile(r"^[a-z]+(?:[ '-][a-z]+)*$")
CSV_HEADER = ["doc_id", "actor", "action", "target", "event"]


class MarkupError(Exception):
    pass


@dataclass
class Article:
    split: str
    path: Path
    doc_id: str
    text: str
    entities: list[dict] = field(default_factory=list)
    triples: list[tuple[str, str, str, str]] = field(default_factory=list)


def rel(path: Path) -> str:
    try:
        return str(path.relative_to(ROOT))
    except ValueError:
        return str(path)


def strip_markup(raw: str, first_line: int, where: str, errors: list[str]):
    """Return (plain_text, entities) for the article body `raw`.

    `first_line` is the 1-based line number of raw's first line in the file.
    """
    out: list[str] = []
    entities: list[dict] = []
    pos = 0  # code-point offset into the stripped text
    line = first_line
    in_ent = False
    ent_start = 0
    ent_line = 0
    ent_chars: list[str] = []
    label_chars: list[str] | None = None

    for ch in raw:
        if ch == "\n":
            if in_ent:
                errors.append(f"{where}:{ent_line}: entity opened with '[' is not closed on the same line")
                in_ent = False
                label_chars = None
            out.append(ch)
            pos += 1
            line += 1
            continue
        if not in_ent:
            if ch == "[":
                in_ent = True
                ent_start = pos
                ent_line = line
                ent_chars = []
                label_chars = None
            elif ch == "]":
                errors.append(f"{where}:{line}: ']' without a matching '['")
            elif ch == "|":
                errors.append(f"{where}:{line}: '|' outside entity markup")
            else:
                out.append(ch)
                pos += 1
            continue
        # inside an entity
        if ch == "[":
            errors.append(f"{where}:{line}: nested '[' inside entity markup (nesting is not allowed)")
        elif ch == "|":
            if label_chars is not None:
                errors.append(f"{where}:{line}: more than one '|' inside entity markup")
            else:
                label_chars = []
        elif ch == "]":
            in_ent = False
            surface = "".join(ent_chars)
            if label_chars is None:
                errors.append(f"{where}:{line}: entity [{surface}] has no '|LABEL'")
                continue
            label = "".join(label_chars)
            if label not in LABELS:
                errors.append(f"{where}:{line}: entity [{surface}|{label}] has unknown label {label!r} (allowed: {', '.join(LABELS)})")
            if not surface:
                errors.append(f"{where}:{line}: empty entity text before '|{label}'")
            elif surface != surface.strip():
                errors.append(f"{where}:{line}: entity text {surface!r} has leading or trailing whitespace")
            entities.append({"start": ent_start, "end": ent_start + len(surface), "label": label, "text": surface})
            label_chars = None
        elif label_chars is not None:
            label_chars.append(ch)
        else:
            ent_chars.append(ch)
            out.append(ch)
            pos += 1
    if in_ent:
        errors.append(f"{where}:{ent_line}: entity opened with '[' is never closed")
    return "".join(out), entities


def normalise_mention(s: str) -> str:
    s = s.strip().lower()
    s = re.sub(r"^(the|a|an)\s+", "", s)
    s = re.sub(r"['’]s\b", "", s)
    s = re.sub(r"\s+", " ", s)
    return s


def occurs(needle: str, haystack: str) -> bool:
    pattern = r"(?<!\w)" + re.escape(needle) + r"(?!\w)"
    return re.search(pattern, haystack, flags=re.IGNORECASE) is not None


def parse_file(split: str, path: Path, errors: list[str]) -> Article | None:
    where = rel(path)
    n_errors = len(errors)
    if not FILE_NAME_RE.match(path.name):
        errors.append(f"{where}:1: file name must look like NN-slug.txt (lowercase slug)")
    try:
        content = path.read_text(encoding="utf-8")
    except UnicodeDecodeError as exc:
        errors.append(f"{where}:1: not valid UTF-8 ({exc})")
        return None
    if "\r" in content:
        errors.append(f"{where}:1: carriage return found; use LF line endings")
        content = content.replace("\r\n", "\n").replace("\r", "\n")
    lines = content.split("\n")

    expected_id = f"{split}-{path.stem}"
    m = re.fullmatch(r"id: (\S+)", lines[0]) if lines else None
    if not m:
        errors.append(f"{where}:1: first line must be 'id: <doc_id>'")
        doc_id = expected_id
    else:
        doc_id = m.group(1)
        if doc_id != expected_id:
            errors.append(f"{where}:1: id {doc_id!r} does not match file name (expected {expected_id!r})")
    if len(lines) < 2 or lines[1].strip() != "":
        errors.append(f"{where}:2: second line must be blank")

    markers = [i for i, ln in enumerate(lines) if ln.strip() == TRIPLES_MARKER]
    if len(markers) != 1:
        errors.append(f"{where}:1: expected exactly one '{TRIPLES_MARKER}' line, found {len(markers)}")
        return None
    mi = markers[0]
    body_lines = lines[2:mi]
    first_body = 3
    while body_lines and not body_lines[0].strip():
        body_lines.pop(0)
        first_body += 1
    while body_lines and not body_lines[-1].strip():
        body_lines.pop()
    for k, ln in enumerate(body_lines):
        if ln != ln.rstrip():
            errors.append(f"{where}:{first_body + k}: trailing whitespace")
        if "\t" in ln:
            errors.append(f"{where}:{first_body + k}: tab character")
    raw = "\n".join(body_lines)
    text, entities = strip_markup(raw, first_body, where, errors)
    if not text:
        errors.append(f"{where}:{first_body}: empty article text")
    n_words = len(text.split())
    if not (MIN_WORDS <= n_words <= MAX_WORDS):
        errors.append(f"{where}:{first_body}: article has {n_words} words (must be {MIN_WORDS}-{MAX_WORDS})")
    for e in entities:
        if text[e["start"]:e["end"]] != e["text"]:  # internal consistency
            errors.append(f"{where}: offset bug for entity {e['text']!r}")

    triples: list[tuple[str, str, str, str]] = []
    seen: dict[tuple[str, str, str], int] = {}
    for i in range(mi + 1, len(lines)):
        ln = lines[i].strip()
        lineno = i + 1
        if not ln or ln.startswith("#"):
            continue
        parts = [p.strip() for p in ln.split("|")]
        if len(parts) != 4:
            errors.append(f"{where}:{lineno}: triple must have 4 fields 'actor | action | target | EVENT', found {len(parts)}")
            continue
        actor, action, target, event = parts
        if not actor or not action or not target:
            errors.append(f"{where}:{lineno}: empty actor, action or target")
            continue
        if event and event not in EVENTS:
            errors.append(f"{where}:{lineno}: unknown event type {event!r} (allowed: {', '.join(EVENTS)} or empty)")
        if not ACTION_RE.match(action):
            errors.append(f"{where}:{lineno}: action {action!r} must be lowercase words")
        for role, mention in (("actor", actor), ("target", target)):
            if re.match(r"(?i)the\s", mention):
                errors.append(f"{where}:{lineno}: {role} {mention!r} should not start with 'the'")
            if not occurs(mention, text):
                errors.append(f"{where}:{lineno}: {role} {mention!r} does not occur in the article text")
        key = (normalise_mention(actor), action, normalise_mention(target))
        if key in seen:
            errors.append(f"{where}:{lineno}: duplicate triple (same as line {seen[key]})")
        else:
            seen[key] = lineno
        triples.append((actor, action, target, event))
    if not triples:
        errors.append(f"{where}:{mi + 1}: no triples after '{TRIPLES_MARKER}'")

    if len(errors) > n_errors:
        return None
    return Article(split, path, doc_id, text, sorted(entities, key=lambda e: (e["start"], e["end"])), triples)


def render(articles: list[Article]) -> tuple[str, str]:
    jl = io.StringIO()
    for a in articles:
        rec = {"id": a.doc_id, "text": a.text, "entities": a.entities}
        jl.write(json.dumps(rec, ensure_ascii=False) + "\n")
    tc = io.StringIO()
    w = csv.writer(tc, lineterminator="\n")
    w.writerow(CSV_HEADER)
    for a in articles:
        for actor, action, target, event in a.triples:
            w.writerow([a.doc_id, actor, action, target, event])
    return jl.getvalue(), tc.getvalue()


def summary(split: str, articles: list[Article]) -> str:
    ent = Counter(e["label"] for a in articles for e in a.entities)
    ev = Counter((t[3] or "(empty)") for a in articles for t in a.triples)
    words = [len(a.text.split()) for a in articles]
    n_ent = sum(ent.values())
    n_tri = sum(ev.values())
    out = [f"[{split}] articles: {len(articles)}  words: {sum(words)} (min {min(words)}, max {max(words)})"]
    out.append(f"[{split}] entity mentions: {n_ent}  " + "  ".join(f"{l}={ent.get(l, 0)}" for l in LABELS))
    order = list(EVENTS) + ["(empty)"]
    out.append(f"[{split}] triples: {n_tri}  " + "  ".join(f"{e}={ev[e]}" for e in order if ev.get(e)))
    return "\n".join(out)


def main(argv: list[str]) -> int:
    check = "--check" in argv[1:]
    unknown = [a for a in argv[1:] if a != "--check"]
    if unknown:
        print(f"usage: {argv[0]} [--check]", file=sys.stderr)
        return 2
    errors: list[str] = []
    by_split: dict[str, list[Article]] = {}
    ids: dict[str, str] = {}
    for split in SPLITS:
        d = SRC / split
        files = sorted(p for p in d.glob("*.txt")) if d.is_dir() else []
        if not files:
            errors.append(f"{rel(d)}: no source files found")
        arts = []
        for p in files:
            a = parse_file(split, p, errors)
            if a is None:
                continue
            if a.doc_id in ids:
                errors.append(f"{rel(p)}:1: duplicate id {a.doc_id!r} (also in {ids[a.doc_id]})")
            ids[a.doc_id] = rel(p)
            arts.append(a)
        by_split[split] = arts
        stray = sorted(q.name for q in d.iterdir() if q.is_file() and q.suffix != ".txt") if d.is_dir() else []
        for name in stray:
            errors.append(f"{rel(d / name)}: unexpected file (sources must end in .txt)")
    if errors:
        print(f"build-fixtures: {len(errors)} error(s):", file=sys.stderr)
        for e in errors:
            print(f"  {e}", file=sys.stderr)
        return 1

    stale = []
    for split in SPLITS:
        jl, tc = render(by_split[split])
        outdir = FIXTURES / split
        for name, data in (("entities.jsonl", jl), ("triples.csv", tc)):
            target = outdir / name
            if check:
                current = target.read_text(encoding="utf-8") if target.exists() else None
                if current != data:
                    stale.append(rel(target))
            else:
                outdir.mkdir(parents=True, exist_ok=True)
                with open(target, "w", encoding="utf-8", newline="") as f:
                    f.write(data)
    for split in SPLITS:
        print(summary(split, by_split[split]))
    total_e = sum(len(a.entities) for s in SPLITS for a in by_split[s])
    total_t = sum(len(a.triples) for s in SPLITS for a in by_split[s])
    total_a = sum(len(by_split[s]) for s in SPLITS)
    print(f"[all] articles: {total_a}  entity mentions: {total_e}  triples: {total_t}")
    if check:
        if stale:
            print("build-fixtures --check: outputs are stale: " + ", ".join(stale), file=sys.stderr)
            print("run: python3 scripts/build-fixtures.py", file=sys.stderr)
            return 1
        print("build-fixtures --check: outputs are up to date")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
