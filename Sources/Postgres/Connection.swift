import CLibPQ
import Durations

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// One libpq session. The `PGconn` handle is owned here and freed exactly once, by `close()` or
/// at deinitialisation; every `PGresult` is cleared before the call that produced it returns.
///
/// Statements are sent with `PQsendQueryParams` and awaited with `poll`, so a server that stops
/// answering cannot hang the caller past `clientTimeout`: the statement is cancelled instead.
package final class Connection {
    /// The libpq handle; `nil` once closed. Pipeline.swift reads it too.
    private(set) var handle: OpaquePointer?
    /// `host:port` of the server, for messages.
    package let endpoint: String
    /// How long to wait for a statement's result before cancelling it; `nil` waits for ever.
    /// Set it a little above the server-side `statement_timeout`, which should fire first.
    package var clientTimeout: Duration?
    /// For each statement of the last pipeline segment, the time from the previous answer (the
    /// first: from the end of sending) to its own: with answers streamed back one by one, that is
    /// the server's time for the statement. Pipeline.swift sets it.
    var segmentTimings: [Duration] = []

    /// Opens a session. `connect_timeout` and every other keyword come from `parameters`.
    ///
    /// The handshake is driven here (`PQconnectStartParams`, `PQconnectPoll`) rather than by
    /// `PQconnectdbParams`, so that the notice processor is in place before the server can say
    /// anything: a WARNING sent while connecting would otherwise reach stderr raw, through libpq's
    /// default processor. libpq leaves `connect_timeout` to the caller in this mode; it bounds the
    /// whole handshake.
    package init(_ parameters: ConnectionParameters) throws {
        let pairs = parameters.values.sorted { $0.key < $1.key }
        let conn = withCStringArray(pairs.map(\.key)) { keywords in
            withCStringArray(pairs.map(\.value)) { values in
                PQconnectStartParams(keywords, values, 0)
            }
        }
        guard let conn else {
            throw PostgresError(.connection, message: "cannot allocate a libpq connection")
        }
        // Server notices would go to stderr by default; the caller decides what is logged.
        PQsetNoticeProcessor(conn, { _, _ in }, nil)
        let connected = Self.completeHandshake(conn, within: Self.connectTimeout(parameters))
        var endpoint = parameters.endpointDescription
        if let host = PQhost(conn), let port = PQport(conn), host.pointee != 0 {
            endpoint = "\(String(cString: host)):\(String(cString: port))"
        }
        self.endpoint = endpoint
        guard connected, PQstatus(conn) == CONNECTION_OK else {
            let reason = connected ? Self.connectionFailure(String(cString: PQerrorMessage(conn))) : "timeout expired"
            PQfinish(conn)
            throw PostgresError(.connection, message: "cannot connect to \(endpoint): \(reason)")
        }
        self.handle = conn
    }

    deinit { close() }

    /// Ends the session. Safe to call more than once.
    package func close() {
        if let handle {
            PQfinish(handle)
            self.handle = nil
        }
    }

    /// `connect_timeout` as libpq reads it: whole seconds, none (0, absent) meaning no limit.
    static func connectTimeout(_ parameters: ConnectionParameters) -> Duration? {
        guard let text = parameters["connect_timeout"], let seconds = Int(text), seconds > 0 else { return nil }
        return .seconds(max(2, min(seconds, 86_400)))
    }

    /// Polls the connection until it is made or failed; false when `limit` passed first.
    private static func completeHandshake(_ conn: OpaquePointer, within limit: Duration?) -> Bool {
        guard PQstatus(conn) != CONNECTION_BAD else { return true }
        let clock = ContinuousClock()
        let deadline = limit.map { clock.now + $0 }
        var state = PGRES_POLLING_WRITING
        while true {
            switch state {
            case PGRES_POLLING_OK, PGRES_POLLING_FAILED:
                return true
            default:
                var wait: Int32 = -1
                if let deadline {
                    let remaining = clock.now.duration(to: deadline)
                    guard remaining > .zero else { return false }
                    wait = Int32(clamping: max(1, remaining.wholeMilliseconds))
                }
                let socket = PQsocket(conn)
                guard socket >= 0 else { return true }
                let events = state == PGRES_POLLING_READING ? POLLIN : POLLOUT
                var descriptor = pollfd(fd: socket, events: Int16(events), revents: 0)
                let ready = poll(&descriptor, 1, wait)
                if ready < 0 && errno != EINTR { return true }
                if ready <= 0 { continue }
                state = PQconnectPoll(conn)
            }
        }
    }

    /// libpq's reason for a failed connection, without the server's own words: what follows
    /// "FATAL:" or "ERROR:" is text the server chose, shown only as one of a few fixed sentences.
    static func connectionFailure(_ libpqMessage: String) -> String {
        let firstLine = libpqMessage.split(whereSeparator: \.isNewline).first.map(String.init) ?? ""
        guard let marker = firstLine.firstRange(of: "FATAL:") ?? firstLine.firstRange(of: "ERROR:") else {
            return firstLine.isEmpty ? "libpq gave no reason" : firstLine
        }
        let serverText = firstLine[marker.upperBound...].lowercased()
        let known: [(phrase: String, sentence: String)] = [
            ("password authentication failed", "password authentication failed"),
            ("no pg_hba.conf entry", "no pg_hba.conf entry allows this host, user and database"),
            ("does not exist", "the database or the role does not exist"),
            ("too many connections", "too many connections"),
            ("starting up", "the database system is starting up"),
            ("shutting down", "the database system is shutting down"),
            ("in recovery mode", "the database system is in recovery mode"),
            ("not permitted to log in", "the role is not permitted to log in"),
            ("permission denied", "permission denied"),
        ]
        let sentence = known.first { serverText.contains($0.phrase) }?.sentence ?? "its reason is the server's own text, not shown"
        return String(firstLine[..<marker.lowerBound]) + "the server refused the session: " + sentence
    }

    /// The server's version as an integer, e.g. 150018 for 15.18.
    package var serverVersion: Int {
        handle.map { Int(PQserverVersion($0)) } ?? 0
    }

    /// Runs one statement with its parameters bound (extended protocol, text format).
    @discardableResult
    package func execute(_ query: Query) throws -> QueryResult {
        let handle = try liveHandle()
        let sent = withOptionalCStringArray(query.bindings) { values in
            PQsendQueryParams(handle, query.sql, Int32(clamping: query.bindings.count), nil, values, nil, nil, 0)
        }
        guard sent == 1 else { throw connectionError(handle) }
        return try collectResults(handle)
    }

    /// Runs a script of one or more statements with the simple protocol (no parameters), as
    /// `psql -f` does for a file of plain SQL. Meant for loading schemas and fixtures.
    @discardableResult
    package func executeScript(_ sql: String) throws -> QueryResult {
        let handle = try liveHandle()
        guard PQsendQuery(handle, sql) == 1 else { throw connectionError(handle) }
        return try collectResults(handle)
    }

    /// Sets a run-time parameter for the session, value bound (`set_config`), never spliced.
    package func setParameter(_ name: String, to value: String) throws {
        try execute("SELECT set_config(\(name), \(value), false)")
    }

    // MARK: - Results

    func liveHandle() throws -> OpaquePointer {
        guard let handle else { throw PostgresError(.connection, message: "connection to \(endpoint) is closed") }
        return handle
    }

    /// Drains every result of the statement, keeping the last successful one and the first error.
    private func collectResults(_ handle: OpaquePointer) throws -> QueryResult {
        var last = QueryResult(rows: [], commandTag: "")
        var firstError: PostgresError?
        while true {
            try awaitResult(handle)
            guard let result = PQgetResult(handle) else { break }
            defer { PQclear(result) }
            switch PQresultStatus(result) {
            case PGRES_TUPLES_OK, PGRES_COMMAND_OK, PGRES_EMPTY_QUERY:
                last = Self.copy(result)
            default:
                if firstError == nil { firstError = Self.serverError(result, handle: handle) }
            }
        }
        if let firstError { throw firstError }
        return last
    }

    /// Waits until libpq can hand over a result without blocking; past `clientTimeout`, asks the
    /// server to cancel the statement, gives it a moment to answer, then gives up.
    func awaitResult(_ handle: OpaquePointer) throws {
        let clock = ContinuousClock()
        var deadline = clientTimeout.map { clock.now + $0 }
        var cancelled = false
        while PQisBusy(handle) == 1 {
            var waitMilliseconds: Int32 = -1
            if let deadline {
                let remaining = clock.now.duration(to: deadline)
                waitMilliseconds = remaining <= .zero ? 0 : Int32(clamping: remaining.wholeMilliseconds)
            }
            // A closed socket (-1) would make poll ignore it and wait for ever.
            let socket = PQsocket(handle)
            guard socket >= 0 else { throw connectionError(handle) }
            var descriptor = pollfd(fd: socket, events: Int16(POLLIN), revents: 0)
            let ready = poll(&descriptor, 1, waitMilliseconds)
            if ready < 0 && errno == EINTR { continue }
            if ready == 0 {
                if cancelled {
                    throw PostgresError(.clientTimeout, message: "no answer from \(endpoint) after cancelling the statement")
                }
                cancel(handle)
                cancelled = true
                deadline = clock.now + .seconds(2)
                continue
            }
            guard PQconsumeInput(handle) == 1 else { throw connectionError(handle) }
        }
    }

    func cancel(_ handle: OpaquePointer) {
        guard let token = PQgetCancel(handle) else { return }
        defer { PQfreeCancel(token) }
        var buffer = [CChar](repeating: 0, count: 256)
        _ = PQcancel(token, &buffer, Int32(buffer.count))
    }

    /// The session failed while in use. libpq's message is not kept: once statements have run, it
    /// may hold the server's text, and that can quote row values.
    func connectionError(_ handle: OpaquePointer) -> PostgresError {
        PostgresError(.connection, message: "connection to \(endpoint) lost")
    }

    /// A statement's error result: its SQLSTATE only, never the server's message, detail or hint
    /// (which can quote row values); see `PostgresError`.
    static func serverError(_ result: OpaquePointer, handle: OpaquePointer) -> PostgresError {
        let code = PQresultErrorField(result, Int32(UInt8(ascii: "C"))).map { String(cString: $0) }
        // No SQLSTATE means libpq itself failed (e.g. the server closed the connection).
        guard let code else {
            return PostgresError(.connection, message: "connection lost while a statement ran")
        }
        let sqlState = SQLState(rawValue: code) ?? "XX000"
        // A FATAL or PANIC error (e.g. 57P01, the backend terminated) ends the session: the
        // connection is lost, whatever the SQLSTATE.
        let severity = PQresultErrorField(result, Int32(UInt8(ascii: "V"))).map { String(cString: $0) }
        if severity == "FATAL" || severity == "PANIC" {
            return PostgresError(.connection, sqlState: sqlState, message: "the server ended the session")
        }
        return PostgresError(statementFailedWith: sqlState)
    }

    static func copy(_ result: OpaquePointer) -> QueryResult {
        let rowCount = Int(PQntuples(result))
        let columnCount = Int(PQnfields(result))
        let columns = (0..<columnCount).map { String(cString: PQfname(result, Int32($0))) }
        var rows: [Row] = []
        rows.reserveCapacity(rowCount)
        for row in 0..<rowCount {
            let values: [String?] = (0..<columnCount).map { column in
                PQgetisnull(result, Int32(row), Int32(column)) == 1
                    ? nil : String(cString: PQgetvalue(result, Int32(row), Int32(column)))
            }
            rows.append(Row(columns: columns, values: values))
        }
        let tag = PQcmdStatus(result).map { String(cString: $0) } ?? ""
        return QueryResult(rows: rows, commandTag: tag)
    }
}

/// Calls `body` with a NULL-terminated C array of the strings, valid only for the call.
private func withCStringArray<R>(_ strings: [String], _ body: (UnsafePointer<UnsafePointer<CChar>?>) -> R) -> R {
    withOptionalCStringArray(strings.map(Optional.some), body)
}

func withOptionalCStringArray<R>(_ strings: [String?], _ body: (UnsafePointer<UnsafePointer<CChar>?>) -> R) -> R {
    let copies: [UnsafeMutablePointer<CChar>?] = strings.map { $0.flatMap { strdup($0) } }
    defer { copies.forEach { free($0) } }
    var pointers = copies.map { UnsafePointer($0) }
    pointers.append(nil)
    // `pointers` always holds at least the terminating nil, so its base address exists.
    return pointers.withUnsafeBufferPointer { body($0.baseAddress.unsafelyUnwrapped) }
}
