/// A value that can be sent to the server as a bound parameter (text format).
package protocol PostgresBindable: Sendable {
    /// The parameter's text representation, or `nil` for SQL NULL.
    var postgresText: String? { get }
}

extension String: PostgresBindable { package var postgresText: String? { self } }
extension Int: PostgresBindable { package var postgresText: String? { String(self) } }
extension Int64: PostgresBindable { package var postgresText: String? { String(self) } }
extension Bool: PostgresBindable { package var postgresText: String? { self ? "true" : "false" } }
extension Optional: PostgresBindable where Wrapped: PostgresBindable {
    package var postgresText: String? { self?.postgresText }
}

/// SQL text with its parameters kept apart. Interpolated values become `$1`, `$2`, … and travel as
/// bound parameters, so a value can never change the statement: SQL injection cannot be written.
///
///     let query: Query = "SELECT count(*) FROM pipeline WHERE created_on > \(since)::timestamptz"
package struct Query: Sendable, Equatable, ExpressibleByStringInterpolation {
    /// The statement, with `$n` placeholders.
    package let sql: String
    /// The parameters' text values, in placeholder order.
    package let bindings: [String?]

    /// A statement with explicit placeholders and their values.
    package init(sql: String, bindings: [any PostgresBindable] = []) {
        self.sql = sql
        self.bindings = bindings.map(\.postgresText)
    }

    package init(stringLiteral value: String) {
        self.sql = value
        self.bindings = []
    }

    package init(stringInterpolation: StringInterpolation) {
        self.sql = stringInterpolation.sql
        self.bindings = stringInterpolation.bindings
    }

    package struct StringInterpolation: StringInterpolationProtocol {
        var sql = ""
        var bindings: [String?] = []

        package init(literalCapacity: Int, interpolationCount: Int) {
            sql.reserveCapacity(literalCapacity + interpolationCount * 3)
        }

        package mutating func appendLiteral(_ literal: String) { sql += literal }

        /// Appends a placeholder and binds `value` to it.
        package mutating func appendInterpolation(_ value: some PostgresBindable) {
            bindings.append(value.postgresText)
            sql += "$\(bindings.count)"
        }
    }
}
