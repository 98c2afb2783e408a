"""Policy checks on what `helm template` renders from charts/devtron-telemetry (scripts/check-deploy).

    python check_rendered.py RELEASE RENDER|VALUES...

Each argument names a rendered file and the values file it was rendered with (empty: the defaults).
What a render must hold is worked out from the chart's values.yaml and that file, not from the
render itself: every pod hardened (non-root, read-only root, no privilege escalation, ALL
capabilities dropped, RuntimeDefault or Localhost seccomp, requests and limits, no envFrom, the
configured UID, which with the default values must be the Dockerfile's USER), the standard labels
on every object and pod, the CronJob's timing fields and Forbid, the database credentials from the
orchestrator's Secret or the least-privilege role's, the optional PostHog Secret, the dry-run Job's
pod equal to the CronJob's but for --dry-run and the API key, and the four lifecycle hooks. Prints
each problem; exits 1 when there is one.
"""
import copy
import re
import sys

import yaml

CHART = "charts/devtron-telemetry"
HOOKS = {  # values key: (event, Helm hook)
    "installationStart": ("InstallationStart", "pre-install"),
    "installationSuccess": ("InstallationSuccess", "post-install"),
    "upgradeStart": ("UpgradeStart", "pre-upgrade"),
    "upgradeSuccess": ("UpgradeSuccess", "post-upgrade"),
}
STANDARD_LABELS = ["helm.sh/chart", "app.kubernetes.io/name", "app.kubernetes.io/instance",
                   "app.kubernetes.io/version", "app.kubernetes.io/component",
                   "app.kubernetes.io/part-of", "app.kubernetes.io/managed-by"]

problems = []


def problem(msg):
    problems.append(msg)
    print(f"  - {msg}")


def merge(base, over):
    out = copy.deepcopy(base)
    for k, v in (over or {}).items():
        out[k] = merge(out[k], v) if isinstance(v, dict) and isinstance(out.get(k), dict) else v
    return out


def env_map(container):
    return {e["name"]: e for e in container.get("env") or []}


def ref(env, name):
    """(kind, name, key, optional) of a variable taken from a ConfigMap or Secret, else None."""
    vf = (env.get(name) or {}).get("valueFrom") or {}
    for kind in ("configMapKeyRef", "secretKeyRef"):
        if kind in vf:
            r = vf[kind]
            return kind, r.get("name"), r.get("key"), bool(r.get("optional"))
    return None


def literal(env, name):
    return (env.get(name) or {}).get("value")


def check_labels(where, labels, values, release):
    labels = labels or {}
    for label in STANDARD_LABELS:
        if label not in labels:
            problem(f"{where}: label {label} is missing")
    want_name = values.get("nameOverride") or "devtron-telemetry"
    if labels.get("app.kubernetes.io/name") != want_name:
        problem(f"{where}: app.kubernetes.io/name is {labels.get('app.kubernetes.io/name')!r}, not {want_name!r}")
    if labels.get("app.kubernetes.io/instance") != release:
        problem(f"{where}: app.kubernetes.io/instance is not the release name {release!r}")


