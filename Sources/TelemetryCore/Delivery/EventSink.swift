import Logging

/// Where a command's events go: the one seam between the job and a destination. The job builds
/// neutral `TelemetryEvent`s and hands them to a sink; only a sink knows a wire format (and the
/// PostHog sink alone holds the API key). Sinks: `PostHogSink`, `DryRunSink`.
package protocol EventSink {
    /// Takes `events`, all or nothing; throws a `TelemetryError` (delivery, output) when they
    /// could not be taken. `outcome` names what happened, for the result line ("delivered").
    func take(_ events: [TelemetryEvent], logger: Logger) throws
    var outcome: String { get }
}

/// `--dry-run`: stdout gets exactly what a real run would send PostHog (the request body,
/// pretty-printed, keys sorted), the API key shown as "REDACTED" and never known here.
package struct DryRunSink: EventSink {
    let apiKeyConfigured: Bool
    let output: @Sendable (String) throws -> Void

    package init(apiKeyConfigured: Bool, output: @escaping @Sendable (String) throws -> Void) {
        self.apiKeyConfigured = apiKeyConfigured
        self.output = output
    }

    package var outcome: String { "printed" }

    package func take(_ events: [TelemetryEvent], logger: Logger) throws {
        let placeholder = apiKeyConfigured ? "REDACTED" : nil
        try output(try PostHogBatch(apiKey: placeholder, events: events).dryRunDocument() + "\n")
    }
}
