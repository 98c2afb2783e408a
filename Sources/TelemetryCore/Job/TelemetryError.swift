/// A failure with a one-line message for the operator and the process exit code it maps to
/// (README: "Exit codes").
package enum TelemetryError: Error, Sendable, Equatable, CustomStringConvertible {
    /// Bad flags, environment or configuration: exit 2.
    case usage(String)
    /// The database could not be reached: exit 1.
    case database(String)
    /// The events could not be delivered: exit 1.
    case delivery(String)
    /// Devtron's telemetry service could not be read (so nothing was sent): exit 1.
    case service(String)
    /// Standard output could not take the document (a dry-run body, the catalog): exit 1.
    case output(String)

    package var exitCode: ExitStatus {
        switch self {
        case .usage: return .usage
        case .database, .delivery, .service, .output: return .failure
        }
    }

    package var description: String {
        switch self {
        case .usage(let message), .database(let message), .delivery(let message), .service(let message), .output(let message):
            return message
        }
    }
}

/// The process exit codes (README: "Exit codes").
package enum ExitStatus: Int32, Sendable, Comparable {
    /// Every requested event delivered (or printed), every metric computed.
    case success = 0
    /// Delivery failed, the database was unreachable, or Devtron's telemetry service could not be read.
    case failure = 1
    /// Usage or configuration error.
    case usage = 2
    /// Delivered (or printed), but at least one metric is -1.
    case partialSummary = 3

    /// Which of two outcomes an operator most needs to see: failures before partial results.
    private var severity: Int {
        switch self {
        case .success: return 0
        case .partialSummary: return 1
        case .failure: return 2
        case .usage: return 3
        }
    }

    package static func < (lhs: ExitStatus, rhs: ExitStatus) -> Bool { lhs.severity < rhs.severity }
}
