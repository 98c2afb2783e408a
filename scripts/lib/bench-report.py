#!/usr/bin/env python3
"""scripts/bench's Python part (standard library only):

  bench-report.py psql-script CATALOG OUT [JOB_JSON | explain]
      the job's session as a psql script, one statement per round trip, as the job sent them before
      pipelining: set_config, BEGIN, per metric of CATALOG (`metrics --format json`) SAVEPOINT + its
      SQL + RELEASE (ROLLBACK TO on an error), COMMIT. The window's start is spliced in as a literal,
      from now or from JOB_JSON's Summary (the job's own); `explain`: EXPLAIN (ANALYZE, BUFFERS) each.
  bench-report.py counts JOB_JSON PSQL_OUT CATALOG    the job's seed Summary equals psql's counts
  bench-report.py report DIR                          the Markdown tables, from hyperfine's JSON
      exports, GNU time's max RSS files, the job's logs and the latency proxy's records in DIR
"""
import datetime, glob, json, os, re, statistics, sys

med = statistics.median
WINDOWS = {"all": None, "24h": 86400, "30d": 30 * 86400}


def summary(job_json):
    return next(e for e in json.load(open(job_json))["batch"] if e["event"] == "Summary")["properties"]


def psql_script(catalog, out, how=None):
    end = datetime.datetime.now(datetime.timezone.utc)
    if how and how != "explain":
        end = datetime.datetime.strptime(summary(how)["timestamp"], "%Y-%m-%dT%H:%M:%S.%fZ")
    lines = ["SELECT set_config('statement_timeout', '30000', false), set_config('default_transaction_read_only', 'on', false);",
             "BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY;"]
    for m in json.load(open(catalog)):
        sql, seconds = m["sql"].strip().rstrip(";"), WINDOWS[m["window"]]
        if seconds:
            start = (end - datetime.timedelta(seconds=seconds)).strftime("%Y-%m-%dT%H:%M:%S.%f")[:-3] + "Z"
            sql = re.sub(r"\$1(?!\d)", f"'{start}'", sql)
        if how == "explain":
            lines += [f"\\echo '=== {m['id']}'", f"EXPLAIN (ANALYZE, BUFFERS) {sql};"]
        else:
            lines += ["SAVEPOINT metric;", sql + ";", "\\if :ERROR", "ROLLBACK TO SAVEPOINT metric;", "\\else",
                      "RELEASE SAVEPOINT metric;", "\\endif"]
    open(out, "w").write("\n".join(lines + ["COMMIT;"]) + "\n")


def counts(job_json, psql_out, catalog):
    job = summary(job_json)["summary"]
    keys = [m["keys"]["seed"][0] for m in json.load(open(catalog))]
    values = [line for line in open(psql_out).read().splitlines() if line][1:]  # after set_config's row
    psql = dict(zip(keys, (int(v) for v in values)))
    if len(values) != len(keys) or psql != {k: job.get(k) for k in keys}:
        sys.exit(f"job and psql disagree: job {job}, psql {psql}")
    print(" ".join(f"{k}={v}" for k, v in psql.items()))


def runs(path):
    """hyperfine's export: {command name: (median wall ms, its runs' exit codes)}."""
    return {r["command"]: (r["median"] * 1000, r["exit_codes"]) for r in json.load(open(path))["results"]}


def rss_mb(path):
    return med(int(x) for x in open(path).read().split()) / 1024


def metric_times(path):
    """Per metric key, its server times (duration_ms of each `msg=metric` line) in a job's log."""
    times = {}
    for line in open(path):
        fields = dict(re.findall(r'(\w+)=("[^"]*"|\S+)', line))
        if fields.get("msg") in ("metric", '"metric failed"'):
            times.setdefault(fields["key"], []).append(float(fields["duration_ms"]))
    return times


def table(head, rows):
    print("| " + " | ".join(head) + " |\n|" + "---|" + "---:|" * (len(head) - 1))
    for row in rows:
        print("| " + " | ".join(row) + " |")
    print()


