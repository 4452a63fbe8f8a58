#!/usr/bin/env bash
# Runs every check CI runs: formatting, lints, and the whole test suite,
# then the same for the `transformer` feature (libtorch from the venv).
# Installs what the tests need itself (Python packages into .venv).
#
# ACTANT_SKIP_TRANSFORMER=1 leaves out the transformer part (a local quick
# run; CI runs everything).
set -euo pipefail
cd "$(dirname "$0")/.."

# Incremental caches only cost disk in a one-shot run; say how much disk there
# is, since a full run needs about 12 GB (targets plus the torch venv).
export CARGO_INCREMENTAL=0
disk() { echo "== disk: $(df -h --output=avail . | tail -1 | tr -d ' ') free ($1)"; }
disk start

# The seqeval cross-check test runs Python's seqeval 1.2.2 from the project venv.
# The venv also holds torch 2.4 for the transformer feature, whose wheels
# exist for Python 3.8-3.12: prefer python3.11 as scripts/setup-libtorch.sh does.
venv=.venv
if [ ! -x "$venv/bin/python" ]; then
  python="${PYTHON:-python3.11}"
  command -v "$python" >/dev/null 2>&1 || python=python3
  "$python" -m venv "$venv"
fi
if ! "$venv/bin/python" -c "import seqeval" 2>/dev/null; then
  echo "== installing seqeval==1.2.2 into $venv"
  "$venv/bin/python" -m pip install --quiet --no-cache-dir --disable-pip-version-check seqeval==1.2.2
fi
export ACTANT_PYTHON="$PWD/$venv/bin/python"

echo "== cargo fmt --check"
cargo fmt --all -- --check

echo "== cargo clippy -D warnings"
cargo clippy --all-targets --locked -- -D warnings

echo "== cargo test"
cargo test --locked

if [ "${ACTANT_SKIP_TRANSFORMER:-0}" = 1 ]; then
  echo "== transformer feature skipped (ACTANT_SKIP_TRANSFORMER=1)"
  exit 0
fi
# The transformer build makes its own copies of actant's test binaries; the
# default ones (each embeds the models) are not needed any more.
cargo clean --profile dev -p actant
disk "before libtorch"
echo "== libtorch (scripts/setup-libtorch.sh)"
scripts/setup-libtorch.sh
# Clippy and the transformer tests with --features transformer.
scripts/test-transformer.sh
disk end
