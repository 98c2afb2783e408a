import Foundation
import Logging
import Postgres
import TelemetryCore
import TestSupport
import XCTest

/// What the collector makes of each kind's rows, against the real server: values of an unexpected
/// form are failures or `other`, never sent as they are.
final class CollectorTests: XCTestCase {
    private func metric(_ key: String, _ kind: Metric.Kind, _ sql: String) -> Metric {
        Metric(orchestrator: [key], description: "test", kind: kind, reads: ["none": ["none"]], sql: sql)
    }

    private func collect(log: CapturedLog = CapturedLog(), _ metrics: [Metric]) throws -> Summary {
        let database = try TestDatabase("collector", rows: "tricky-rows.sql")
        let settings = try DatabaseSettings.resolve(
            databaseURL: database.url, statementTimeout: nil, connectTimeout: nil, environment: Environment([:])
        )
        let connection = try SummaryCollector.openSession(settings)
        defer { connection.close() }
        return SummaryCollector(layout: .orchestrator, metrics: metrics)
            .collect(on: connection, runStart: Date(), logger: log.logger())
    }

    func testEachKindIsCheckedAgainstItsShape() throws {
        let log = CapturedLog()
        let summary = try collect(log: log, [
            // Distinct, sorted by code point (upper case first), anything not a short identifier → other.
            metric("languages", .list, """
                SELECT v FROM (VALUES ('go'), ('go'), ('Python 3'), ('ruby'), ('Zig'), (repeat('x', 65)), ('c++'), ('LEAKCHECK@x')) AS t(v)
                """),
            metric("noLanguages", .list, "SELECT 'x' WHERE false"),
            metric("counter", .textCounter, "SELECT '12345678901234567890'"),
            metric("badCounter", .textCounter, "SELECT 'LEAKCHECK'"),
            metric("negativeCount", .count, "SELECT -5"),
            metric("twoRows", .count, "SELECT 1 UNION ALL SELECT 2"),
            metric("nullFlag", .flag, "SELECT NULL::boolean"),
            metric("flag", .flag, "SELECT true"),
            metric("lastLogin", .timestamp, "SELECT '2026-11-24T03:17:00.512Z'"),
            metric("badTime", .timestamp, "SELECT '2026-11-24 03:17'"),
            metric("highest", .maximum, "SELECT coalesce(max(n), 0) FROM (SELECT 1 AS n WHERE false) AS t"),
        ])
        XCTAssertEqual(summary.values["languages"], .list(["Zig", "c++", "go", "other", "ruby"]))
        XCTAssertEqual(summary.values["noLanguages"], .list([]))
        XCTAssertEqual(summary.values["counter"], .text("12345678901234567890"))
        XCTAssertNil(summary.values["badCounter"])
        XCTAssertEqual(summary.values["negativeCount"], .integer(-1))
        XCTAssertEqual(summary.values["twoRows"], .integer(-1))
        XCTAssertNil(summary.values["nullFlag"])
        XCTAssertEqual(summary.values["flag"], .flag(true))
        XCTAssertEqual(summary.values["lastLogin"], .text("2026-11-24T03:17:00.512Z"))
        XCTAssertNil(summary.values["badTime"])
        XCTAssertEqual(summary.values["highest"], .integer(0))
        XCTAssertEqual(summary.failedKeys, ["badCounter", "badTime", "negativeCount", "nullFlag", "twoRows"])
        XCTAssertFalse(log.text.contains("LEAKCHECK"), "a value of the wrong form is not logged either:\n\(log.text)")
    }

    func testARecordWithTwoKeysIsComputedOnceAndSentUnderBoth() throws {
        let both = Metric(orchestrator: ["appCount", "devtronAppCount"], description: "test", reads: ["app": ["active"]],
                          sql: "SELECT count(*) FROM app WHERE active = true")
        let summary = try collect([both])
        // tricky-rows.sql: apps 1, 2, 4, 5, 6, 7, 8 are active.
        XCTAssertEqual(summary.values["appCount"], .integer(7))
        XCTAssertEqual(summary.values["devtronAppCount"], .integer(7))
    }

