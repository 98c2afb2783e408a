/// The local opt-out switches: `TELEMETRY_DISABLED` (true/1), `DO_NOT_TRACK` (1) and
/// `IS_AIR_GAP_ENVIRONMENT` (true; the orchestrator's own variable: an air-gapped installation
/// cannot reach PostHog, so the job does not try). Each one stops the job before it reads the
/// database or uses the network.
public enum OptOut {
    public static let variables = ["TELEMETRY_DISABLED", "DO_NOT_TRACK", "IS_AIR_GAP_ENVIRONMENT"]

    /// The variable that opts out, if any. A value that is neither a yes nor a no is a
    /// configuration error rather than a guess: sending when an operator meant "off" would be worse.
    public static func reason(in environment: Environment) throws -> String? {
        for name in variables {
            guard let raw = environment[name] else { continue }
            if try Switch.parse(raw, name: name) { return name }
        }
        return nil
    }
}

/// `TELEMETRY_GEOIP`: `false` asks PostHog not to derive a location from the sender's address
/// (`"$geoip_disable": true` on every event). Unset or true leaves PostHog's default.
public enum GeoIP {
    public static let variable = "TELEMETRY_GEOIP"

    /// Whether events must carry `"$geoip_disable": true`.
    public static func isDisabled(in environment: Environment) throws -> Bool {
        guard let raw = environment[variable] else { return false }
        return try !Switch.parse(raw, name: variable)
    }
}

/// An on/off environment variable, read the same way for every switch.
enum Switch {
    static func parse(_ raw: String, name: String) throws -> Bool {
        switch raw.trimmed().lowercased() {
        case "1", "true", "yes", "on": return true
        case "0", "false", "no", "off": return false
        default: throw TelemetryError.usage("\(name) must be true/1 or false/0, got \(Escaping.quoted(raw)); nothing was sent")
        }
    }
}
