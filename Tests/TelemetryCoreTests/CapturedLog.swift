import Foundation
import Logging
import TelemetryCore

/// A logger whose lines are kept for assertions, formatted as the program formats them.
final class CapturedLog: @unchecked Sendable {
    private let lock = NSLock()
    private var stored: [String] = []

    var lines: [String] { lock.withLock { stored } }
    var text: String { lines.joined(separator: "\n") }

    func logger(secrets: [String] = [], format: LineLogHandler.Format = .text) -> Logger {
        let sink = LogSink { [self] line in lock.withLock { stored.append(line) } }
        let handler = LineLogHandler(format: format, level: .debug, redactor: Redactor(secrets: secrets), sink: sink)
        return Logger(label: "test") { _ in handler }
    }
}
