/// The lifecycle events `event NAME` may send (SPEC §2), besides the job's Summary and Heartbeat.
public enum LifecycleEvent {
    public static let names: [String] = [
        "InstallationStart", "InstallationInProgress", "InstallationSuccess", "InstallationFailure",
        "InstallationInterrupt", "UpgradeStart", "UpgradeInProgress", "UpgradeSuccess", "UpgradeFailure",
        "UpgradeInterrupt", "$identify",
    ]
}

/// The two events of a `run`.
public enum JobEvent: String, Sendable, CaseIterable {
    case summary = "Summary"
    case heartbeat = "Heartbeat"

    /// The UTC period an event of this kind stands for; one UUID per installation and period.
    func period(of date: Date) -> String {
        switch self {
        case .summary: return Timestamp.utcDate(date)
        case .heartbeat: return Timestamp.utcHour(date)
        }
    }

    /// The start of that period: the envelope timestamp. PostHog drops a duplicate only when the
    /// stored timestamp matches too, so every run in the period must send the same one.
    func periodStart(of date: Date) -> Date {
        switch self {
        case .summary: return Timestamp.utcDayStart(date)
        case .heartbeat: return Timestamp.utcHourStart(date)
        }
    }
}

/// Properties every event carries (SPEC §5).
public struct EventProperties: Encodable, Sendable, Equatable {
    public let ucid: String
    public let eventType: String
    public let devtronVersion: String
    public let serverVersion: String
    public let timestamp: String
    public let summary: [String: Int]?
    public let eventMessage: String?
    /// `true` asks PostHog not to look up the sender's address (`TELEMETRY_GEOIP=false`); absent
    /// otherwise, PostHog's default.
    public var geoIPDisable: Bool? = nil
    public let lib: String = TelemetryVersion.libraryName
    public let libVersion: String = TelemetryVersion.current

    enum CodingKeys: String, CodingKey {
        case ucid, eventType, devtronVersion, serverVersion, timestamp, summary, eventMessage
        case geoIPDisable = "$geoip_disable"
        case lib = "$lib"
        case libVersion = "$lib_version"
    }
}

/// One entry of the `/batch/` request's `batch` array.
public struct CaptureEvent: Encodable, Sendable, Equatable {
    public let type: String = "capture"
    public let event: String
    public let distinctID: String
    public let uuid: String
    public let timestamp: String
    public let properties: EventProperties

    enum CodingKeys: String, CodingKey {
        case type, event, uuid, timestamp, properties
        case distinctID = "distinct_id"
    }
}

/// Who is sending and what they run: the envelope common to every event.
public struct EventContext: Sendable {
    public let ucid: String
    public let devtronVersion: String
    public let serverVersion: String
    /// Adds `"$geoip_disable": true` to every event (`TELEMETRY_GEOIP=false`).
    public let geoIPDisabled: Bool

    public init(ucid: String, devtronVersion: String, serverVersion: String, geoIPDisabled: Bool = false) {
        self.ucid = ucid
        self.devtronVersion = devtronVersion
        self.serverVersion = serverVersion
        self.geoIPDisabled = geoIPDisabled
    }

    /// The Summary or Heartbeat of the run started at `runStart`. Its identity is the period's:
    /// a name-based UUID and, as the envelope timestamp, the period's start, so that every run in
    /// the period sends the same (uuid, event, distinct_id, timestamp) and PostHog keeps one event.
    /// The run's real time stays in `properties.timestamp`.
    public func jobEvent(_ kind: JobEvent, at runStart: Date, summary: Summary? = nil) -> CaptureEvent {
        let uuid = NameBasedUUID.event(ucid: ucid, event: kind.rawValue, period: kind.period(of: runStart))
        return capture(kind.rawValue, uuid: uuid, envelope: kind.periodStart(of: runStart), at: runStart,
                       summary: summary?.counts, message: nil)
    }

    /// A lifecycle event; each one is its own occurrence, so its UUID is random and its timestamp real.
    public func lifecycleEvent(_ name: String, message: String?, at date: Date) -> CaptureEvent {
        capture(name, uuid: UUID(), envelope: date, at: date, summary: nil, message: message)
    }

    private func capture(
        _ name: String, uuid: UUID, envelope: Date, at date: Date, summary: [String: Int]?, message: String?
    ) -> CaptureEvent {
        var properties = EventProperties(
            ucid: ucid, eventType: name, devtronVersion: devtronVersion, serverVersion: serverVersion,
            timestamp: Timestamp.rfc3339(date), summary: summary, eventMessage: message
        )
        properties.geoIPDisable = geoIPDisabled ? true : nil
        return CaptureEvent(
            event: name,
            distinctID: ucid,
            uuid: uuid.uuidString.lowercased(),
            timestamp: Timestamp.rfc3339(envelope),
            properties: properties
        )
    }
}

/// The body of `POST /batch/`. It has no `sent_at`: PostHog would shift each stored
/// timestamp by `now − sent_at`, so a resent body would land later each time and no longer match
/// the event it duplicates (posthog-go's batch leaves it out for the same reason).
public struct BatchRequest: Encodable, Sendable, Equatable {
    public let apiKey: String?
    public let batch: [CaptureEvent]

    enum CodingKeys: String, CodingKey {
        case apiKey = "api_key"
        case batch
    }

    public init(apiKey: String?, batch: [CaptureEvent]) {
        self.apiKey = apiKey
        self.batch = batch
    }

    /// The compact body that is sent.
    public func wireBody() throws -> [UInt8] {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        return Array(try encoder.encode(self))
    }

    /// What `--dry-run` prints: pretty, keys sorted, the API key shown as "REDACTED".
    public func dryRunDocument() throws -> String {
        let shown = BatchRequest(redactedFrom: self)
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        return String(decoding: try encoder.encode(shown), as: UTF8.self)
    }

    private init(redactedFrom request: BatchRequest) {
        apiKey = request.apiKey == nil ? nil : "REDACTED"
        batch = request.batch
    }
}