def report(out):
    scales = sorted(int(d.rsplit("-", 1)[1]) for d in glob.glob(f"{out}/apps-*"))
    rows, layouts, per_metric = [], [], {"seed": {}, "orchestrator": {}}
    for n in scales:
        d = f"{out}/apps-{n}"
        t = runs(f"{d}/hyperfine.json")
        fill = open(f"{d}/fill.txt").read().split()
        rows.append([f"{n:,}", " / ".join(f"{int(x):,}" for x in fill[1:]), fill[0], f"{t['job'][0]:.1f}", f"{t['psql'][0]:.1f}",
                     f"{t['job'][0] / t['psql'][0]:.2f}", f"{rss_mb(f'{d}/rss-job'):.1f}", f"{rss_mb(f'{d}/rss-psql'):.1f}",
                     f"{t['startup'][0]:.1f}", f"{rss_mb(f'{d}/rss-startup'):.1f}"])
        layouts.append([f"{n:,}"] + [f"{x:.1f}" for k in ("job", "send", "orch", "orchsend") for x in (t[k][0], rss_mb(f"{d}/rss-{k}"))])
        for layout, log in (("seed", "job"), ("orchestrator", "orch")):
            for key, ms in metric_times(f"{d}/{log}.stderr").items():
                per_metric[layout].setdefault(key, {})[n] = med(ms)
    if scales:
        table(["apps", "rows: pipeline / ci_workflow / cd_workflow_runner / user_audit", "fill + VACUUM ANALYZE s",
               "job wall ms", "psql wall ms", "job/psql", "job peak RSS MB", "psql peak RSS MB", "start-up ms", "start-up MB"], rows)
        print("Both layouts, dry run and delivering (`run` over HTTPS to the loopback stand-in), same database; medians.\n")
        table(["apps", "seed dry run ms", "MB", "seed delivering ms", "MB", "orchestrator dry run ms", "MB",
               "orchestrator delivering ms", "MB"], layouts)
        for layout, metrics in per_metric.items():
            print(f"Per-metric server time, {layout} layout, median ms (duration_ms of the job's `msg=metric` log lines, dry runs):\n")
            ordered = sorted(metrics, key=lambda k: -metrics[k].get(scales[-1], 0))
            table(["metric"] + [f"{n:,} apps" for n in scales],
                  [[k] + [f"{metrics[k].get(n, 0):.1f}" for n in scales] for k in ordered]
                  + [["**all metrics (sum)**"] + [f"**{sum(m.get(n, 0) for m in metrics.values()):.1f}**" for n in scales]])
    if os.path.exists(f"{out}/explain.txt"):
        print(f"EXPLAIN (ANALYZE, BUFFERS), execution time per metric, ms (full plans: {out}/explain.txt):\n")
        text = open(f"{out}/explain.txt").read()
        print(", ".join(f"{k} {v}" for k, v in re.findall(r"^=== (\S+)\n(?:.*\n)*?.*Execution Time: ([\d.]+) ms", text, re.M)) + "\n")
    lat = f"{out}/latency"
    if os.path.isdir(lat):
        rows = []
        for d in sorted(glob.glob(f"{lat}/delay-*"), key=lambda p: float(p.rsplit("-", 1)[1])):
            delay, t = float(d.rsplit("-", 1)[1]), runs(f"{d}/hyperfine.json")
            for kind, (wall, codes) in t.items():
                records = [json.loads(x) for x in open(f"{d}/proxy-{kind}.log")]
                per_run = len(records) // (len(codes) + 1)   # hyperfine's one warm-up run came first
                trips = [records[i:i + per_run] for i in range(per_run, len(records), per_run)]
                total = med(sum(r["round_trips"] for r in run) for run in trips)
                connect = med(sum(r["connect_round_trips"] or 0 for r in run) for run in trips)
                errors = len(re.findall(r"metric failed|ERROR", open(f"{d}/{kind}.stderr").read())) / (len(codes) + 1)
                rows.append([kind.replace("-", " "), f"{delay:g}", f"{total:g} ({connect:g})", f"{wall:.1f}",
                             f"{wall - total * delay:.1f}", f"{errors:g} (exit {', '.join(map(str, sorted(set(codes))))})"])
        print(f"Latency axis: {open(f'{lat}/apps.txt').read().strip()} apps through scripts/lib/latency-proxy.py; medians.\n")
        table(["client layout", "delay per round trip ms", "round trips (connecting)", "wall ms", "wall − round trips × delay ms",
               "failed statements per run (exit codes)"], rows)
        print("The job is `run --dry-run`; psql sends one statement per round trip, with a savepoint around each metric, as the job"
              " did before pipelining. Round trips: the times the data flow turns from client to server to server to client,"
              " summed over a run's connections; \"connecting\": those before the server's first ReadyForQuery.\n")


{"psql-script": psql_script, "counts": counts, "report": report}[sys.argv[1]](*sys.argv[2:])
