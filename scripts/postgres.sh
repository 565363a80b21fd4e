#!/usr/bin/env bash
# Starts a private PostgreSQL server for the tests, from Debian's packages (installed if missing),
# and prints the line that points the tests at it:
#   eval "$(scripts/postgres.sh)"   # exports HARBOUR_TEST_POSTGRES_URL
# The server listens on 127.0.0.1 only, keeps its data in $HARBOUR_PG_DIR (default
# /tmp/harbour-pg) and trusts local connections: it is for tests, never for real data.
# Running it again reuses a server that is already up.
set -euo pipefail
dir="${HARBOUR_PG_DIR:-/tmp/harbour-pg}"
port="${HARBOUR_PG_PORT:-54329}"

if ! compgen -G "/usr/lib/postgresql/*/bin/initdb" >/dev/null; then
  echo "installing postgresql from Debian's packages" >&2
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -qq
  apt-get install -y -qq --no-install-recommends postgresql >/dev/null
fi
bin="$(ls -d /usr/lib/postgresql/*/bin | sort -V | tail -n 1)"

# PostgreSQL refuses to run as root: use its own account when we are root.
as_pg=()
if [ "$(id -u)" = 0 ]; then
  as_pg=(runuser -u postgres --)
fi
if [ ! -f "$dir/PG_VERSION" ]; then
  mkdir -p "$dir"
  [ "$(id -u)" = 0 ] && chown postgres: "$dir"
  "${as_pg[@]}" "$bin/initdb" -D "$dir" -U harbour --auth=trust -E UTF8 --locale=C.UTF-8 >/dev/null
fi
if ! "${as_pg[@]}" "$bin/pg_ctl" -D "$dir" status >/dev/null 2>&1; then
  "${as_pg[@]}" "$bin/pg_ctl" -D "$dir" -l "$dir/server.log" -w \
    -o "-p $port -k /tmp -c listen_addresses=127.0.0.1 -c max_connections=200" start >/dev/null
fi
echo "export HARBOUR_TEST_POSTGRES_URL=postgres://harbour@127.0.0.1:$port/postgres"
