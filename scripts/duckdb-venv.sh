#!/usr/bin/env bash
# A Python virtual environment with DuckDB, for crates/export/tests/duckdb.rs (which finds it at the
# same path). Idempotent: does nothing when the pinned version is already there.
set -euo pipefail
venv="${HARBOUR_DUCKDB_VENV:-$HOME/.cache/harbour-duckdb}"
version="2.0.1"

if [ -x "$venv/bin/python" ] &&
  [ "$("$venv/bin/python" -c 'import duckdb; print(duckdb.__version__)' 2>/dev/null)" = "$version" ]; then
  exit 0
fi
echo "creating $venv with duckdb $version from PyPI" >&2
python3 -m venv "$venv"
"$venv/bin/python" -m pip install --quiet --disable-pip-version-check "duckdb==$version"
