import Foundation
import Logging
import Postgres
import TelemetryCore
import TestSupport
import XCTest

/// Every metric against a real PostgreSQL loaded with rows that trip naive counts.
final class MetricsTests: XCTestCase {
    /// The session a collector thread uses and what it hands back; read only after it finished.
    private final class ResultBox: @unchecked Sendable {
        let connection: Connection
        var summary: Summary?
        init(connection: Connection) { self.connection = connection }
    }

    /// What Tests/Fixtures/tricky-rows.sql must count to, worked out row by row in its comments.
    static let trickyExpected = TrickyFixtureExpectations.seedCounts

    private func settings(_ database: TestDatabase, statementTimeout: Duration = .seconds(30)) throws -> DatabaseSettings {
        let resolved = try DatabaseSettings.resolve(
            databaseURL: database.url, statementTimeout: nil, connectTimeout: nil, environment: Environment([:])
        )
        return DatabaseSettings(parameters: resolved.parameters, statementTimeout: statementTimeout, secrets: [])
    }

    private func collect(_ database: TestDatabase, statementTimeout: Duration = .seconds(30), log: CapturedLog = CapturedLog()) throws -> Summary {
        let connection = try SummaryCollector.openSession(settings(database, statementTimeout: statementTimeout))
        defer { connection.close() }
        return SummaryCollector().collect(on: connection, runStart: Date(), logger: log.logger())
    }

    func testEveryMetricOnTheTrickyRows() throws {
        let database = try TestDatabase("tricky", rows: "tricky-rows.sql")
        let log = CapturedLog()
        let summary = try collect(database, log: log)
        XCTAssertEqual(summary.counts, Self.trickyExpected)
        XCTAssertTrue(summary.isComplete)
        for key in MetricCatalog.metrics(in: .seed).flatMap({ $0.keys(in: .seed) }) {
            XCTAssertTrue(log.lines.contains { $0.contains("msg=metric") && $0.contains("key=\(key) ") && $0.contains("duration_ms=") },
                          "no duration logged for \(key):\n\(log.text)")
        }
        XCTAssertFalse(log.text.contains("LEAKCHECK"))
    }

    func testTheWindowIsTheTwentyFourHoursBeforeTheRunStart() throws {
        let database = try TestDatabase("window", rows: "tricky-rows.sql")
        // Seen from a day later, nothing of the fixture is in the window; from 20 minutes later, the
        // rows 23 h 50 min old have left it.
        let connection = try SummaryCollector.openSession(settings(database))
        defer { connection.close() }
        let later = SummaryCollector().collect(on: connection, runStart: Date().addingTimeInterval(86_400), logger: CapturedLog().logger())
        XCTAssertEqual(later.counts["cdCountPerDay"], 0)
        XCTAssertEqual(later.counts["ciCountPerDay"], 0)
        let soon = SummaryCollector().collect(on: connection, runStart: Date().addingTimeInterval(20 * 60), logger: CapturedLog().logger())
        XCTAssertEqual(soon.counts["cdCountPerDay"], 2)  // the 2 h and 5 h old pipelines
        XCTAssertEqual(soon.counts["ciCountPerDay"], 1)  // the 1 h old one
        XCTAssertEqual(soon.counts["clusterCount"], 2)
    }

    func testAMissingTableMakesOnlyItsMetricMinusOne() throws {
        let database = try TestDatabase("missing", rows: "tricky-rows.sql")
        // cluster's metric runs in the middle of the catalog: the metrics after it must still be
        // counted (the failed statement is rolled back to its savepoint, not the whole snapshot).
        // CASCADE drops only environment's foreign key to it.
        try database.connect().executeScript("DROP TABLE cluster CASCADE")
        let log = CapturedLog()
        let summary = try collect(database, log: log)
        var expected = Self.trickyExpected
        expected["clusterCount"] = -1
        XCTAssertEqual(summary.counts, expected)
        XCTAssertEqual(summary.failedKeys, ["clusterCount"])
        XCTAssertTrue(log.text.contains("sqlstate=42P01"), log.text)
    }

