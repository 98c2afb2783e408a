# Shared by scripts/test, demo, bench, check-runtime and symbol-order: install what a fresh machine
# lacks, build the release binary, run a throwaway PostgreSQL on a free loopback port.
# shellcheck shell=bash

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"

log() { printf '%s\n' "$*" >&2; }
die() { log "error: $*"; exit 1; }

# apt_install PACKAGE...: installs them, as root (nothing when none is given).
apt_install() {
  [ "$#" -gt 0 ] || return 0
  [ "$(id -u)" -eq 0 ] || die "missing $*: install them (apt-get install -y $*) or run as root"
  log "installing $*"
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -qq >&2
  apt-get install -y -qq --no-install-recommends "$@" >&2
}

# The job's C libraries' headers and pkg-config files (libpq and the libssl it requires, libcurl,
# zlib), libstdc++'s static archive (the release link, see Package.swift), a PostgreSQL server,
# openssl (the tests' throwaway CA).
ensure_packages() {
  local missing=()
  pkg-config --exists libpq 2>/dev/null || missing+=(libpq-dev)
  pkg-config --exists libcurl 2>/dev/null || missing+=(libcurl4-openssl-dev)
  pkg-config --exists zlib 2>/dev/null || missing+=(zlib1g-dev)
  pkg-config --exists libcrypto 2>/dev/null || missing+=(libssl-dev)
  compgen -G "/usr/lib/gcc/*/*/libstdc++.a" >/dev/null || missing+=(libstdc++-12-dev)
  pg_bindir >/dev/null 2>&1 || missing+=(postgresql)
  command -v pkg-config >/dev/null 2>&1 || missing+=(pkg-config)
  command -v openssl >/dev/null 2>&1 || missing+=(openssl)
  apt_install "${missing[@]}"
  command -v swift >/dev/null 2>&1 || die "swift is not on PATH"
}

# build_release: the release binary as the Dockerfile builds it (Swift runtime linked statically,
# Package.swift's release linker settings); prints its path. nice: both cores for minutes.
RELEASE_SCRATCH="${RELEASE_SCRATCH:-$ROOT/.build-release}"
build_release() {
  local build=(swift build -c release --static-swift-stdlib --product devtron-telemetry --scratch-path "$RELEASE_SCRATCH")
  nice -n 10 "${build[@]}" >&2 || return 1
  echo "$("${build[@]}" --show-bin-path)/devtron-telemetry"
}

# The newest installed server's bin directory (Debian keeps it off PATH).
pg_bindir() {
  local dir
  dir=$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n 1)
  [ -n "$dir" ] && [ -x "$dir/pg_ctl" ] && echo "$dir"
}

free_port() {
  python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])'
}

# Runs a server command as the data directory's owner: postgres refuses to run as root.
as_pg_owner() { if [ "$(id -u)" -eq 0 ]; then runuser -u postgres -- "$@"; else "$@"; fi; }

# pg_start: sets PG_TMP, PG_PORT and ADMIN_URL; the server stops and its files go on exit. Role
# telemetry_pw must log in with a password (scram); everyone else is trusted on loopback.
pg_start() {
  local bindir
  bindir=$(pg_bindir) || die "no PostgreSQL server found under /usr/lib/postgresql"
  PG_TMP=$(mktemp -d /tmp/devtron-telemetry-pg.XXXXXX)
  PG_PORT=$(free_port)
  if [ "$(id -u)" -eq 0 ]; then chown postgres: "$PG_TMP"; fi
  trap pg_stop EXIT
  as_pg_owner "$bindir/initdb" -D "$PG_TMP/data" -U postgres -A trust --no-sync -E UTF8 >"$PG_TMP/initdb.log" 2>&1 \
    || { cat "$PG_TMP/initdb.log" >&2; die "initdb failed"; }
  printf '%s\n' 'host all telemetry_pw 127.0.0.1/32 scram-sha-256' 'host all telemetry_pw ::1/128 scram-sha-256' \
    'host all all 127.0.0.1/32 trust' 'host all all ::1/128 trust' 'local all all trust' >"$PG_TMP/data/pg_hba.conf"
  as_pg_owner "$bindir/pg_ctl" -D "$PG_TMP/data" -l "$PG_TMP/server.log" -w -t 60 start \
    -o "-p $PG_PORT -k $PG_TMP -c listen_addresses=127.0.0.1 -c fsync=off -c synchronous_commit=off -c full_page_writes=off ${PG_EXTRA_OPTIONS:-}" >/dev/null \
    || { cat "$PG_TMP/server.log" >&2; die "PostgreSQL did not start"; }
  ADMIN_URL="postgresql://postgres@127.0.0.1:$PG_PORT/postgres"
  export PG_TMP PG_PORT ADMIN_URL
  log "PostgreSQL $("$bindir/postgres" --version | awk '{print $3}') on 127.0.0.1:$PG_PORT ($PG_TMP)"
}

pg_stop() {
  [ -n "${PG_TMP:-}" ] && [ -d "$PG_TMP/data" ] || return 0
  as_pg_owner "$(pg_bindir)/pg_ctl" -D "$PG_TMP/data" -m immediate -w stop >/dev/null 2>&1 || true
  rm -rf "$PG_TMP"
}

# A fresh database loaded from SQL files: pg_createdb NAME FILE...
pg_createdb() {
  local name=$1 file; shift
  psql -X -q -v ON_ERROR_STOP=1 "$ADMIN_URL" -c "CREATE DATABASE \"$name\"" >/dev/null
  for file in "$@"; do
    psql -X -q -v ON_ERROR_STOP=1 "postgresql://postgres@127.0.0.1:$PG_PORT/$name" -f "$file" >/dev/null
  done
}
