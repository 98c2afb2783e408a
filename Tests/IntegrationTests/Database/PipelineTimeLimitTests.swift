import Foundation
import Postgres
import TestSupport
import XCTest

/// Pipeline mode under time limits: the server's and the client's, and a backend that stops
/// answering or goes away.
final class PipelineTimeLimitTests: PipelineTestCase {
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
