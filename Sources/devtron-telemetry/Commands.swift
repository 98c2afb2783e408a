import ArgumentParser
import Logging
import TelemetryCore

struct DevtronTelemetry: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "devtron-telemetry",
        abstract: "Anonymous usage telemetry for a Devtron installation: counts from the orchestrator's database, sent to PostHog.",
        discussion: """
            Exit codes: 0 every event delivered (or printed) and every metric computed, or opted out; 1 delivery \
            failed, the database was unreachable, Devtron's telemetry service could not be read, or standard \
            output could not be written; 2 usage or configuration error (nothing sent); 3 delivered, but a metric \
            failed. Opt out with TELEMETRY_DISABLED=true or DO_NOT_TRACK=1 (IS_AIR_GAP_ENVIRONMENT=true does the same).
            """,
        version: "\(TelemetryVersion.libraryName) \(TelemetryVersion.current)",
        subcommands: [RunCommand.self, EventCommand.self, MetricsCommand.self, GrantsCommand.self, DocsCommand.self],
        defaultSubcommand: RunCommand.self
    )
}

struct RunCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "run",
        abstract: "Compute the Summary and send Summary and Heartbeat in one request (the default command)."
    )

    @Option(name: .long, help: "Send only this event: summary or heartbeat (repeatable).")
    var only: [JobEvent] = []

    @OptionGroup var send: SendOptions
    @OptionGroup var layout: LayoutOptions
    @OptionGroup var database: DatabaseOptions
    @OptionGroup var logging: LoggingOptions

    func run() throws {
        let events = Set(only.isEmpty ? JobEvent.allCases : only)
        try withJob(send, logging) { environment in
            let settings = try database.resolve(environment)
            return ((settings, try layout.resolve(environment)), settings.secrets)
        } body: { configuration, prepared, logger in
            TelemetryJob(configuration: configuration)
                .run(events: events, database: prepared.0, layout: prepared.1, logger: logger)
        }
    }
}

struct EventCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "event",
        abstract: "Send one install/upgrade lifecycle event (no database).",
        discussion: "NAME is one of: \(LifecycleEvent.names.joined(separator: ", "))."
    )

    @Argument(help: "The event's name.")
    var name: LifecycleEvent

    @Option(name: .long, help: "Free text sent as the event's eventMessage.")
    var message: String?

    /// Acted on by `Entry`, from the raw arguments, so that it holds when they do not parse too.
    @Flag(name: .long, help: "Log any failure and exit 0 (for Helm hooks, whose failure would fail the release).")
    var neverFail = false

    @OptionGroup var send: SendOptions
    @OptionGroup var logging: LoggingOptions

    func run() throws {
        try withJob(send, logging) { _ in ((), []) } body: { configuration, _, logger in
            TelemetryJob(configuration: configuration).sendLifecycleEvent(name, message: message, logger: logger)
        }
    }
}

struct MetricsCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "metrics",
        abstract: "Print the metric catalog: each metric's keys, meaning, kind, window, the columns it reads and its SQL (JSON checks by their short name; --format json has the exact statement)."
    )

    @Option(name: .long, help: "seed, orchestrator or all (default seed).")
    var layout: CatalogSelection = .seed

    enum Format: String, ExpressibleByArgument, CaseIterable { case text, json, markdown }

    @Option(name: .long, help: "text, json (the exact statements, what scripts/bench runs) or markdown (a section per metric).")
    var format: Format = .text

    func run() throws {
        let metrics = MetricCatalog.selection(layout.layout)
        switch format {
        case .text: try writeStandardOutput(MetricCatalog.text(metrics))
        case .json: try writeStandardOutput(try MetricCatalog.json(metrics) + "\n")
        case .markdown: try writeStandardOutput(MetricCatalog.markdown(metrics))
        }
    }
}

struct GrantsCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "grants",
        abstract: "Print the SQL that creates a login role allowed to read exactly the columns the metrics read.",
        discussion: """
            Run its output as the database's owner, e.g. devtron-telemetry grants | psql -v ON_ERROR_STOP=1 "$DATABASE_URL"; \
            then set the role's password apart. Safe to run again. A role that is SUPERUSER or BYPASSRLS, a member \
            (directly or through other roles) of pg_read_all_data, pg_write_all_data or of such a role, or that owns \
            tables of public (or is a member of their owner) is refused. With a database configured as for run \
            (--database-url, DATABASE_URL, else the orchestrator's PG_* variables), the role is checked there first: \
            refused, exit 2; database unreachable, exit 1; nothing printed either way. With none configured, the \
            script is printed unchecked, and refuses such a role itself when it is applied.
            """
    )

    @Option(name: .long, help: "The role's name (default \(Grants.defaultRole)).")
    var role: String = Grants.defaultRole

    @OptionGroup var database: DatabaseOptions

    func run() throws {
        // The name first: a bad one is refused without a database.
        let script = try Grants.script(role: role)
        let environment = Environment.process
        if Grants.databaseConfigured(databaseURL: database.databaseURL, environment: environment) {
            let session = try SummaryCollector.openSession(try database.resolve(environment))
            defer { session.close() }
            if let refusal = try Grants.refusal(of: role, on: session) { throw TelemetryError.usage(refusal) }
        }
        try writeStandardOutput(script)
    }
}
