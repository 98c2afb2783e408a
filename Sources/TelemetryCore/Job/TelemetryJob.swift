import Durations
import Logging
import Postgres
#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif

/// Who sends, what they run, and how: everything a `run` or `event` needs, resolved and validated.
package struct JobConfiguration: Sendable {
    package var ucid: String
    package var devtronVersion: String
    /// Given by flag or environment; `nil` means discover it.
    package var serverVersion: String?
    package var dryRun: Bool
    package var delivery: DeliverySettings
    package var environment: Environment
    /// Asked for the PostHog key and endpoint, and the opt-out, when no key is configured.
    package var telemetryService: TelemetryService
    /// `TELEMETRY_GEOIP=false`: every event carries `"$geoip_disable": true`.
    package var geoIPDisabled: Bool

    package init(
        ucid: String, devtronVersion: String, serverVersion: String?, dryRun: Bool,
        delivery: DeliverySettings, environment: Environment,
        telemetryService: TelemetryService? = nil, geoIPDisabled: Bool = false
    ) throws {
        let trimmed = ucid.trimmed()
        guard !trimmed.isEmpty, trimmed.count <= 256, !trimmed.unicodeScalars.contains(where: { $0.properties.generalCategory == .control }) else {
            throw TelemetryError.usage("UCID must be a non-empty id of at most 256 printable characters")
        }
        self.ucid = trimmed
        self.devtronVersion = devtronVersion
        self.serverVersion = serverVersion
        self.dryRun = dryRun
        self.delivery = delivery
        self.environment = environment
        self.telemetryService = try telemetryService ?? TelemetryService(url: Settings.telemetryService.defaultValue ?? "")
        self.geoIPDisabled = geoIPDisabled
    }

    /// Without a configured key, a sending run takes key, endpoint and opt-out from Devtron's
    /// telemetry service; a dry run never asks it.
    package var asksTelemetryService: Bool { !dryRun && delivery.apiKey == nil }
}

