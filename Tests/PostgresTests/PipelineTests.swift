import Foundation
import Postgres
import TestSupport
import XCTest

/// Pipeline mode against the real server: order, per-statement failures, the server's and the
/// client's time limits, a backend that goes away, and the one-snapshot guarantee of `snapshot`.
/// Each test has a database of its own (two tables: `apps` with 3 rows, `envs` with 2).
final class PipelineTests: XCTestCase {
    private var database: TestDatabase?

    override func setUpWithError() throws {
        let database = try TestDatabase("pipeline", loading: [])
        try database.connect().executeScript(
            """
            CREATE TABLE apps (id int PRIMARY KEY, name text NOT NULL);
            INSERT INTO apps VALUES (1, 'a'), (2, 'b'), (3, 'c');
            CREATE TABLE envs (id int PRIMARY KEY);
            INSERT INTO envs VALUES (1), (2);
            """
        )
        self.database = database
    }

    override func tearDown() { database = nil }

    private func connect() throws -> Connection { try XCTUnwrap(database).connect() }

    // MARK: - pipeline()

    func testResultsComeBackInOrderWithTheirRowsAndBoundValues() throws {
        let connection = try connect()
        let word = "it's; DROP TABLE apps"
        let results = try connection.pipeline([
            "SELECT generate_series(1, \(3)) AS n",
            "SELECT \(word)::text AS echoed, \(41)::int + 1 AS answer",
            "SELECT id FROM apps WHERE false",
            "SELECT count(*) FROM apps",
        ])
        XCTAssertEqual(results.count, 4)
        XCTAssertEqual(try results[0].get().rows.map { try $0.decode(Int.self, at: 0) }, [1, 2, 3])
        let row = try XCTUnwrap(try results[1].get().rows.first)
        XCTAssertEqual(try row.decode(String.self, column: "echoed"), word)
        XCTAssertEqual(try row.decode(Int.self, column: "answer"), 42)
        XCTAssertEqual(try results[2].get().rows.count, 0)
        XCTAssertEqual(try results[2].get().commandTag, "SELECT 0")
        XCTAssertEqual(try results[3].get().scalar(Int.self), 3) // the fixture's three apps
        XCTAssertEqual(try connection.execute("SELECT 7").scalar(Int.self), 7)
    }

    func testAnErrorFailsItsQueryAndTheRestOfTheSegmentIsReportedAborted() throws {
        let connection = try connect()
        let results = try connection.pipeline(["SELECT 1", "SELECT count(*) FROM no_such_table", "SELECT 3", "SELECT 4"])
        XCTAssertEqual(try results[0].get().scalar(Int.self), 1)
        XCTAssertEqual(results[1].error?.sqlState, "42P01")
        XCTAssertEqual(results[1].error?.kind, .statement)
        for skipped in results[2...] {
            XCTAssertEqual(skipped.error?.kind, .pipelineAborted)
            XCTAssertNil(skipped.error?.sqlState)
        }
        // The Sync ended the implicit transaction and its abort: the next pipeline runs in full.
        let next = try connection.pipeline(["SELECT 5", "SELECT 6"])
        XCTAssertEqual(try next.map { try $0.get().scalar(Int.self) }, [5, 6])
    }

    func testAnExplicitTransactionStaysAbortedAfterTheSync() throws {
        let connection = try connect()
        let results = try connection.pipeline(["BEGIN", "SELECT 1 / 0", "SELECT 2"])
        XCTAssertNoThrow(try results[0].get())
        XCTAssertEqual(results[1].error?.sqlState, "22012")
        XCTAssertEqual(results[2].error?.kind, .pipelineAborted)
        XCTAssertThrowsError(try connection.execute("SELECT 1")) { error in
            XCTAssertEqual((error as? PostgresError)?.sqlState, "25P02") // in failed transaction
        }
        try connection.execute("ROLLBACK")
        XCTAssertEqual(try connection.execute("SELECT 1").scalar(Int.self), 1)
    }