def check_pod(where, template, values, release, image_uid, fullname, hook):
    check_labels(f"{where} pod template", (template.get("metadata") or {}).get("labels"), values, release)
    spec = template["spec"]
    if spec.get("restartPolicy") != "Never":
        problem(f"{where}: restartPolicy is not Never")
    if hook:
        # A pre-install hook runs before the chart's ServiceAccount exists: none, and no token.
        if spec.get("serviceAccountName") not in (None, "default"):
            problem(f"{where}: a hook names ServiceAccount {spec.get('serviceAccountName')!r}, "
                    "which may not exist yet when it runs")
        if spec.get("automountServiceAccountToken") is not False:
            problem(f"{where}: a hook mounts a service-account token it does not need")
    else:
        if spec.get("serviceAccountName") != fullname:
            problem(f"{where}: serviceAccountName is not {fullname}")
        if spec.get("automountServiceAccountToken") is not True:
            problem(f"{where}: the service-account token is needed for GET /version")
    psc = spec.get("securityContext") or {}
    want_uid = values["podSecurityContext"]["runAsUser"]
    if psc.get("runAsNonRoot") is not True:
        problem(f"{where}: pod securityContext.runAsNonRoot is not true")
    if (psc.get("seccompProfile") or {}).get("type") not in ("RuntimeDefault", "Localhost"):
        problem(f"{where}: pod seccompProfile is neither RuntimeDefault nor Localhost")
    if not psc.get("runAsUser") or psc.get("runAsUser") != want_uid:
        problem(f"{where}: pod runAsUser {psc.get('runAsUser')} is not the configured non-root {want_uid}")
    if image_uid is not None and psc.get("runAsUser") != image_uid:
        problem(f"{where}: pod runAsUser {psc.get('runAsUser')} is not the image's USER {image_uid}")
    containers = spec.get("containers", []) + spec.get("initContainers", [])
    if len(containers) != 1:
        problem(f"{where}: {len(containers)} containers, not 1")
    for c in containers:
        cw = f"{where}: container {c.get('name')}"
        sc = c.get("securityContext") or {}
        for field, want in [("runAsNonRoot", True), ("readOnlyRootFilesystem", True),
                            ("allowPrivilegeEscalation", False), ("privileged", False)]:
            if sc.get(field) is not want:
                problem(f"{cw}: securityContext.{field} is not {str(want).lower()}")
        if (sc.get("capabilities") or {}).get("drop") != ["ALL"]:
            problem(f"{cw}: capabilities do not drop ALL")
        if (sc.get("capabilities") or {}).get("add"):
            problem(f"{cw}: adds capabilities")
        if (sc.get("seccompProfile") or {}).get("type") not in ("RuntimeDefault", "Localhost"):
            problem(f"{cw}: seccompProfile is neither RuntimeDefault nor Localhost")
        for field in ("runAsUser", "runAsGroup"):
            if sc.get(field) != psc.get(field):
                problem(f"{cw}: {field} differs from the pod's")
        res = c.get("resources") or {}
        for part in ("requests", "limits"):
            for r in ("cpu", "memory"):
                if r not in (res.get(part) or {}):
                    problem(f"{cw}: resources.{part}.{r} is missing")
        image = c.get("image", "")
        if ":" not in image.rsplit("/", 1)[-1] or image.endswith(":latest"):
            problem(f"{cw}: image {image!r} has no fixed tag")
        if c.get("envFrom"):
            problem(f"{cw}: envFrom would bring every key of a ConfigMap or Secret into the pod")
        check_env(cw, env_map(c), values, hook)


def check_env(where, env, values, hook):
    # Settings from the values.
    want = {"SUMMARY_LAYOUT": values["layout"], "DEVTRON_MODE": values["devtronMode"],
            "DEVTRON_RELEASE_VERSION": values["devtronReleaseVersion"] or None,
            "DEVTRON_VERSION": values["devtronVersion"] or None,
            "DEVTRON_TELEMETRY_URL": values["telemetryService"]["url"] or None,
            "POSTHOG_HOST": values["posthog"]["host"] or None,
            "TELEMETRY_DISABLED": "true" if values["optOut"] else None,
            "IS_AIR_GAP_ENVIRONMENT": "true" if values["airGap"] else None,
            "TELEMETRY_GEOIP": None if values["geoip"] else "false"}
    for name, value in want.items():
        if value is None and name in env:
            problem(f"{where}: {name} is set though its value is empty or off")
        elif value is not None and literal(env, name) != value:
            problem(f"{where}: {name} is {literal(env, name)!r}, not {value!r}")
    ucid = ref(env, "UCID")
    if ucid is None or ucid[:3] != ("configMapKeyRef", values["ucid"]["configMap"], values["ucid"]["key"]):
        problem(f"{where}: UCID does not come from ConfigMap {values['ucid']['configMap']}")
    elif ucid[3] != hook:
        problem(f"{where}: UCID's reference is {'' if ucid[3] else 'not '}optional; "
                f"it must be optional in a hook only (the ConfigMap may not exist on a first install)")
    for e in values["extraEnv"]:
        if env.get(e["name"]) != e:
            problem(f"{where}: extraEnv {e['name']} is missing or changed")
    key = ref(env, "POSTHOG_API_KEY")
    if key is not None and (key[0] != "secretKeyRef" or not key[3]):
        problem(f"{where}: POSTHOG_API_KEY is not an optional Secret reference (the job must run without it)")
    if hook:
        if key is None:
            problem(f"{where}: POSTHOG_API_KEY is missing")
        extra = {e["name"] for e in values["extraEnv"]}
        for name in env:
            if name.startswith("PG_") and name not in extra:
                problem(f"{where}: a hook reads no database, yet {name} is set")
        return
    db = values["database"]
    cm = db["configMap"]
    if ref(env, "PG_ADDR") != ("configMapKeyRef", cm["name"], cm["addressKey"], False):
        problem(f"{where}: PG_ADDR is not the required key {cm['addressKey']} of ConfigMap {cm['name']}")
    for name, k in [("PG_PORT", "portKey"), ("PG_DATABASE", "databaseKey"), ("PG_READ_TIMEOUT", "readTimeoutKey")]:
        if ref(env, name) != ("configMapKeyRef", cm["name"], cm[k], True):
            problem(f"{where}: {name} is not the optional key {cm[k]} of ConfigMap {cm['name']}")
    role = db["role"]
    if role["existingSecret"]:
        if ref(env, "PG_USER") != ("secretKeyRef", role["existingSecret"], role["usernameKey"], False):
            problem(f"{where}: PG_USER does not come from the role's Secret {role['existingSecret']}")
        if ref(env, "PG_PASSWORD") != ("secretKeyRef", role["existingSecret"], role["passwordKey"], False):
            problem(f"{where}: PG_PASSWORD does not come from the role's Secret {role['existingSecret']}")
        if any((ref(env, n) or (None, None))[1] == db["secret"]["name"] for n in env):
            problem(f"{where}: the orchestrator's Secret is read although a role is configured")
    else:
        if ref(env, "PG_USER") != ("configMapKeyRef", cm["name"], cm["userKey"], True):
            problem(f"{where}: PG_USER is not the optional key {cm['userKey']} of ConfigMap {cm['name']}")
        if ref(env, "PG_PASSWORD") != ("secretKeyRef", db["secret"]["name"], db["secret"]["passwordKey"], False):
            problem(f"{where}: PG_PASSWORD is not key {db['secret']['passwordKey']} of Secret {db['secret']['name']}")


