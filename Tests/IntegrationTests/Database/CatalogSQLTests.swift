import Foundation
import Postgres
@testable import TelemetryCore
import TestSupport
import XCTest

/// Every record of the catalog, its SQL run directly against a real PostgreSQL: its value on rows
/// that trip naive definitions, the shape of its result, the columns it may read, and a fresh
/// install on the full orchestrator schema.
final class CatalogSQLTests: XCTestCase {
    /// Runs `metric`'s statement as the job does, in one `REPEATABLE READ READ ONLY` transaction with
    /// `$1` bound to the window's start, and reads the value its kind promises.
    static func value(of metric: Metric, on connection: Connection, runStart: Date = Date()) throws -> ExpectedValue {
        let bindings = metric.window.seconds.map { [Timestamp.rfc3339(runStart.addingTimeInterval(-Double($0)))] } ?? []
        try connection.execute("BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY")
        defer { _ = try? connection.execute("ROLLBACK") }
        let result = try connection.execute(Query(sql: metric.sql, bindings: bindings))
        switch metric.kind {
        case .count, .maximum: return .int(try result.scalar(Int.self))
        case .flag: return .bool(try result.scalar(Bool.self))
        case .textCounter, .timestamp: return .text(try result.scalar(String.self))
        case .list:
            let values = try result.rows.map { row in
                guard row.values.count == 1 else { throw PostgresError(.decoding, message: "\(row.values.count) columns") }
                return try row.decode(String.self, at: 0)
            }
            XCTAssertEqual(Set(values).count, values.count, "\(metric.id): the rows are not distinct: \(values)")
            return .list(values.sorted(by: codePointOrder))
        }
    }

    /// Ascending by Unicode code point, as the Summary sends lists.
    static func codePointOrder(_ left: String, _ right: String) -> Bool {
        left.unicodeScalars.map(\.value).lexicographicallyPrecedes(right.unicodeScalars.map(\.value))
    }

    /// Every record's value on `connection`, compared with `expected`; each difference or error is one failure.
    private func assertValues(on connection: Connection, equal expected: [String: ExpectedValue], _ label: String,
                              file: StaticString = #filePath, line: UInt = #line) {
        for metric in MetricCatalog.all {
            do {
                let value = try Self.value(of: metric, on: connection)
                XCTAssertEqual(value, expected[metric.id], "\(label): \(metric.id)", file: file, line: line)
                XCTAssertFalse(value.description.contains("LEAKCHECK"), "\(label): \(metric.id) read out \(value)", file: file, line: line)
            } catch {
                XCTFail("\(label): \(metric.id) failed: \(error)", file: file, line: line)
            }
        }
    }

    func testEveryRecordHasAnExpectedValue() {
        let ids = MetricCatalog.all.map(\.id)
        XCTAssertEqual(Set(ids).count, ids.count, "two records share an id")
        XCTAssertEqual(Set(ids), Set(OrchestratorFixtureExpectations.orchestratorRows.keys))
        XCTAssertEqual(Set(ids), Set(OrchestratorFixtureExpectations.freshInstall.keys))
        for metric in MetricCatalog.all {
            let expected = OrchestratorFixtureExpectations.orchestratorRows[metric.id]
            switch (metric.kind, expected) {
            case (.count, .int?), (.maximum, .int?), (.flag, .bool?), (.textCounter, .text?), (.timestamp, .text?), (.list, .list?): break
            default: XCTFail("\(metric.id): a \(metric.kind.rawValue) expected as \(String(describing: expected))")
            }
        }
    }

    func testEveryMetricOnTheOrchestratorRows() throws {
        let database = try TestDatabase("catalogrows", rows: "orchestrator-rows.sql")
        assertValues(on: try database.connect(), equal: OrchestratorFixtureExpectations.orchestratorRows, "orchestrator-rows.sql")
    }

