# Used by scripts/bench only: the synthetic orchestrator data, the psql twin of the job, timing,
# and the report. Source scripts/lib/common.sh first.
# shellcheck shell=bash

# GNU time (peak RSS) and python3 (JSON, medians, the report); apt on a fresh Debian/Ubuntu.
bench_ensure_tools() {
  local missing=()
  [ -x /usr/bin/time ] || missing+=(time)
  command -v python3 >/dev/null 2>&1 || missing+=(python3)
  apt_install "${missing[@]}"
}

# The fill, for psql with -v apps=N: set-based only (INSERT ... SELECT FROM generate_series), every
# NOT NULL column and every foreign key of sql/schema.sql honoured, no index added.
#   users        max(10, N/10): ids 1 and 2 are admin and system; 10 % inactive, 5 % API tokens
#   cluster      max(3, N/2000): 10 % inactive
#   environment  max(5, N/200) round-robin over the clusters; every third is production
#                ("default" = true); 1 in 12 inactive
#   team         25 projects (app.team_id references them)
#   app          N: 95 % active; 2 % Helm apps from the app store (app_type 1), 2 % jobs (app_type 2)
#   ci_pipeline  one per app; 5 % deleted; created_on uniform over the last 48 hours
#   pipeline     two per app (ids 2g-1 on a production environment, 2g on a non-production one);
#                5 % deleted; created_on uniform over the last 48 hours; deployment_app_name unique
bench_fill_sql() {
  cat <<'SQL'
\set ON_ERROR_STOP 1
\timing on
SET client_min_messages = warning;
SELECT setseed(0.4242);
SELECT greatest(10, :apps / 10) AS users, greatest(3, :apps / 2000) AS clusters,
       greatest(5, :apps / 200) AS environments \gset

INSERT INTO users (id, fname, email_id, created_on, created_by, updated_on, updated_by, active, user_type)
VALUES (1, 'admin', 'admin', now() - interval '400 days', 1, now(), 1, true, NULL),
       (2, 'system', 'system', now() - interval '400 days', 1, now(), 1, true, NULL);
INSERT INTO users (id, fname, lname, email_id, created_on, created_by, updated_on, updated_by, active, user_type)
SELECT g, 'first' || g, 'last' || g,
       CASE WHEN g % 20 = 3 THEN 'API-TOKEN:token-' || g ELSE 'user' || g || '@example.com' END,
       now() - (g % 365) * interval '1 day', 1, now(), 1,
       g % 10 <> 0,
       CASE WHEN g % 20 = 3 THEN 'apiToken' END
FROM generate_series(3, :users) AS g;
SELECT setval('users_id_seq', :users);

INSERT INTO cluster (id, cluster_name, active, created_on, created_by, updated_on, updated_by,
                     server_url, cd_argo_setup, is_prod)
SELECT g, CASE WHEN g = 1 THEN 'default_cluster' ELSE 'cluster-' || g END,
       g % 10 <> 3, now() - interval '300 days', 1, now(), 1,
       CASE WHEN g = 1 THEN 'https://kubernetes.default.svc' ELSE 'https://cluster-' || g || '.example.internal:6443' END,
       true, g % 3 = 0
FROM generate_series(1, :clusters) AS g;
SELECT setval('cluster_id_seq', :clusters);

INSERT INTO environment (id, environment_name, cluster_id, active, created_on, created_by, updated_on,
                         updated_by, "default", namespace, environment_identifier)
SELECT g, 'env-' || g, 1 + (g - 1) % :clusters, g % 12 <> 4, now() - interval '200 days', 1, now(), 1,
       g % 3 = 0, 'ns-' || g, 'cluster-' || (1 + (g - 1) % :clusters) || '__ns-' || g
FROM generate_series(1, :environments) AS g;
SELECT setval('environment_id_seq', :environments);

INSERT INTO team (id, name, active, created_on, created_by, updated_on, updated_by)
SELECT g, CASE WHEN g = 1 THEN 'devtron-demo' ELSE 'team-' || g END, true, now() - interval '300 days', 1, now(), 1
FROM generate_series(1, 25) AS g;
SELECT setval('team_id_seq', 25);

INSERT INTO app (id, app_name, active, created_on, created_by, updated_on, updated_by, team_id,
                 app_store, app_offering_mode, app_type, display_name)
SELECT g, 'app-' || g, g % 20 <> 0, now() - random() * interval '365 days', 1, now(), 1, 1 + g % 25,
       g % 50 = 7, 'FULL', CASE WHEN g % 50 = 7 THEN 1 WHEN g % 50 = 13 THEN 2 ELSE 0 END, NULL
FROM generate_series(1, :apps) AS g;
SELECT setval('app_id_seq', :apps);

INSERT INTO ci_pipeline (id, app_id, name, active, deleted, created_on, created_by, updated_on, updated_by,
                         manual, scan_enabled, ci_pipeline_type)
SELECT g, g, 'ci-app-' || g, true, random() < 0.05, now() - random() * interval '48 hours', 1, now(), 1,
       false, false, 'CI_BUILD'
FROM generate_series(1, :apps) AS g;
SELECT setval('ci_pipeline_id_seq', :apps);

-- Environment k of each kind (production or not), so that app g gets environment g mod count.
CREATE TEMP TABLE env_pick AS
SELECT "default" AS prod, id, environment_name,
       row_number() OVER (PARTITION BY "default" ORDER BY id) - 1 AS k
FROM environment;
SELECT count(*) FILTER (WHERE prod) AS prod_envs, count(*) FILTER (WHERE NOT prod) AS nonprod_envs
FROM env_pick \gset

INSERT INTO pipeline (id, app_id, ci_pipeline_id, trigger_type, environment_id, deployment_template,
                      pipeline_name, deleted, created_on, created_by, updated_on, updated_by,
                      deployment_app_created, deployment_app_type, deployment_app_name)
SELECT id, g, g, CASE WHEN prod THEN 'MANUAL' ELSE 'AUTOMATIC' END, env_id, 'ROLLING',
       'cd-' || g || '-' || env_name, random() < 0.05,
       now() - random() * interval '48 hours', 1, now(), 1,
       true, CASE WHEN g % 2 = 0 THEN 'helm' ELSE 'argo_cd' END, 'app-' || g || '-' || env_name
FROM (SELECT 2 * g - 1 AS id, g, e.prod, e.id AS env_id, e.environment_name AS env_name
      FROM generate_series(1, :apps) AS g JOIN env_pick AS e ON e.prod AND e.k = g % :prod_envs
      UNION ALL
      SELECT 2 * g, g, e.prod, e.id, e.environment_name
      FROM generate_series(1, :apps) AS g JOIN env_pick AS e ON NOT e.prod AND e.k = g % :nonprod_envs) AS s
ORDER BY id;
SELECT setval('pipeline_id_seq', 2 * :apps);
SQL
}

