import Foundation
import Logging
import Postgres
import TelemetryCore
import TestSupport
import XCTest

/// Every metric against a real PostgreSQL loaded with rows that trip naive counts.
final class MetricsTests: XCTestCase {
    /// What Tests/Fixtures/tricky-rows.sql must count to, worked out row by row in its comments.
    static let trickyExpected: [String: Int] = [
        "cdCountPerDay": 4, "ciCountPerDay": 2, "clusterCount": 2, "environmentCount": 3,
        "nonProdAppCount": 3, "prodAppCount": 2, "userCount": 5,
    ]

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
        try database.connect().executeScript("DROP TABLE users CASCADE")  // CASCADE: user_audit's foreign key goes, its rows stay
        let log = CapturedLog()
        let summary = try collect(database, log: log)
        var expected = Self.trickyExpected
        expected["userCount"] = -1
        XCTAssertEqual(summary.counts, expected)
        XCTAssertEqual(summary.failedKeys, ["userCount"])
        XCTAssertTrue(log.text.contains("sqlstate=42P01"), log.text)
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
        let connection = try SummaryCollector.openSession(settings(database))
        defer { connection.close() }
        try connection.execute("BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY")
        XCTAssertEqual(try connection.execute("SELECT count(*) FROM cluster WHERE active").scalar(Int.self), 2)
        try database.connect().executeScript(
            "INSERT INTO cluster (id, cluster_name, active, created_on, created_by, updated_on, updated_by) VALUES (50, 'new', true, now(), 1, now(), 1)"
        )
        XCTAssertEqual(try connection.execute("SELECT count(*) FROM cluster WHERE active").scalar(Int.self), 2,
                       "a REPEATABLE READ transaction keeps its first snapshot")
        try connection.execute("COMMIT")
        XCTAssertEqual(try connection.execute("SELECT count(*) FROM cluster WHERE active").scalar(Int.self), 3)
    }

    func testTheQueriesRunOnTheFullOrchestratorSchema() throws {
        guard let schema = TestEnvironment.sharedSchema else {
            if TestEnvironment.isCI { XCTFail("../shared/orchestrator-schema.sql is missing under CI") }
            return
        }
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

    func testTheFixtureSchemaMatchesTheOrchestratorColumnForColumn() throws {
        guard let schema = TestEnvironment.sharedSchema else {
            if TestEnvironment.isCI { XCTFail("../shared/orchestrator-schema.sql is missing under CI") }
            return
        }
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
