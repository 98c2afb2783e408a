import ArgumentParser
import Logging
import TelemetryCore

/// A setting of the table as ArgumentParser takes it: its flag and its help, both from the record.
extension Setting {
    var name: NameSpecification { .customLong(flag ?? "") }
    var argumentHelp: ArgumentHelp { ArgumentHelp(helpWithSources) }
}

/// How the job logs (README: "Exit codes", last paragraph).
struct LoggingOptions: ParsableArguments {
    @Option(name: Settings.logFormat.name, help: Settings.logFormat.argumentHelp)
    var logFormat: LineLogHandler.Format = .text

    @Flag(name: Settings.verbose.name, help: Settings.verbose.argumentHelp)
    var verbose = false

    func makeLogger(secrets: [String]) -> Logger {
        let handler = LineLogHandler(format: logFormat, level: verbose ? .debug : .info, redactor: Redactor(secrets: secrets))
        return Logger(label: "devtron-telemetry") { _ in handler }
    }
}

extension LineLogHandler.Format: ExpressibleByArgument {}

/// Who is sending and where to (docs/configuration.md).
struct SendOptions: ParsableArguments {
    @Option(name: Settings.ucid.name, help: Settings.ucid.argumentHelp)
    var ucid: String?

    @Option(name: Settings.serverVersion.name, help: Settings.serverVersion.argumentHelp)
    var serverVersion: String?

    @Option(name: Settings.devtronVersion.name, help: Settings.devtronVersion.argumentHelp)
    var devtronVersion: String?

    @Option(name: Settings.posthogHost.name, help: Settings.posthogHost.argumentHelp)
    var posthogHost: String?

    @Option(name: Settings.posthogAPIKey.name, help: Settings.posthogAPIKey.argumentHelp)
    var posthogApiKey: String?

    @Option(name: Settings.telemetryService.name, help: Settings.telemetryService.argumentHelp)
    var telemetryService: String?

    @Option(name: Settings.maxAttempts.name, help: Settings.maxAttempts.argumentHelp)
    var maxAttempts: String?

    @Option(name: Settings.timeout.name, help: Settings.timeout.argumentHelp)
    var timeout: String?

    @Flag(name: Settings.dryRun.name, help: Settings.dryRun.argumentHelp)
    var dryRun = false

    func resolve(_ environment: Environment) throws -> JobConfiguration {
        guard let ucid = Settings.ucid.given(ucid, environment) else {
            throw TelemetryError.usage("no UCID: set UCID or --ucid (Devtron keeps it in ConfigMap devtron-ucid, key UCID)")
        }
        return try JobConfiguration(
            ucid: ucid,
            devtronVersion: Settings.devtronVersion.text(devtronVersion, environment) ?? "",
            serverVersion: Settings.serverVersion.given(serverVersion, environment),
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

/// How to reach the orchestrator's database (docs/configuration.md).
struct DatabaseOptions: ParsableArguments {
    @Option(name: Settings.databaseURL.name, help: Settings.databaseURL.argumentHelp)
    var databaseURL: String?

    @Option(name: Settings.statementTimeout.name, help: Settings.statementTimeout.argumentHelp)
    var statementTimeout: String?

    @Option(name: Settings.connectTimeout.name, help: Settings.connectTimeout.argumentHelp)
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
    Settings.secretVariables.compactMap { environment[$0] }
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
    package init?(argument: String) {
        guard let event = JobEvent.allCases.first(where: { $0.optionName == argument }) else { return nil }
        self = event
    }

    package var defaultValueDescription: String { optionName }
    package static var allValueStrings: [String] { allCases.map(\.optionName) }
}

/// `event NAME`: the lifecycle events by their names on the wire.
extension LifecycleEvent: ExpressibleByArgument {}