/// The job end to end: database → metrics → events → delivery (or the dry-run document).
package struct TelemetryJob: Sendable {
    package let configuration: JobConfiguration
    /// Receives the dry-run document; standard output in the program. Throws when it cannot take it.
    package let output: @Sendable (String) throws -> Void

    package init(configuration: JobConfiguration, output: @escaping @Sendable (String) throws -> Void = writeStandardOutput) {
        self.configuration = configuration
        self.output = output
    }

    /// `run`: the Summary (when asked for) from the database, the Heartbeat, one request.
    /// `--timeout` bounds every network step: Devtron's telemetry service, the Kubernetes
    /// version and the delivery share it; the database has limits of its own and is not counted.
    package func run(
        events: Set<JobEvent>, database: DatabaseSettings, layout: LayoutSettings = LayoutSettings(), logger: Logger
    ) -> ExitStatus {
        let runStart = Date()
        let network = NetworkBudget(configuration.delivery.timeout)
        logger.info("start", metadata: [
            "command": "run", "events": "\(JobEvent.allCases.filter(events.contains).map(\.rawValue).joined(separator: ","))",
            "dry_run": "\(configuration.dryRun)", "layout": "\(layout.layout.rawValue)",
        ])
        logConfiguration(logger)
        // Before the database: an installation that opted out in Devtron's registry is not read.
        var logger = logger
        let delivery: DeliverySettings
        switch deliverySettings(&logger, network: network) {
        case .deliver(let settings): delivery = settings
        case .stop(let status): return status
        }
        let context = eventContext(layout: layout, network: network, logger: logger)
        // What the network steps so far left of --timeout, kept while the database is read.
        let remaining = network.remaining
        var status = ExitStatus.success
        var summary: Summary?
        if events.contains(.summary) {
            do {
                summary = try collectSummary(database, layout: layout.layout, runStart: runStart, logger: logger)
                if summary?.isComplete == false { status = .partialSummary }
            } catch {
                logger.error("\(error)", metadata: ["event": "Summary", "sent": "false"])
                status = .failure
            }
        }
        var batch: [TelemetryEvent] = []
        if let summary { batch.append(context.jobEvent(.summary, at: runStart, summary: summary)) }
        if events.contains(.heartbeat) { batch.append(context.jobEvent(.heartbeat, at: runStart)) }
        return max(status, send(batch, delivery: delivery, until: ContinuousClock().now + remaining, logger: logger))
    }

    /// `event NAME`: one lifecycle event, no database; `--timeout` bounds the whole of it.
    package func sendLifecycleEvent(_ event: LifecycleEvent, message: String?, logger: Logger) -> ExitStatus {
        logger.info("start", metadata: ["command": "event", "event": "\(event.rawValue)", "dry_run": "\(configuration.dryRun)"])
        let network = NetworkBudget(configuration.delivery.timeout)
        logConfiguration(logger)
        var logger = logger
        let delivery: DeliverySettings
        switch deliverySettings(&logger, network: network) {
        case .deliver(let settings): delivery = settings
        case .stop(let status): return status
        }
        let context = eventContext(network: network, logger: logger)
        return send([context.lifecycleEvent(event.rawValue, message: message, at: Date())], delivery: delivery,
                    until: network.deadline, logger: logger)
    }

    /// With `--verbose`: what the run will do, as resolved (no secret is among these).
    private func logConfiguration(_ logger: Logger) {
        let delivery = configuration.delivery
        logger.debug("configuration", metadata: [
            "posthog_host": "\(delivery.hostConfigured ? delivery.baseURL : "from the telemetry service")",
            "api_key": "\(delivery.apiKey == nil ? "not configured" : "configured")",
            "telemetry_service": "\(configuration.asksTelemetryService ? configuration.telemetryService.baseURL : "not asked")",
            "max_attempts": "\(delivery.retryPolicy.maxAttempts)", "timeout_s": "\(delivery.timeout.inSeconds)",
        ])
    }

    private enum DeliveryPlan {
        case deliver(DeliverySettings)
        /// Opted out in Devtron's registry (success), or the service could not be read (failure).
        case stop(ExitStatus)
    }

    /// The configured delivery settings, or those Devtron's telemetry service names. The fetched
    /// key is masked in `logger` from the moment it is known. Both questions share the delivery
    /// deadline; what is left of it is the delivery's.
    private func deliverySettings(_ logger: inout Logger, network: NetworkBudget) -> DeliveryPlan {
        guard configuration.asksTelemetryService else { return .deliver(configuration.delivery) }
        let service = configuration.telemetryService
        let deadline = network.deadline
        do {
            let info = try service.postHogInfo(delivery: configuration.delivery, deadline: deadline)
            logger = logger.masking(info.secrets)
            if try service.isOptedOut(ucid: configuration.ucid, delivery: configuration.delivery, deadline: deadline) {
                logger.info("telemetry disabled", metadata: [
                    "by": "Devtron's opt-out registry", "service": "\(service.baseURL)", "sent": "nothing",
                ])
                return .stop(.success)
            }
            let settings = try configuration.delivery.using(info)
            logger.info("telemetry service answered", metadata: [
                "service": "\(service.baseURL)", "posthog_endpoint": "\(info.endpoint)", "posthog_host": "\(settings.baseURL)",
            ])
            return .deliver(settings)
        } catch {
            logger.error("\(error)", metadata: ["sent": "nothing"])
            return .stop(.failure)
        }
    }

    private func collectSummary(_ database: DatabaseSettings, layout: Metric.Layout, runStart: Date, logger: Logger) throws -> Summary {
        let connection = try SummaryCollector.openSession(database)
        defer { connection.close() }
        logger.info("database reached", metadata: [
            "endpoint": "\(connection.endpoint)", "server_version": "\(connection.serverVersion)",
        ])
        return SummaryCollector(layout: layout).collect(on: connection, runStart: runStart, logger: logger)
    }

    private func eventContext(layout: LayoutSettings = LayoutSettings(), network: NetworkBudget, logger: Logger) -> EventContext {
        let serverVersion = ServerVersionDiscovery(environment: configuration.environment)
            // At most half of what is left: a silent API server still leaves delivery its share.
            .resolve(explicit: configuration.serverVersion, within: network.remaining / 2, logger: logger)
        return EventContext(
            ucid: configuration.ucid, devtronVersion: configuration.devtronVersion, serverVersion: serverVersion,
            layout: layout, geoIPDisabled: configuration.geoIPDisabled
        )
    }

    /// Hands the events to the sink of this run: standard output on a dry run, else PostHog.
    private func send(_ batch: [TelemetryEvent], delivery: DeliverySettings, until deadline: ContinuousClock.Instant,
                      logger: Logger) -> ExitStatus {
        guard !batch.isEmpty else {
            logger.error("result", metadata: ["outcome": "nothing to send"])
            return .failure
        }
        let sink: any EventSink = configuration.dryRun
            ? DryRunSink(apiKeyConfigured: delivery.apiKey != nil, output: output)
            : PostHogSink(settings: delivery, deadline: deadline)
        let names = batch.map(\.name).joined(separator: ",")
        do {
            try sink.take(batch, logger: logger)
            logger.info("result", metadata: ["outcome": "\(sink.outcome)", "events": "\(names)"])
            return .success
        } catch {
            logger.error("result", metadata: ["outcome": "failed", "events": "\(names)", "error": "\(error)"])
            return .failure
        }
    }
}

/// The one `--timeout` that every network step of a command shares, from the command's start.
struct NetworkBudget {
    let deadline: ContinuousClock.Instant

    init(_ timeout: Duration) {
        deadline = ContinuousClock().now + timeout
    }

    /// What is left, never negative.
    var remaining: Duration { max(.zero, ContinuousClock().now.duration(to: deadline)) }
}
