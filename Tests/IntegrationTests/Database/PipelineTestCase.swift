import Foundation
import Postgres
import TestSupport
import XCTest

/// What the pipeline tests share: each test has a database of its own (two tables: `apps` with 3
/// rows, `envs` with 2) on the real server.
class PipelineTestCase: XCTestCase {
    var database: TestDatabase?

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

    func connect() throws -> Connection { try XCTUnwrap(database).connect() }
}

/// Polls pg_stat_activity until backend `pid` is inside pg_sleep (at most 10 s).
func waitUntilSleeping(_ pid: Int, observer: Connection) throws {
    for _ in 0..<200 {
        let waiting = try observer.execute("SELECT count(*) FROM pg_stat_activity WHERE pid = \(pid) AND wait_event = 'PgSleep'")
        if try waiting.scalar(Int.self) == 1 { return }
        usleep(50_000)
    }
    throw PostgresError(.clientTimeout, message: "backend \(pid) never reached pg_sleep")
}

/// Work on another thread, for a second session that interferes while the test's session waits.
final class Background: @unchecked Sendable {
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