    func testAFailingMetricIsLoggedWithoutAnythingFromTheRows() throws {
        let database = try TestDatabase("castleak", rows: "tricky-rows.sql")
        // users becomes a view whose "active" casts each email to boolean: PostgreSQL's error
        // quotes the value it could not cast ("invalid input syntax for type boolean: \"alice…\"").
        try database.connect().executeScript("""
            ALTER TABLE users RENAME TO users_rows;
            CREATE VIEW users AS SELECT id, email_id::boolean AS active, user_type FROM users_rows;
            """)
        let log = CapturedLog()
        let summary = try collect(database, log: log)
        XCTAssertEqual(summary.failedKeys, ["userCount"])
        let line = try XCTUnwrap(log.lines.first { $0.contains("key=userCount") }, log.text)
        XCTAssertTrue(line.contains("sqlstate=22P02"), line)
        XCTAssertTrue(line.contains("data exception"), "the SQLSTATE class's own words: \(line)")
        XCTAssertFalse(log.text.contains("LEAKCHECK"), log.text)
        XCTAssertFalse(log.text.contains("system"), "the first email, 'system', is not quoted either: \(log.text)")
    }

    func testTheDayCountsCountPipelinesNotApps() throws {
        let database = try TestDatabase("perapp", rows: "tricky-rows.sql")
        // App 1 gets a second CD pipeline and app 6 a second CI pipeline, both inside the window.
        // The fixture's in-window CD pipelines are 1 (app 1), 3 (app 2), 5 (app 3), 7 (app 7): four,
        // of four apps; now five pipelines of still four apps. CI: 1 (app 1) and 3 (app 6), now
        // three pipelines of still two apps. A count of apps would stay at 4 and 2.
        try database.connect().executeScript("""
            INSERT INTO ci_pipeline (id, app_id, name, active, deleted, created_on, created_by, updated_on, updated_by)
              VALUES (5, 6, 'ci-job-2-LEAKCHECK', true, false, now() - interval '4 hours', 1, now(), 1);
            INSERT INTO pipeline (id, app_id, ci_pipeline_id, environment_id, trigger_type, pipeline_name, deleted,
                                  deployment_app_name, created_on, created_by, updated_on, updated_by)
              VALUES (11, 1, 1, 1, 'MANUAL', 'cd-web-demo-LEAKCHECK', false, 'web-demo', now() - interval '3 hours', 1, now(), 1);
            """)
        let summary = try collect(database)
        XCTAssertEqual(summary.counts["cdCountPerDay"], 5)
        XCTAssertEqual(summary.counts["ciCountPerDay"], 3)
        // App 1 was already counted on both sides: the app counts do not move.
        XCTAssertEqual(summary.counts["nonProdAppCount"], 3)
        XCTAssertEqual(summary.counts["prodAppCount"], 2)
    }

    func testAStatementTimeoutMakesOnlyItsMetricMinusOne() throws {
        let database = try TestDatabase("timeout", rows: "tricky-rows.sql")
        // Another session holds a lock the count must wait for, as a migration's ALTER TABLE would.
        let blocker = try database.connect()
        try blocker.executeScript("BEGIN; LOCK TABLE cluster IN ACCESS EXCLUSIVE MODE")
        let log = CapturedLog()
        let started = Date()
        let summary = try collect(database, statementTimeout: .milliseconds(500), log: log)
        XCTAssertLessThan(Date().timeIntervalSince(started), 10)
        try blocker.executeScript("ROLLBACK")
        var expected = Self.trickyExpected
        expected["clusterCount"] = -1
        XCTAssertEqual(summary.counts, expected)
        XCTAssertTrue(log.text.contains("sqlstate=57014"), log.text)
    }

