#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif

/// PostHog's wire format: the body of `POST /batch/`, `{"api_key": …, "batch": [capture, …]}`.
/// It has no `sent_at`: PostHog would shift each stored timestamp by `now − sent_at`, so a resent
/// body would land later each time and no longer match the event it duplicates (posthog-go's batch
/// leaves it out for the same reason).
package struct PostHogBatch: Encodable, Sendable, Equatable {
    /// One entry of `batch`: PostHog's capture message.
    struct Capture: Encodable, Sendable, Equatable {
        let type = "capture"
        let event: String
        let distinctID: String
        let uuid: String
        let timestamp: String
        let properties: EventProperties

        enum CodingKeys: String, CodingKey {
            case type, event, uuid, timestamp, properties
            case distinctID = "distinct_id"
        }

        init(_ event: TelemetryEvent) {
            self.event = event.name
            distinctID = event.distinctID
            uuid = event.uuid
            timestamp = event.timestamp
            properties = event.properties
        }
    }

    let apiKey: String?
    let batch: [Capture]

    enum CodingKeys: String, CodingKey {
        case apiKey = "api_key"
        case batch
    }

    package init(apiKey: String?, events: [TelemetryEvent]) {
        self.apiKey = apiKey
        self.batch = events.map(Capture.init)
    }

    /// The compact body that is sent.
    package func wireBody() throws -> [UInt8] {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        return Array(try encoder.encode(self))
    }

    /// What `--dry-run` prints: pretty, keys sorted, the API key shown as "REDACTED".
    package func dryRunDocument() throws -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        return String(decoding: try encoder.encode(PostHogBatch(apiKey: apiKey == nil ? nil : "REDACTED", batch: batch)), as: UTF8.self)
    }

    private init(apiKey: String?, batch: [Capture]) {
        self.apiKey = apiKey
        self.batch = batch
    }
}
