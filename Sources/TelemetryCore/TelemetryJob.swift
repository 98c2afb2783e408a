import Logging
import Postgres

/// Who sends, what they run, and how: everything a `run` or `event` needs, resolved and validated.
public struct JobConfiguration: Sendable {
    public var ucid: String
    public var devtronVersion: String
    /// Given by flag or environment; `nil` means discover it.
    public var serverVersion: String?
    public var dryRun: Bool
    public var delivery: DeliverySettings
    public var environment: Environment

    public init(
        ucid: String, devtronVersion: String, serverVersion: String?, dryRun: Bool,
        delivery: DeliverySettings, environment: Environment
    ) throws {
        let trimmed = ucid.trimmed()
        guard !trimmed.isEmpty, trimmed.count <= 256, !trimmed.unicodeScalars.contains(where: { $0.properties.generalCategory == .control }) else {
            throw TelemetryError.usage("UCID must be a non-empty id of at most 256 printable characters")
        }
        if !dryRun && delivery.apiKey == nil {
            throw TelemetryError.usage("no PostHog API key: set POSTHOG_API_KEY or --posthog-api-key (not needed with --dry-run)")
        }
        self.ucid = trimmed
        self.devtronVersion = devtronVersion
        self.serverVersion = serverVersion
        self.dryRun = dryRun
        self.delivery = delivery
        self.environment = environment
    }
}

/// The job end to end: database → metrics → events → delivery (or the dry-run document).
public struct TelemetryJob: Sendable {
    public let configuration: JobConfiguration
    /// Receives the dry-run document; standard output in the program. Throws when it cannot take it.
    public let output: @Sendable (String) throws -> Void

    public init(configuration: JobConfiguration, output: @escaping @Sendable (String) throws -> Void = writeStandardOutput) {
        self.configuration = configuration
        self.output = output
    }

    /// `run`: the Summary (when asked for) from the database, the Heartbeat, one request.
    public func run(events: Set<JobEvent>, database: DatabaseSettings, logger: Logger) async -> ExitStatus {
        let runStart = Date()
        logger.info("start", metadata: [
            "command": "run", "events": "\(JobEvent.allCases.filter(events.contains).map(\.rawValue).joined(separator: ","))",
            "dry_run": "\(configuration.dryRun)",
        ])
        var status = ExitStatus.success
        var summary: Summary?
        if events.contains(.summary) {
            do {
                summary = try collectSummary(database, runStart: runStart, logger: logger)
                if summary?.isComplete == false { status = .partialSummary }
            } catch {
                logger.error("\(error)", metadata: ["event": "Summary", "sent": "false"])
                status = .failure
            }
        }
        let context = eventContext(logger: logger)
        var batch: [CaptureEvent] = []
        if let summary { batch.append(context.jobEvent(.summary, at: runStart, summary: summary)) }
        if events.contains(.heartbeat) { batch.append(context.jobEvent(.heartbeat, at: runStart)) }
        return max(status, await send(batch, logger: logger))
    }

    /// `event NAME`: one lifecycle event, no database.
    public func sendLifecycleEvent(_ event: LifecycleEvent, message: String?, logger: Logger) async -> ExitStatus {
        logger.info("start", metadata: ["command": "event", "event": "\(event.rawValue)", "dry_run": "\(configuration.dryRun)"])
        let context = eventContext(logger: logger)
        return await send([context.lifecycleEvent(event.rawValue, message: message, at: Date())], logger: logger)
    }

    private func collectSummary(_ database: DatabaseSettings, runStart: Date, logger: Logger) throws -> Summary {
        let connection = try SummaryCollector.openSession(database)
        defer { connection.close() }
        logger.info("database reached", metadata: [
            "endpoint": "\(connection.endpoint)", "server_version": "\(connection.serverVersion)",
        ])
        return SummaryCollector().collect(on: connection, runStart: runStart, logger: logger)
    }

    private func eventContext(logger: Logger) -> EventContext {
        let serverVersion = ServerVersionDiscovery(environment: configuration.environment)
            .resolve(explicit: configuration.serverVersion, logger: logger)
        return EventContext(ucid: configuration.ucid, devtronVersion: configuration.devtronVersion, serverVersion: serverVersion)
    }

    private func send(_ batch: [CaptureEvent], logger: Logger) async -> ExitStatus {
        guard !batch.isEmpty else {
            logger.error("result", metadata: ["outcome": "nothing to send"])
            return .failure
        }
        let names = batch.map(\.event).joined(separator: ",")
        let request = BatchRequest(apiKey: configuration.delivery.apiKey, sentAt: Date(), batch: batch)
        do {
            if configuration.dryRun {
                try output(try request.dryRunDocument() + "\n")
                logger.info("result", metadata: ["outcome": "printed", "events": "\(names)"])
            } else {
                try await PostHogClient(settings: configuration.delivery).deliver(request, logger: logger)
                logger.info("result", metadata: ["outcome": "delivered", "events": "\(names)"])
            }
            return .success
        } catch {
            logger.error("result", metadata: ["outcome": "failed", "events": "\(names)", "error": "\(error)"])
            return .failure
        }
    }
}
