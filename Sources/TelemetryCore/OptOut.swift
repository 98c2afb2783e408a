/// The opt-out switches (README: "Opting out"): `TELEMETRY_DISABLED` (true/1) and `DO_NOT_TRACK` (1).
public enum OptOut {
    /// The variable that opts out, if any. A value that is neither a yes nor a no is a
    /// configuration error rather than a guess: sending when an operator meant "off" would be worse.
    public static func reason(in environment: Environment) throws -> String? {
        for name in ["TELEMETRY_DISABLED", "DO_NOT_TRACK"] {
            guard let raw = environment[name] else { continue }
            switch raw.trimmed().lowercased() {
            case "1", "true", "yes", "on": return name
            case "0", "false", "no", "off": continue
            default: throw TelemetryError.usage("\(name) must be true/1 or false/0, got \(Escaping.quoted(raw)); nothing was sent")
            }
        }
        return nil
    }
}
