# Used by scripts/bench only: the latency axis. The job and psql reach the throwaway PostgreSQL
# through scripts/lib/latency-proxy.py, which adds a fixed delay per round trip and counts the
# round trips each connection makes. Source scripts/lib/common.sh and scripts/lib/bench.sh first.
# shellcheck shell=bash

# The Summary layouts the axis measures; the job reads SUMMARY_LAYOUT.
BENCH_LAYOUTS=(seed orchestrator)

# bench_latency_catalog BIN LAYOUT SEED_CATALOG OUT: the layout's catalog as JSON in OUT, from
# `metrics --layout LAYOUT --format json`; a binary without that flag gets the seed catalog (with
# a warning for any other layout). Prints which catalog OUT holds.
bench_latency_catalog() {
  local bin=$1 layout=$2 seed=$3 target=$4
  if "$bin" metrics --layout "$layout" --format json >"$target" 2>/dev/null \
    && python3 -c 'import json, sys; assert json.load(open(sys.argv[1]))' "$target" 2>/dev/null; then
    echo "$layout"
  else
    [ "$layout" = seed ] || log "warning: this binary has no 'metrics --layout $layout'; psql runs the seed catalog for the $layout rows"
    cp "$seed" "$target"
    echo "seed (fallback)"
  fi
}

# bench_latency_psql_script CATALOG TIMEOUT_MS OUT: the statements the job sent before pipelining,
# one per round trip: set_config, BEGIN, per metric SAVEPOINT + query + RELEASE (or ROLLBACK TO
# SAVEPOINT when the query failed, psql's \if :ERROR), COMMIT. The window's start is spliced in as
# a literal so that each metric is one statement (psql 15 has no \bind).
bench_latency_psql_script() {
  python3 - "$@" <<'PY'
import datetime, json, re, sys
catalog_path, timeout_ms, sql_out = sys.argv[1:4]
now = datetime.datetime.now(datetime.timezone.utc)
lines = ["SELECT set_config('statement_timeout', '%d', false), "
         "set_config('default_transaction_read_only', 'on', false);" % int(timeout_ms),
         "BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY;"]
for metric in json.load(open(catalog_path)):
    sql = metric["sql"].strip().rstrip(";").strip()
    seconds = {"all": None, "24h": 24 * 3600, "30d": 30 * 24 * 3600}.get(metric["window"], "?")
    if seconds == "?":
        sys.exit("unknown window %r" % metric["window"])
    if seconds is not None:
        start = (now - datetime.timedelta(seconds=seconds)).strftime("%Y-%m-%dT%H:%M:%S.%f")[:-3] + "Z"
        sql = re.sub(r"\$1(?!\d)", "'%s'" % start, sql)
    lines += ["SAVEPOINT metric;", sql + ";", "\\if :ERROR", "ROLLBACK TO SAVEPOINT metric;", "\\else",
              "RELEASE SAVEPOINT metric;", "\\endif"]
lines.append("COMMIT;")
open(sql_out, "w").write("\n".join(lines) + "\n")
PY
}

# bench_latency_trips LOG SKIP: waits (up to 5 s) for the proxy's records after the first SKIP
# lines of LOG, and prints their sums: round trips, and those spent connecting.
bench_latency_trips() {
  python3 - "$@" <<'PY'
import json, sys, time
log, skip = sys.argv[1], int(sys.argv[2])
for _ in range(100):
    lines = open(log).read().splitlines()[skip:]
    if lines:
        break
    time.sleep(0.05)
else:
    sys.exit("the latency proxy recorded no connection")
time.sleep(0.05)
records = [json.loads(l) for l in open(log).read().splitlines()[skip:]]
connect = [r["connect_round_trips"] for r in records]
print(sum(r["round_trips"] for r in records), "?" if None in connect else sum(connect), len(records))
PY
}

