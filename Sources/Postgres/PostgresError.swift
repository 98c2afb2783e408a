/// An error from libpq or from the server, with the server's SQLSTATE kept so callers can tell
/// an undefined table (`42P01`) from a statement timeout (`57014`) or a read-only violation (`25006`).
public struct PostgresError: Error, Sendable, CustomStringConvertible {
    /// Where the failure happened.
    public enum Kind: String, Sendable {
        /// The connection string could not be parsed.
        case invalidConnectionString
        /// No session could be established (refused, unknown host, authentication, TLS).
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

    public let kind: Kind
    /// Five-character SQLSTATE from the server, when the server reported the error.
    public let sqlState: String?
    /// The primary human-readable message, on one line.
    public let message: String
    /// The server's optional DETAIL field.
    public let detail: String?

    public init(_ kind: Kind, sqlState: String? = nil, message: String, detail: String? = nil) {
        self.kind = kind
        self.sqlState = sqlState
        self.message = PostgresError.oneLine(message)
        self.detail = detail.map(PostgresError.oneLine)
    }

    /// SQLSTATE `57014`: canceled by `statement_timeout` (or a cancel request).
    public var isQueryCanceled: Bool { sqlState == "57014" }
    /// SQLSTATE `42P01`: the relation does not exist.
    public var isUndefinedTable: Bool { sqlState == "42P01" }
    /// SQLSTATE `25006`: a write was attempted in a read-only transaction.
    public var isReadOnlyViolation: Bool { sqlState == "25006" }
    /// The statement was skipped because an earlier one in its pipeline segment failed.
    public var isPipelineAborted: Bool { kind == .pipelineAborted }
    /// The session is gone (lost connection, or abandoned after the client deadline): nothing
    /// more can be sent on it.
    public var endsSession: Bool { kind == .connection || kind == .clientTimeout }

    public var description: String {
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
