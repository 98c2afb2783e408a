import ArgumentParser
import Logging
import TelemetryCore

/// How the job logs (README: "Exit codes", last paragraph).
struct LoggingOptions: ParsableArguments {
    @Option(name: .long, help: "Log line format on stderr: text (key=value) or json.")
    var logFormat: LineLogHandler.Format = .text

    @Flag(name: .long, help: "Also log debug records.")
    var verbose = false

    func makeLogger(secrets: [String]) -> Logger {
        let handler = LineLogHandler(format: logFormat, level: verbose ? .debug : .info, redactor: Redactor(secrets: secrets))
        return Logger(label: "devtron-telemetry") { _ in handler }
    }
}

extension LineLogHandler.Format: ExpressibleByArgument {}

/// Who is sending and where to (README: "Configuration").
struct SendOptions: ParsableArguments {
    @Option(name: .long, help: "The installation's client id (env UCID; Devtron keeps it in ConfigMap devtron-ucid).")
    var ucid: String?

    @Option(name: .long, help: "Kubernetes version to report (env SERVER_VERSION; default: asked of the API server in a pod, else \"unknown\").")
    var serverVersion: String?

    @Option(name: .long, help: "Devtron version to report (env DEVTRON_VERSION; default v1).")
    var devtronVersion: String?

    @Option(name: .long, help: "PostHog base URL (env POSTHOG_HOST; default \(DeliverySettings.defaultHost)).")
    var posthogHost: String?

    @Option(name: .long, help: "PostHog project API key (env POSTHOG_API_KEY, preferred: flags show in the process list). Without one, key and endpoint come from Devtron's telemetry service; a dry run needs none.")
    var posthogApiKey: String?

    @Option(name: .long, help: "Devtron's telemetry service, asked for the key, the endpoint and the opt-out when no API key is given (env DEVTRON_TELEMETRY_URL; default \(TelemetryService.defaultURL)).")
    var telemetryService: String?

    @Option(name: .long, help: "Delivery attempts in all (default 5).")
    var maxAttempts: Int?

    @Option(name: .long, help: "Overall delivery deadline in seconds, retries included (default 120).")
    var timeout: String?

    @Flag(name: .long, help: "Print the request body (API key REDACTED) on stdout instead of sending it.")
    var dryRun = false

    func resolve(_ environment: Environment) throws -> JobConfiguration {
        guard let ucid = ucid ?? environment["UCID"] else {
            throw TelemetryError.usage("no UCID: set UCID or --ucid (Devtron keeps it in ConfigMap devtron-ucid, key UCID)")
        }
        return try JobConfiguration(
            ucid: ucid,
            devtronVersion: devtronVersion ?? environment["DEVTRON_VERSION"] ?? "v1",
            serverVersion: serverVersion ?? environment["SERVER_VERSION"],
            dryRun: dryRun,
            delivery: DeliverySettings.resolve(
                host: posthogHost, apiKey: posthogApiKey, maxAttempts: maxAttempts, timeout: timeout, environment: environment
            ),
            environment: environment,
            telemetryService: try TelemetryService.resolve(flag: telemetryService, environment: environment),
            geoIPDisabled: try GeoIP.isDisabled(in: environment)
        )
    }
}

/// How to reach the orchestrator's database (README: "Configuration").
struct DatabaseOptions: ParsableArguments {
    @Option(name: .long, help: "libpq conninfo string or postgres:// URI (env DATABASE_URL; else the orchestrator's PG_ADDR, PG_PORT, PG_USER, PG_PASSWORD, PG_DATABASE, PG_SSL_MODE, PG_SSL_ROOT_CERT; else libpq's PG* defaults).")
    var databaseURL: String?

    @Option(name: .long, help: "Per-statement limit on the server, in seconds (env PG_READ_TIMEOUT; default 30).")
    var statementTimeout: String?

    @Option(name: .long, help: "Connection timeout in seconds (default 10).")
    var connectTimeout: String?

    func resolve(_ environment: Environment) throws -> DatabaseSettings {
        try DatabaseSettings.resolve(
            databaseURL: databaseURL, statementTimeout: statementTimeout, connectTimeout: connectTimeout, environment: environment
        )
    }
}

/// Fails the command with its exit code; what went wrong has already been logged.
struct CommandExit: Error {
    let status: ExitStatus
}

/// The secrets known before any configuration is resolved, so even a usage error is redacted:
/// the values of the secret settings, and the password of any URL in any variable (found by hand:
/// a URL that fails to parse is the very case whose error must stay masked; and without a list of
/// which variables hold URLs, so none can be forgotten).
func secretsInEnvironment(_ environment: Environment) -> [String] {
    SecretSetting.variables.compactMap { environment[$0] }
        + environment.variables.values.filter { $0.contains("://") || $0.contains("password") }.flatMap(URLText.passwords(in:))
}

/// Common path of `run` and `event`: opt-out first (nothing read, nothing sent), then configuration.
/// `prepare` resolves what the command needs beyond the common options and names its secrets.
func withJob<Prepared>(
    _ send: SendOptions, _ logging: LoggingOptions,
    prepare: (Environment) throws -> (Prepared, secrets: [String]),
    body: (JobConfiguration, Prepared, Logger) throws -> ExitStatus
) throws {
    let environment = Environment.process
    let known = secretsInEnvironment(environment) + Entry.secretArguments(Array(CommandLine.arguments.dropFirst()))
    if let variable = try OptOut.reason(in: environment) {
        logging.makeLogger(secrets: known).info(
            "telemetry disabled", metadata: ["by": "\(variable)", "database": "not read", "network": "not used"]
        )
        return
    }
    let (prepared, secrets) = try prepare(environment)
    let configuration = try send.resolve(environment)
    let logger = logging.makeLogger(secrets: known + secrets + configuration.delivery.secrets)
    let status = try body(configuration, prepared, logger)
    if status != .success { throw CommandExit(status: status) }
}

/// `--only summary|heartbeat`: the events themselves, named in lower case on the command line.
extension JobEvent: ExpressibleByArgument {
    public init?(argument: String) {
        guard let event = JobEvent.allCases.first(where: { $0.optionName == argument }) else { return nil }
        self = event
    }

    public var defaultValueDescription: String { optionName }
    public static var allValueStrings: [String] { allCases.map(\.optionName) }
}

/// `event NAME`: the lifecycle events by their names on the wire.
extension LifecycleEvent: ExpressibleByArgument {}
