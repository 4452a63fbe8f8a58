#!/usr/bin/env bash
# Fetches a token-classification model from the Hugging Face hub into a local
# folder that `actant extract --ner transformer --model DIR` can run, e.g.
#
#   scripts/download-model.sh dslim/bert-base-NER models/bert-base-NER
#   scripts/download-model.sh dbmdz/bert-large-cased-finetuned-conll03-english models/bert-large-conll03
#
# Only the files actant reads are fetched (config.json, tokenizer files,
# model.safetensors). A model published only as pytorch_model.bin is
# converted to model.safetensors with the project venv's torch; an existing
# folder with pytorch_model.bin is converted in place with
#
#   scripts/download-model.sh --convert DIR
#
# Needs the venv of scripts/setup-libtorch.sh (huggingface_hub, transformers)
# and network access to huggingface.co (set HF_TOKEN for gated models).
set -euo pipefail

root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
venv="${ACTANT_VENV:-$root/.venv}"
python="$venv/bin/python"
if [ ! -x "$python" ]; then
    echo "download-model: no venv at $venv; run scripts/setup-libtorch.sh first" >&2
    exit 1
fi

usage() {
    echo "usage: scripts/download-model.sh NAME DIR | --convert DIR" >&2
    exit 2
}

if [ "${1:-}" = "--convert" ]; then
    [ $# -eq 2 ] || usage
    mode=convert
    name=""
    dir="$2"
else
    [ $# -eq 2 ] || usage
    mode=download
    name="$1"
    dir="$2"
fi

"$python" - "$mode" "$name" "$dir" <<'PY'
import os
import sys

mode, name, out = sys.argv[1], sys.argv[2], sys.argv[3]
WANTED = [
    "config.json",
    "tokenizer.json",
    "tokenizer_config.json",
    "special_tokens_map.json",
    "vocab.txt",
    "model.safetensors",
]


def fail(message):
    sys.exit(f"download-model: {message}")


def convert(folder):
    """Writes model.safetensors from pytorch_model.bin (tensor names kept;
    actant reads old `gamma`/`beta` names too). torch.load runs with
    weights_only=True, but torch 2.4 has known weaknesses there
    (CVE-2025-32434): convert only checkpoints from sources you trust."""
    import torch
    from safetensors.torch import save_file

    source = os.path.join(folder, "pytorch_model.bin")
    print(f"download-model: converting {source} to model.safetensors")
    state = torch.load(source, map_location="cpu", weights_only=True)
    if not isinstance(state, dict):
        fail(f"{source} does not hold a state dict")
    tensors = {k: v.contiguous().clone() for k, v in state.items() if isinstance(v, torch.Tensor)}
    save_file(tensors, os.path.join(folder, "model.safetensors"), metadata={"format": "pt"})


if mode == "convert":
    if not os.path.isfile(os.path.join(out, "pytorch_model.bin")):
        fail(f"{out} has no pytorch_model.bin to convert")
    convert(out)
else:
    try:
        from huggingface_hub import list_repo_files, hf_hub_download
    except ImportError:
        fail("huggingface_hub is missing from the venv; rerun scripts/setup-libtorch.sh")
    try:
        files = set(list_repo_files(name))
    except Exception as e:  # network, unknown repo, gated repo
        fail(f"cannot list {name} on the Hugging Face hub: {type(e).__name__}: {e}")
    wanted = [f for f in WANTED if f in files]
    if "config.json" not in files:
        fail(f"{name} has no config.json: not a transformers model")
    if "model.safetensors" not in files:
        if "pytorch_model.bin" not in files:
            fail(f"{name} has neither model.safetensors nor pytorch_model.bin")
        wanted.append("pytorch_model.bin")
    if "tokenizer.json" not in files and "vocab.txt" not in files:
        fail(f"{name} has neither tokenizer.json nor vocab.txt: actant reads WordPiece tokenizers")
    os.makedirs(out, exist_ok=True)
    for f in wanted:
        print(f"download-model: {name}/{f}")
        try:
            hf_hub_download(name, f, local_dir=out)
        except Exception as e:
            fail(f"cannot fetch {name}/{f}: {type(e).__name__}: {e}")
    if "model.safetensors" not in files:
        convert(out)
print(f"download-model: {out} is ready; check it with: actant models check {out}")
PY