def check_render(path, values_file, release, defaults, dockerfile_uid):
    overrides = yaml.safe_load(open(values_file)) if values_file else {}
    values = merge(defaults, overrides)
    name = values.get("nameOverride") or "devtron-telemetry"
    fullname = values.get("fullnameOverride") or (release if name in release else f"{release}-{name}")
    image_uid = None if overrides and "podSecurityContext" in overrides else dockerfile_uid
    docs = [d for d in yaml.safe_load_all(open(path)) if d]
    print(f"{path} ({values_file or 'default values'}): {len(docs)} objects")

    by_kind = {}
    for d in docs:
        meta = d.get("metadata") or {}
        where = f"{path}: {d.get('kind')}/{meta.get('name')}"
        check_labels(where, meta.get("labels"), values, release)
        if meta.get("namespace") != "devtroncd":
            problem(f"{where}: metadata.namespace is not devtroncd")
        if d.get("kind") == "Namespace":
            problem(f"{where}: the namespace belongs to Devtron")
        by_kind.setdefault(d.get("kind"), []).append(d)

    sas = by_kind.get("ServiceAccount", [])
    if [s["metadata"]["name"] for s in sas] != [fullname]:
        problem(f"{path}: not exactly one ServiceAccount {fullname}")
    elif sas[0].get("automountServiceAccountToken") is not True:
        problem(f"{path}: the ServiceAccount does not mount its token (needed for GET /version)")
    crons = by_kind.get("CronJob", [])
    if len(crons) != 1:
        problem(f"{path}: {len(crons)} CronJobs, not 1")
        return
    cron = crons[0]
    s = cron["spec"]
    cj = values["cronJob"]
    if cron["metadata"]["name"] != fullname:
        problem(f"{path}: the CronJob is not named {fullname}")
    if s.get("schedule") != values["schedule"] or s.get("timeZone") != values["timeZone"]:
        problem(f"{path}: CronJob schedule/timeZone is not the configured one")
    if s.get("concurrencyPolicy") != "Forbid":
        problem(f"{path}: CronJob concurrencyPolicy is not Forbid")
    if s.get("suspend", False) != values["suspend"] or ("suspend" in s) != values["suspend"]:
        problem(f"{path}: CronJob suspend is not rendered only when true")
    for field in ("startingDeadlineSeconds", "successfulJobsHistoryLimit", "failedJobsHistoryLimit"):
        if s.get(field) != cj[field]:
            problem(f"{path}: CronJob spec.{field} is {s.get(field)!r}, not {cj[field]!r}")
    js = s["jobTemplate"]["spec"]
    for field in ("backoffLimit", "activeDeadlineSeconds", "ttlSecondsAfterFinished"):
        if js.get(field) != cj[field]:
            problem(f"{path}: CronJob jobTemplate.spec.{field} is {js.get(field)!r}, not {cj[field]!r}")
    check_labels(f"{path}: CronJob jobTemplate", (s["jobTemplate"].get("metadata") or {}).get("labels"), values, release)
    cron_pod = js["template"]
    check_pod(f"{path}: CronJob", cron_pod, values, release, image_uid, fullname, hook=False)
    container = cron_pod["spec"]["containers"][0]
    if container.get("args") != ["run"]:
        problem(f"{path}: the CronJob's args are not [run]")
    if ref(env_map(container), "POSTHOG_API_KEY") is None:
        problem(f"{path}: the CronJob has no POSTHOG_API_KEY reference")

    jobs = by_kind.get("Job", [])
    hooks = [j for j in jobs if "helm.sh/hook" in ((j["metadata"].get("annotations")) or {})]
    plain = [j for j in jobs if j not in hooks]
    if values["dryRun"] != (len(plain) == 1) or len(plain) > 1:
        problem(f"{path}: {len(plain)} dry-run Jobs with dryRun={values['dryRun']}")
    for job in plain:
        if job["metadata"]["name"] != f"{fullname}-dry-run":
            problem(f"{path}: Job {job['metadata']['name']} is not the dry-run Job {fullname}-dry-run")
        check_pod(f"{path}: dry-run Job", job["spec"]["template"], values, release, image_uid, fullname, hook=False)
        expected = copy.deepcopy(cron_pod)
        c = expected["spec"]["containers"][0]
        c["args"] = ["run", "--dry-run"]
        c["env"] = [e for e in c.get("env", []) if e["name"] != "POSTHOG_API_KEY"]
        if job["spec"]["template"] != expected:
            problem(f"{path}: the dry-run Job's pod differs from the CronJob's in more than --dry-run "
                    "and POSTHOG_API_KEY")

    h = values["hooks"]
    want = {k: v for k, v in HOOKS.items()
            if h["enabled"] and h[k]["enabled"] and not values["optOut"] and not values["airGap"]}
    got = {}
    for job in hooks:
        ann = job["metadata"]["annotations"]
        where = f"{path}: hook Job {job['metadata']['name']}"
        c = job["spec"]["template"]["spec"]["containers"][0]
        args = c.get("args") or []
        if len(args) != 5 or args[0] != "event" or args[2:4] != ["--never-fail", "--timeout"]:
            problem(f"{where}: args {args} are not [event, NAME, --never-fail, --timeout, N]")
            continue
        key = next((k for k, (event, _) in HOOKS.items() if event == args[1]), None)
        if key is None or key in got:
            problem(f"{where}: unexpected or repeated event {args[1]}")
            continue
        got[key] = job
        if args[4] != str(h["timeoutSeconds"]) or not 1 <= int(args[4]) <= 60:
            problem(f"{where}: --timeout {args[4]} is not the configured short timeout {h['timeoutSeconds']}")
        if ann.get("helm.sh/hook") != HOOKS[key][1]:
            problem(f"{where}: helm.sh/hook is {ann.get('helm.sh/hook')!r}, not {HOOKS[key][1]}")
        if ann.get("helm.sh/hook-delete-policy") != "before-hook-creation,hook-succeeded":
            problem(f"{where}: helm.sh/hook-delete-policy is not before-hook-creation,hook-succeeded")
        if ann.get("helm.sh/hook-weight") != str(h[key]["weight"]):
            problem(f"{where}: helm.sh/hook-weight is {ann.get('helm.sh/hook-weight')!r}, not {h[key]['weight']}")
        spec = job["spec"]
        if spec.get("backoffLimit") != 0:
            problem(f"{where}: backoffLimit is not 0")
        if spec.get("activeDeadlineSeconds") != h["activeDeadlineSeconds"]:
            problem(f"{where}: activeDeadlineSeconds is not {h['activeDeadlineSeconds']}")
        if not re.fullmatch(r"v?\d+\.\d+\.\d+.*", literal(env_map(c), "SERVER_VERSION") or ""):
            problem(f"{where}: SERVER_VERSION is not the cluster's version from Helm")
        check_pod(where, spec["template"], values, release, image_uid, fullname, hook=True)
    if set(got) != set(want):
        problem(f"{path}: hooks {sorted(HOOKS[k][0] for k in got)}, want {sorted(HOOKS[k][0] for k in want)}")

    known = {"ServiceAccount", "CronJob", "Job"}
    for kind in set(by_kind) - known:
        problem(f"{path}: unexpected kind {kind}")


def main():
    release = sys.argv[1]
    defaults = yaml.safe_load(open(f"{CHART}/values.yaml"))
    users = re.findall(r"^USER\s+(\d+)(?::(\d+))?\s*$", open("Dockerfile").read(), re.M)
    dockerfile_uid = int(users[-1][0]) if users else None
    if not dockerfile_uid:
        problem("Dockerfile: the last USER is not a numeric non-root UID")
    if defaults["podSecurityContext"]["runAsUser"] != dockerfile_uid:
        problem("values.yaml: podSecurityContext.runAsUser is not the Dockerfile's USER")
    for arg in sys.argv[2:]:
        path, _, values_file = arg.partition("|")
        check_render(path, values_file, release, defaults, dockerfile_uid)
    sys.exit(1 if problems else 0)


main()
