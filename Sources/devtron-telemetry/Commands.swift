import ArgumentParser
import Logging
import TelemetryCore

struct DevtronTelemetry: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "devtron-telemetry",
        abstract: "Anonymous usage telemetry for a Devtron installation: counts from the orchestrator's database, sent to PostHog.",
        discussion: """
            Exit codes: 0 every event delivered (or printed) and every metric computed; 1 delivery failed, the \
            database was unreachable or standard output could not be written; 2 usage or configuration error \
            (nothing sent); 3 delivered, but a metric is -1. \
            Opt out with TELEMETRY_DISABLED=true or DO_NOT_TRACK=1.
            """,
        version: "\(TelemetryVersion.libraryName) \(TelemetryVersion.current)",
        subcommands: [RunCommand.self, EventCommand.self, MetricsCommand.self],
        defaultSubcommand: RunCommand.self
    )
}

struct RunCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "run",
        abstract: "Compute the Summary and send Summary and Heartbeat in one request (the default command)."
    )

    @Option(name: .long, help: "Send only this event: summary or heartbeat (repeatable).")
    var only: [JobEvent] = []

    @OptionGroup var send: SendOptions
    @OptionGroup var database: DatabaseOptions
    @OptionGroup var logging: LoggingOptions

    func run() async throws {
        let events = Set(only.isEmpty ? JobEvent.allCases : only)
        try await withJob(send, logging) { environment in
            let settings = try database.resolve(environment)
            return (settings, settings.secrets)
        } body: { configuration, settings, logger in
            await TelemetryJob(configuration: configuration).run(events: events, database: settings, logger: logger)
        }
    }
}

struct EventCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "event",
        abstract: "Send one install/upgrade lifecycle event (no database).",
        discussion: "NAME is one of: \(LifecycleEvent.names.joined(separator: ", "))."
    )

    @Argument(help: "The event's name.")
    var name: LifecycleEvent

    @Option(name: .long, help: "Free text sent as the event's eventMessage.")
    var message: String?

    @OptionGroup var send: SendOptions
    @OptionGroup var logging: LoggingOptions

    func run() async throws {
        try await withJob(send, logging) { _ in ((), []) } body: { configuration, _, logger in
            await TelemetryJob(configuration: configuration).sendLifecycleEvent(name, message: message, logger: logger)
        }
    }
}

struct MetricsCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "metrics",
        abstract: "Print the metric catalog: each metric's name, meaning and exact SQL."
    )

    enum Format: String, ExpressibleByArgument, CaseIterable { case text, json, markdown }

    @Option(name: .long, help: "text, json (what scripts/bench runs) or markdown (the README's table).")
    var format: Format = .text

    func run() throws {
        switch format {
        case .text: try writeStandardOutput(MetricCatalog.text())
        case .json: try writeStandardOutput(try MetricCatalog.json() + "\n")
        case .markdown: try writeStandardOutput(MetricCatalog.markdown())
        }
    }
}
