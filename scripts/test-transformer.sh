#!/usr/bin/env bash
# Builds actant with the `transformer` feature against the project venv's
# libtorch, lints it, and runs the transformer tests (parity with Hugging
# Face on the committed tiny fixture, label maps, windowing, worker threads).
# scripts/test.sh (CI) runs it after the default checks.
#
# Usage: scripts/test-transformer.sh [extra cargo test args]
# Needs: scripts/setup-libtorch.sh run once (it is idempotent).
set -euo pipefail

root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
venv="${ACTANT_VENV:-$root/.venv}"
if [ ! -x "$venv/bin/python" ]; then
    echo "test-transformer: no venv at $venv; run scripts/setup-libtorch.sh first" >&2
    exit 1
fi
# torch-sys asks `python` (with VIRTUAL_ENV set) where libtorch lives.
export VIRTUAL_ENV="$venv"
export PATH="$venv/bin:$PATH"
export LIBTORCH_USE_PYTORCH=1
unset LD_LIBRARY_PATH # the binaries carry libtorch's folder as rpath

cd "$root"
echo "== cargo clippy --features transformer -D warnings"
cargo clippy --all-targets --features transformer --locked -- -D warnings
echo "== cargo test --features transformer (transformer tests)"
# Unit tests of src/ner/transformer/ and the command-line flags, then the
# integration tests (parity with Hugging Face, recognizer, command line).
cargo test --locked --features transformer --lib transformer "$@"
cargo test --locked --features transformer --test 'transformer_*' "$@"
