/// The version of this program, sent as `$lib_version` and in the `User-Agent`.
package enum TelemetryVersion {
    package static let current = "0.2.0"
    package static let libraryName = "devtron-telemetry"
    package static var userAgent: String { "\(libraryName)/\(current)" }
}