    /// Why `snapshot` sends its setup after BEGIN: a query before BEGIN in the same segment has
    /// already fixed the transaction's isolation level.
    func testBeginWithAnIsolationLevelAfterAQueryInTheSameSegmentIsRefused() throws {
        let connection = try connect()
        let results = try connection.pipeline([
            "SELECT set_config('lock_timeout', '1000', false)",
            "BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY",
            "SELECT 1",
        ])
        XCTAssertNoThrow(try results[0].get())
        XCTAssertEqual(results[1].error?.sqlState, "25001")
        XCTAssertEqual(results[2].error?.kind, .pipelineAborted)
        XCTAssertEqual(try connection.execute("SELECT 1").scalar(Int.self), 1)
    }

    func testAnEmptyListSendsNothing() throws {
        let connection = try connect()
        XCTAssertTrue(try connection.pipeline([]).isEmpty)
        let snapshot = try connection.snapshot(setup: ["SELECT 1 / 0"], queries: [])
        XCTAssertTrue(snapshot.results.isEmpty)
        XCTAssertEqual(snapshot.roundTrips, 0) // the failing setup was not even sent
        XCTAssertEqual(try connection.execute("SELECT 1").scalar(Int.self), 1)
    }

    /// 1,000 queries of 16 KB each way: more than the socket buffers hold, so sending must go on
    /// while results are already coming back.
    func testABatchLargerThanTheSocketBuffersDoesNotDeadlock() throws {
        let connection = try connect()
        connection.clientTimeout = .seconds(30)
        let filler = String(repeating: "x", count: 16 * 1024)
        let queries = (0..<1000).map { index -> Query in "SELECT \(index)::int AS n, \(filler)::text AS pad" }
        let results = try connection.pipeline(queries)
        XCTAssertEqual(results.count, 1000)
        for (index, result) in results.enumerated() {
            let row = try XCTUnwrap(try result.get().rows.first)
            XCTAssertEqual(try row.decode(Int.self, column: "n"), index)
            XCTAssertEqual(try row.decode(String.self, column: "pad").count, filler.count)
        }
    }

    // MARK: - snapshot()

    func testASnapshotIsOneRoundTripInOneReadOnlyRepeatableReadTransaction() throws {
        let connection = try connect()
        let snapshot = try connection.snapshot(
            setup: ["SELECT set_config('statement_timeout', \("4321"), false)"],
            queries: [
                "SELECT count(*) FROM apps",
                "SELECT count(*) FROM envs WHERE id > \(1)",
                "SELECT current_setting('transaction_isolation') || ' ' || current_setting('transaction_read_only')",
            ]
        )
        XCTAssertEqual(snapshot.roundTrips, 1)
        XCTAssertEqual(try snapshot.results[0].get().scalar(Int.self), 3)
        XCTAssertEqual(try snapshot.results[1].get().scalar(Int.self), 1) // envs 1 and 2, only 2 is > 1
        XCTAssertEqual(try snapshot.results[2].get().scalar(String.self), "repeatable read on")
        // The session setting outlasts the COMMIT; the transaction is over (a write works again).
        XCTAssertEqual(try connection.execute("SHOW statement_timeout").scalar(String.self), "4321ms")
        XCTAssertNoThrow(try connection.execute("CREATE TEMP TABLE after_snapshot (n int)"))
    }

    func testAFailingQueryCostsOneMoreRoundTripAndTheOthersStillAnswer() throws {
        let connection = try connect()
        let snapshot = try connection.snapshot(queries: [
            "SELECT count(*) FROM apps", "SELECT count(*) FROM dropped_table", "SELECT count(*) FROM envs", "SELECT 4",
        ])
        XCTAssertEqual(snapshot.roundTrips, 2)
        XCTAssertEqual(try snapshot.results[0].get().scalar(Int.self), 3)
        XCTAssertEqual(snapshot.results[1].error?.sqlState, "42P01")
        XCTAssertEqual(try snapshot.results[2].get().scalar(Int.self), 2)
        XCTAssertEqual(try snapshot.results[3].get().scalar(Int.self), 4)
        XCTAssertNoThrow(try connection.execute("CREATE TEMP TABLE after_snapshot (n int)"))
    }

