import Foundation
import Logging
import Postgres
import TelemetryCore
import TestSupport
import XCTest

/// The least-privilege role that `grants` creates, against the real server: it computes every
/// metric of both layouts, and reads nothing else.
final class GrantsTests: XCTestCase {
    private var cleanups: [() -> Void] = []

    override func tearDown() {
        cleanups.reversed().forEach { $0() }
        cleanups = []
        super.tearDown()
    }

    /// A role name of its own per test: roles belong to the whole server, not to one database.
    private func uniqueRole() -> String { "telemetry_role_\(UInt32.random(in: 0...UInt32.max))" }

    /// Applies `script` on `database` as the superuser and drops the role when the test ends.
    private func apply(_ script: String, role: String, on database: TestDatabase) throws {
        try database.connect().executeScript(script)
        cleanups.append {
            _ = try? database.connect().executeScript("DROP OWNED BY \"\(role)\"; DROP ROLE IF EXISTS \"\(role)\"")
        }
    }

    /// The role's own session, opened as the job opens it.
    private func openSession(as role: String, on database: TestDatabase) throws -> Connection {
        let settings = try DatabaseSettings.resolve(
            databaseURL: "postgresql://\(role)@\(database.host):\(database.port)/\(database.name)",
            statementTimeout: nil, connectTimeout: nil, environment: Environment([:])
        )
        return try SummaryCollector.openSession(settings)
    }

    private func fullSchema() throws -> URL {
        try TestEnvironment.requireSharedSchema()
    }

    func testTheRoleComputesEveryMetricOfBothLayoutsOnTheFullSchema() throws {
        let database = try TestDatabase("grantsfull", loading: [try fullSchema()])
        let role = uniqueRole()
        try apply(try Grants.script(role: role), role: role, on: database)
        let session = try openSession(as: role, on: database)
        defer { session.close() }
        for layout in Metric.Layout.allCases {
            let summary = SummaryCollector(layout: layout).collect(on: session, runStart: Date(), logger: CapturedLog().logger())
            XCTAssertEqual(summary.failedKeys, [], "\(layout): failed under the role")
            XCTAssertEqual(
                Set(summary.values.keys), Set(MetricCatalog.metrics(in: layout).flatMap { $0.keys(in: layout) }), "\(layout)"
            )
        }
    }

    func testTheRoleCannotReadSecretsNorWrite() throws {
        let database = try TestDatabase("grantssecrets", loading: [try fullSchema()])
        let role = uniqueRole()
        try apply(try Grants.script(role: role), role: role, on: database)
        let session = try openSession(as: role, on: database)
        defer { session.close() }
        for column in [
            "cluster.config", "git_provider.password", "git_provider.ssh_private_key", "git_provider.access_token",
            "gitops_config.token", "docker_artifact_store.password", "users.email_id", "cluster.server_url",
        ] {
            let parts = column.split(separator: ".")
            XCTAssertThrowsError(try session.execute(Query(sql: "SELECT \(parts[1]) FROM \(parts[0])")), column) { error in
                XCTAssertEqual((error as? PostgresError)?.sqlState, "42501", "\(column): \(error)")
            }
        }
        // A whole-row read needs every column.
        XCTAssertThrowsError(try session.execute("SELECT * FROM users")) { error in
            XCTAssertEqual((error as? PostgresError)?.sqlState, "42501", "\(error)")
        }
        // Writes fail for lack of privilege even in a transaction that asks to write.
        try session.execute("BEGIN READ WRITE")
        XCTAssertThrowsError(try session.execute("UPDATE cluster SET active = false")) { error in
            XCTAssertEqual((error as? PostgresError)?.sqlState, "42501", "\(error)")
        }
        try session.execute("ROLLBACK")
        try session.execute("BEGIN READ WRITE")
        XCTAssertThrowsError(try session.execute("SELECT nextval('cluster_id_seq')")) { error in
            XCTAssertEqual((error as? PostgresError)?.sqlState, "42501", "no sequence privilege: \(error)")
        }
        try session.execute("ROLLBACK")
        // And any session of the role, not only the job's, starts read-only.
        let plain = try Connection(ConnectionParameters.parse("postgresql://\(role)@\(database.host):\(database.port)/\(database.name)"))
        defer { plain.close() }
        XCTAssertEqual(try plain.execute("SHOW default_transaction_read_only").scalar(String.self), "on")
    }

    func testTheScriptAppliesTwiceAndConvergesToTheCatalog() throws {
        let database = try TestDatabase("grantstwice", loading: [try fullSchema()])
        let role = uniqueRole()
        let script = try Grants.script(role: role)
        try apply(script, role: role, on: database)
        // A privilege granted by hand beyond the catalog is taken back by the next run.
        try database.connect().executeScript("GRANT SELECT ON TABLE git_provider TO \"\(role)\"")
        try database.connect().executeScript(script)
        let granted = try database.connect().execute(Query(sql: """
            SELECT table_name || '.' || column_name FROM information_schema.column_privileges \
            WHERE grantee = $1 AND privilege_type = 'SELECT' ORDER BY 1
            """, bindings: [role])).rows.map { try $0.decode(String.self, at: 0) }
        let expected = Grants.columnsRead(by: MetricCatalog.all).flatMap { table, columns in columns.map { "\(table).\($0)" } }
        XCTAssertEqual(granted, expected.sorted())
        let tableWide = try database.connect().execute(Query(sql: """
            SELECT count(*) FROM information_schema.role_table_grants WHERE grantee = $1
            """, bindings: [role])).scalar(Int.self)
        XCTAssertEqual(tableWide, 0, "no table-wide privilege")
    }

    func testAColumnMissingFromARecordFailsThatMetricUnderTheRole() throws {
        // The declaration cannot drift from the SQL: the tests above run every record under a role
        // granted only what the records declare. Here, one column taken away shows that such a
        // drift is caught.
        let database = try TestDatabase("grantsdrift", loading: [try fullSchema()])
        let role = uniqueRole()
        let metric = try XCTUnwrap(MetricCatalog.all.first { $0.id == "userCount" })
        let shortened = Metric(
            seed: "userCount", description: metric.description, reads: ["users": ["active"]], sql: metric.sql
        )
        try apply(try Grants.script(role: role, metrics: [shortened]), role: role, on: database)
        let session = try openSession(as: role, on: database)
        defer { session.close() }
        XCTAssertThrowsError(try session.execute(Query(sql: shortened.sql))) { error in
            XCTAssertEqual((error as? PostgresError)?.sqlState, "42501", "\(error)")
        }
    }

    func testRoleNamesAreCheckedAndThePasswordIsNeverInTheScript() throws {
        for bad in ["", "Telemetry", "x; DROP TABLE users", "1role", String(repeating: "a", count: 64), "rôle"] {
            XCTAssertThrowsError(try Grants.script(role: bad), bad) { error in
                XCTAssertEqual((error as? TelemetryError)?.exitCode, .usage)
            }
        }
        let script = try Grants.script(role: "devtron_telemetry")
        XCTAssertFalse(script.uppercased().contains("PASSWORD '"), "no password in the script")
        XCTAssertFalse(script.contains("GRANT SELECT ON"), "no table-wide SELECT")
        XCTAssertFalse(script.contains("SEQUENCE public") || script.contains("FUNCTION"), "no sequence or function privilege")
    }
}
