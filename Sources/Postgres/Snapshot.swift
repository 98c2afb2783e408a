import CLibPQ

/// What `Connection.snapshot` returns: one result per query, in order, and what it cost.
package struct SnapshotResult: Sendable {
    /// One per query: its rows, or why it failed. Never `pipelineAborted`: what a failure made the
    /// server skip is sent again.
    package let results: [Result<QueryResult, PostgresError>]
    /// One per query: the time from the previous answer to its own, the server's time for it (see
    /// `Connection.segmentTimings`); for a query sent again after a failure, from that round trip.
    package let durations: [Duration]
    /// Network round trips used: pipeline segments sent, plus a closing `ROLLBACK` when one was
    /// needed. One when every query answers; one more per failed query (but none after the last).
    package let roundTrips: Int
}

extension Connection {
    /// The savepoint every query runs under: a failure rolls back to it, never further.
    static let snapshotSavepoint = "telemetry_snapshot"

    /// Runs `queries` in one `REPEATABLE READ READ ONLY` transaction, so that all of them see one
    /// snapshot, in as few round trips as failures allow.
    ///
    /// The first round trip is one pipeline segment: `BEGIN ISOLATION LEVEL REPEATABLE READ READ
    /// ONLY`, the `setup` statements (e.g. the session's `set_config` calls), `SAVEPOINT`, every
    /// query, `COMMIT`, Sync. When query *k* fails, the server skips the rest of that segment and
    /// the transaction stays open, aborted; the next round trip is `ROLLBACK TO SAVEPOINT`, queries
    /// *k+1…*, `COMMIT`, Sync. The snapshot belongs to the transaction (taken by its first
    /// statement, the first of `setup` if any), not to the savepoint, so the queries after a
    /// failure still see the same data as those before it.
    ///
    /// `setup` runs inside the transaction, after `BEGIN`: a query before it in the same segment
    /// would already have fixed the isolation level, and the server then refuses `BEGIN
    /// ISOLATION LEVEL` (25001). Session settings made there with `set_config(…, false)` outlast
    /// the `COMMIT`. A failure of `BEGIN`, of `setup` or of the `SAVEPOINT` is thrown, after the
    /// transaction is rolled back. A lost connection (or a client deadline the server ignored)
    /// fails the query it hit and every later one with that error: no retry, the session is
    /// closed. With no queries nothing is sent, not even `setup`.
    package func snapshot(setup: [Query] = [], queries: [Query]) throws -> SnapshotResult {
        guard !queries.isEmpty else { return SnapshotResult(results: [], durations: [], roundTrips: 0) }
        let savepoint = Self.snapshotSavepoint
        // Identifiers cannot be bound: the savepoint's name is a constant, spliced on purpose.
        let head = [Query(sql: "BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY")] + setup + [Query(sql: "SAVEPOINT " + savepoint)]
        var segment = try runSegment(head + queries + [Query(sql: "COMMIT")])
        var roundTrips = 1
        if let error = segment.prefix(head.count).firstFailure {
            _ = endTransaction()
            throw error
        }
        var results = Array(segment.dropFirst(head.count).prefix(queries.count))
        var durations = Array(segmentTimings.dropFirst(head.count).prefix(queries.count))
        // `settled` queries have their final result; the loop resends whatever a failure skipped.
        var settled = 0
        while let failed = results[settled...].firstIndex(where: { $0.isFailure }) {
            settled = failed + 1
            guard settled < queries.count, case .failure(let error) = results[failed], !error.endsSession, handle != nil else { break }
            do {
                segment = try runSegment([Query(sql: "ROLLBACK TO SAVEPOINT " + savepoint)] + queries[settled...] + [Query(sql: "COMMIT")])
            } catch let error as PostgresError {
                // Nothing was sent (the session is gone): the earlier results still stand.
                for index in settled..<queries.count { results[index] = .failure(error) }
                break
            }
            roundTrips += 1
            if case .failure(let error) = segment[0] {
                // The transaction cannot be brought back: the skipped queries share its failure.
                for index in settled..<queries.count { results[index] = .failure(error) }
                break
            }
            results.replaceSubrange(settled..., with: segment.dropFirst().prefix(queries.count - settled))
            durations.replaceSubrange(settled..., with: segmentTimings.dropFirst().prefix(queries.count - settled))
        }
        roundTrips += endTransaction()
        return SnapshotResult(results: results, durations: durations, roundTrips: roundTrips)
    }

    /// Rolls back a transaction left open (aborted by a failure, or its `COMMIT` skipped) so the
    /// session is idle again; returns the round trips it took (0 or 1).
    private func endTransaction() -> Int {
        guard let handle, PQtransactionStatus(handle) != PQTRANS_IDLE else { return 0 }
        // Read-only: rolling back loses nothing. If even this fails, the session is unusable.
        if (try? execute("ROLLBACK")) == nil { close() }
        return 1
    }
}

extension Result {
    var isFailure: Bool {
        if case .failure = self { return true }
        return false
    }
}

extension Collection where Element == Result<QueryResult, PostgresError> {
    /// The first failure that is not merely a statement skipped after an earlier failure.
    var firstFailure: PostgresError? {
        for case .failure(let error) in self where !error.isPipelineAborted { return error }
        return nil
    }
}
