import Logging
#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Where finished log lines go. The default writes to standard error.
package struct LogSink: Sendable {
    package let write: @Sendable (String) -> Void

    package init(write: @escaping @Sendable (String) -> Void) {
        self.write = write
    }

    package static let standardError = LogSink { line in
        // Nowhere left to say that stderr failed: the exit code still tells.
        _ = writeAll(line + "\n", to: STDERR_FILENO)
    }
}

/// A log line per record, `key=value` (or one JSON object) on standard error (README: "Exit codes",
/// last paragraph); every value passes through the `Redactor` before it is escaped.
package struct LineLogHandler: LogHandler {
    package enum Format: String, Sendable, CaseIterable {
        case text, json
    }

    package var logLevel: Logger.Level = .info
    package var metadata: Logger.Metadata = [:]
    private let format: Format
    private let redactor: Redactor
    private let sink: LogSink

    package init(format: Format, level: Logger.Level, redactor: Redactor, sink: LogSink = .standardError) {
        self.format = format
        self.logLevel = level
        self.redactor = redactor
        self.sink = sink
    }

    package subscript(metadataKey key: String) -> Logger.Metadata.Value? {
        get { metadata[key] }
        set { metadata[key] = newValue }
    }

    package func log(event: LogEvent) {
        var fields: [(String, String)] = [
            ("ts", Timestamp.rfc3339(Date())), ("level", event.level.rawValue), ("msg", event.message.description),
        ]
        let merged = metadata.merging(event.metadata ?? [:]) { $1 }
        for key in merged.keys.sorted() {
            fields.append((key, merged[key].map { "\($0)" } ?? ""))
        }
        // Masked before escaping (a secret holding a quote or a newline is found as it is), then
        // cut to a bounded length, and the finished line masked once more for any secret the
        // escaping could not change.
        sink.write(redactor.redact(render(fields.map { ($0.0, Escaping.cut(redactor.redact($0.1))) })))
    }

    private func render(_ fields: [(String, String)]) -> String {
        switch format {
        case .text:
            return fields.map { "\($0.0)=\(Self.quoteIfNeeded($0.1))" }.joined(separator: " ")
        case .json:
            return "{" + fields.map { "\(Self.jsonString($0.0)):\(Self.jsonString($0.1))" }.joined(separator: ",") + "}"
        }
    }

    static func quoteIfNeeded(_ value: String) -> String {
        let plain = !value.isEmpty && value.unicodeScalars.allSatisfy { scalar in
            scalar.value > 0x20 && scalar.value < 0x7F && scalar != "\"" && scalar != "=" && scalar != "\\"
        }
        return plain ? value : jsonString(value)
    }

    /// A JSON string literal; control characters escaped so a value can never break the line.
    static func jsonString(_ value: String) -> String {
        "\"" + Escaping.escaped(value, quotesAndBackslashes: true) + "\""
    }
}

/// Writes all of `text` to a file descriptor, retrying short writes; the `errno` of a failed
/// write, or nil when everything was written.
func writeAll(_ text: String, to descriptor: Int32) -> Int32? {
    var bytes = Array(text.utf8)[...]
    while !bytes.isEmpty {
        let written = bytes.withUnsafeBytes { write(descriptor, $0.baseAddress, $0.count) }
        if written < 0 && errno == EINTR { continue }
        guard written > 0 else { return written < 0 ? errno : EIO }
        bytes = bytes.dropFirst(written)
    }
    return nil
}

/// Writes a document to standard output; a document that could not be written whole (a full
/// disk, a closed pipe) is a failure of the command, exit 1, never a silent success.
package func writeStandardOutput(_ text: String) throws {
    if let failure = writeAll(text, to: STDOUT_FILENO) {
        throw TelemetryError.output("cannot write to standard output: \(String(cString: strerror(failure)))")
    }
}
