import Foundation
import Postgres
import TestSupport
import XCTest

/// Pipeline mode against the real server: order, per-statement failures, and the one-snapshot
/// guarantee of `snapshot`.
final class PipelineTests: PipelineTestCase {
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
}
