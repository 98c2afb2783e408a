import Foundation
import Logging
import TelemetryCore

/// A logger whose lines are kept for assertions, formatted as the program formats them.
package final class CapturedLog: @unchecked Sendable {
    package init() {}

    private let lock = NSLock()
    private var stored: [String] = []

    package var lines: [String] { lock.withLock { stored } }
    package var text: String { lines.joined(separator: "\n") }

    package func logger(secrets: [String] = [], format: LineLogHandler.Format = .text) -> Logger {
        let sink = LogSink { [self] line in lock.withLock { stored.append(line) } }
        let handler = LineLogHandler(format: format, level: .debug, redactor: Redactor(secrets: secrets), sink: sink)
        return Logger(label: "test") { _ in handler }
    }
}
