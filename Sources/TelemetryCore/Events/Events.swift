#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif

/// The lifecycle events `event NAME` may send (README: "Commands"), besides the job's Summary and
/// Heartbeat. The raw value is the event's name on the wire and on the command line.
package enum LifecycleEvent: String, Sendable, CaseIterable {
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
    package static var names: [String] { allCases.map(\.rawValue) }
}

/// The two events of a `run`. The raw value is the event's name on the wire; `--only` takes it in
/// lower case (`optionName`).
package enum JobEvent: String, Sendable, CaseIterable {
    case summary = "Summary"
    case heartbeat = "Heartbeat"

    /// The value `--only` takes for this event.
    package var optionName: String { rawValue.lowercased() }

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

/// Properties every event carries (README "The request"), and the Summary's values: nested under
/// `summary` in the seed layout, flat beside the others in the orchestrator layout.
package struct EventProperties: Encodable, Sendable, Equatable {
    package let ucid: String
    package let eventType: String
    package let devtronVersion: String
    package let serverVersion: String
    package let timestamp: String
    /// The seed layout's nested `summary` object.
    package let summary: [String: PropertyValue]?
    /// Properties sent at the top level beside the common ones: the orchestrator layout's values
    /// and fixed fields, `devtronMode`, `failedMetrics`.
    package let flat: [String: PropertyValue]
    package let eventMessage: String?
    /// `true` asks PostHog not to look up the sender's address (`TELEMETRY_GEOIP=false`); absent
    /// otherwise, PostHog's default.
    package var geoIPDisable: Bool? = nil
    package let lib: String = TelemetryVersion.libraryName
    package let libVersion: String = TelemetryVersion.current

    package init(
        ucid: String, eventType: String, devtronVersion: String, serverVersion: String, timestamp: String,
        summary: [String: PropertyValue]? = nil, flat: [String: PropertyValue] = [:], eventMessage: String? = nil
    ) {
        self.ucid = ucid
        self.eventType = eventType
        self.devtronVersion = devtronVersion
        self.serverVersion = serverVersion
        self.timestamp = timestamp
        self.summary = summary
        self.flat = flat
        self.eventMessage = eventMessage
    }

    struct Key: CodingKey {
        let stringValue: String
        init(_ name: String) { stringValue = name }
        init?(stringValue: String) { self.stringValue = stringValue }
        var intValue: Int? { nil }
        init?(intValue: Int) { nil }
    }

    package func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: Key.self)
        // The flat values first, so a common property of the same name always wins.
        for (key, value) in flat { try container.encode(value, forKey: Key(key)) }
        try container.encode(ucid, forKey: Key("ucid"))
        try container.encode(eventType, forKey: Key("eventType"))
        try container.encode(devtronVersion, forKey: Key("devtronVersion"))
        try container.encode(serverVersion, forKey: Key("serverVersion"))
        try container.encode(timestamp, forKey: Key("timestamp"))
        try container.encodeIfPresent(summary, forKey: Key("summary"))
        try container.encodeIfPresent(eventMessage, forKey: Key("eventMessage"))
        try container.encodeIfPresent(geoIPDisable, forKey: Key("$geoip_disable"))
        try container.encode(lib, forKey: Key("$lib"))
        try container.encode(libVersion, forKey: Key("$lib_version"))
    }
}

/// One event as the job builds it, whatever it is sent to: its name, who it is about, its identity
/// (uuid and the envelope timestamp PostHog deduplicates on) and its properties. The wire format
/// is the sink's (Delivery/PostHog).
package struct TelemetryEvent: Encodable, Sendable, Equatable {
    package let name: String
    package let distinctID: String
    package let uuid: String
    /// RFC 3339 UTC with milliseconds: a job event's period start, a lifecycle event's real time.
    package let timestamp: String
    package let properties: EventProperties

    package init(name: String, distinctID: String, uuid: String, timestamp: String, properties: EventProperties) {
        self.name = name
        self.distinctID = distinctID
        self.uuid = uuid
        self.timestamp = timestamp
        self.properties = properties
    }
}

/// Who is sending and what they run: the envelope common to every event.
package struct EventContext: Sendable {
    package let ucid: String
    package let devtronVersion: String
    package let serverVersion: String
    /// The Summary's shape, and what the orchestrator layout adds to both job events.
    package let layout: LayoutSettings
    /// Adds `"$geoip_disable": true` to every event (`TELEMETRY_GEOIP=false`).
    package let geoIPDisabled: Bool

    package init(
        ucid: String, devtronVersion: String, serverVersion: String, layout: LayoutSettings = LayoutSettings(),
        geoIPDisabled: Bool = false
    ) {
        self.ucid = ucid
        self.devtronVersion = devtronVersion
        self.serverVersion = serverVersion
        self.layout = layout
        self.geoIPDisabled = geoIPDisabled
    }

    /// The Summary or Heartbeat of the run started at `runStart`. Its identity is the period's:
    /// a name-based UUID and, as the envelope timestamp, the period's start, so that every run in
    /// the period sends the same (uuid, event, distinct_id, timestamp) and PostHog keeps one event.
    /// The run's real time stays in `properties.timestamp`.
    package func jobEvent(_ kind: JobEvent, at runStart: Date, summary: Summary? = nil) -> TelemetryEvent {
        let uuid = NameBasedUUID.event(ucid: ucid, event: kind.rawValue, period: kind.period(of: runStart))
        let (nested, flat) = layout.properties(summary: summary)
        return capture(kind.rawValue, uuid: uuid, envelope: kind.periodStart(of: runStart), at: runStart,
                       summary: nested, flat: flat, message: nil)
    }

    /// A lifecycle event; each one is its own occurrence, so its UUID is random and its timestamp real.
    package func lifecycleEvent(_ name: String, message: String?, at date: Date) -> TelemetryEvent {
        capture(name, uuid: UUID(), envelope: date, at: date, summary: nil, flat: [:], message: message)
    }

    private func capture(
        _ name: String, uuid: UUID, envelope: Date, at date: Date, summary: [String: PropertyValue]?,
        flat: [String: PropertyValue], message: String?
    ) -> TelemetryEvent {
        var properties = EventProperties(
            ucid: ucid, eventType: name, devtronVersion: devtronVersion, serverVersion: serverVersion,
            timestamp: Timestamp.rfc3339(date), summary: summary, flat: flat, eventMessage: message
        )
        properties.geoIPDisable = geoIPDisabled ? true : nil
        return TelemetryEvent(
            name: name,
            distinctID: ucid,
            uuid: uuid.uuidString.lowercased(),
            timestamp: Timestamp.rfc3339(envelope),
            properties: properties
        )
    }
}