# bench_psql_script CATALOG_JSON WINDOW_START TIMEOUT_MS SQL_OUT LABELS_OUT [explain]
# The job's session as a psql script, every metric's SQL taken from CATALOG_JSON
# (`devtron-telemetry metrics --format json`). LABELS_OUT gets one line per statement, naming the
# metric it belongs to (or "-"), in the order psql's \timing lines will come. With "explain", each
# metric runs under EXPLAIN (ANALYZE, BUFFERS) instead, preceded by a header line.
bench_psql_script() {
  python3 - "$@" <<'PY'
import json, sys
catalog_path, window_start, timeout_ms, sql_out, labels_out = sys.argv[1:6]
explain = len(sys.argv) > 6 and sys.argv[6] == "explain"
catalog = json.load(open(catalog_path))
window = "'" + window_start.replace("'", "''") + "'"
lines, labels = [], []

def statement(sql, label):
    lines.append(sql + ";")
    labels.append(label)

if not explain:
    lines.append("\\timing on")
statement("SELECT set_config('statement_timeout', '%d', false), "
          "set_config('default_transaction_read_only', 'on', false)" % int(timeout_ms), "-")
statement("BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY", "-")
for n, metric in enumerate(catalog, start=1):
    key, sql, frame = metric["keys"]["seed"][0], metric["sql"].strip().rstrip(";").strip(), metric["window"]
    if frame not in ("24h", "all"):
        sys.exit("unknown timeFrame %r for %s" % (frame, key))
    if explain:
        lines.append("\\echo '=== %s (%s)'" % (key, frame))
        lines.append("\\echo '%s'" % sql.replace("\\", "\\\\").replace("'", "''"))
        if frame == "24h":
            statement("PREPARE m%d(timestamptz) AS %s" % (n, sql), key)
            lines.append("\\echo '$1 = %s'" % window_start)
            statement("EXPLAIN (ANALYZE, BUFFERS) EXECUTE m%d(%s)" % (n, window), key)
        else:
            statement("EXPLAIN (ANALYZE, BUFFERS) " + sql, key)
        lines.append("\\echo ''")
        continue
    statement("SAVEPOINT metric", key)
    if frame == "24h":
        statement("PREPARE m%d(timestamptz) AS %s" % (n, sql), key)
        statement("EXECUTE m%d(%s)" % (n, window), key)
    else:
        statement(sql, key)
    statement("RELEASE SAVEPOINT metric", key)
statement("COMMIT", "-")
open(sql_out, "w").write("\n".join(lines) + "\n")
open(labels_out, "w").write("\n".join(labels) + "\n")
PY
}