    func testSeveralFailuresEachCostOneRoundTripTheLastOneIncluded() throws {
        let connection = try connect()
        let snapshot = try connection.snapshot(queries: [
            "SELECT 1 / 0", "SELECT 2", "SELECT count(*) FROM nothing_here", "SELECT 1 / 0", "SELECT 5", "SELECT 'x'::int",
        ])
        // Four failures: the first segment, one after each of the first three, and a ROLLBACK
        // after the last (its COMMIT was skipped).
        XCTAssertEqual(snapshot.roundTrips, 5)
        XCTAssertEqual(snapshot.results.map { $0.error?.sqlState }, ["22012", nil, "42P01", "22012", nil, "22P02"])
        XCTAssertEqual(try snapshot.results[1].get().scalar(Int.self), 2)
        XCTAssertEqual(try snapshot.results[4].get().scalar(Int.self), 5)
        XCTAssertNoThrow(try connection.execute("CREATE TEMP TABLE after_snapshot (n int)"))
    }

    func testAFailingSetupIsThrownAndLeavesTheSessionUsable() throws {
        let connection = try connect()
        XCTAssertThrowsError(try connection.snapshot(setup: ["SELECT set_config('no_such.setting', 'x', false)", "SELECT 1 / 0"],
                                                     queries: ["SELECT 1"])) { error in
            XCTAssertEqual((error as? PostgresError)?.sqlState, "22012")
        }
        XCTAssertNoThrow(try connection.execute("CREATE TEMP TABLE after_snapshot (n int)"))
    }

    /// A row committed by another session after the snapshot was taken stays invisible to the
    /// queries sent after a failure: ROLLBACK TO SAVEPOINT keeps the transaction's snapshot.
    func testQueriesAfterAFailureStillSeeTheFirstSnapshot() throws {
        let connection = try connect()
        let pid = try connection.execute("SELECT pg_backend_pid()").scalar(Int.self)
        let database = try XCTUnwrap(database)
        let insert = Background {
            let other = try database.connect()
            try waitUntilSleeping(pid, observer: other)
            try other.execute("INSERT INTO apps VALUES (4, 'd')")
        }
        let snapshot = try connection.snapshot(queries: [
            "SELECT count(*) FROM apps",
            // Sleeps (the other session inserts meanwhile), then divides by length('') = 0.
            "SELECT 1 / length(pg_sleep(1)::text)",
            "SELECT count(*) FROM apps",
            "SELECT max(id) FROM apps",
        ])
        try insert.join()
        XCTAssertEqual(snapshot.roundTrips, 2)
        XCTAssertEqual(try snapshot.results[0].get().scalar(Int.self), 3)
        XCTAssertEqual(snapshot.results[1].error?.sqlState, "22012")
        XCTAssertEqual(try snapshot.results[2].get().scalar(Int.self), 3)
        XCTAssertEqual(try snapshot.results[3].get().scalar(Int.self), 3)
        // The row did arrive: a new transaction sees it.
        XCTAssertEqual(try connection.execute("SELECT count(*) FROM apps").scalar(Int.self), 4)
    }

    /// The server's statement_timeout limits each statement of a pipeline on its own: the two
    /// 0.2 s sleeps before the long one add up to more than the 0.3 s limit and still pass.
    func testAStatementTimeoutFailsOnlyItsQuery() throws {
        let connection = try connect()
        let snapshot = try connection.snapshot(
            setup: ["SELECT set_config('statement_timeout', '300', false)"],
            queries: ["SELECT pg_sleep(0.2)", "SELECT pg_sleep(0.2)", "SELECT pg_sleep(5)", "SELECT count(*) FROM apps"]
        )
        XCTAssertEqual(snapshot.roundTrips, 2)
        XCTAssertNoThrow(try snapshot.results[0].get())
        XCTAssertNoThrow(try snapshot.results[1].get())
        XCTAssertEqual(snapshot.results[2].error?.sqlState, "57014")
        XCTAssertEqual(try snapshot.results[3].get().scalar(Int.self), 3)
    }

