{{/* The chart name, or nameOverride: the app.kubernetes.io/name label. */}}
{{- define "devtron-telemetry.name" -}}
{{- default .Chart.Name .Values.nameOverride | trunc 52 | trimSuffix "-" }}
{{- end }}

{{/*
The name of every object. At most 52 characters: the CronJob controller appends 11 to name its
Jobs, and a Job name is at most 63.
*/}}
{{- define "devtron-telemetry.fullname" -}}
{{- if .Values.fullnameOverride }}
{{- .Values.fullnameOverride | trunc 52 | trimSuffix "-" }}
{{- else }}
{{- $name := default .Chart.Name .Values.nameOverride }}
{{- if contains $name .Release.Name }}
{{- .Release.Name | trunc 52 | trimSuffix "-" }}
{{- else }}
{{- printf "%s-%s" .Release.Name $name | trunc 52 | trimSuffix "-" }}
{{- end }}
{{- end }}
{{- end }}

{{/* name-version, the helm.sh/chart label. */}}
{{- define "devtron-telemetry.chart" -}}
{{- printf "%s-%s" .Chart.Name .Chart.Version | replace "+" "_" | trunc 63 | trimSuffix "-" }}
{{- end }}

{{/* The labels that identify this release's objects (pod selectors would use these). */}}
{{- define "devtron-telemetry.selectorLabels" -}}
app.kubernetes.io/name: {{ include "devtron-telemetry.name" . }}
app.kubernetes.io/instance: {{ .Release.Name }}
{{- end }}

{{/* The standard labels of every object and pod. */}}
{{- define "devtron-telemetry.labels" -}}
helm.sh/chart: {{ include "devtron-telemetry.chart" . }}
{{ include "devtron-telemetry.selectorLabels" . }}
app.kubernetes.io/version: {{ .Chart.AppVersion | quote }}
app.kubernetes.io/component: telemetry
app.kubernetes.io/part-of: devtron
app.kubernetes.io/managed-by: {{ .Release.Service }}
{{- end }}

{{/* The image: repository@digest when image.digest is set, else its tag (default: appVersion). */}}
{{- define "devtron-telemetry.image" -}}
{{- if .Values.image.digest }}
{{- printf "%s@%s" .Values.image.repository .Values.image.digest }}
{{- else }}
{{- printf "%s:%s" .Values.image.repository (default .Chart.AppVersion .Values.image.tag) }}
{{- end }}
{{- end }}

{{/*
The checkov findings this object accepts, each with its reason (scripts/check-deploy runs checkov
on the renders; a reason holds no "="). Called with a dict: root, token (the pod mounts its
service-account token) and secretEnv (a Secret's key enters as an environment variable).
*/}}
{{- define "devtron-telemetry.checkovSkips" -}}
{{- $v := .root.Values -}}
{{- if not $v.image.digest }}
checkov.io/skip1: CKV_K8S_43=image.digest unset; the tag is fixed (appVersion by default)
{{- end }}
{{- if ne $v.image.pullPolicy "Always" }}
checkov.io/skip2: CKV_K8S_15=a fixed tag or a digest needs no pull at every run
{{- end }}
{{- if .secretEnv }}
checkov.io/skip3: CKV_K8S_35=the job reads POSTHOG_API_KEY and PG_USER from its environment only
{{- end }}
{{- if .token }}
checkov.io/skip4: CKV_K8S_38=the token authenticates GET /version, the account's only call
{{- end }}
{{- if not $v.networkPolicy.enabled }}
checkov.io/skip5: CKV2_K8S_6=the NetworkPolicy is opt-in (networkPolicy.enabled)
{{- end }}
{{- end }}

{{/* The name of the Secret holding the PostHog API key. */}}
{{- define "devtron-telemetry.posthogSecret" -}}
{{- default (include "devtron-telemetry.fullname" .) .Values.posthog.existingSecret }}
{{- end }}

{{/*
The database settings, read the way the orchestrator reads them. Called with the root context.
*/}}
{{- define "devtron-telemetry.databaseEnv" -}}
{{- $cm := .Values.database.configMap -}}
{{- $role := .Values.database.role -}}
# The database settings are read the way the orchestrator reads them: from
# its ConfigMap and, one key only, its Secret (or, with database.role, from
# a least-privilege role's own Secret), whose password reaches libpq as the
# passfile below. Keys marked optional fall back to the job's defaults
# (PG_DATABASE=orchestrator, libpq's port 5432 and user) when the ConfigMap
# does not have them.
- name: PG_ADDR
  valueFrom:
    configMapKeyRef:
      name: {{ $cm.name }}
      key: {{ $cm.addressKey }}
