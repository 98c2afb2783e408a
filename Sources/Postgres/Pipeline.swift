import CLibPQ
import Durations

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// libpq's pipeline mode: many statements sent in one burst and answered in one, so a batch costs
/// one network round trip instead of one per statement.
///
/// A *segment* is the statements sent, then one Sync, all flushed at once; its results are read
/// in order. On the server, the first statement of a segment that fails makes it skip the rest up
/// to the Sync: those come back as `pipelineAborted` errors. Statements of a segment outside an
/// explicit `BEGIN` share one implicit transaction that the Sync ends; an explicit transaction
/// outlives the Sync, aborted if one of its statements failed.
///
/// Each statement is followed by a Flush request, so its answer leaves the server as soon as it
/// is computed. Sending is non-blocking (`PQsetnonblocking`, `PQflush` while polling for both reading and
/// writing), so a batch larger than the socket buffers cannot deadlock against a server that is
/// itself blocked writing results. Each result is awaited as `execute` awaits one: past
/// `clientTimeout` the running statement is cancelled, and the deadline restarts with every
/// result received. A lost connection (or a server that answers neither the statements nor the
/// cancel) fails that statement and every later one with the same error, with no retry; the
/// session is then closed, since its protocol state is unknown. Every `PGresult` is cleared
/// exactly once, as soon as it has been read.
extension Connection {
    /// Runs `queries` as one pipeline segment: one round trip. The results come back in order, one
    /// per query; after the first failure the later queries are `pipelineAborted`. An empty list
    /// sends nothing. Throws only when nothing could be sent (a closed session, or one already busy).
    package func pipeline(_ queries: [Query]) throws -> [Result<QueryResult, PostgresError>] {
        guard !queries.isEmpty else { return [] }
        return try runSegment(queries)
    }

    /// Sends one segment and reads its results; see the type's documentation.
    func runSegment(_ queries: [Query]) throws -> [Result<QueryResult, PostgresError>] {
        let handle = try liveHandle()
        guard PQenterPipelineMode(handle) == 1 else {
            throw PostgresError(.connection, message: "cannot start a pipeline on \(endpoint): \(String(cString: PQerrorMessage(handle)))")
        }
        let wasNonBlocking = PQisnonblocking(handle) == 1
        guard wasNonBlocking || PQsetnonblocking(handle, 1) == 0 else {
            let error = connectionError(handle)
            _ = PQexitPipelineMode(handle)
            throw error
        }
        var results: [Result<QueryResult, PostgresError>] = []
        results.reserveCapacity(queries.count)
        var ended: PostgresError?
        let clock = ContinuousClock()
        segmentTimings = []
        segmentTimings.reserveCapacity(queries.count)
        do {
            try send(queries, then: handle)
            var previous = clock.now
            for query in queries.indices {
                let outcome = try readOne(handle, query: query)
                let answered = clock.now
                segmentTimings.append(previous.duration(to: answered))
                previous = answered
                results.append(outcome)
                // The server said FATAL (e.g. 57P01): it closes the session after this answer.
                if case .failure(let error) = outcome, error.kind == .connection {
                    ended = error
                    break
                }
            }
            if ended == nil { try readSync(handle) }
        } catch let error as PostgresError {
            ended = error
        } catch {
            ended = PostgresError(.connection, message: "pipeline on \(endpoint) failed: \(error)")
        }
        if let ended {
            // Nothing more will come on this session; the unanswered queries share its fate.
            results += Array(repeating: .failure(ended), count: queries.count - results.count)
            segmentTimings += Array(repeating: .zero, count: queries.count - segmentTimings.count)
            close()
            return results
        }
        guard PQexitPipelineMode(handle) == 1, wasNonBlocking || PQsetnonblocking(handle, 0) == 0 else {
            // Results still pending would mean the reading above fell out of step: do not reuse it.
            close()
            return results
        }
        return results
    }

    /// Queues every query and the Sync, then flushes until libpq's output buffer is empty.
    private func send(_ queries: [Query], then handle: OpaquePointer) throws {
        for query in queries {
            guard let count = Int32(exactly: query.bindings.count) else {
                throw PostgresError(.statement, message: "too many parameters: \(query.bindings.count)")
            }
            let sent = withOptionalCStringArray(query.bindings) { values in
                PQsendQueryParams(handle, query.sql, count, nil, values, nil, nil, 0)
            }
            // Without a Flush the server keeps each answer in its buffer until the Sync (or 8 KB):
            // the client would see nothing while a long batch runs, and its deadline would time
            // the whole batch instead of one statement. Five bytes each, no extra round trip.
            guard sent == 1, PQsendFlushRequest(handle) == 1 else { throw connectionError(handle) }
        }
        guard PQpipelineSync(handle) == 1 else { throw connectionError(handle) }
        try flush(handle)
    }