    func testALockTimeoutFailsOnlyItsQuery() throws {
        let connection = try connect()
        let locker = try connect()
        try locker.execute("BEGIN")
        try locker.execute("LOCK TABLE envs IN ACCESS EXCLUSIVE MODE")
        defer { _ = try? locker.execute("ROLLBACK") }
        let snapshot = try connection.snapshot(
            setup: ["SELECT set_config('lock_timeout', '200', false)"],
            queries: ["SELECT count(*) FROM apps", "SELECT count(*) FROM envs", "SELECT count(*) FROM apps WHERE id > 1"]
        )
        XCTAssertEqual(snapshot.roundTrips, 2)
        XCTAssertEqual(try snapshot.results[0].get().scalar(Int.self), 3)
        XCTAssertEqual(snapshot.results[1].error?.sqlState, "55P03")
        XCTAssertEqual(try snapshot.results[2].get().scalar(Int.self), 2) // ids 2 and 3
    }

    /// No server-side limit: the client's deadline cancels the statement; the rest still answer.
    func testTheClientDeadlineCancelsAStatementTheServerDoesNotLimit() throws {
        let connection = try connect()
        connection.clientTimeout = .seconds(1)
        let started = Date()
        let snapshot = try connection.snapshot(
            setup: ["SELECT set_config('statement_timeout', '0', false)"],
            queries: ["SELECT 1", "SELECT pg_sleep(30)", "SELECT count(*) FROM apps"]
        )
        XCTAssertLessThan(Date().timeIntervalSince(started), 10)
        XCTAssertEqual(snapshot.roundTrips, 2)
        XCTAssertEqual(try snapshot.results[0].get().scalar(Int.self), 1)
        XCTAssertTrue(snapshot.results[1].error?.isQueryCanceled ?? false, "\(snapshot.results[1])")
        XCTAssertEqual(try snapshot.results[2].get().scalar(Int.self), 3)
        XCTAssertEqual(try connection.execute("SELECT 1").scalar(Int.self), 1)
    }

    /// The deadline is per statement, not per batch: four 0.6 s statements under a 1 s deadline
    /// all answer, because each answer reaches the client (and restarts the deadline) as soon as
    /// it is computed.
    func testTheClientDeadlineTimesEachStatementNotTheWholeBatch() throws {
        let connection = try connect()
        connection.clientTimeout = .seconds(1)
        let sleeps = Array(repeating: Query(sql: "SELECT pg_sleep(0.6)"), count: 4)
        for result in try connection.pipeline(sleeps) {
            XCTAssertNoThrow(try result.get())
        }
        let snapshot = try connection.snapshot(queries: sleeps)
        XCTAssertEqual(snapshot.roundTrips, 1)
        XCTAssertTrue(snapshot.results.allSatisfy { !$0.isFailure }, "\(snapshot.results)")
    }

