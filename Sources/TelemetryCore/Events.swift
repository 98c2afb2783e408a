/// The lifecycle events `event NAME` may send (README: "Commands"), besides the job's Summary and
/// Heartbeat. The raw value is the event's name on the wire and on the command line.
public enum LifecycleEvent: String, Sendable, CaseIterable {
    case installationStart = "InstallationStart"
    case installationInProgress = "InstallationInProgress"
    case installationSuccess = "InstallationSuccess"
    case installationFailure = "InstallationFailure"
    case installationInterrupt = "InstallationInterrupt"
    case upgradeStart = "UpgradeStart"
    case upgradeInProgress = "UpgradeInProgress"
    case upgradeSuccess = "UpgradeSuccess"
    case upgradeFailure = "UpgradeFailure"
    case upgradeInterrupt = "UpgradeInterrupt"
    case identify = "$identify"

    /// Every name, in the order the README lists them.
    public static var names: [String] { allCases.map(\.rawValue) }
}

/// The two events of a `run`. The raw value is the event's name on the wire; `--only` takes it in
/// lower case (`optionName`).
public enum JobEvent: String, Sendable, CaseIterable {
    case summary = "Summary"
    case heartbeat = "Heartbeat"

    /// The value `--only` takes for this event.
    public var optionName: String { rawValue.lowercased() }

    /// The UTC period an event of this kind stands for; one UUID per installation and period.
    func period(of date: Date) -> String {
        switch self {
        case .summary: return Timestamp.utcDate(date)
        case .heartbeat: return Timestamp.utcHour(date)
        }
    }
}

/// Properties every event carries (README: "The request").
public struct EventProperties: Encodable, Sendable, Equatable {
    public let ucid: String
    public let eventType: String
    public let devtronVersion: String
    public let serverVersion: String
    public let timestamp: String
    public let summary: [String: Int]?
    public let eventMessage: String?
    public let lib: String = TelemetryVersion.libraryName
    public let libVersion: String = TelemetryVersion.current

    enum CodingKeys: String, CodingKey {
        case ucid, eventType, devtronVersion, serverVersion, timestamp, summary, eventMessage
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

    public init(ucid: String, devtronVersion: String, serverVersion: String) {
        self.ucid = ucid
        self.devtronVersion = devtronVersion
        self.serverVersion = serverVersion
    }

    /// The Summary or Heartbeat of the run started at `runStart`, with its deterministic UUID.
    public func jobEvent(_ kind: JobEvent, at runStart: Date, summary: Summary? = nil) -> CaptureEvent {
        let uuid = NameBasedUUID.event(ucid: ucid, event: kind.rawValue, period: kind.period(of: runStart))
        return capture(kind.rawValue, uuid: uuid, at: runStart, summary: summary?.counts, message: nil)
    }

    /// A lifecycle event; each one is its own occurrence, so its UUID is random.
    public func lifecycleEvent(_ name: String, message: String?, at date: Date) -> CaptureEvent {
        capture(name, uuid: UUID(), at: date, summary: nil, message: message)
    }

    private func capture(_ name: String, uuid: UUID, at date: Date, summary: [String: Int]?, message: String?) -> CaptureEvent {
        let timestamp = Timestamp.rfc3339(date)
        return CaptureEvent(
            event: name,
            distinctID: ucid,
            uuid: uuid.uuidString.lowercased(),
            timestamp: timestamp,
            properties: EventProperties(
                ucid: ucid, eventType: name, devtronVersion: devtronVersion, serverVersion: serverVersion,
                timestamp: timestamp, summary: summary, eventMessage: message
            )
        )
    }
}

/// The body of `POST /batch/` (README: "The request").
public struct BatchRequest: Encodable, Sendable, Equatable {
    public let apiKey: String?
    public let sentAt: String
    public let batch: [CaptureEvent]

    enum CodingKeys: String, CodingKey {
        case apiKey = "api_key"
        case sentAt = "sent_at"
        case batch
    }

    public init(apiKey: String?, sentAt: Date, batch: [CaptureEvent]) {
        self.apiKey = apiKey
        self.sentAt = Timestamp.rfc3339(sentAt)
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
        sentAt = request.sentAt
        batch = request.batch
    }
}
