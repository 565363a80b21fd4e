#!/usr/bin/env bash
# Load benchmark of the web app (BENCHMARKS.md): wrk on loopback, 100 connections for 30 s, on the
# scorecard and on an indicator page, signed in, against a 100,000-child synthetic council. Needs
# the release build and wrk (Debian's package, installed here if missing).
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
children="${1:-100000}"
work="${HARBOUR_BENCH_DIR:-/tmp/harbour-web-bench}"
harbour="${CARGO_TARGET_DIR:-target}/release/harbour"
command -v wrk >/dev/null || { apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq wrk >/dev/null; }
[ -n "${HARBOUR_SKIP_BUILD:-}" ] || cargo build --release --locked -p cli >&2
rm -rf "$work" && mkdir -p "$work"
"$harbour" synth --children "$children" --seed 20260331 --year 2026 --out "$work/data" 2>/dev/null
"$harbour" load "$work/data" --database "$work/harbour.db" 2>/dev/null
password="$(python3 -c 'import secrets; print(secrets.token_urlsafe(18))')"
printf '%s\n' "$password" | "$harbour" user add bench --role analyst --database "$work/harbour.db" 2>/dev/null
port="$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])')"
"$harbour" serve --database "$work/harbour.db" --bind "127.0.0.1:$port" 2>"$work/serve.log" &
server=$!
trap 'kill "$server" 2>/dev/null || true' EXIT
until curl -fsS "http://127.0.0.1:$port/healthz" >/dev/null 2>&1; do sleep 0.2; done
url="http://127.0.0.1:$port"
cookie="$(scripts/web-session.py "$url" bench "$password")"
# The first request computes the catalogue for the latest load; it is timed on its own.
first="$(curl -s -o /dev/null -w '%{time_total}' -H "Cookie: $cookie" "$url/")"
echo "first scorecard (computes the catalogue): ${first} s"
for path in / /indicators/cp_starts_from_cin_pct; do
  code="$(curl -s -o /dev/null -w '%{http_code}' -H "Cookie: $cookie" "$url$path")"
  [ "$code" = 200 ] || { echo "$path answered $code" >&2; exit 1; }
  echo "== wrk -t2 -c100 -d30s $path"
  wrk -t2 -c100 -d30s --latency -H "Cookie: $cookie" "$url$path"
done
