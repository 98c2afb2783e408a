/// The local opt-out switches: `TELEMETRY_DISABLED` (true/1), `DO_NOT_TRACK` (1) and
/// `IS_AIR_GAP_ENVIRONMENT` (true; the orchestrator's own variable: an air-gapped installation
/// cannot reach PostHog, so the job does not try). Each one stops the job before it reads the
/// database or uses the network.
package enum OptOut {
    package static let switches = [Settings.telemetryDisabled, Settings.doNotTrack, Settings.airGap]

    /// The variable that opts out, if any. A value that is neither a yes nor a no is a
    /// configuration error rather than a guess: sending when an operator meant "off" would be worse.
    package static func reason(in environment: Environment) throws -> String? {
        for setting in switches where try setting.onOff(environment) == true {
            return setting.variables.first
        }
        return nil
    }
}

/// `TELEMETRY_GEOIP`: `false` asks PostHog not to derive a location from the sender's address
/// (`"$geoip_disable": true` on every event). Unset or true leaves PostHog's default.
package enum GeoIP {
    /// Whether events must carry `"$geoip_disable": true`.
    package static func isDisabled(in environment: Environment) throws -> Bool {
        try Settings.geoIP.onOff(environment) == false
    }
}
