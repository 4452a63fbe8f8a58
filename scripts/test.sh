#!/usr/bin/env bash
# Runs every check CI runs: formatting, lints, and the whole test suite.
# Installs what the tests need itself (Python packages into .venv).
set -euo pipefail
cd "$(dirname "$0")/.."

# The seqeval cross-check test runs Python's seqeval 1.2.2 from the project venv.
venv=.venv
if [ ! -x "$venv/bin/python" ]; then
  python3 -m venv "$venv"
fi
if ! "$venv/bin/python" -c "import seqeval" 2>/dev/null; then
  echo "== installing seqeval==1.2.2 into $venv"
  "$venv/bin/python" -m pip install --quiet --disable-pip-version-check seqeval==1.2.2
fi
export ACTANT_PYTHON="$PWD/$venv/bin/python"

echo "== cargo fmt --check"
cargo fmt --all -- --check

echo "== cargo clippy -D warnings"
cargo clippy --all-targets --locked -- -D warnings

echo "== cargo test"
cargo test --locked