    /// The backend is stopped (SIGSTOP) mid-statement, so it answers neither the statement nor the
    /// cancel: past the deadline and the cancel's grace the pipeline gives up, the unanswered
    /// queries fail with the client timeout, and the session is closed.
    func testABackendThatStopsAnsweringIsGivenUpAfterTheDeadline() throws {
        let connection = try connect()
        connection.clientTimeout = .seconds(1)
        let pid = try connection.execute("SELECT pg_backend_pid()").scalar(Int.self)
        let database = try XCTUnwrap(database)
        guard let backend = Int32(exactly: pid) else { return XCTFail("pid \(pid)") }
        defer { kill(backend, SIGCONT) }
        let stop = Background {
            let other = try database.connect()
            try waitUntilSleeping(pid, observer: other)
            guard kill(backend, SIGSTOP) == 0 else {
                throw PostgresError(.connection, message: "cannot stop backend \(pid): errno \(errno)")
            }
        }
        let started = Date()
        let snapshot = try connection.snapshot(queries: ["SELECT 1", "SELECT pg_sleep(0.5)", "SELECT 3"])
        try stop.join()
        XCTAssertLessThan(Date().timeIntervalSince(started), 10)
        XCTAssertEqual(snapshot.roundTrips, 1)
        XCTAssertEqual(try snapshot.results[0].get().scalar(Int.self), 1)
        XCTAssertEqual(snapshot.results[1].error?.kind, .clientTimeout)
        XCTAssertEqual(snapshot.results[2].error?.kind, .clientTimeout)
        XCTAssertThrowsError(try connection.execute("SELECT 1")) { error in
            XCTAssertEqual((error as? PostgresError)?.kind, .connection)
        }
    }

    /// The pipeline's own backend is terminated while it sleeps: that query and the later ones
    /// fail as a lost connection, well before the 20 s deadline, and the session is closed.
    func testABackendThatGoesAwayFailsTheRemainingQueriesWithoutAHang() throws {
        let connection = try connect()
        connection.clientTimeout = .seconds(20)
        let pid = try connection.execute("SELECT pg_backend_pid()").scalar(Int.self)
        let database = try XCTUnwrap(database)
        let terminate = Background {
            let other = try database.connect()
            try waitUntilSleeping(pid, observer: other)
            guard try other.execute("SELECT pg_terminate_backend(\(pid))").scalar(Bool.self) else {
                throw PostgresError(.statement, message: "backend \(pid) was not terminated")
            }
        }
        let started = Date()
        let snapshot = try connection.snapshot(queries: ["SELECT 1", "SELECT pg_sleep(30)", "SELECT 3", "SELECT 4"])
        try terminate.join()
        XCTAssertLessThan(Date().timeIntervalSince(started), 10)
        XCTAssertEqual(snapshot.roundTrips, 1)
        XCTAssertEqual(try snapshot.results[0].get().scalar(Int.self), 1)
        for lost in snapshot.results[1...] {
            XCTAssertEqual(lost.error?.kind, .connection, "\(lost)")
        }
        XCTAssertThrowsError(try connection.execute("SELECT 1")) { error in
            XCTAssertEqual((error as? PostgresError)?.kind, .connection)
        }
    }
}

/// Polls pg_stat_activity until backend `pid` is inside pg_sleep (at most 10 s).
private func waitUntilSleeping(_ pid: Int, observer: Connection) throws {
    for _ in 0..<200 {
        let waiting = try observer.execute("SELECT count(*) FROM pg_stat_activity WHERE pid = \(pid) AND wait_event = 'PgSleep'")
        if try waiting.scalar(Int.self) == 1 { return }
        usleep(50_000)
    }
    throw PostgresError(.clientTimeout, message: "backend \(pid) never reached pg_sleep")
}

/// Work on another thread, for a second session that interferes while the test's session waits.
private final class Background: @unchecked Sendable {
    private let done = DispatchSemaphore(value: 0)
    private var failure: Error?

    init(_ body: @escaping @Sendable () throws -> Void) {
        Thread {
            do { try body() } catch { self.failure = error }
            self.done.signal()
        }.start()
    }

    /// Waits for the work to end (at most 30 s) and rethrows its error.
    func join() throws {
        guard done.wait(timeout: .now() + 30) == .success else {
            throw PostgresError(.clientTimeout, message: "background work did not finish")
        }
        if let failure { throw failure }
    }
}

extension Result where Failure == PostgresError {
    var error: PostgresError? {
        if case .failure(let error) = self { return error }
        return nil
    }

    var isFailure: Bool { error != nil }
}
