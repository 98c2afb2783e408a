/// An error from libpq or from the server, with the server's SQLSTATE kept so callers can tell
/// an undefined table (`42P01`) from a statement timeout (`57014`) or a read-only violation (`25006`).
///
/// A statement's error carries no text from the server: the server's message can quote row values
/// (a failed cast prints the value it could not cast), and nothing read from the database may
/// reach a log line except the metrics' values. Its `message` is a fixed sentence chosen by the
/// SQLSTATE (`SQLState.meaning`). Connection errors keep libpq's own sentence ("password
/// authentication failed", "Connection refused"), which is about the session, never about rows.
package struct PostgresError: Error, Sendable, CustomStringConvertible {
    /// Where the failure happened.
    package enum Kind: String, Sendable {
        /// The connection string could not be parsed.
        case invalidConnectionString
        /// No session could be established (refused, unknown host, authentication, TLS), or it was lost.
        case connection
        /// The server rejected or aborted a statement; `sqlState` says why.
        case statement
        /// The server did not answer within the client-side deadline.
        case clientTimeout
        /// A result could not be decoded into the requested Swift type.
        case decoding
        /// Not run: an earlier statement of the same pipeline segment failed, so the server
        /// skipped this one until the segment's end (libpq's `PGRES_PIPELINE_ABORTED`). No SQLSTATE.
        case pipelineAborted
    }

    package let kind: Kind
    /// The server's SQLSTATE, when the server reported the error.
    package let sqlState: SQLState?
    /// One line, written by this program (or, for connection errors, by libpq).
    package let message: String

    package init(_ kind: Kind, sqlState: SQLState? = nil, message: String) {
        self.kind = kind
        self.sqlState = sqlState
        self.message = PostgresError.oneLine(message)
    }

    /// A statement's error as the server reported it: only its SQLSTATE is kept.
    package init(statementFailedWith sqlState: SQLState) {
        self.init(.statement, sqlState: sqlState, message: sqlState.meaning)
    }

    /// SQLSTATE `57014`: canceled by `statement_timeout` (or a cancel request).
    package var isQueryCanceled: Bool { sqlState == .queryCanceled }
    /// SQLSTATE `42P01`: the relation does not exist.
    package var isUndefinedTable: Bool { sqlState == .undefinedTable }
    /// SQLSTATE `25006`: a write was attempted in a read-only transaction.
    package var isReadOnlyViolation: Bool { sqlState == .readOnlySQLTransaction }
    /// The statement was skipped because an earlier one in its pipeline segment failed.
    package var isPipelineAborted: Bool { kind == .pipelineAborted }
    /// The session is gone (lost connection, or abandoned after the client deadline): nothing
    /// more can be sent on it.
    package var endsSession: Bool { kind == .connection || kind == .clientTimeout }

    package var description: String {
        var text = message
        if let sqlState { text += " (SQLSTATE \(sqlState))" }
        return text
    }

    /// libpq messages end in newlines and may carry tab-indented hints; logs want one line.
    static func oneLine(_ text: String) -> String {
        text.split(whereSeparator: \.isNewline)
            .map { line in
                line.drop(while: { $0 == " " || $0 == "\t" })
            }
            .filter { !$0.isEmpty }
            .joined(separator: " ")
    }
}
