"""scripts/check-deploy's own checks, for what checkov's Kubernetes checks do not cover.

  chart-policy.py renders RELEASE RENDER|VALUES...  each render against values.yaml merged with the
                                                    values file it was made with (empty: defaults)
  chart-policy.py schema                            values.schema.json (draft-07) closes every
                                                    object; values.yaml comments every value
  chart-policy.py kustomization NOT-LISTED...       deploy/kustomization.yaml and the files beside it

A render must hold, beyond checkov (one line each):
- the standard labels on every object and pod, namespace devtroncd (CKV_K8S_21 only refuses "default");
- the configured runAsUser, by default the Dockerfile's USER (CKV_K8S_40 takes any high UID);
- one container, no envFrom, restartPolicy Never; runAsNonRoot on pod and container (CKV_K8S_23
  takes a non-zero runAsUser instead);
- the CronJob: concurrencyPolicy Forbid, and schedule, timeZone, suspend, deadlines, history limits,
  backoffLimit, ttlSecondsAfterFinished as configured;
- every variable as configured; UCID optional in hooks only; POSTHOG_API_KEY an optional reference;
- the database password only as the passfile from the configured key (CKV_K8S_35 is skipped);
- the token: the CronJob's own account mounts it for GET /version, hooks none (CKV_K8S_38 skipped);
- the dry-run Job's pod is the CronJob's but for --dry-run and POSTHOG_API_KEY;
- a hook Job per enabled event: `event NAME --never-fail --timeout N`, Helm's annotations,
  backoffLimit 0, a deadline, SERVER_VERSION from Helm, no database settings;
- the NetworkPolicy when enabled: the chart's pods, the configured ports (CKV2_K8S_6: one exists).
Prints each problem; exits 1 when there is one.
"""
import copy, json, os, re, sys
import yaml

CHART = "charts/devtron-telemetry"
HOOKS = {"installationStart": ("InstallationStart", "pre-install"), "installationSuccess": ("InstallationSuccess", "post-install"),
         "upgradeStart": ("UpgradeStart", "pre-upgrade"), "upgradeSuccess": ("UpgradeSuccess", "post-upgrade")}
LABELS = ["helm.sh/chart", "app.kubernetes.io/name", "app.kubernetes.io/instance", "app.kubernetes.io/version",
          "app.kubernetes.io/component", "app.kubernetes.io/part-of", "app.kubernetes.io/managed-by"]
problems = []


def want(ok, msg):
    if not ok:
        problems.append(msg)
        print(f"  - {msg}")


def merge(base, over):
    out = copy.deepcopy(base)
    for k, v in (over or {}).items():
        out[k] = merge(out[k], v) if isinstance(v, dict) and isinstance(out.get(k), dict) else v
    return out


def env_of(container):
    """Each variable: its value, or (kind, name, key, optional) of its ConfigMap or Secret key."""
    env = {}
    for e in container.get("env") or []:
        ref = next(iter((e.get("valueFrom") or {}).items()), None)
        env[e["name"]] = (ref[0], ref[1]["name"], ref[1]["key"], bool(ref[1].get("optional"))) if ref else e.get("value")
    return env