    /// The Summary one statement at a time, each in its own transaction: the plain way, to hold
    /// the pipelined collector to.
    private func oneAtATime(_ layout: Metric.Layout, on connection: Connection, runStart: Date) throws -> [String: PropertyValue] {
        var values: [String: PropertyValue] = [:]
        for metric in MetricCatalog.metrics(in: layout) {
            try connection.execute("BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY")
            let value = try metric.kind.value(of: connection.execute(SummaryCollector.query(metric, runStart: runStart)))
            try connection.execute("COMMIT")
            for key in metric.keys(in: layout) { values[key] = value }
        }
        return values
    }

    func testThePipelinedSummaryEqualsTheOneComputedOneQueryAtATime() throws {
        let runStart = Date()
        for fixture in ["tricky-rows.sql", "orchestrator-rows.sql"] {
            let database = try TestDatabase("pipelinedequal", rows: fixture)
            let settings = try DatabaseSettings.resolve(
                databaseURL: database.url, statementTimeout: nil, connectTimeout: nil, environment: Environment([:])
            )
            let connection = try SummaryCollector.openSession(settings)
            defer { connection.close() }
            for layout in Metric.Layout.allCases {
                let pipelined = SummaryCollector(layout: layout).collect(on: connection, runStart: runStart, logger: CapturedLog().logger())
                XCTAssertEqual(pipelined.failedKeys, [], "\(fixture), \(layout)")
                let reference = try oneAtATime(layout, on: connection, runStart: runStart)
                XCTAssertEqual(pipelined.values, reference, "\(fixture), \(layout)")
                XCTAssertEqual(reference.count, MetricCatalog.metrics(in: layout).flatMap { $0.keys(in: layout) }.count)
            }
        }
    }

    func testARowExactlyOnTheWindowsStartIsOutsideIt() throws {
        // The window is created_on > start - 24 h. The run "starts" at 2030-01-01T00:00:00.000Z, so
        // every row of the fixture (created around now()) is outside it; of the rows added here,
        // the one created exactly at 2029-12-31T00:00:00.000Z is outside too, the one a millisecond
        // later inside: one CI and one CD pipeline in the window.
        let database = try TestDatabase("window", rows: "tricky-rows.sql")
        try database.connect().executeScript("""
            INSERT INTO ci_pipeline (id, app_id, name, active, deleted, created_on, created_by, updated_on, updated_by) VALUES
              (90, 1, 'on-the-edge', true, false, '2029-12-31T00:00:00.000Z', 1, now(), 1),
              (91, 1, 'just-inside', true, false, '2029-12-31T00:00:00.001Z', 1, now(), 1);
            INSERT INTO pipeline (id, app_id, ci_pipeline_id, environment_id, trigger_type, pipeline_name, deleted,
                                  deployment_app_name, created_on, created_by, updated_on, updated_by) VALUES
              (90, 1, 90, 2, 'MANUAL', 'on-the-edge', false, 'e', '2029-12-31T00:00:00.000Z', 1, now(), 1),
              (91, 1, 91, 2, 'MANUAL', 'just-inside', false, 'i', '2029-12-31T00:00:00.001Z', 1, now(), 1);
            """)
        let settings = try DatabaseSettings.resolve(
            databaseURL: database.url, statementTimeout: nil, connectTimeout: nil, environment: Environment([:])
        )
        let connection = try SummaryCollector.openSession(settings)
        defer { connection.close() }
        let start = try XCTUnwrap(ISO8601DateFormatter().date(from: "2030-01-01T00:00:00Z"))
        let summary = SummaryCollector(layout: .seed).collect(on: connection, runStart: start, logger: CapturedLog().logger())
        XCTAssertEqual(summary.values["ciCountPerDay"], .integer(1))
        XCTAssertEqual(summary.values["cdCountPerDay"], .integer(1))
    }
}