    func testTheSessionIsReadOnly() throws {
        let database = try TestDatabase("readonly", rows: "tricky-rows.sql")
        let connection = try SummaryCollector.openSession(settings(database))
        defer { connection.close() }
        for write in [
            "INSERT INTO cluster (id, cluster_name, active, created_on, created_by, updated_on, updated_by) VALUES (99, 'x', true, now(), 1, now(), 1)",
            "UPDATE users SET active = false",
            "CREATE TABLE sneaky (n int)",
        ] {
            XCTAssertThrowsError(try connection.execute(Query(sql: write)), write) { error in
                XCTAssertEqual((error as? PostgresError)?.sqlState, "25006", "\(error)")
            }
        }
        XCTAssertEqual(try database.connect().execute("SELECT count(*) FROM users WHERE active").scalar(Int.self), 6)
        // And the statement limit is in force on the server.
        XCTAssertEqual(try connection.execute("SHOW statement_timeout").scalar(String.self), "30s")
    }

    func testAllMetricsReadOneSnapshot() throws {
        let database = try TestDatabase("snapshot", rows: "tricky-rows.sql")
        // Another session locks environment, so the collector stops at environmentCount after the
        // 24-hour counts and clusterCount have run (its snapshot is taken by then). While it waits,
        // a third session adds an active user and deactivates app 4 (counted as a production app),
        // and commits. The collector must count the snapshot it began with: 5 users and 2
        // production apps, not 6 and 1 (as READ COMMITTED would).
        let blocker = try database.connect()
        try blocker.executeScript("BEGIN; LOCK TABLE environment IN ACCESS EXCLUSIVE MODE")
        let result = ResultBox(connection: try SummaryCollector.openSession(settings(database)))
        defer { result.connection.close() }
        let finished = expectation(description: "collector finished")
        let collecting = Thread {
            result.summary = SummaryCollector().collect(on: result.connection, runStart: Date(), logger: CapturedLog().logger())
            finished.fulfill()
        }
        collecting.start()
        let observer = try database.connect()
        let waiting: Query = "SELECT count(*) FROM pg_locks WHERE NOT granted AND relation = 'environment'::regclass"
        var polls = 0
        while try observer.execute(waiting).scalar(Int.self) == 0 {
            polls += 1
            XCTAssertLessThan(polls, 500, "the collector never reached the locked table")
            if polls >= 500 { break }
            usleep(20_000)
        }
        try database.connect().executeScript("""
            INSERT INTO users (id, email_id, active, user_type, created_on, updated_on) VALUES (60, 'late.LEAKCHECK@example.com', true, NULL, now(), now());
            UPDATE app SET active = false WHERE id = 4;
            """)
        try blocker.executeScript("ROLLBACK")
        wait(for: [finished], timeout: 30)
        XCTAssertEqual(result.summary?.counts, Self.trickyExpected, "every count from the snapshot taken before the changes")
        // The changes are there for anyone who looks now.
        XCTAssertEqual(try observer.execute("SELECT count(*) FROM users WHERE active AND user_type IS DISTINCT FROM 'apiToken'").scalar(Int.self), 6)
    }

    func testTheClientGivesUpOnAServerThatStopsAnswering() throws {
        let database = try TestDatabase("clientdeadline", rows: "tricky-rows.sql")
        // The server-side limit cannot fire in a backend that is stopped (SIGSTOP): only the
        // client's own deadline, statement_timeout + 5 s, then 2 s for the cancel, ends the wait.
        let connection = try SummaryCollector.openSession(settings(database, statementTimeout: .milliseconds(500)))
        defer { connection.close() }
        let backend = pid_t(try connection.execute("SELECT pg_backend_pid()").scalar(Int.self))
        XCTAssertEqual(kill(backend, SIGSTOP), 0, "cannot stop backend \(backend) (the suite runs as root)")
        // Whatever happens, the backend runs again: without a client deadline the statement below
        // would otherwise wait for ever; with this, it answers after 20 s and the test fails instead.
        let resume = DispatchWorkItem { kill(backend, SIGCONT) }
        DispatchQueue.global().asyncAfter(deadline: .now() + 20, execute: resume)
        defer { kill(backend, SIGCONT); resume.cancel() }
        let started = Date()
        XCTAssertThrowsError(try connection.execute("SELECT count(*) FROM cluster")) { error in
            XCTAssertEqual((error as? PostgresError)?.kind, .clientTimeout, "\(error)")
        }
        let waited = Date().timeIntervalSince(started)
        XCTAssertGreaterThanOrEqual(waited, 5.4, "statement_timeout (0.5 s) + 5 s before giving up")
        XCTAssertLessThan(waited, 15)
    }