def pod(where, template, v, release, uid, fullname, hook):
    want(all(template["metadata"]["labels"].get(k) for k in LABELS), f"{where}: a standard label is missing on the pod")
    spec = template["spec"]
    c = spec["containers"][0]
    want((spec.get("restartPolicy"), len(spec["containers"]), spec.get("initContainers"), c.get("envFrom")) == ("Never", 1, None, None),
         f"{where}: not one container (no envFrom) with restartPolicy Never")
    want(spec["securityContext"].get("runAsNonRoot") is True is c["securityContext"].get("runAsNonRoot"),
         f"{where}: runAsNonRoot is not true on pod and container (CKV_K8S_23 is content with a non-zero runAsUser)")
    users = {spec["securityContext"]["runAsUser"], c["securityContext"]["runAsUser"], v["podSecurityContext"]["runAsUser"], uid} - {None}
    want(len(users) == 1, f"{where}: runAsUser {users}: not the configured one (by default the Dockerfile's USER)")
    want((spec.get("serviceAccountName"), spec.get("automountServiceAccountToken")) == ((None, False) if hook else (fullname, True)),
         f"{where}: service account and token: hooks need neither, the job its own for GET /version")
    env, cm, role = env_of(c), v["database"]["configMap"], v["database"]["role"]
    want(env.get("UCID") == ("configMapKeyRef", v["ucid"]["configMap"], v["ucid"]["key"], hook), f"{where}: UCID (optional in hooks only)")
    expected = {"SUMMARY_LAYOUT": v["layout"], "DEVTRON_MODE": v["devtronMode"], "DEVTRON_RELEASE_VERSION": v["devtronReleaseVersion"],
                "DEVTRON_VERSION": v["devtronVersion"], "DEVTRON_TELEMETRY_URL": v["telemetryService"]["url"],
                "POSTHOG_HOST": v["posthog"]["host"], "TELEMETRY_DISABLED": v["optOut"] and "true",
                "IS_AIR_GAP_ENVIRONMENT": v["airGap"] and "true", "TELEMETRY_GEOIP": not v["geoip"] and "false",
                **{e["name"]: env_of({"env": [e]})[e["name"]] for e in v["extraEnv"]}}
    if hook:
        expected["SERVER_VERSION"] = env.get("SERVER_VERSION") if re.fullmatch(r"v?\d+\.\d+\.\d+.*", env.get("SERVER_VERSION", "")) else "?"
    else:
        secret = (role["existingSecret"], role["passwordKey"]) if role["existingSecret"] else \
            (v["database"]["secret"]["name"], v["database"]["secret"]["passwordKey"])
        expected.update({"PG_ADDR": ("configMapKeyRef", cm["name"], cm["addressKey"], False), "PGPASSFILE": "/run/pgpass/pgpass",
                         "PG_USER": ("secretKeyRef", role["existingSecret"], role["usernameKey"], False) if role["existingSecret"]
                         else ("configMapKeyRef", cm["name"], cm["userKey"], True),
                         **{n: ("configMapKeyRef", cm["name"], cm[k], True) for n, k in
                            [("PG_PORT", "portKey"), ("PG_DATABASE", "databaseKey"), ("PG_READ_TIMEOUT", "readTimeoutKey")]}})
        volumes = {x["name"]: x for x in spec.get("volumes") or []}
        want(volumes.get("database-password", {}).get("secret", {}).get("secretName") == secret[0]
             and volumes["database-password"]["secret"]["items"] == [{"key": secret[1], "path": "password"}]
             and volumes.get("passfile", {}).get("emptyDir", {}).get("medium") == "Memory"
             and "/run/pgpass/pgpass" in " ".join(c.get("command") or []), f"{where}: the password is not the passfile from {secret}")
    if "POSTHOG_API_KEY" in env or hook:
        expected["POSTHOG_API_KEY"] = ("secretKeyRef", v["posthog"]["existingSecret"] or fullname, v["posthog"]["apiKeyKey"], True)
    got = {k: x for k, x in env.items() if k != "UCID"}
    want(got == {k: x for k, x in expected.items() if x}, f"{where}: the environment {got} is not {expected}")