# bench_measure TSV APPS ROUND KIND STDOUT STDERR -- COMMAND...
# Runs COMMAND under GNU time; appends "apps round kind wall_ms rss_kb exit" to TSV. The wall time is
# taken with date around the call (GNU time's %e has 10 ms resolution); RSS is time's %M.
bench_measure() {
  local tsv=$1 apps=$2 round=$3 kind=$4 out=$5 err=$6
  shift 7
  local timefile t0 t1 rc=0
  timefile=$(mktemp)
  t0=$(date +%s%N)
  /usr/bin/time -f '%e %M' -o "$timefile" "$@" >"$out" 2>"$err" || rc=$?
  t1=$(date +%s%N)
  local rss
  rss=$(tail -n 1 "$timefile" | awk '{print $2}')
  rm -f "$timefile"
  printf '%s\t%s\t%s\t%s\t%s\t%s\n' "$apps" "$round" "$kind" \
    "$(awk -v a="$t0" -v b="$t1" 'BEGIN { printf "%.3f", (b - a) / 1e6 }')" "${rss:-0}" "$rc" >>"$tsv"
  return "$rc"
}

# bench_compare_counts JOB_JSON PSQL_OUT CATALOG_JSON: the job's Summary and psql's counts agree.
bench_compare_counts() {
  python3 - "$@" <<'PY'
import json, sys
job_path, psql_path, catalog_path = sys.argv[1:4]
body = json.load(open(job_path))
summary = next(e for e in body["batch"] if e["event"] == "Summary")["properties"]["summary"]
keys = [m["keys"]["seed"][0] for m in json.load(open(catalog_path))]
values = [l for l in open(psql_path).read().splitlines() if l and not l.startswith("Time:")]
values = values[1:]  # the set_config row
psql = dict(zip(keys, (int(v) for v in values)))
if len(values) != len(keys) or psql != {k: summary.get(k) for k in keys}:
    sys.exit("job and psql disagree: job %s, psql %s" % (summary, psql))
print(" ".join("%s=%s" % (k, psql[k]) for k in keys))
PY
}

