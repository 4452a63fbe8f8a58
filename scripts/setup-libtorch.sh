#!/usr/bin/env bash
# Creates the project virtual environment that provides libtorch 2.4 for the
# `transformer` cargo feature (tch 0.17 / rust-bert 0.23 find it through
# LIBTORCH_USE_PYTORCH=1), plus `transformers` and `safetensors` for
# scripts/make-tiny-bert.py and the Python side of scripts/bench-transformer.sh.
#
# Idempotent: when the venv already holds the right versions it returns at once.
#
# Usage: scripts/setup-libtorch.sh            (venv in .venv/ at the repo root)
#        ACTANT_VENV=/path scripts/setup-libtorch.sh
set -euo pipefail

root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
venv="${ACTANT_VENV:-$root/.venv}"
python="${PYTHON:-python3.11}"
command -v "$python" >/dev/null 2>&1 || python=python3

torch_version="2.4.0"
wanted=("torch==$torch_version" "transformers>=4.40,<5" "safetensors" "numpy<2.1")

check() {
    "$venv/bin/python" - "$torch_version" <<'PY' 2>/dev/null
import sys
import torch, transformers, safetensors  # noqa: F401
if not torch.__version__.startswith(sys.argv[1]):
    sys.exit(f"torch {torch.__version__} found, {sys.argv[1]} wanted")
if int(transformers.__version__.split(".")[0]) >= 5:
    sys.exit(f"transformers {transformers.__version__} found, <5 wanted")
PY
}

if [ -x "$venv/bin/python" ] && check; then
    echo "libtorch: $venv already set up"
else
    if [ ! -x "$venv/bin/python" ]; then
        echo "libtorch: creating $venv with $($python --version)"
        "$python" -m venv "$venv"
    fi
    # --no-cache-dir: the wheels are ~2.5 GB; a cached copy next to the
    # installed 5 GB would only cost disk.
    "$venv/bin/python" -m pip install --quiet --no-cache-dir --upgrade pip
    echo "libtorch: installing ${wanted[*]} (about 5 GB with the CUDA wheels)"
    "$venv/bin/python" -m pip install --quiet --no-cache-dir "${wanted[@]}"
    check || { echo "libtorch: $venv does not hold torch $torch_version after install" >&2; exit 1; }
fi

libdir="$("$venv/bin/python" -c 'import os, torch; print(os.path.join(os.path.dirname(torch.__file__), "lib"))')"
echo "libtorch: $libdir"
echo "build with:  LIBTORCH_USE_PYTORCH=1 PATH=\"$venv/bin:\$PATH\" cargo build --features transformer"
