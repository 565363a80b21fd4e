#!/usr/bin/env bash
# The test command (README.md): installs what the tests need on a fresh machine, then runs every
# test: the Rust workspace (unit, property, integration, hand-computed indicator, peer and XSD
# checks, the store on SQLite and PostgreSQL, DuckDB reading the export) and the browser test of the
# web app `harbour serve` shows (every page checked by axe-core for WCAG 2.2 A and AA).
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
root="$PWD"
shared="${HARBOUR_SHARED:-$root/../shared}"

need_apt=()
command -v xmllint >/dev/null || need_apt+=(libxml2-utils)
command -v chromium >/dev/null || need_apt+=(chromium)
command -v pdftoppm >/dev/null || need_apt+=(poppler-utils)
if [ ${#need_apt[@]} -gt 0 ]; then
  echo "installing ${need_apt[*]} from Debian's packages" >&2
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -qq
  apt-get install -y -qq --no-install-recommends "${need_apt[@]}" >/dev/null
fi

# The Data to Insight validators, the oracle the synthetic council is checked against.
"$shared/peers/setup.sh" >&2

# playwright-core drives Debian's chromium (it never downloads a browser); axe-core checks
# accessibility; govuk-frontend is the Design System the binary serves.
[ -d node_modules/playwright-core ] && [ -d node_modules/axe-core ] && [ -d node_modules/govuk-frontend ] \
  || npm ci --no-audit --no-fund --silent
# The copy of govuk-frontend committed for the binary is the npm package, file for file.
scripts/govuk-frontend.sh --check

scripts/duckdb-venv.sh
# Social Finance's cs-demand-model 0.5.1 from PyPI, the oracle the forecast is cross-checked against
# (crates/cli/tests/forecast_crosscheck.rs also makes it on first use).
scripts/csdm-venv.sh >/dev/null
# PostgreSQL from Debian's packages, private to the tests: the store's tests, the SIGKILL test and
# the bad-input corpus run on it as well as on SQLite.
eval "$(scripts/postgres.sh)"

cargo test --workspace --locked

# Browser test: a synthetic council served by the real binary on a free port.
work="$(mktemp -d)"
trap 'kill "${server:-}" 2>/dev/null || true; rm -rf "$work"' EXIT
harbour="${CARGO_TARGET_DIR:-$root/target}/debug/harbour"
cargo build --locked -p cli --bin harbour
"$harbour" synth --children 1000 --seed 7 --year 2026 --out "$work/data" 2>/dev/null
"$harbour" load "$work/data" --database "$work/harbour.db" >&2
"$harbour" tracker import crates/pack/data/demo/plan.csv crates/pack/data/demo/plan_updates.csv \
  crates/pack/data/demo/recommendations.csv --database "$work/harbour.db" >&2
e2e_password="$(python3 -c 'import secrets; print(secrets.token_urlsafe(18))')"
printf '%s\n' "$e2e_password" | "$harbour" user add e2e-admin --role admin --database "$work/harbour.db" >&2
port="$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])')"
"$harbour" serve --database "$work/harbour.db" --bind "127.0.0.1:$port" 2>"$work/serve.log" &
server=$!
for _ in $(seq 1 100); do
  if curl -fsS "http://127.0.0.1:$port/healthz" >/dev/null 2>&1; then break; fi
  sleep 0.1
done
HARBOUR_URL="http://127.0.0.1:$port/" HARBOUR_USER=e2e-admin HARBOUR_PASSWORD="$e2e_password" \
  node --test e2e/