# bench_job_window JOB_JSON: the window start the job used (its Summary's timestamp - 24 h).
bench_job_window() {
  python3 - "$1" <<'PY'
import datetime, json, sys
body = json.load(open(sys.argv[1]))
ts = next(e for e in body["batch"] if e["event"] == "Summary")["properties"]["timestamp"]
start = datetime.datetime.strptime(ts, "%Y-%m-%dT%H:%M:%S.%fZ") - datetime.timedelta(hours=24)
print(start.strftime("%Y-%m-%dT%H:%M:%S.") + "%03dZ" % (start.microsecond // 1000))
PY
}

# The machine, in one line.
bench_machine_line() {
  local cpu mem pgv
  cpu=$(awk -F': ' '/^model name/ { print $2; exit }' /proc/cpuinfo)
  mem=$(awk '/^MemTotal/ { printf "%.1f GiB", $2 / 1048576 }' /proc/meminfo)
  pgv=$(psql -X -A -t "$ADMIN_URL" -c 'SHOW server_version' 2>/dev/null || echo unknown)
  printf 'Machine: %s cores (nproc), %s, %s RAM, PostgreSQL %s (stock settings except fsync/synchronous_commit/full_page_writes off), %s, kernel %s\n' \
    "$(nproc)" "${cpu:-unknown CPU}" "$mem" "$pgv" "$(. /etc/os-release && echo "$PRETTY_NAME")" "$(uname -r)"
}

# bench_report DIR: the Markdown tables from DIR/timings.tsv, DIR/fill.tsv and the runs' logs.
bench_report() {
  python3 - "$1" <<'PY'
import csv, glob, os, re, statistics, sys
out = sys.argv[1]
med = statistics.median
runs = {}
for apps, rnd, kind, wall, rss, rc in csv.reader(open(os.path.join(out, "timings.tsv")), delimiter="\t"):
    runs.setdefault((int(apps), kind), []).append((float(wall), int(rss), int(rc), int(rnd)))
fills = {}
for apps, rows, fill, vacuum in csv.reader(open(os.path.join(out, "fill.tsv")), delimiter="\t"):
    fills[int(apps)] = (int(rows), float(fill), float(vacuum))

def m(apps, kind, i):
    return med(r[i] for r in runs[(apps, kind)])

print("| apps | rows in pipeline | fill s (insert + VACUUM ANALYZE) | job wall ms (median) | psql wall ms (median) | ratio job/psql | job peak RSS MB | psql peak RSS MB | start-up wall ms | start-up RSS MB |")
print("|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|")
for apps in sorted(fills):
    rows, fill, vacuum = fills[apps]
    job, ps, st = m(apps, "job", 0), m(apps, "psql", 0), m(apps, "startup", 0)
    print("| {:,} | {:,} | {:.1f} ({:.1f} + {:.1f}) | {:.1f} | {:.1f} | {:.2f} | {:.1f} | {:.1f} | {:.1f} | {:.1f} |".format(
        apps, rows, fill + vacuum, fill, vacuum, job, ps, job / ps,
        m(apps, "job", 1) / 1024, m(apps, "psql", 1) / 1024, st, m(apps, "startup", 1) / 1024))

print()
print("Both layouts, dry run and delivering (`run` over HTTPS to the loopback stand-in), same database; medians.")
print()
print("| apps | seed dry run (a) ms | seed dry run MB | seed delivering (d) ms | seed delivering MB | orchestrator dry run (e) ms | orchestrator dry run MB | orchestrator delivering (f) ms | orchestrator delivering MB |")
print("|---:|---:|---:|---:|---:|---:|---:|---:|---:|")
for apps in sorted(fills):
    print("| {:,} | {:.1f} | {:.1f} | {:.1f} | {:.1f} | {:.1f} | {:.1f} | {:.1f} | {:.1f} |".format(
        apps, m(apps, "job", 0), m(apps, "job", 1) / 1024, m(apps, "send", 0), m(apps, "send", 1) / 1024,
        m(apps, "orch", 0), m(apps, "orch", 1) / 1024, m(apps, "orchsend", 0), m(apps, "orchsend", 1) / 1024))

# Where the time goes: per metric, the client-observed time of SAVEPOINT + query + RELEASE, as the
# job logs it (duration_ms) and as psql's \timing shows it; medians over the rounds.
ts_re = re.compile(r"ts=(\S+)")
def ms_of(ts):
    h, mi, s = ts.rstrip("Z").split("T")[1].split(":")
    return (int(h) * 3600 + int(mi) * 60 + float(s)) * 1000
print()
print("Per-metric client-side time, median ms (job: its duration_ms log; psql: \\timing of SAVEPOINT + [PREPARE +] query + RELEASE):")
print()
for apps in sorted(fills):
    d = os.path.join(out, "apps-%d" % apps)
    job_m, psql_m, connect, sums = {}, {}, [], []
    for path in sorted(glob.glob(os.path.join(d, "job-r*.stderr"))):
        text = open(path).read()
        start = reached = None
        total = 0.0
        for line in text.splitlines():
            if "msg=start" in line: start = ms_of(ts_re.search(line).group(1))
            if 'msg="database reached"' in line: reached = ms_of(ts_re.search(line).group(1))
            mm = re.search(r"msg=metric duration_ms=([\d.]+) key=(\S+)", line)
            if mm:
                job_m.setdefault(mm.group(2), []).append(float(mm.group(1)))
                total += float(mm.group(1))
        sums.append(total)
        if start is not None and reached is not None: connect.append(reached - start)
    labels = open(os.path.join(d, "psql.labels")).read().split()
    psql_other = []
    for path in sorted(glob.glob(os.path.join(d, "psql-r*.stdout"))):
        times = [float(x) for x in re.findall(r"^Time: ([\d.]+) ms", open(path).read(), re.M)]
        per, other = {}, 0.0
        for label, t in zip(labels, times):
            if label == "-": other += t
            else: per[label] = per.get(label, 0.0) + t
        for k, v in per.items(): psql_m.setdefault(k, []).append(v)
        psql_other.append(other)
    keys = list(dict.fromkeys(labels[i] for i in range(len(labels)) if labels[i] != "-"))
    print("%s apps:" % format(apps, ","))
    print()
    print("| metric | job ms | psql ms |")
    print("|---|---:|---:|")
    for k in keys:
        print("| %s | %.1f | %.1f |" % (k, med(job_m.get(k, [0])), med(psql_m.get(k, [0]))))
    psum = [sum(v[i] for v in psql_m.values()) for i in range(len(psql_other))]
    print("| **all metrics** | **%.1f** | **%.1f** |" % (med(sums), med(psum)))
    print()
    print("Job wall %.1f ms = start-up and everything outside the metrics %.1f ms (log start to \"database reached\": %s ms) + metrics %.1f ms. psql wall %.1f ms = %.1f ms outside the metrics (set_config, BEGIN, COMMIT: %.1f ms) + metrics %.1f ms." % (
        m(apps, "job", 0), m(apps, "job", 0) - med(sums), "%.0f" % med(connect) if connect else "?", med(sums),
        m(apps, "psql", 0), m(apps, "psql", 0) - med(psum), med(psql_other), med(psum)))
    print()
PY
}

# bench_explain_summary EXPLAIN_TXT: per metric, the top node, the joins and scans, execution time.
bench_explain_summary() {
  python3 - "$1" <<'PY'
import re, sys
text = open(sys.argv[1]).read()
blocks = re.split(r"^=== ", text, flags=re.M)[1:]
node_re = re.compile(r"^\s*(?:->\s*)?([A-Z][A-Za-z ]+?(?: on \S+(?: \S+)?)?|[A-Z][A-Za-z ]+? using \S+ on \S+(?: \S+)?)\s+\(cost=.*?\) \(actual time=[\d.]+\.\.([\d.]+) rows=(\d+) loops=(\d+)\)")
for block in blocks:
    head, _, body = block.partition("\n")
    key = head.split()[0]
    nodes = []
    for line in body.splitlines():
        mm = node_re.match(line)
        if mm:
            nodes.append("%s (rows=%s, loops=%s)" % (mm.group(1).strip(), mm.group(3), mm.group(4)))
    ex = re.search(r"Execution Time: ([\d.]+) ms", body)
    top = nodes[0].split(" (")[0] if nodes else "?"
    interesting = [n for n in nodes[1:] if re.search(r"Scan|Join|Nested Loop|Hash|Gather|Materialize|Sort", n) and not n.startswith("Hash (")]
    print("- %s: top node %s; %s; execution %s ms" % (key, top, " > ".join(interesting) or "-", ex.group(1) if ex else "?"))
PY
}