- name: PG_PORT
  valueFrom:
    configMapKeyRef:
      name: {{ $cm.name }}
      key: {{ $cm.portKey }}
      optional: true
{{- if $role.existingSecret }}
# The least-privilege role (`devtron-telemetry grants`): it may read the
# columns the metrics read and nothing else. The orchestrator's own
# credentials do not enter the pod.
- name: PG_USER
  valueFrom:
    secretKeyRef:
      name: {{ $role.existingSecret }}
      key: {{ $role.usernameKey }}
{{- else }}
- name: PG_USER
  valueFrom:
    configMapKeyRef:
      name: {{ $cm.name }}
      key: {{ $cm.userKey }}
      optional: true
{{- end }}
- name: PG_DATABASE
  valueFrom:
    configMapKeyRef:
      name: {{ $cm.name }}
      key: {{ $cm.databaseKey }}
      optional: true
- name: PG_READ_TIMEOUT
  valueFrom:
    configMapKeyRef:
      name: {{ $cm.name }}
      key: {{ $cm.readTimeoutKey }}
      optional: true
# No PG_PASSWORD: libpq reads the password from this file, written by the
# container's command from the Secret's key.
- name: PGPASSFILE
  value: /run/pgpass/pgpass
{{- end }}

{{/*
The PostHog API key, from an optional Secret reference: without the Secret the pod still starts and
the job fetches the key and endpoint from Devtron's telemetry service.
*/}}
{{- define "devtron-telemetry.apiKeyEnv" -}}
# The PostHog project API key, if a Secret holds one. optional: without it
# the pod still starts, and the job fetches the key and the endpoint from
# Devtron's telemetry service.
- name: POSTHOG_API_KEY
  valueFrom:
    secretKeyRef:
      name: {{ include "devtron-telemetry.posthogSecret" . }}
      key: {{ .Values.posthog.apiKeyKey }}
      optional: true
{{- end }}

{{/*
The installation's identity and the job's settings, shared by every pod. Called with a dict: root
(the root context) and ucidOptional (the hooks': the ConfigMap may not exist yet).
*/}}
{{- define "devtron-telemetry.commonEnv" -}}
{{- $v := .root.Values -}}
{{- if .ucidOptional }}
# The installation's id. optional: on a first install the orchestrator has
# not created its ConfigMap yet; the event then fails its configuration (no
# UCID), which --never-fail turns into a logged line and exit 0.
{{- else }}
# The installation's id, created by the orchestrator. Until it exists the
# pod waits in CreateContainerConfigError and the Job ends at its deadline.
{{- end }}
- name: UCID
  valueFrom:
    configMapKeyRef:
      name: {{ $v.ucid.configMap }}
      key: {{ $v.ucid.key }}
{{- if .ucidOptional }}
      optional: true
{{- end }}
- name: SUMMARY_LAYOUT
  value: {{ $v.layout | quote }}
- name: DEVTRON_MODE
  value: {{ $v.devtronMode | quote }}
{{- with $v.devtronReleaseVersion }}
- name: DEVTRON_RELEASE_VERSION
  value: {{ . | quote }}
{{- end }}
{{- with $v.devtronVersion }}
- name: DEVTRON_VERSION
  value: {{ . | quote }}
{{- end }}
{{- with $v.telemetryService.url }}
- name: DEVTRON_TELEMETRY_URL
  value: {{ . | quote }}
{{- end }}
{{- with $v.posthog.host }}
- name: POSTHOG_HOST
  value: {{ . | quote }}
{{- end }}
{{- if $v.optOut }}
- name: TELEMETRY_DISABLED
  value: "true"
{{- end }}
{{- if $v.airGap }}
- name: IS_AIR_GAP_ENVIRONMENT
  value: "true"
{{- end }}
{{- if not $v.geoip }}
- name: TELEMETRY_GEOIP
  value: "false"
{{- end }}
{{- with $v.extraEnv }}
{{ toYaml . }}
{{- end }}
{{- end }}

{{/*
The security contexts, written field by field (the schema admits only these fields, and fixes the
hardening ones): non-root, read-only root, no privilege escalation, no capability, seccomp.
*/}}
{{- define "devtron-telemetry.seccomp" -}}
seccompProfile:
  type: {{ .type }}
  {{- with .localhostProfile }}
  localhostProfile: {{ . | quote }}
  {{- end }}
{{- end }}

{{- define "devtron-telemetry.podSecurityContext" -}}
{{- $sc := .Values.podSecurityContext -}}
runAsNonRoot: {{ $sc.runAsNonRoot }}
runAsUser: {{ $sc.runAsUser }}
runAsGroup: {{ $sc.runAsGroup }}
{{- if hasKey $sc "fsGroup" }}
fsGroup: {{ $sc.fsGroup }}
{{- end }}
{{ include "devtron-telemetry.seccomp" $sc.seccompProfile }}
{{- end }}

