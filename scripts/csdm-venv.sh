#!/usr/bin/env bash
# A Python virtual environment with Social Finance's cs-demand-model 0.5.1 from PyPI, the oracle
# the forecast is cross-checked against (crates/cli/tests/forecast_crosscheck.rs calls this
# script, which finds the venv at the same path; scripts/csdm_forecast.py runs the model).
# Idempotent: does nothing when the pinned version is already there. Prints the venv's python.
set -euo pipefail
venv="${HARBOUR_CSDM_VENV:-$HOME/.cache/harbour-cs-demand-model}"
version="0.5.1"

if [ -x "$venv/bin/python" ] &&
  [ "$("$venv/bin/python" -c 'from importlib.metadata import version; print(version("cs-demand-model"))' 2>/dev/null)" = "$version" ]; then
  echo "$venv/bin/python"
  exit 0
fi
echo "creating $venv with cs-demand-model $version from PyPI" >&2
python3 -m venv "$venv"
"$venv/bin/python" -m pip install --quiet --disable-pip-version-check "cs-demand-model==$version" >&2
echo "$venv/bin/python"
