/// Every setting of the job, in the order docs/configuration.md lists them. Each is read where the
/// step that needs it resolves its part (database, delivery, layout, …), always through its record.
package enum Settings {
    // MARK: The database
    package static let databaseURL = Setting(
        flag: "database-url", variables: ["DATABASE_URL"], .secret,
        help: "libpq conninfo string (host=… dbname=…) or postgres:// URI, parsed by libpq; wins over the PG_* variables.")
    package static let pgAddr = Setting(variables: ["PG_ADDR"], help: "The orchestrator's database host, used when no database URL is given.")
    package static let pgPort = Setting(variables: ["PG_PORT"], parse: .integer(1...65535), help: "Its port (1-65535).")
    package static let pgUser = Setting(variables: ["PG_USER"], help: "Its user.")
    package static let pgPassword = Setting(variables: ["PG_PASSWORD"], .secret, help: "Its password.")
    package static let pgDatabase = Setting(variables: ["PG_DATABASE"], default: "orchestrator", help: "Its database name.")
    package static let pgSSLMode = Setting(
        variables: ["PG_SSL_MODE"], defaultNote: "disable, or PGSSLMODE",
        help: "libpq's sslmode with the PG_* variables. Without it (and without PGSSLMODE) the job connects without TLS, as the orchestrator does; a database URL keeps libpq's default (prefer).")
    package static let pgSSLRootCert = Setting(variables: ["PG_SSL_ROOT_CERT"], help: "libpq's sslrootcert with the PG_* variables.")
    package static let libpqPassword = Setting(variables: ["PGPASSWORD"], .secret, help: "libpq's own password variable, read by libpq; masked like the others.")
    package static let libpqSSLMode = Setting(variables: ["PGSSLMODE"], help: "libpq's own sslmode variable; with the PG_* variables, it replaces the job's default of disable.")
    package static let libpqGSSEncMode = Setting(
        variables: ["PGGSSENCMODE"], defaultNote: "disable",
        help: "libpq's GSSAPI-encryption probe is off unless this or gssencmode in the URL asks for it (GSSAPI authentication is unaffected).")
    package static let statementTimeout = Setting(
        flag: "statement-timeout", variables: ["PG_READ_TIMEOUT"], default: "30", parse: .seconds,
        help: "Per-statement limit on the server, in seconds (decimals allowed).")
    package static let connectTimeout = Setting(
        flag: "connect-timeout", default: "10", parse: .seconds,
        help: "Connection timeout in seconds (libpq counts whole seconds, at least 2).")

    // MARK: Who sends
    package static let ucid = Setting(
        flag: "ucid", variables: ["UCID"], defaultNote: "none: required by run and event",
        help: "The installation's client id (Devtron keeps it in ConfigMap devtron-ucid, key UCID).")
    package static let serverVersion = Setting(
        flag: "server-version", variables: ["SERVER_VERSION"], defaultNote: "discovered",
        help: "Kubernetes version to report; by default asked of the API server in a pod, else \"unknown\".")
    package static let devtronVersion = Setting(flag: "devtron-version", variables: ["DEVTRON_VERSION"], default: "v1", help: "Devtron version to report.")
    package static let layout = Setting(
        flag: "layout", variables: ["SUMMARY_LAYOUT"], default: "seed", parse: .choice(["seed", "orchestrator"]),
        help: "Summary layout: seed (the nested seven counts) or orchestrator (the orchestrator's flat properties).")
    package static let devtronMode = Setting(
        flag: "devtron-mode", variables: ["DEVTRON_MODE"], default: "FULL", parse: .choice(["FULL", "EA_ONLY"]),
        help: "Devtron's mode, FULL or EA_ONLY, sent in the orchestrator layout.")
    package static let devtronReleaseVersion = Setting(
        flag: "devtron-release-version", variables: ["DEVTRON_RELEASE_VERSION"],
        help: "The installed Devtron release, sent in the orchestrator layout; left out when unset.")

    // MARK: Where to
    package static let posthogHost = Setting(
        flag: "posthog-host", variables: ["POSTHOG_HOST"], default: "https://us.i.posthog.com", .url, parse: .url,
        help: "PostHog base URL: a host name or IP literal, an optional port and path; no user, query or fragment. A configured host wins over the endpoint Devtron's telemetry service names.")
    package static let posthogAPIKey = Setting(
        flag: "posthog-api-key", variables: ["POSTHOG_API_KEY"], .secret,
        help: "PostHog project API key, trimmed (prefer the variable: flags show in the process list). Without one, key and endpoint come from Devtron's telemetry service; a dry run needs none.")
    package static let telemetryService = Setting(
        flag: "telemetry-service", variables: ["DEVTRON_TELEMETRY_URL"], default: "https://telemetry.devtron.ai", .url, parse: .url,
        help: "Devtron's telemetry service, asked for the PostHog key, the endpoint and the opt-out when no API key is given (never on a dry run).")
    package static let maxAttempts = Setting(flag: "max-attempts", default: "5", parse: .integer(1...100), help: "Delivery attempts in all.")
    package static let timeout = Setting(
        flag: "timeout", default: "120", parse: .seconds,
        help: "Seconds every network step of a command shares: Devtron's telemetry service, the Kubernetes version (at most half of what is left, and 5 s) and delivery with its waits.")
    package static let dryRun = Setting(flag: "dry-run", parse: .presence, help: "Print the request body (API key REDACTED) on stdout instead of sending it.")
    package static let httpsProxy = Setting(
        variables: ["HTTPS_PROXY", "https_proxy"], .url, parse: .url,
        help: "Proxy for https targets: [http://][user:password@]host[:port]; an https:// proxy is refused.")
    package static let httpProxy = Setting(variables: ["HTTP_PROXY", "http_proxy"], .url, parse: .url, help: "Proxy for http targets, as HTTPS_PROXY.")
    package static let noProxy = Setting(
        variables: ["NO_PROXY", "no_proxy"],
        help: "Hosts reached directly: names (and their subdomains), IP addresses, IPv4 CIDR blocks, host:port entries, or *.")
    package static let sslCertFile = Setting(variables: ["SSL_CERT_FILE"], help: "A PEM file of the CAs to trust instead of the system's (e.g. behind a TLS-inspecting proxy).")
    package static let sslCertDir = Setting(variables: ["SSL_CERT_DIR"], help: "A directory of CAs hashed by openssl rehash, trusted instead of the system's.")

    // MARK: Whether at all
    package static let telemetryDisabled = Setting(variables: ["TELEMETRY_DISABLED"], parse: .onOff, help: "true: opt out (nothing read, nothing sent, exit 0).")
    package static let doNotTrack = Setting(variables: ["DO_NOT_TRACK"], parse: .onOff, help: "1: opt out, as TELEMETRY_DISABLED.")
    package static let airGap = Setting(
        variables: ["IS_AIR_GAP_ENVIRONMENT"], parse: .onOff,
        help: "true: opt out; the orchestrator's switch for an installation without internet access.")
    package static let geoIP = Setting(
        variables: ["TELEMETRY_GEOIP"], defaultNote: "on", parse: .onOff,
        help: "false adds \"$geoip_disable\": true to every event, so PostHog derives no location from the sender's address.")

    // MARK: In a pod
    package static let kubernetesHost = Setting(variables: ["KUBERNETES_SERVICE_HOST"], help: "Set by Kubernetes in a pod: the API server asked for the version.")
    package static let kubernetesPort = Setting(variables: ["KUBERNETES_SERVICE_PORT"], default: "443", help: "Its port.")
    package static let serviceAccountDirectory = Setting(
        variables: ["KUBERNETES_SERVICE_ACCOUNT_DIR"], default: "/var/run/secrets/kubernetes.io/serviceaccount",
        help: "The pod's token, CA and namespace.")

    // MARK: Logs
    package static let logFormat = Setting(flag: "log-format", default: "text", parse: .choice(["text", "json"]), help: "Log line format on stderr: text (key=value) or json.")
    package static let verbose = Setting(flag: "verbose", parse: .presence, help: "Also log debug records.")

    /// Every setting, in the docs' order.
    package static let all: [Setting] = [
        databaseURL, pgAddr, pgPort, pgUser, pgPassword, pgDatabase, pgSSLMode, pgSSLRootCert, libpqPassword, libpqSSLMode,
        libpqGSSEncMode, statementTimeout, connectTimeout,
        ucid, serverVersion, devtronVersion, layout, devtronMode, devtronReleaseVersion,
        posthogHost, posthogAPIKey, telemetryService, maxAttempts, timeout, dryRun, httpsProxy, httpProxy, noProxy, sslCertFile, sslCertDir,
        telemetryDisabled, doNotTrack, airGap, geoIP,
        kubernetesHost, kubernetesPort, serviceAccountDirectory,
        logFormat, verbose,
    ]

    /// The flags whose whole value is a secret, with their dashes.
    package static var secretFlags: [String] { all.filter { $0.sensitivity == .secret }.compactMap(\.flagName) }
    /// The variables whose whole value is a secret.
    package static var secretVariables: [String] { all.filter { $0.sensitivity == .secret }.flatMap(\.variables) }
}
