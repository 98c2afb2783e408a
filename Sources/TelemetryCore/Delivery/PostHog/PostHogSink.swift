import Logging

/// PostHog's capture endpoint: one gzip `/batch/` request for all the events, retried by
/// `PostHogClient` until `deadline`. The API key lives here and in the request it builds only.
package struct PostHogSink: EventSink {
    let settings: DeliverySettings
    let deadline: ContinuousClock.Instant?

    package init(settings: DeliverySettings, deadline: ContinuousClock.Instant? = nil) {
        self.settings = settings
        self.deadline = deadline
    }

    package var outcome: String { "delivered" }

    package func take(_ events: [TelemetryEvent], logger: Logger) throws {
        try PostHogClient(settings: settings).deliver(PostHogBatch(apiKey: settings.apiKey, events: events), until: deadline, logger: logger)
    }
}
