/// The version of this program, sent as `$lib_version` and in the `User-Agent`.
public enum TelemetryVersion {
    public static let current = "0.2.0"
    public static let libraryName = "devtron-telemetry"
    public static var userAgent: String { "\(libraryName)/\(current)" }
}
