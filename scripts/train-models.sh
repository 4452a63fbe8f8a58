#!/usr/bin/env bash
# Rebuilds every model shipped in models/ from scratch, and records in
# models/MANIFEST how (data, command, seed, epochs, dev scores, size, sha256).
#
# Usage: scripts/train-models.sh [all|syntax|ner] [DATA_DIR]
#   syntax: tagger.bin, lemmatizer.bin, parser.bin; ner: ner.bin; all: both
#   (the default). DATA_DIR holds ud-ewt/, gum/ and uner-ewt/ (default:
#   ../shared/data, or $ACTANT_SHARED_DATA). Runs the release binary; the
#   syntax models take about 25 minutes on one core, the recognizer a few.
#   Training is deterministic: the same data and seed give the same files,
#   byte for byte.
set -euo pipefail

root="$(cd "$(dirname "$0")/.." && pwd)"
what="${1:-all}"
case "$what" in
    all | syntax | ner) ;;
    *) echo "usage: scripts/train-models.sh [all|syntax|ner] [DATA_DIR]" >&2; exit 2 ;;
esac
data="${2:-${ACTANT_SHARED_DATA:-$root/../shared/data}}"
models="$root/models"
manifest="$models/MANIFEST"
seed=1

ewt_train="$data/ud-ewt/en_ewt-ud-train.conllu"
gum_train="$data/gum/en_gum-ud-train.conllu"
ewt_dev="$data/ud-ewt/en_ewt-ud-dev.conllu"
gum_dev="$data/gum/en_gum-ud-dev.conllu"
for f in "$ewt_train" "$gum_train" "$ewt_dev" "$gum_dev"; do
    [[ -f "$f" ]] || { echo "train-models: missing $f" >&2; exit 1; }
done

cargo build --release --quiet --manifest-path "$root/Cargo.toml"
# The fresh models go to a scratch folder first: the binary embeds the
# shipped ones, and a failed run must not leave a half-written set. The
# binary is copied there too, so that a rebuild during the run is harmless.
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
cp "$root/target/release/actant" "$work/actant"
actant="$work/actant"