# bench_latency_axis APPS "DELAYS": a fresh database of APPS apps; per delay, a proxy, one
# untimed warm-up of the job, then $rounds rounds of, per layout, the job (dry run) and psql.
# Uses the caller's bin, psql_bin, out, rounds, job_env and timeout_ms. Rows go to
# $out/latency/timings.tsv (delay, round, kind, wall ms, RSS KB, exit code) and trips.tsv.
bench_latency_axis() {
  local n=$1 delays=$2 db=bench_latency dir="$out/latency" d r layout url psql_url proxy_pid port skip rc trips
  mkdir -p "$dir"
  url="postgresql://postgres@127.0.0.1:$PG_PORT/$db"
  log "== latency axis: $n apps, delays ${delays// /, } ms"
  pg_createdb "$db" sql/schema.sql
  bench_fill_sql >"$dir/fill.sql"
  psql -X -q -v ON_ERROR_STOP=1 -v apps="$n" -f "$dir/fill.sql" "$url" >"$dir/fill.log"
  psql -X -q -v ON_ERROR_STOP=1 -c 'VACUUM ANALYZE' "$url"
  : >"$dir/catalogs.tsv"
  for layout in "${BENCH_LAYOUTS[@]}"; do
    printf '%s\t%s\t%s\n' "$layout" "$(bench_latency_catalog "$bin" "$layout" "$out/metrics.json" "$dir/metrics-$layout.json")" \
      "$(python3 -c 'import json, sys; print(len(json.load(open(sys.argv[1]))))' "$dir/metrics-$layout.json")" >>"$dir/catalogs.tsv"
  done
  : >"$dir/timings.tsv"
  : >"$dir/trips.tsv"
  for d in $delays; do
    rm -f "$dir/proxy-$d.log" "$dir/proxy-$d.log.port"
    python3 scripts/lib/latency-proxy.py "$PG_PORT" "$d" "$dir/proxy-$d.log" 2>"$dir/proxy-$d.stderr" &
    proxy_pid=$!
    for _ in $(seq 100); do [ -s "$dir/proxy-$d.log.port" ] && break; sleep 0.05; done
    [ -s "$dir/proxy-$d.log.port" ] || die "the latency proxy did not start"
    port=$(cat "$dir/proxy-$d.log.port")
    url="postgresql://postgres@127.0.0.1:$port/$db?sslmode=disable"
    psql_url="$url&gssencmode=disable"
    "${job_env[@]}" DATABASE_URL="$url" "$bin" run --dry-run >/dev/null 2>"$dir/warmup-$d.stderr" || true
    # The proxy writes a connection's record when both sides have closed: wait for the warm-up's,
    # or it would be counted with the first timed run.
    bench_latency_trips "$dir/proxy-$d.log" 0 >/dev/null || die "the latency proxy recorded no warm-up connection"
    for r in $(seq 1 "$rounds"); do
      for layout in "${BENCH_LAYOUTS[@]}"; do
        skip=$(wc -l <"$dir/proxy-$d.log")
        rc=0
        bench_measure "$dir/timings.tsv" "$d" "$r" "job:$layout" /dev/null "$dir/job-$layout-$d-r$r.stderr" -- \
          "${job_env[@]}" SUMMARY_LAYOUT="$layout" DATABASE_URL="$url" "$bin" run --dry-run || rc=$?
        # 3: printed, some metric failed (e.g. a table the layout reads is not in sql/schema.sql).
        [ "$rc" = 0 ] || [ "$rc" = 3 ] || { cat "$dir/job-$layout-$d-r$r.stderr" >&2; die "the job exited $rc ($layout, $d ms)"; }
        trips=$(bench_latency_trips "$dir/proxy-$d.log" "$skip") || die "no round trips recorded for the job"
        printf '%s\t%s\tjob:%s\t%s\t%s\n' "$d" "$r" "$layout" "$trips" \
          "$(grep -c 'metric failed' "$dir/job-$layout-$d-r$r.stderr" || true)" >>"$dir/trips.tsv"

        bench_latency_psql_script "$dir/metrics-$layout.json" "$timeout_ms" "$dir/psql-$layout-$d-r$r.sql"
        skip=$(wc -l <"$dir/proxy-$d.log")
        bench_measure "$dir/timings.tsv" "$d" "$r" "psql:$layout" /dev/null "$dir/psql-$layout-$d-r$r.stderr" -- \
          "$psql_bin" -X -q -A -t -f "$dir/psql-$layout-$d-r$r.sql" "$psql_url" \
          || { cat "$dir/psql-$layout-$d-r$r.stderr" >&2; die "psql exited non-zero ($layout, $d ms)"; }
        trips=$(bench_latency_trips "$dir/proxy-$d.log" "$skip") || die "no round trips recorded for psql"
        printf '%s\t%s\tpsql:%s\t%s\t%s\n' "$d" "$r" "$layout" "$trips" \
          "$(grep -c '^psql:.*ERROR' "$dir/psql-$layout-$d-r$r.stderr" || true)" >>"$dir/trips.tsv"
      done
    done
    kill "$proxy_pid" 2>/dev/null || true
    wait "$proxy_pid" 2>/dev/null || true
    log "latency $d ms: $(awk -F'\t' -v d="$d" '$1 == d { printf "%s %s ms; ", $3, $4 }' "$dir/timings.tsv")"
  done
  psql -X -q "$ADMIN_URL" -c "DROP DATABASE $db" >/dev/null
}

# bench_latency_report DIR: the latency table from DIR/latency/{timings,trips,catalogs}.tsv.
bench_latency_report() {
  python3 - "$1/latency" <<'PY'
import csv, os, statistics, sys
d = sys.argv[1]
med = statistics.median
walls, trips = {}, {}
for delay, rnd, kind, wall, rss, rc in csv.reader(open(os.path.join(d, "timings.tsv")), delimiter="\t"):
    walls.setdefault((float(delay), kind), []).append(float(wall))
for delay, rnd, kind, counts, failed in csv.reader(open(os.path.join(d, "trips.tsv")), delimiter="\t"):
    total, connect, connections = counts.split()
    trips.setdefault((float(delay), kind), []).append((int(total), connect, int(connections), int(failed or 0)))
catalogs = {row[0]: (row[1], row[2]) for row in csv.reader(open(os.path.join(d, "catalogs.tsv")), delimiter="\t")}

def spread(values):
    values = sorted(set(values))
    return str(values[0]) if len(values) == 1 else "%s–%s" % (values[0], values[-1])

print("| layout | client | psql's catalog | delay per round trip ms | round trips: all (connecting) | wall ms (median) | wall − round trips × delay, ms | failed statements |")
print("|---|---|---|---:|---:|---:|---:|---:|")
layouts = list(dict.fromkeys(k.split(":")[1] for _, k in walls))
for layout in layouts:
    catalog, count = catalogs.get(layout, ("?", "?"))
    for client in ("job", "psql"):
        kind = "%s:%s" % (client, layout)
        for delay in sorted({dl for dl, k in walls if k == kind}):
            t = trips[(delay, kind)]
            total = med(x[0] for x in t)
            wall = med(walls[(delay, kind)])
            print("| %s | %s | %s, %s metrics | %g | %s (%s) | %.1f | %.1f | %s |" % (
                layout, "job dry run" if client == "job" else "psql, one statement per round trip", catalog, count,
                delay, spread(x[0] for x in t), spread(x[1] for x in t), wall, wall - total * delay,
                spread(x[3] for x in t)))
PY
}
