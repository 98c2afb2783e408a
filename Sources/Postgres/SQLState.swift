/// A PostgreSQL SQLSTATE: five characters, digits and upper-case letters, the first two naming
/// its class (Appendix A of the PostgreSQL manual). Anything else the server might send in its
/// place is not kept, so not even this field can carry other text.
package struct SQLState: RawRepresentable, Hashable, Sendable, CustomStringConvertible, ExpressibleByStringLiteral {
    package let rawValue: String

    package init?(rawValue: String) {
        let scalars = rawValue.unicodeScalars
        guard scalars.count == 5, scalars.allSatisfy({ ("0"..."9").contains($0) || ("A"..."Z").contains($0) }) else {
            return nil
        }
        self.rawValue = rawValue
    }

    /// For the constants below; a malformed literal is a programming error caught by the tests.
    package init(stringLiteral value: String) {
        self.rawValue = SQLState(rawValue: value)?.rawValue ?? "XX000"
    }

    package var description: String { rawValue }

    /// The class: the first two characters (`42` for `42P01`).
    package var classCode: String { String(rawValue.prefix(2)) }

    package static let queryCanceled: SQLState = "57014"
    package static let undefinedTable: SQLState = "42P01"
    package static let undefinedColumn: SQLState = "42703"
    package static let undefinedFunction: SQLState = "42883"
    package static let insufficientPrivilege: SQLState = "42501"
    package static let readOnlySQLTransaction: SQLState = "25006"
    package static let inFailedSQLTransaction: SQLState = "25P02"
    package static let lockNotAvailable: SQLState = "55P03"
    package static let serializationFailure: SQLState = "40001"
    package static let deadlockDetected: SQLState = "40P01"
    package static let adminShutdown: SQLState = "57P01"

    /// A fixed sentence for this SQLSTATE: its own when it is one the job meets, else its class's.
    /// Never the server's message, which can quote row values.
    package var meaning: String {
        switch self {
        case .queryCanceled: return "statement canceled (statement_timeout reached, or a cancel request)"
        case .undefinedTable: return "a table the statement reads does not exist"
        case .undefinedColumn: return "a column the statement reads does not exist"
        case .undefinedFunction: return "a function or operator the statement uses does not exist"
        case .insufficientPrivilege: return "permission denied to the database user"
        case .readOnlySQLTransaction: return "a write was refused: the session is read-only"
        case .inFailedSQLTransaction: return "the transaction was already aborted by an earlier error"
        case .lockNotAvailable: return "a lock the statement needs is not available"
        case .serializationFailure: return "serialization failure"
        case .deadlockDetected: return "deadlock detected"
        case .adminShutdown: return "the server is shutting down"
        default: return Self.classMeanings[classCode] ?? "the server reported an error"
        }
    }

    /// The classes of Appendix A, each in the manual's own words.
    static let classMeanings: [String: String] = [
        "01": "warning", "02": "no data", "03": "SQL statement not yet complete", "08": "connection exception",
        "09": "triggered action exception", "0A": "feature not supported", "0B": "invalid transaction initiation",
        "0F": "locator exception", "0L": "invalid grantor", "0P": "invalid role specification",
        "0Z": "diagnostics exception", "20": "case not found", "21": "cardinality violation",
        "22": "data exception (a value could not be converted or computed)", "23": "integrity constraint violation",
        "24": "invalid cursor state", "25": "invalid transaction state", "26": "invalid SQL statement name",
        "27": "triggered data change violation", "28": "invalid authorization specification",
        "2B": "dependent privilege descriptors still exist", "2D": "invalid transaction termination",
        "2F": "SQL routine exception", "34": "invalid cursor name", "38": "external routine exception",
        "39": "external routine invocation exception", "3B": "savepoint exception", "3D": "invalid catalog name",
        "3F": "invalid schema name", "40": "transaction rollback", "42": "syntax error or access rule violation",
        "44": "WITH CHECK OPTION violation", "53": "insufficient resources", "54": "program limit exceeded",
        "55": "object not in prerequisite state", "57": "operator intervention", "58": "system error",
        "72": "snapshot failure", "F0": "configuration file error", "HV": "foreign data wrapper error",
        "P0": "PL/pgSQL error", "XX": "internal error",
    ]
}