    /// `PQflush` until everything is written. While the socket is not writable, whatever the
    /// server sends meanwhile is read into libpq's buffer, so neither side waits on the other.
    private func flush(_ handle: OpaquePointer) throws {
        let clock = ContinuousClock()
        var deadline = clientTimeout.map { clock.now + $0 }
        while true {
            let pending = PQflush(handle)
            if pending == 0 { return }
            guard pending > 0 else { throw connectionError(handle) }
            let socket = PQsocket(handle)
            guard socket >= 0 else { throw connectionError(handle) }
            var waitMilliseconds: Int32 = -1
            if let deadline {
                let remaining = clock.now.duration(to: deadline)
                waitMilliseconds = remaining <= .zero ? 0 : Int32(clamping: remaining.wholeMilliseconds)
            }
            var descriptor = pollfd(fd: socket, events: Int16(POLLIN | POLLOUT), revents: 0)
            let ready = poll(&descriptor, 1, waitMilliseconds)
            if ready < 0 && errno == EINTR { continue }
            if ready == 0 {
                throw PostgresError(.clientTimeout, message: "\(endpoint) took no more of the pipeline within the client deadline")
            }
            guard ready > 0 else { throw PostgresError(.connection, message: "cannot wait for \(endpoint): poll failed") }
            if descriptor.revents & Int16(POLLIN) != 0 {
                guard PQconsumeInput(handle) == 1 else { throw connectionError(handle) }
                deadline = clientTimeout.map { clock.now + $0 }
            }
        }
    }

    /// Reads one query's results, up to the NULL that ends them: its last successful result, or
    /// its first error. Throws when the session is lost before the query is answered.
    private func readOne(_ handle: OpaquePointer, query: Int) throws -> Result<QueryResult, PostgresError> {
        var last: QueryResult?
        var firstError: PostgresError?
        // One statement gives one result; a few more would already be a protocol surprise, and a
        // bound keeps a confused libpq from looping here for ever.
        for _ in 0..<16 {
            try awaitResult(handle)
            guard let result = PQgetResult(handle) else {
                if let firstError { return .failure(firstError) }
                if let last { return .success(last) }
                // No result at all for this query: libpq has nothing more to give.
                throw PQstatus(handle) == CONNECTION_BAD
                    ? connectionError(handle)
                    : PostgresError(.connection, message: "pipeline on \(endpoint) out of step: no result for statement \(query + 1)")
            }
            defer { PQclear(result) }
            let status = PQresultStatus(result)
            switch status {
            case PGRES_TUPLES_OK, PGRES_COMMAND_OK, PGRES_EMPTY_QUERY:
                last = Self.copy(result)
            case PGRES_PIPELINE_ABORTED:
                firstError = firstError ?? PostgresError(.pipelineAborted, message: "not run: an earlier statement of its pipeline failed")
            case PGRES_PIPELINE_SYNC:
                throw PostgresError(.connection, message: "pipeline on \(endpoint) out of step: Sync before statement \(query + 1) ended")
            case PGRES_FATAL_ERROR, PGRES_NONFATAL_ERROR, PGRES_BAD_RESPONSE:
                firstError = firstError ?? Self.serverError(result, handle: handle)
            default:
                // COPY and the like cannot run in a pipeline.
                firstError = firstError ?? PostgresError(.statement, message: "unexpected result in a pipeline: \(String(cString: PQresStatus(status)))")
            }
        }
        throw PostgresError(.connection, message: "pipeline on \(endpoint) out of step: too many results for statement \(query + 1)")
    }

    /// Reads the Sync's own result, which follows the last query's NULL (no NULL follows it).
    private func readSync(_ handle: OpaquePointer) throws {
        try awaitResult(handle)
        guard let result = PQgetResult(handle) else {
            throw PQstatus(handle) == CONNECTION_BAD
                ? connectionError(handle)
                : PostgresError(.connection, message: "pipeline on \(endpoint) out of step: no Sync")
        }
        defer { PQclear(result) }
        guard PQresultStatus(result) == PGRES_PIPELINE_SYNC else {
            throw PostgresError(.connection, message: "pipeline on \(endpoint) out of step: \(String(cString: PQresStatus(PQresultStatus(result)))) instead of the Sync")
        }
    }
}
