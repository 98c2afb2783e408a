import Postgres

/// The Summary of one run in one layout: each key's value as it is sent, and the keys whose metric
/// failed (an integer that failed is -1; a failed flag, text counter, list or timestamp is absent).
package struct Summary: Sendable, Equatable {
    package let layout: Metric.Layout
    /// Values by key of the layout; a record with two keys is under both.
    package private(set) var values: [String: PropertyValue]
    /// Keys of the layout whose metric could not be computed, sorted.
    package private(set) var failedKeys: [String]

    package init(layout: Metric.Layout, values: [String: PropertyValue] = [:], failedKeys: [String] = []) {
        self.layout = layout
        self.values = values
        self.failedKeys = failedKeys.sorted()
    }

    /// A seed-layout Summary of counts, a count of -1 marking a failure.
    package init(counts: [String: Int]) {
        self.init(
            layout: .seed, values: counts.mapValues(PropertyValue.integer),
            failedKeys: counts.filter { $0.value < 0 }.map(\.key)
        )
    }

    /// The integer values (counts and maxima), by key.
    package var counts: [String: Int] { values.compactMapValues(\.integer) }
    package var isComplete: Bool { failedKeys.isEmpty }

    /// How many of `metrics` failed (a record with two keys counts once).
    func failedMetricCount(of metrics: [Metric]) -> Int {
        metrics.filter { metric in metric.keys(in: layout).contains { failedKeys.contains($0) } }.count
    }

    /// Records `metric`'s outcome under each of its keys in this layout.
    mutating func record(_ metric: Metric, _ outcome: Result<PropertyValue, PostgresError>) {
        for key in metric.keys(in: layout) {
            switch outcome {
            case .success(let value):
                values[key] = value
            case .failure:
                if metric.kind.failsAsMinusOne { values[key] = .integer(-1) }
                failedKeys.append(key)
            }
        }
        failedKeys.sort()
    }
}

extension Metric.Kind {
    /// The metric's value from its statement's rows, checked against the kind's shape; anything
    /// else is a decoding error, so a value of an unexpected form never leaves the process.
    package func value(of result: QueryResult) throws -> PropertyValue {
        switch self {
        case .count, .maximum:
            let value = try result.scalar(Int.self)
            guard value >= 0 else { throw PostgresError(.decoding, message: "expected a number of at least 0") }
            return .integer(value)
        case .flag:
            return .flag(try result.scalar(Bool.self))
        case .textCounter:
            let text = try result.scalar(String.self)
            guard Self.isDecimal(text) else { throw PostgresError(.decoding, message: "expected a decimal number") }
            return .text(text)
        case .timestamp:
            let text = try result.scalar(String.self)
            guard Self.isTimestamp(text) else { throw PostgresError(.decoding, message: "expected an RFC 3339 UTC timestamp") }
            return .text(text)
        case .list:
            let items = try result.rows.map { row in Self.identifier(try row.decode(String.self, at: 0)) }
            return .list(Array(Set(items)).sorted { $0.utf8.lexicographicallyPrecedes($1.utf8) })
        }
    }

    /// A list item as it may be sent: a short identifier (ASCII letters and digits, `+#._-`, at
    /// most 64 characters), else `other`. The SQL already maps values so; this is the net.
    static func identifier(_ text: String) -> String {
        let allowed = text.utf8.allSatisfy { byte in
            (byte >= 0x30 && byte <= 0x39) || (byte >= 0x41 && byte <= 0x5A) || (byte >= 0x61 && byte <= 0x7A)
                || byte == UInt8(ascii: "+") || byte == UInt8(ascii: "#") || byte == UInt8(ascii: ".")
                || byte == UInt8(ascii: "_") || byte == UInt8(ascii: "-")
        }
        return allowed && (1...64).contains(text.utf8.count) ? text : "other"
    }

    /// A non-negative decimal integer of at most 40 digits.
    static func isDecimal(_ text: String) -> Bool {
        (1...40).contains(text.utf8.count) && text.utf8.allSatisfy { $0 >= 0x30 && $0 <= 0x39 }
    }

    /// `YYYY-MM-DDTHH:MM:SS.mmmZ`.
    static func isTimestamp(_ text: String) -> Bool {
        let bytes = Array(text.utf8)
        guard bytes.count == 24 else { return false }
        let shape = Array("dddd-dd-ddTdd:dd:dd.dddZ".utf8)
        return zip(bytes, shape).allSatisfy { byte, expected in
            expected == UInt8(ascii: "d") ? (byte >= 0x30 && byte <= 0x39) : byte == expected
        }
    }
}