{{- define "devtron-telemetry.containerSecurityContext" -}}
{{- $sc := .Values.containerSecurityContext -}}
runAsNonRoot: {{ $sc.runAsNonRoot }}
runAsUser: {{ $sc.runAsUser }}
runAsGroup: {{ $sc.runAsGroup }}
readOnlyRootFilesystem: {{ $sc.readOnlyRootFilesystem }}
allowPrivilegeEscalation: {{ $sc.allowPrivilegeEscalation }}
privileged: {{ $sc.privileged }}
capabilities:
  drop: {{ toJson $sc.capabilities.drop }}
{{ include "devtron-telemetry.seccomp" $sc.seccompProfile }}
{{- end }}

{{/* Scheduling and pull secrets, shared by every pod. */}}
{{- define "devtron-telemetry.podPlacement" -}}
{{- with .Values.image.pullSecrets }}
imagePullSecrets:
{{- range . }}
  - name: {{ . }}
{{- end }}
{{- end }}
{{- with .Values.nodeSelector }}
nodeSelector:
  {{- toYaml . | nindent 2 }}
{{- end }}
{{- with .Values.tolerations }}
tolerations:
  {{- toYaml . | nindent 2 }}
{{- end }}
{{- with .Values.affinity }}
affinity:
  {{- toYaml . | nindent 2 }}
{{- end }}
{{- end }}

{{/*
The pod of the daily run and of the dry-run Job: the same but for the arguments and the API key.
Called with a dict: root, args (a list), apiKey (whether POSTHOG_API_KEY is set).
*/}}
{{- define "devtron-telemetry.runPod" -}}
{{- $root := .root -}}
{{- $v := .root.Values -}}
metadata:
  labels:
    {{- include "devtron-telemetry.labels" $root | nindent 4 }}
  {{- with $v.podAnnotations }}
  annotations:
    {{- toYaml . | nindent 4 }}
  {{- end }}
spec:
  serviceAccountName: {{ include "devtron-telemetry.fullname" $root }}
  # The token authenticates the one API call the job makes, GET /version for the cluster's
  # version (see the ServiceAccount); the account has no other permission.
  automountServiceAccountToken: true
  # Keeps the environment to what is listed below instead of one set of variables for every
  # Service in the namespace.
  enableServiceLinks: false
  restartPolicy: Never
  securityContext:
    {{- include "devtron-telemetry.podSecurityContext" $root | trim | nindent 4 }}
  {{- $placement := include "devtron-telemetry.podPlacement" $root | trim }}
  {{- if $placement }}
  {{- $placement | nindent 2 }}
  {{- end }}
  containers:
    - name: devtron-telemetry
      image: {{ include "devtron-telemetry.image" $root }}
      imagePullPolicy: {{ $v.image.pullPolicy }}
      # The database password reaches libpq as a passfile, not as an environment variable: this
      # step writes the Secret's one key as the line "*:*:*:*:PASSWORD" (":" and "\" escaped, as
      # libpq's format wants) with mode 0600, which libpq requires, into a memory-backed volume,
      # then starts the job (the image's /bin/sh and sed). A Secret volume cannot be the passfile
      # itself: its files belong to root, and a mode that lets this user read them has group or
      # world bits, which make libpq ignore the file.
      command:
        - /bin/sh
        - -c
        - >-
          umask 077; sed 's/[\\:]/\\&/g; s/^/*:*:*:*:/' /run/secret/password >/run/pgpass/pgpass
          && exec /usr/local/bin/devtron-telemetry "$@"
        - devtron-telemetry
      args: [{{ range $i, $a := .args }}{{ if $i }}, {{ end }}{{ $a | quote }}{{ end }}]
      env:
        {{- include "devtron-telemetry.databaseEnv" $root | trim | nindent 8 }}
        {{- include "devtron-telemetry.commonEnv" (dict "root" $root "ucidOptional" false) | trim | nindent 8 }}
        {{- if .apiKey }}
        {{- include "devtron-telemetry.apiKeyEnv" $root | trim | nindent 8 }}
        {{- end }}
      volumeMounts:
        - name: database-password
          mountPath: /run/secret
          readOnly: true
        - name: passfile
          mountPath: /run/pgpass
      securityContext:
        {{- include "devtron-telemetry.containerSecurityContext" $root | trim | nindent 8 }}
      resources:
        {{- toYaml $v.resources | nindent 8 }}
  volumes:
    # One key of the orchestrator's Secret (or of the role's), nothing else of it; mode 0444, as
    # the files belong to root.
    - name: database-password
      secret:
        secretName: {{ $v.database.role.existingSecret | default $v.database.secret.name }}
        items:
          - key: {{ ternary $v.database.role.passwordKey $v.database.secret.passwordKey (not (empty $v.database.role.existingSecret)) }}
            path: password
        defaultMode: 292
    - name: passfile
      emptyDir:
        medium: Memory
        sizeLimit: 1Mi
{{- end }}
