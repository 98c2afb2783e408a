/// A type that can be decoded from a column's text representation.
package protocol PostgresDecodable {
    init?(postgresText: String)
}

extension String: PostgresDecodable { package init?(postgresText: String) { self = postgresText } }
extension Int: PostgresDecodable { package init?(postgresText: String) { self.init(postgresText, radix: 10) } }
extension Int64: PostgresDecodable { package init?(postgresText: String) { self.init(postgresText, radix: 10) } }
extension Bool: PostgresDecodable {
    package init?(postgresText: String) {
        switch postgresText {
        case "t", "true": self = true
        case "f", "false": self = false
        default: return nil
        }
    }
}

/// One row of a result, copied out of libpq's result so the result can be freed at once.
package struct Row: Sendable {
    /// Column names, in order.
    package let columns: [String]
    /// Column values as the server's text, `nil` for SQL NULL.
    package let values: [String?]

    package init(columns: [String], values: [String?]) {
        self.columns = columns
        self.values = values
    }

    /// Decodes column `index`; a NULL, a missing column or an unparsable value is a decoding error.
    package func decode<T: PostgresDecodable>(_ type: T.Type, at index: Int) throws -> T {
        guard values.indices.contains(index) else {
            throw PostgresError(.decoding, message: "result has no column \(index)")
        }
        guard let text = values[index] else {
            throw PostgresError(.decoding, message: "column \(columns[index]) is NULL, expected \(T.self)")
        }
        guard let value = T(postgresText: text) else {
            throw PostgresError(.decoding, message: "column \(columns[index]) is not a valid \(T.self)")
        }
        return value
    }

    /// Decodes the column named `name`.
    package func decode<T: PostgresDecodable>(_ type: T.Type, column name: String) throws -> T {
        guard let index = columns.firstIndex(of: name) else {
            throw PostgresError(.decoding, message: "result has no column \(name)")
        }
        return try decode(type, at: index)
    }
}

/// What a statement returned: its rows (possibly none) and the command tag, e.g. `SELECT 1`.
package struct QueryResult: Sendable {
    package let rows: [Row]
    package let commandTag: String

    /// The single value of a one-row, one-column result, as `count(*)` returns.
    package func scalar<T: PostgresDecodable>(_ type: T.Type) throws -> T {
        guard rows.count == 1 else {
            throw PostgresError(.decoding, message: "expected one row, got \(rows.count)")
        }
        return try rows[0].decode(type, at: 0)
    }
}