def renders(release, args):
    defaults = yaml.safe_load(open(f"{CHART}/values.yaml"))
    users = re.findall(r"^USER\s+(\d+)", open("Dockerfile").read(), re.M)
    want(users and defaults["podSecurityContext"]["runAsUser"] == int(users[-1]), "values.yaml: runAsUser is not the Dockerfile's USER")
    for path, _, values_file in (a.partition("|") for a in args):
        over = yaml.safe_load(open(values_file)) if values_file else {}
        v = merge(defaults, over)
        name = v["nameOverride"] or "devtron-telemetry"
        fullname = v["fullnameOverride"] or (release if name in release else f"{release}-{name}")
        uid = None if "podSecurityContext" in (over or {}) else int(users[-1])
        docs = [d for d in yaml.safe_load_all(open(path)) if d]
        print(f"{path} ({values_file or 'default values'}): {len(docs)} objects")
        kinds = {}
        for d in docs:
            meta, where = d["metadata"], f"{path}: {d['kind']}/{d['metadata']['name']}"
            want(all(meta["labels"].get(k) for k in LABELS) and meta["labels"]["app.kubernetes.io/name"] == name
                 and meta["labels"]["app.kubernetes.io/instance"] == release, f"{where}: the standard labels are wrong")
            want(meta.get("namespace") == "devtroncd", f"{where}: namespace is not devtroncd")
            kinds.setdefault(d["kind"], []).append(d)
        want(set(kinds) <= {"ServiceAccount", "CronJob", "Job", "NetworkPolicy"}, f"{path}: unexpected kinds {sorted(kinds)}")
        want([(s["metadata"]["name"], s.get("automountServiceAccountToken")) for s in kinds.get("ServiceAccount", [])] == [(fullname, True)],
             f"{path}: not one ServiceAccount {fullname} with its token")
        nv, np = v["networkPolicy"], kinds.get("NetworkPolicy", [])
        want([(n["spec"]["podSelector"]["matchLabels"], n["spec"]["policyTypes"], n["spec"]["egress"]) for n in np] ==
             ([({"app.kubernetes.io/name": name, "app.kubernetes.io/instance": release}, ["Ingress", "Egress"], [{"ports": [
                 {"protocol": "UDP", "port": 53}] + [{"protocol": "TCP", "port": p} for p in [53, nv["databasePort"], 443] + nv["extraPorts"]]}])]
              if nv["enabled"] else []), f"{path}: the NetworkPolicy is not the configured one")
        cron, cj = kinds["CronJob"][0], v["cronJob"]
        s, js = cron["spec"], cron["spec"]["jobTemplate"]["spec"]
        want([cron["metadata"]["name"], s["schedule"], s["timeZone"], s["concurrencyPolicy"], s.get("suspend")]
             + [s[k] for k in ("startingDeadlineSeconds", "successfulJobsHistoryLimit", "failedJobsHistoryLimit")]
             + [js[k] for k in ("backoffLimit", "activeDeadlineSeconds", "ttlSecondsAfterFinished")] + [js["template"]["spec"]["containers"][0]["args"]]
             == [fullname, v["schedule"], v["timeZone"], "Forbid", v["suspend"] or None] + [cj[k] for k in (
                 "startingDeadlineSeconds", "successfulJobsHistoryLimit", "failedJobsHistoryLimit", "backoffLimit",
                 "activeDeadlineSeconds", "ttlSecondsAfterFinished")] + [["run"]], f"{path}: the CronJob's fields are not the configured ones")
        want(all(s["jobTemplate"]["metadata"]["labels"].get(k) for k in LABELS), f"{path}: a standard label is missing on the jobTemplate")
        pod(f"{path}: CronJob", js["template"], v, release, uid, fullname, hook=False)
        want("POSTHOG_API_KEY" in env_of(js["template"]["spec"]["containers"][0]), f"{path}: the CronJob has no POSTHOG_API_KEY")
        hooks = [j for j in kinds.get("Job", []) if "helm.sh/hook" in j["metadata"].get("annotations", {})]
        plain = [j for j in kinds.get("Job", []) if j not in hooks]
        want([j["metadata"]["name"] for j in plain] == [f"{fullname}-dry-run"] * v["dryRun"], f"{path}: a dry-run Job exactly when dryRun is set")
        for job in plain:
            expected = copy.deepcopy(js["template"])
            c = expected["spec"]["containers"][0]
            c["args"], c["env"] = ["run", "--dry-run"], [e for e in c["env"] if e["name"] != "POSTHOG_API_KEY"]
            want(job["spec"]["template"] == expected, f"{path}: the dry-run pod is not the CronJob's but for --dry-run and the API key")
        h, got = v["hooks"], set()
        for job in hooks:
            ann, spec, where = job["metadata"]["annotations"], job["spec"], f"{path}: hook {job['metadata']['name']}"
            args = spec["template"]["spec"]["containers"][0]["args"]
            key = next((k for k, (event, _) in HOOKS.items() if args == ["event", event, "--never-fail", "--timeout", str(h["timeoutSeconds"])]), None)
            want(key and key not in got, f"{where}: args {args} are not `event NAME --never-fail --timeout {h['timeoutSeconds']}`")
            if key:
                got.add(key)
                want([ann["helm.sh/hook"], ann["helm.sh/hook-weight"], ann["helm.sh/hook-delete-policy"], spec["backoffLimit"],
                      spec["activeDeadlineSeconds"]] == [HOOKS[key][1], str(h[key]["weight"]), "before-hook-creation,hook-succeeded", 0,
                                                         h["activeDeadlineSeconds"]], f"{where}: annotations, backoffLimit or deadline")
                pod(where, spec["template"], v, release, uid, fullname, hook=True)
        want(got == {k for k in HOOKS if h["enabled"] and h[k]["enabled"] and not v["optOut"] and not v["airGap"]},
             f"{path}: hooks {sorted(got)} are not the enabled ones")


