/// A value that can be sent to the server as a bound parameter (text format).
public protocol PostgresBindable: Sendable {
    /// The parameter's text representation, or `nil` for SQL NULL.
    var postgresText: String? { get }
}

extension String: PostgresBindable { public var postgresText: String? { self } }
extension Int: PostgresBindable { public var postgresText: String? { String(self) } }
extension Int64: PostgresBindable { public var postgresText: String? { String(self) } }
extension Bool: PostgresBindable { public var postgresText: String? { self ? "true" : "false" } }
extension Optional: PostgresBindable where Wrapped: PostgresBindable {
    public var postgresText: String? { self?.postgresText }
}

/// SQL text with its parameters kept apart. Interpolated values become `$1`, `$2`, … and travel as
/// bound parameters, so a value can never change the statement: SQL injection cannot be written.
///
///     let query: Query = "SELECT count(*) FROM pipeline WHERE created_on > \(since)::timestamptz"
public struct Query: Sendable, Equatable, ExpressibleByStringInterpolation {
    /// The statement, with `$n` placeholders.
    public let sql: String
    /// The parameters' text values, in placeholder order.
    public let bindings: [String?]

    /// A statement with explicit placeholders and their values.
    public init(sql: String, bindings: [any PostgresBindable] = []) {
        self.sql = sql
        self.bindings = bindings.map(\.postgresText)
    }

    public init(stringLiteral value: String) {
        self.sql = value
        self.bindings = []
    }

    public init(stringInterpolation: StringInterpolation) {
        self.sql = stringInterpolation.sql
        self.bindings = stringInterpolation.bindings
    }

    public struct StringInterpolation: StringInterpolationProtocol {
        var sql = ""
        var bindings: [String?] = []

        public init(literalCapacity: Int, interpolationCount: Int) {
            sql.reserveCapacity(literalCapacity + interpolationCount * 3)
        }

        public mutating func appendLiteral(_ literal: String) { sql += literal }

        /// Appends a placeholder and binds `value` to it.
        public mutating func appendInterpolation(_ value: some PostgresBindable) {
            bindings.append(value.postgresText)
            sql += "$\(bindings.count)"
        }
    }
}
