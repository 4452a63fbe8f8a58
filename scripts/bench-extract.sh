#!/usr/bin/env bash
# End-to-end throughput and peak memory of `actant extract` on a generated
# corpus of at least 20 MB (the sample articles repeated and varied).
#
# Usage: scripts/bench-extract.sh [MEGABYTES] [THREADS] [extra extract flags...]
# Prints documents/s, words/s and peak resident memory (from /usr/bin/time).
set -euo pipefail
cd "$(dirname "$0")/.."
mb=${1:-24}
threads=${2:-1}
shift $(( $# > 2 ? 2 : $# ))
mkdir -p bench-data
corpus=bench-data/corpus-${mb}mb.jsonl
[ -f "$corpus" ] || python3 scripts/make-bench-corpus.py "$corpus" "$mb"
cargo build --release --quiet
out=bench-data/out
rm -rf "$out"
/usr/bin/time -v -o bench-data/time.txt \
  target/release/actant extract "$corpus" --out "$out" --threads "$threads" --progress never "$@"
peak_kb=$(awk -F': ' '/Maximum resident set size/ {print $2}' bench-data/time.txt)
python3 - "$out/manifest.json" "$corpus" "$peak_kb" "$threads" <<'PY'
import json, os, sys
m = json.load(open(sys.argv[1]))
size = os.path.getsize(sys.argv[2]) / 1e6
print(f"corpus: {sys.argv[2]} ({size:.1f} MB, {m['documents']['ok']} documents, {m['tokens']} tokens)")
print(f"threads: {sys.argv[4]}  wall: {m['wall_seconds']:.2f} s")
print(f"throughput: {m['docs_per_second']:.0f} docs/s, {m['words_per_second']:.0f} words/s, {size / m['wall_seconds']:.1f} MB/s")
print(f"peak memory: {int(sys.argv[3]) / 1024:.0f} MB")
PY