# Replaces section [$1] of the manifest with standard input (appends it
# when absent), leaving every other model's section as it is.
manifest_section() {
    local name="$1" body
    body="$(cat)"
    touch "$manifest"
    awk -v name="[$name]" '
        $0 == name { skip = 1; next }
        skip && /^\[/ { skip = 0 }
        !skip { print }
    ' "$manifest" > "$manifest.tmp"
    # Drop trailing blank lines, then add the section after one blank line.
    sed -e :a -e '/^\n*$/{$d;N;ba' -e '}' "$manifest.tmp" > "$manifest.tmp2"
    { cat "$manifest.tmp2"; [[ -s "$manifest.tmp2" ]] && echo; echo "[$name]"; echo "$body"; } > "$manifest"
    rm -f "$manifest.tmp" "$manifest.tmp2"
}

if [[ ! -s "$manifest" ]]; then
    cat > "$manifest" <<'HEADER'
# models/MANIFEST: how each shipped model file was made.
# One section per file: [name], then `key = value` lines. Rebuild every
# model with scripts/train-models.sh; its sections are rewritten in place.
# Treebanks are read from ../shared/data (never committed); dev files were
# only used to measure the scores below, never to train.
HEADER
fi

sha() { sha256sum "$models/$1" | cut -d' ' -f1; }
size() { stat -c %s "$models/$1"; }

# --- syntax: tagger + lemmatizer, parser ---------------------------------
train_syntax() {
tagger_epochs=16
parser_epochs=15
folds=4
# Averaged weights below 2 are dropped: the file shrinks from 64 to 10 MB
# for about 0.1 point of LAS.
parser_prune=2
tagger_cmd="actant train tagger --train ud-ewt/en_ewt-ud-train.conllu --train gum/en_gum-ud-train.conllu --out models --seed $seed --epochs $tagger_epochs"
parser_cmd="actant train parser --train ud-ewt/en_ewt-ud-train.conllu --train gum/en_gum-ud-train.conllu --out models --seed $seed --epochs $parser_epochs --folds $folds --tagger-epochs $tagger_epochs --prune $parser_prune"

"$actant" train tagger --train "$ewt_train" --train "$gum_train" --out "$work" \
    --seed "$seed" --epochs "$tagger_epochs"
"$actant" train parser --train "$ewt_train" --train "$gum_train" --out "$work" \
    --seed "$seed" --epochs "$parser_epochs" --folds "$folds" --tagger-epochs "$tagger_epochs" --prune "$parser_prune"

# Dev scores of the fresh models, from `actant eval syntax --json`: on the
# gold words (accuracies) and from raw text (F1 over aligned words).
score() { # treebank, gold-tokens|raw-text, then metric names
    local gold="$1" mode="$2" json="$work/score.json"; shift 2
    local flag=()
    [[ "$mode" == gold-tokens ]] && flag=(--gold-tokens)
    "$actant" eval syntax --gold "$gold" --models "$work" "${flag[@]}" --json "$json" > /dev/null
    python3 - "$json" "$@" <<'PY'
import json, sys
report = json.load(open(sys.argv[1]))
figures = dict(report["syntax"])
if report.get("segmentation"):
    figures["words"] = report["segmentation"]["words"]
print(" ".join(f"{m} {100 * figures[m]['f1']:.2f}" for m in sys.argv[2:]))
PY
}
tagger_ewt="$(score "$ewt_dev" gold-tokens upos xpos)"
tagger_gum="$(score "$gum_dev" gold-tokens upos xpos)"
lemma_ewt="$(score "$ewt_dev" gold-tokens lemma)"
lemma_gum="$(score "$gum_dev" gold-tokens lemma)"
parser_ewt="$(score "$ewt_dev" gold-tokens uas las las_subtype)"
parser_gum="$(score "$gum_dev" gold-tokens uas las las_subtype)"
raw_ewt="$(score "$ewt_dev" raw-text words upos lemma uas las)"
raw_gum="$(score "$gum_dev" raw-text words upos lemma uas las)"

cp "$work/tagger.bin" "$work/lemmatizer.bin" "$work/parser.bin" "$models/"

manifest_section tagger.bin <<SECTION
model = part-of-speech tagger (UPOS + Penn XPOS): averaged perceptrons, left-to-right and right-to-left, scores added
data = ud-ewt/en_ewt-ud-train.conllu gum/en_gum-ud-train.conllu
command = $tagger_cmd
seed = $seed
epochs = $tagger_epochs
dev = EWT dev $tagger_ewt; GUM dev $tagger_gum (actant eval syntax --gold FILE --gold-tokens)
size = $(size tagger.bin)
sha256 = $(sha tagger.bin)
SECTION

manifest_section lemmatizer.bin <<SECTION
model = lemmatizer: exception lexicon + ending rules per XPOS + casing rules, learned by counting (built by the tagger command)
data = ud-ewt/en_ewt-ud-train.conllu gum/en_gum-ud-train.conllu
command = $tagger_cmd
seed = $seed (not used: counting is deterministic)
epochs = 1 (counting)
dev = EWT dev $lemma_ewt; GUM dev $lemma_gum (gold tokens, predicted XPOS)
size = $(size lemmatizer.bin)
sha256 = $(sha lemmatizer.bin)
SECTION

manifest_section parser.bin <<SECTION
model = dependency parser (UD basic relations): greedy arc-hybrid, averaged perceptron, dynamic oracle, trained on $folds-fold jackknifed tags
data = ud-ewt/en_ewt-ud-train.conllu gum/en_gum-ud-train.conllu
command = $parser_cmd
seed = $seed
epochs = $parser_epochs (fold taggers: $tagger_epochs)
dev = EWT dev $parser_ewt; GUM dev $parser_gum (gold tokens, predicted tags, punctuation included)
dev_raw_text = EWT dev $raw_ewt; GUM dev $raw_gum (actant's own segmentation, F1)
size = $(size parser.bin)
sha256 = $(sha parser.bin)
SECTION

}

# --- entity recognizer ----------------------------------------------------
train_ner() {
ner_epochs=10
ner_seed=7
ner_cmd="actant train ner --data DATA --out models/ner.bin --epochs $ner_epochs --seed $ner_seed"
"$actant" train ner --data "$data" --out "$work/ner.bin" --epochs "$ner_epochs" \
    --seed "$ner_seed" --json > "$work/ner.json"
# Strict micro F1 (PER/ORG/LOC, gold tokens) per evaluation set and system.
ner_dev="$(python3 - "$work/ner.json" <<'PY'
import json, sys
report = json.load(open(sys.argv[1]))
print("; ".join(
    f"{s['set']} {s['system']} F1 {100 * s['report']['strict']['micro']['f1']:.2f}"
    for s in report["scores"]))
PY
)"
cp "$work/ner.bin" "$models/"
manifest_section ner.bin <<SECTION
model = entity recognizer (PER/ORG/LOC/MISC): BILOU averaged perceptron with constrained Viterbi, word, shape, context, actor-dictionary and cluster features
data = gum/en_gum-ud-train.conllu (named Entity= mentions), uner-ewt/en_ewt-ud-dev.iob2 (two of every three documents); clusters from the text of ud-ewt/en_ewt-ud-train.conllu and gum/en_gum-ud-train.conllu; calibration on gum/en_gum-ud-dev.conllu
command = $ner_cmd
seed = $ner_seed
epochs = $ner_epochs
dev = $ner_dev (strict PER/ORG/LOC micro F1, gold tokens; GUM dev and the UNER third are never trained on)
size = $(size ner.bin)
sha256 = $(sha ner.bin)
SECTION
}

[[ "$what" == ner ]] || train_syntax
[[ "$what" == syntax ]] || train_ner
echo "train-models: models and $manifest updated; rebuild (cargo build --release) to embed them"