    func testTheQueriesRunOnTheFullOrchestratorSchema() throws {
        let schema = try TestEnvironment.requireSharedSchema()
        let database = try TestDatabase("fullschema", loading: [schema])
        // A fresh install's rows, as the schema file's header lists them.
        try database.connect().executeScript("""
            INSERT INTO users (id, email_id, active, user_type) VALUES (1, 'system', true, NULL), (2, 'admin', true, NULL);
            INSERT INTO team (id, name, active, created_on, created_by, updated_on, updated_by) VALUES (1, 'devtron-demo', true, now(), 1, now(), 1);
            INSERT INTO cluster (id, cluster_name, active, created_on, created_by, updated_on, updated_by) VALUES (1, 'default_cluster', true, now(), 1, now(), 1);
            INSERT INTO environment (id, environment_name, cluster_id, active, "default", environment_identifier, created_on, created_by, updated_on, updated_by)
              VALUES (1, 'devtron-demo', 1, true, false, 'devtron-demo', now(), 1, now(), 1);
            """)
        let summary = try collect(database)
        XCTAssertEqual(summary.counts, [
            "cdCountPerDay": 0, "ciCountPerDay": 0, "clusterCount": 1, "environmentCount": 1,
            "nonProdAppCount": 0, "prodAppCount": 0, "userCount": 2,
        ])
    }

    /// A reader greps the catalog for a key: each is spelled out in quotes in the records' source,
    /// never put together from parts.
    func testEveryKeyIsSpelledLiterallyInTheCatalog() throws {
        let folder = TestEnvironment.repositoryFile("Sources/TelemetryCore/Metrics/Records")
        let files = try FileManager.default.contentsOfDirectory(at: folder, includingPropertiesForKeys: nil)
            .filter { $0.pathExtension == "swift" }
        XCTAssertGreaterThanOrEqual(files.count, 4, "\(files)")
        let source = try files.map { try String(contentsOf: $0, encoding: .utf8) }.joined(separator: "\n")
        let keys = MetricCatalog.all.flatMap { metric in Metric.Layout.allCases.flatMap(metric.keys(in:)) }
        XCTAssertGreaterThan(Set(keys).count, 80)
        for key in Set(keys).sorted() {
            XCTAssertTrue(source.contains("\"\(key)\""), "\(key) is not spelled out in Sources/TelemetryCore/Metrics/Records/*.swift")
        }
    }

    func testTheFixtureSchemaMatchesTheOrchestratorColumnForColumn() throws {
        let schema = try TestEnvironment.requireSharedSchema()
        let full = try TestDatabase("columnsfull", loading: [schema])
        let ours = try TestDatabase("columnsours", loading: [TestEnvironment.repositoryFile("sql/schema.sql")])
        // Every table of sql/schema.sql, as the database it loads into lists them.
        let tables = try ours.connect().execute(
            "SELECT table_name FROM information_schema.tables WHERE table_schema = 'public' ORDER BY table_name"
        ).rows.map { try $0.decode(String.self, at: 0) }
        XCTAssertGreaterThanOrEqual(tables.count, 39, "\(tables)")
        let query = Query(sql: """
            SELECT string_agg(format('%s.%s %s %s %s %s', table_name, column_name, data_type, \
            coalesce(character_maximum_length::text, '-'), is_nullable, coalesce(column_default, '-')), E'\\n' \
            ORDER BY table_name, ordinal_position) FROM information_schema.columns \
            WHERE table_schema = 'public' AND table_name = ANY ($1::text[])
            """, bindings: ["{" + tables.joined(separator: ",") + "}"])
        let expected = try full.connect().execute(query).scalar(String.self)
        XCTAssertEqual(try ours.connect().execute(query).scalar(String.self), expected)
        XCTAssertGreaterThan(expected.split(separator: "\n").count, 500)
    }
}
