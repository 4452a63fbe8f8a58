#!/usr/bin/env bash
# Transformer NER throughput: actant end to end against the Hugging Face
# `transformers` pipeline end to end, same model, texts, threads and window
# stride, in one run; actant runs --entities-only (no tagging, parsing or
# rule layer), as the pipeline only recognizes entities.
#
# The model is BERT-base-shaped with random weights (hidden 768, 12 layers,
# 12 heads, 512 positions, 9 CoNLL labels; WordPiece vocabulary built from
# UD EWT text when ../shared/data is there, else from the sample corpus),
# made by scripts/make-tiny-bert.py --preset base in bench-data/ (not
# committed). Texts: data/sample/*.txt repeated REPEAT times.
#
# Reports words/s of each side (words = whitespace-separated words of the
# texts; wall time of the whole process, model loading and Python imports
# included), CPU seconds, the ratio, each side's share of wall time spent
# outside the forward pass, and whether both found the same entity spans.
#
# Usage: [ROUNDS=2] scripts/bench-transformer.sh [THREADS=2] [REPEAT=1]
set -euo pipefail

root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
threads="${1:-2}"
repeat="${2:-1}"
cd "$root"

scripts/setup-libtorch.sh >/dev/null
venv="${ACTANT_VENV:-$root/.venv}"
export VIRTUAL_ENV="$venv" PATH="$venv/bin:$PATH" LIBTORCH_USE_PYTORCH=1
unset LD_LIBRARY_PATH

work="$root/bench-data/transformer"
model="$work/bert-base"
mkdir -p "$work"
if [ ! -f "$model/model.safetensors" ]; then
    vocab_text=("$root"/data/sample/*.txt)
    ewt="$root/../shared/data/ud-ewt/en_ewt-ud-train.conllu"
    [ -f "$ewt" ] && vocab_text=("$ewt")
    echo "bench: making the BERT-base-shaped model in $model"
    python "$root/scripts/make-tiny-bert.py" "$model" --preset base --no-reference \
        --vocab-text "${vocab_text[@]}" >/dev/null
fi

corpus="$work/corpus.jsonl"
python - "$repeat" "$corpus" "$root"/data/sample/*.txt <<'PY'
import json, os, sys
repeat, out, paths = int(sys.argv[1]), sys.argv[2], sys.argv[3:]
with open(out, "w", encoding="utf-8") as f:
    for r in range(repeat):
        for p in sorted(paths):
            text = open(p, encoding="utf-8").read()
            doc_id = f"{r}-{os.path.splitext(os.path.basename(p))[0]}"
            f.write(json.dumps({"id": doc_id, "text": text}, ensure_ascii=False) + "\n")
PY
words=$(python -c "import json,sys; print(sum(len(json.loads(l)['text'].split()) for l in open(sys.argv[1])))" "$corpus")
docs=$(wc -l <"$corpus")
# actant's default stride: a quarter of the 510-piece window.
stride=127

echo "bench: building actant (release, --features transformer)"
cargo build --release --features transformer --quiet
actant="$root/target/release/actant"

echo "bench: $docs documents, $words words, $threads threads, load average $(cut -d' ' -f1-3 /proc/loadavg)"

# Each round runs actant, then the Hugging Face pipeline at its default batch
# size (1) and at 8; the best round of each counts (least disturbed by other
# work on the machine). Wall and CPU seconds come from /usr/bin/time.
timed() { # LABEL COMMAND...: runs COMMAND, appends "LABEL wall cpu" to times
    local label="$1"
    shift
    /usr/bin/time -f "%e %U %S" -o "$work/time.tmp" "$@"
    echo "$label $(awk '{print $1, $2 + $3}' "$work/time.tmp")" >>"$work/times"
}

hf_script="$work/hf_pipeline.py"
cat >"$hf_script" <<'PY'
import json, sys, time
model_dir, corpus, threads, stride, batch, log = sys.argv[1:7]
import torch
torch.set_num_threads(int(threads))
from transformers import pipeline
docs = [json.loads(line) for line in open(corpus, encoding="utf-8")]
ner = pipeline("token-classification", model=model_dir, aggregation_strategy="first", stride=int(stride), device=-1)
forward = 0.0
inner = ner.model.forward
def timed(*args, **kwargs):
    global forward
    t = time.perf_counter()
    out = inner(*args, **kwargs)
    forward += time.perf_counter() - t
    return out
ner.model.forward = timed
results = ner([d["text"] for d in docs], batch_size=int(batch))
spans = {d["id"]: [[e["start"], e["end"], e["entity_group"]] for e in r] for d, r in zip(docs, results)}
json.dump({"forward": forward, "spans": spans}, open(log, "w"))
PY

rounds="${ROUNDS:-2}"
rm -f "$work/times"
for round in $(seq "$rounds"); do
    echo "bench: round $round of $rounds"
    rm -rf "$work/out-$round"
    timed "actant-$round" "$actant" extract "$corpus" --out "$work/out-$round" --ner transformer \
        --model "$model" --device cpu --threads "$threads" --entities-only --progress never 2>"$work/actant-$round.log"
    for batch in 1 8; do
        timed "hf$batch-$round" python -W ignore "$hf_script" "$model" "$corpus" "$threads" "$stride" \
            "$batch" "$work/hf$batch-$round.json" 2>/dev/null
    done
done

python - "$words" "$work" "$rounds" <<'PY'
import csv, json, re, sys
words, work, rounds = int(sys.argv[1]), sys.argv[2], int(sys.argv[3])
times = {}
for line in open(f"{work}/times"):
    label, wall, cpu = line.split()
    times[label] = (float(wall), float(cpu))

def best(side):
    """The round with the least wall time, and the least CPU time seen."""
    runs = [(times[f"{side}-{r}"], r) for r in range(1, rounds + 1)]
    (wall, _), r = min(runs)
    return wall, min(t[1] for t, _ in runs), r

rows = {}
wall, cpu, r = best("actant")
log = open(f"{work}/actant-{r}.log").read()
forward = float(re.search(r"forward pass ([0-9.]+) s", log).group(1))
ours = {}
for row in csv.DictReader(open(f"{work}/out-{r}/entities.csv", encoding="utf-8")):
    ours.setdefault(row["doc_id"], []).append([int(row["start"]), int(row["end"]), row["label"]])
rows["actant"] = (wall, cpu, forward, sum(len(v) for v in ours.values()))
for batch in (1, 8):
    wall, cpu, r = best(f"hf{batch}")
    hf = json.load(open(f"{work}/hf{batch}-{r}.json"))
    rows[f"HF batch={batch}"] = (wall, cpu, hf["forward"], sum(len(v) for v in hf["spans"].values()))
    if batch == 1:
        theirs = hf["spans"]

for name, (wall, cpu, forward, entities) in rows.items():
    print(f"{name:11} {words / wall:7.1f} words/s  wall {wall:7.2f} s  cpu {cpu:7.2f} s  forward {forward:7.2f} s  "
          f"outside forward {100 * (1 - forward / wall):5.1f}% of wall  entities {entities}")
hf_name = min((n for n in rows if n != "actant"), key=lambda n: rows[n][0])
print(f"ratio actant / best HF ({hf_name}): {rows[hf_name][0] / rows['actant'][0]:.2f}x by wall time, "
      f"{rows[hf_name][1] / rows['actant'][1]:.2f}x by CPU time")
same = sum(ours.get(doc, []) == spans for doc, spans in theirs.items())
print(f"entity spans (start, end, label) identical in {same}/{len(theirs)} documents")
PY