def schema():
    def walk(node, path):
        if isinstance(node, dict):
            # An "if" only tests a condition; it describes no object of its own.
            want("properties" not in node or node.get("additionalProperties") is False or path.endswith(".if"),
                 f"values.schema.json: {path or '(root)'} does not set additionalProperties: false")
            for k, x in node.items():
                walk(x, f"{path}.{k}")
        for i, x in enumerate(node if isinstance(node, list) else []):
            walk(x, f"{path}[{i}]")
    s = json.load(open(f"{CHART}/values.schema.json"))
    want(s.get("$schema") == "http://json-schema.org/draft-07/schema#", "values.schema.json: $schema is not draft-07")
    walk(s, "")
    lines = [x for x in open(f"{CHART}/values.yaml") if x.strip()]
    for previous, line in zip([""] + lines, lines):
        want(not re.match(r"^\s*[A-Za-z][A-Za-z0-9]*:", line) or previous.lstrip().startswith("#"), f"values.yaml: {line.strip()}: no comment above it")


def kustomization(not_listed):
    k = yaml.safe_load(open("deploy/kustomization.yaml"))
    res, files = k.get("resources") or [], {f for f in os.listdir("deploy") if f.endswith(".yaml")} - {"kustomization.yaml"}
    want((k.get("apiVersion"), k.get("kind"), k.get("namespace")) == ("kustomize.config.k8s.io/v1beta1", "Kustomization", "devtroncd"),
         "kustomization.yaml: not a Kustomization for namespace devtroncd")
    want(res and sorted(set(res)) == sorted(res) and files == set(res) | set(not_listed) and not set(res) & set(not_listed),
         f"deploy/: {sorted(files)} are not the resources {res} and the hand-applied {not_listed}, each once")
    for name in sorted(files):
        for d in filter(None, yaml.safe_load_all(open(f"deploy/{name}"))):
            want(d["kind"] != "Namespace" and d["metadata"].get("namespace") == "devtroncd" and d["metadata"]["labels"].get(
                "app.kubernetes.io/name") == "devtron-telemetry", f"deploy/{name}: a Namespace, or not in devtroncd, or unlabelled")


{"renders": lambda: renders(sys.argv[2], sys.argv[3:]), "schema": schema, "kustomization": lambda: kustomization(sys.argv[2:])}[sys.argv[1]]()
sys.exit(1 if problems else 0)
