/// Which Summary layout a run sends, and the installation facts the orchestrator layout reports
/// beside the database's values.
package struct LayoutSettings: Sendable, Equatable {
    /// What the orchestrator reports as its mode: a full install, or Hyperion's EA-only one.
    package enum DevtronMode: String, Sendable, CaseIterable {
        case full = "FULL"
        case eaOnly = "EA_ONLY"
    }

    package var layout: Metric.Layout
    package var devtronMode: DevtronMode
    /// The installed Devtron release; left out of the events when nil.
    package var devtronReleaseVersion: String?

    package init(layout: Metric.Layout = .seed, devtronMode: DevtronMode = .full, devtronReleaseVersion: String? = nil) {
        self.layout = layout
        self.devtronMode = devtronMode
        self.devtronReleaseVersion = devtronReleaseVersion
    }

    /// Resolves the settings from flags (nil when not given) and the environment
    /// (`SUMMARY_LAYOUT`, `DEVTRON_MODE`, `DEVTRON_RELEASE_VERSION`).
    package static func resolve(
        layout: String?, devtronMode: String?, devtronReleaseVersion: String?, environment: Environment
    ) throws -> LayoutSettings {
        let layoutText = Settings.layout.text(layout, environment) ?? ""
        guard let resolvedLayout = Metric.Layout(rawValue: layoutText.trimmed().lowercased()) else {
            throw TelemetryError.usage("layout must be seed or orchestrator, got \(Escaping.quoted(layoutText))")
        }
        let modeText = Settings.devtronMode.text(devtronMode, environment) ?? ""
        guard let mode = DevtronMode(rawValue: modeText.trimmed().uppercased()) else {
            throw TelemetryError.usage("Devtron mode must be FULL or EA_ONLY, got \(Escaping.quoted(modeText))")
        }
        var release = Settings.devtronReleaseVersion.given(devtronReleaseVersion, environment)?.trimmed()
        if release?.isEmpty == true { release = nil }
        if let release, release.count > 64 || release.unicodeScalars.contains(where: { $0.properties.generalCategory == .control }) {
            throw TelemetryError.usage("Devtron release version must be at most 64 printable characters, got \(Escaping.quoted(release))")
        }
        return LayoutSettings(layout: resolvedLayout, devtronMode: mode, devtronReleaseVersion: release)
    }

    /// The properties a job event carries beyond the common ones: the seed layout's nested
    /// `summary`, or the orchestrator layout's flat values and fixed fields; `failedMetrics`
    /// when a metric failed.
    func properties(summary: Summary?) -> (nested: [String: PropertyValue]?, flat: [String: PropertyValue]) {
        var flat: [String: PropertyValue] = [:]
        var nested: [String: PropertyValue]?
        if layout == .orchestrator {
            flat["devtronMode"] = .text(devtronMode.rawValue)
            if let devtronReleaseVersion { flat["devtronReleaseVersion"] = .text(devtronReleaseVersion) }
        }
        if let summary {
            switch layout {
            case .seed:
                nested = summary.values
            case .orchestrator:
                flat.merge(summary.values) { _, value in value }
                // What the orchestrator in FULL mode sends: its provider detection and the
                // external Helm apps per cluster need services outside the database.
                flat["clusterProvider"] = .text("unknown")
                flat["ExternalHelmAppClusterCount"] = .object([:])
            }
            if !summary.failedKeys.isEmpty { flat["failedMetrics"] = .list(summary.failedKeys) }
        }
        return (nested, flat)
    }
}