    /// scripts/demo's rows give what sql/demo.sql's header says; its last login is 3 hours old.
    func testTheDemoRowsGiveTheValuesTheirHeaderStates() throws {
        let database = try TestDatabase("catalogdemo", loading: [
            TestEnvironment.repositoryFile("sql/schema.sql"), TestEnvironment.repositoryFile("sql/demo.sql"),
        ])
        let connection = try database.connect()
        var expected = OrchestratorFixtureExpectations.demo
        let lastLogin = try XCTUnwrap(MetricCatalog.all.first { $0.kind == .timestamp })
        guard case .text(let text) = try Self.value(of: lastLogin, on: connection) else { return XCTFail("not text") }
        XCTAssertNotNil(text.range(of: #"^[0-9]{4}-[0-9]{2}-[0-9]{2}T[0-9]{2}:[0-9]{2}:[0-9]{2}\.[0-9]{3}Z$"#, options: .regularExpression), text)
        let formatter = ISO8601DateFormatter()
        formatter.formatOptions = [.withInternetDateTime, .withFractionalSeconds]
        let loggedIn = try XCTUnwrap(formatter.date(from: text), text)
        XCTAssertEqual(loggedIn.timeIntervalSinceNow, -3 * 3600, accuracy: 600, text)
        expected[lastLogin.id] = .text(text)
        assertValues(on: connection, equal: expected, "demo.sql")
    }

    func testAFreshInstallOnTheFullOrchestratorSchema() throws {
        let database = try TestDatabase("catalogfresh", loading: [try TestEnvironment.requireSharedSchema()])
        let connection = try database.connect()
        try connection.executeScript(OrchestratorFixtureExpectations.freshInstallRows)
        assertValues(on: connection, equal: OrchestratorFixtureExpectations.freshInstall, "fresh install")
    }

    /// count and maximum: one bigint; flag: one boolean; the rest one text column. Non-lists give
    /// one row even on empty tables.
    func testTheResultShapeFollowsTheKind() throws {
        let database = try TestDatabase("catalogshape", loading: [TestEnvironment.repositoryFile("sql/schema.sql")])
        let connection = try database.connect()
        for metric in MetricCatalog.all {
            // The result's columns, as a table made from the statement without running it.
            let arguments = metric.window == .allTime ? "" : "('2026-01-01T00:00:00Z')"
            try connection.executeScript("""
                PREPARE catalog_shape AS \(metric.sql);
                CREATE TEMP TABLE catalog_shape AS EXECUTE catalog_shape\(arguments) WITH NO DATA;
                """)
            let types = try connection.execute("""
                SELECT '{' || string_agg(format_type(atttypid, atttypmod), ',' ORDER BY attnum) || '}' FROM pg_attribute \
                WHERE attrelid = 'catalog_shape'::regclass AND attnum > 0
                """).scalar(String.self)
            try connection.executeScript("DEALLOCATE catalog_shape; DROP TABLE catalog_shape")
            switch metric.kind {
            case .count, .maximum: XCTAssertEqual(types, "{bigint}", metric.id)
            case .flag: XCTAssertEqual(types, "{boolean}", metric.id)
            case .textCounter, .timestamp, .list: XCTAssertEqual(types, "{text}", metric.id)
            }
            // On empty tables too a non-list has its one non-NULL value, and a list no row.
            XCTAssertNoThrow(try Self.value(of: metric, on: connection), metric.id)
            if metric.kind == .list {
                XCTAssertEqual(try Self.value(of: metric, on: connection), .list([]), metric.id)
            }
        }
    }

    /// A role allowed exactly the columns a record declares can run its statement: `reads` is all
    /// the statement needs. Each declared column appears in the statement, and none is a secret.
    func testEachStatementNeedsOnlyTheColumnsItDeclares() throws {
        let database = try TestDatabase("catalogreads", rows: "orchestrator-rows.sql")
        let connection = try database.connect()
        let role = "catalog_reader_\(UInt32.random(in: 0...UInt32.max))"
        let secrets: Set<String> = [
            "cluster.config", "git_provider.password", "git_provider.ssh_private_key", "git_provider.access_token",
            "docker_artifact_store.password", "gitops_config.token", "users.email_id", "users.password", "users.access_token",
        ]
        for metric in MetricCatalog.all {
            XCTAssertFalse(metric.reads.isEmpty, metric.id)
            for (table, columns) in metric.reads {
                XCTAssertFalse(columns.isEmpty, "\(metric.id) reads no column of \(table)")
                for column in columns {
                    XCTAssertFalse(secrets.contains("\(table).\(column)"), "\(metric.id) reads the secret \(table).\(column)")
                    XCTAssertNotNil(metric.sql.range(of: "\\b\(column)\\b", options: .regularExpression),
                                    "\(metric.id) declares \(table).\(column), which its statement never names")
                }
            }
            let grants = metric.reads.keys.sorted().map { table in
                let columns = metric.reads[table, default: []].map { "\"\($0)\"" }.joined(separator: ", ")
                return "GRANT SELECT (\(columns)) ON \(table) TO \(role);"
            }.joined(separator: " ")
            try connection.executeScript("BEGIN; CREATE ROLE \(role); \(grants) SET LOCAL ROLE \(role);")
            do {
                let bindings = metric.window.seconds.map { [Timestamp.rfc3339(Date().addingTimeInterval(-Double($0)))] } ?? []
                try connection.execute(Query(sql: metric.sql, bindings: bindings))
            } catch {
                XCTFail("\(metric.id) with only its declared columns: \(error)")
            }
            try connection.executeScript("ROLLBACK")
        }
    }

    /// Only the admin's SkippedOnboarding of "true" or true counts, in whatever case the email is
    /// written; any other value, a document of another shape or an undecodable one reads as false.
    func testSkippedOnboardingReadsTheStringAndTheJSONTrue() throws {
        let database = try TestDatabase("catalogonboarding", loading: [TestEnvironment.repositoryFile("sql/schema.sql")])
        let connection = try database.connect()
        let metric = try XCTUnwrap(MetricCatalog.all.first { $0.id == "SkippedOnboarding" })
        let cases: [(email: String, data: String, expected: Bool)] = [
            ("admin", #"{"SkippedOnboarding":"true"}"#, true),
            ("admin", #"{"SkippedOnboarding": true}"#, true),
            ("Admin", #"{"SkippedOnboarding":true,"other":"x"}"#, true),
            ("admin", #"{"SkippedOnboarding":"false"}"#, false),
            ("admin", #"{"SkippedOnboarding":false}"#, false),
            ("admin", #"{"SkippedOnboarding":"TRUE"}"#, false),
            ("admin", #"{"SkippedOnboarding":{"value":true}}"#, false),
            ("admin", #"{}"#, false),
            ("admin", #""true""#, false),
            ("admin", #"[{"SkippedOnboarding":true}]"#, false),
            ("admin", #"{"SkippedOnboarding":true,"note":"\u0000"}"#, false),
            ("admin", #"{"SkippedOnboarding":true,"note":"\ud800"}"#, false),
            ("someone", #"{"SkippedOnboarding":true}"#, false),
        ]
        XCTAssertEqual(try Self.value(of: metric, on: connection), .bool(false), "no row")
        for (email, data, expected) in cases {
            try connection.execute("DELETE FROM user_attributes")
            try connection.execute("INSERT INTO user_attributes (email_id, user_data) VALUES (\(email), \(data)::json)")
            XCTAssertEqual(try Self.value(of: metric, on: connection), .bool(expected), "\(email) \(data)")
        }
    }

    /// The JSON check never raises, accepts what PostgreSQL reads (Go's `\u003c` escapes included)
    /// and refuses the rest: invalid text, other JSON types, undecodable escapes, nesting past the limit.
    func testTextIsReadAsAJSONObjectOnlyWhenItIsOne() throws {
        let database = try TestDatabase("catalogjson", loading: [])
        let connection = try database.connect()
        let nested = { (levels: Int) in String(repeating: #"{"a":"#, count: levels) + "1" + String(repeating: "}", count: levels) }
        let cases: [(text: String?, object: Bool)] = [
            (#"{"a":1}"#, true), (" {\n\t\"a\" : [ 1 , -2.5e+3 , true , null , \"S\" , { } ] }\r\n", true),
            (#"{"k":"\u003cb\u003e \"quoted\" \\ \/ \n"}"#, true), (#"{"emoji":"😀","a":"ü"}"#, true),
            (#"{"SV":"VS"}"#, true), (nested(JSONText.maximumDepth), true),
            (nil, false), ("", false), ("   ", false), (#"[{"a":1}]"#, false), (#""text""#, false), ("5", false),
            ("null", false), (#"{"a":1"#, false), (#"{"a":1}}"#, false), (#"{"a" 1}"#, false), (#"{a:1}"#, false),
            (#"{"a":01}"#, false), (#"{"a":1.}"#, false), (#"{"a":tru}"#, false), (#"{"a":S}"#, false),
            (#"{"a":1,}"#, false), (#"{"a":[1,]}"#, false), (#"{"a":"x\y"}"#, false), ("{\"a\":\"tab\there\"}", false),
            (#"{"a":"\u0000"}"#, false), (#"{"a":"\ud83d\ude00"}"#, false), (#"{"a":"\uZZZZ"}"#, false),
            (#"{1:2}"#, false), (#"{"a":1}{"b":2}"#, false), (#"{"a":1} x"#, false),
            (nested(JSONText.maximumDepth + 1), false), (nested(5000), false),
        ]
        for (text, object) in cases {
            let query = Query(sql: "SELECT (\(JSONText.object("$1::text")) IS NOT NULL)", bindings: [text])
            XCTAssertEqual(try connection.execute(query).scalar(Bool.self), object, text ?? "NULL")
        }
    }

    /// The display text shows each JSON check by its short name; expanding the names gives back,
    /// character for character, the statement that runs. Everything else is the same in both.
    func testTheDisplaySQLNamesTheJSONCheckAndExpandsToTheExecutableSQL() throws {
        let readingText = MetricCatalog.all.filter { $0.sql.contains("regexp_replace") }
        XCTAssertEqual(Set(readingText.map(\.id)), [
            "dockerfileLanguagesList", "buildpackLanguagesList", "externalConfigMapCount", "internalConfigMapCount",
        ])
        for metric in readingText {
            XCTAssertTrue(metric.displaySQL.contains("json_object_or_null("), metric.id)
            XCTAssertFalse(metric.displaySQL.contains("regexp_replace"), metric.id)
        }
        let call = try Regex(#"(json_object_or_null|is_json_object|json_decodable)\(([^()]*)\)"#)
        for metric in MetricCatalog.all {
            let expanded = metric.displaySQL.replacing(call) { match -> String in
                let argument = String(match.output[2].substring ?? "")
                switch match.output[1].substring ?? "" {
                case "json_object_or_null": return JSONText.object(argument)
                case "is_json_object": return JSONText.isObject(argument)
                default: return JSONText.decodable(argument)
                }
            }
            XCTAssertEqual(expanded, metric.sql, metric.id)
        }
        let page = MetricsDocument.markdown()
        XCTAssertFalse(page.contains("regexp_replace("), "docs/metrics.md shows an expansion of the JSON check")
    }

    /// Laying the statements out on lines changed whitespace only: with its line breaks read as one
    /// space (none after `(` or before `)`), a ConfigMap statement is the one-line text it was, the
    /// JSON check spliced in by `JSONText` itself.
    func testTheExecutableSQLIsTheStatementItWasBeforeItWasLaidOut() throws {
        let metric = try XCTUnwrap(MetricCatalog.all.first { $0.id == "externalConfigMapCount" })
        let maps = "CROSS JOIN LATERAL (SELECT \(JSONText.object("c.config_map_data")) AS data OFFSET 0) d "
            + #"WHERE c.config_map_data ~ '"external"[ \t\n\r]*:[ \t\n\r]*"?true' "#
            + "AND EXISTS (SELECT 1 FROM json_array_elements(CASE WHEN json_typeof(d.data -> 'maps') = 'array' "
            + "THEN d.data -> 'maps' END) AS m(map) WHERE m.map ->> 'external' = 'true')"
        let before = "SELECT (SELECT count(*) FROM config_map_app_level c JOIN app a ON a.id = c.app_id AND a.active = true \(maps)) "
            + "+ (SELECT count(*) FROM config_map_env_level c JOIN environment e ON e.id = c.environment_id "
            + "AND e.active = true AND c.deleted = false \(maps))"
        let oneLine = metric.sql.replacing(#/ *\n */#, with: " ").replacing("( ", with: "(").replacing(" )", with: ")")
        XCTAssertEqual(oneLine, before)
        XCTAssertTrue(metric.sql.contains("\n"), "laid out on lines")
    }
}
