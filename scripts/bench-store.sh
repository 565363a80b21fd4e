#!/usr/bin/env bash
# Benchmark of the store (BENCHMARKS.md): a 100,000-child synthetic council loaded into a new
# SQLite file and a new PostgreSQL database, then read back by `harbour indicators`, each timed
# with /usr/bin/time -v (wall clock, maximum resident set size). Needs the release build and
# scripts/postgres.sh's server (started here if needed).
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
children="${1:-100000}"
work="${HARBOUR_BENCH_DIR:-/tmp/harbour-bench}"
harbour="${CARGO_TARGET_DIR:-target}/release/harbour"
cargo build --release --locked -p cli >&2
eval "$(scripts/postgres.sh)"
admin="$HARBOUR_TEST_POSTGRES_URL"
rm -rf "$work" && mkdir -p "$work"
"$harbour" synth --children "$children" --seed 20260331 --year 2026 --out "$work/data" 2>/dev/null
psql "$admin" -qc "DROP DATABASE IF EXISTS harbour_bench" -c "CREATE DATABASE harbour_bench"
pg="${admin%/*}/harbour_bench"

measure() { # label, command...
  local label="$1"; shift
  /usr/bin/time -v "$@" >/dev/null 2>"$work/time.txt" || { cat "$work/time.txt" >&2; exit 1; }
  local wall rss
  wall="$(grep 'Elapsed (wall clock)' "$work/time.txt" | awk '{print $NF}')"
  rss="$(grep 'Maximum resident' "$work/time.txt" | awk '{print $NF}')"
  printf '%-40s %10s %8d MB\n' "$label" "$wall" "$((rss / 1024))"
}
measure "load into SQLite (new file)" "$harbour" load "$work/data" --database "$work/harbour.db"
measure "load into PostgreSQL (new database)" "$harbour" load "$work/data" --database "$pg"
measure "load again, SQLite (already loaded)" "$harbour" load "$work/data" --database "$work/harbour.db"
measure "indicators, SQLite" "$harbour" indicators --database "$work/harbour.db"
measure "indicators, PostgreSQL" "$harbour" indicators --database "$pg"
measure "export parquet, SQLite" "$harbour" export --database "$work/harbour.db" --out "$work/parquet"
echo "SQLite file: $(du -h "$work/harbour.db" | cut -f1)"
