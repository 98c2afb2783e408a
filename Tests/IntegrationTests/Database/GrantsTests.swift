import Foundation
import Logging
import Postgres
import TelemetryCore
import TestSupport
import XCTest

/// The least-privilege role that `grants` creates, against the real server: it computes every
/// metric of both layouts, reads nothing else (no user's email, no row but the admin's of
/// `user_attributes`), and the script refuses a role that no grant could narrow.
final class GrantsTests: XCTestCase {
    private var cleanups: [() -> Void] = []

    override func tearDown() {
        cleanups.reversed().forEach { $0() }
        cleanups = []
        super.tearDown()
    }

    /// A role name of its own per test: roles belong to the whole server, not to one database.
    private func uniqueRole() -> String { "telemetry_role_\(UInt32.random(in: 0...UInt32.max))" }

    /// Drops `roles` (and what they own or were granted in `database`) when the test ends.
    private func dropAtEnd(_ roles: [String], on database: TestDatabase) {
        cleanups.append {
            for role in roles { _ = try? database.connect().executeScript("DROP OWNED BY \"\(role)\"") }
            for role in roles { _ = try? database.connect().executeScript("DROP ROLE IF EXISTS \"\(role)\"") }
        }
    }

    /// Applies `script` on `database` as the superuser and drops the role when the test ends.
    private func apply(_ script: String, role: String, on database: TestDatabase) throws {
        dropAtEnd([role], on: database)
        try database.connect().executeScript(script)
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

    /// Every value of every row `sql` returns, NULL as "NULL".
    private func values(_ sql: String, on connection: Connection) throws -> [[String]] {
        try connection.execute(Query(sql: sql)).rows.map { $0.values.map { $0 ?? "NULL" } }
    }

    private func assertDenied(_ sql: String, on session: Connection, file: StaticString = #filePath, line: UInt = #line) {
        XCTAssertThrowsError(try session.execute(Query(sql: sql)), sql, file: file, line: line) { error in
            XCTAssertEqual((error as? PostgresError)?.sqlState, "42501", "\(sql): \(error)", file: file, line: line)
        }
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
        // Qualified: `user_attributes` alone is the role's view (the next test).
        for column in [
            "cluster.config", "git_provider.password", "git_provider.ssh_private_key", "git_provider.access_token",
            "gitops_config.token", "docker_artifact_store.password", "users.email_id", "cluster.server_url",
            "user_attributes.email_id", "user_attributes.user_data",
        ] {
            let parts = column.split(separator: ".")
            assertDenied("SELECT \(parts[1]) FROM public.\(parts[0])", on: session)
        }
        // A whole-row read needs every column.
        assertDenied("SELECT * FROM users", on: session)
        // Writes fail for lack of privilege even in a transaction that asks to write.
        try session.execute("BEGIN READ WRITE")
        assertDenied("UPDATE cluster SET active = false", on: session)
        try session.execute("ROLLBACK")
        try session.execute("BEGIN READ WRITE")
        assertDenied("SELECT nextval('cluster_id_seq')", on: session)
        try session.execute("ROLLBACK")
        // And any session of the role, not only the job's, starts read-only.
        let plain = try Connection(ConnectionParameters.parse("postgresql://\(role)@\(database.host):\(database.port)/\(database.name)"))
        defer { plain.close() }
        XCTAssertEqual(try plain.execute("SHOW default_transaction_read_only").scalar(String.self), "on")
    }

    func testTheRoleSeesNoEmailAndNoRowButTheAdminsOfUserAttributes() throws {
        let database = try TestDatabase("grantsemail", loading: [try fullSchema()])
        let owner = try database.connect()
        // The admin's row, and two users whose email and document carry a marker.
        try owner.executeScript("""
            INSERT INTO user_attributes (email_id, user_data) VALUES
              ('admin', '{"SkippedOnboarding": true}'),
              ('LEAKCHECK-a@x', '{"SkippedOnboarding": true, "note": "LEAKCHECK-a"}'),
              ('LEAKCHECK-b@x', '{"note": "LEAKCHECK-b"}');
            ANALYZE public.user_attributes;
            """)
        let role = uniqueRole()
        try apply(try Grants.script(role: role), role: role, on: database)
        let session = try openSession(as: role, on: database)
        defer { session.close() }
        assertDenied("SELECT email_id FROM public.user_attributes", on: session)
        assertDenied("SELECT count(*) FROM public.user_attributes", on: session)
        // Through the view: the admin's row alone, its email the literal 'admin'.
        let admin = [["admin", #"{"SkippedOnboarding": true}"#]]
        XCTAssertEqual(try values("SELECT email_id, user_data::text FROM user_attributes", on: session), admin)
        XCTAssertEqual(try values("SELECT email_id, user_data::text FROM \(Grants.viewSchema).user_attributes", on: session), admin)
        let seen = try values("SELECT * FROM user_attributes", on: session).flatMap { $0 }
        // The table's column statistics are shown only for columns the role may read: none.
        XCTAssertEqual(try values("SELECT attname FROM pg_stats WHERE tablename = 'user_attributes'", on: session), [])
        // A function of the role's own, cheaper than the view's filter, still sees only the rows the
        // filter passed (security_barrier): it raises on a marker it meets.
        try session.executeScript("""
            BEGIN READ WRITE;
            CREATE FUNCTION pg_temp.probe(document json) RETURNS boolean LANGUAGE plpgsql COST 0.0001 AS $f$
            BEGIN IF document::text LIKE '%LEAKCHECK%' THEN RAISE EXCEPTION 'seen'; END IF; RETURN true; END $f$;
            """)
        XCTAssertEqual(try session.execute("SELECT count(*) FROM user_attributes WHERE pg_temp.probe(user_data)").scalar(Int.self), 1)
        try session.execute("ROLLBACK")
        XCTAssertFalse(seen.contains { $0.contains("LEAKCHECK") }, "\(seen)")
    }

    func testSkippedOnboardingUnderTheRoleIsTheOwnersValue() throws {
        let database = try TestDatabase("grantsonboarding", loading: [try fullSchema()])
        let owner = try database.connect()
        let role = uniqueRole()
        try apply(try Grants.script(role: role), role: role, on: database)
        let session = try openSession(as: role, on: database)
        defer { session.close() }
        let metric = try XCTUnwrap(MetricCatalog.all.first { $0.id == "SkippedOnboarding" })
        // Another user's SkippedOnboarding never counts: only the admin's row (any case) does.
        let other = #"('LEAKCHECK-a@x', '{"SkippedOnboarding": true}')"#
        let cases: [(rows: String, expected: Bool)] = [
            (#"('admin', '{"SkippedOnboarding": true}'), "# + other, true),  // the admin's JSON true
            (#"('ADMIN', '{"SkippedOnboarding": "true"}'), "# + other, true),  // the string, upper-case email
            (other, false),  // no admin row
        ]
        for (rows, expected) in cases {
            try owner.executeScript("DELETE FROM user_attributes; INSERT INTO user_attributes (email_id, user_data) VALUES \(rows)")
            XCTAssertEqual(try owner.execute(Query(sql: metric.sql)).scalar(Bool.self), expected, "owner: \(rows)")
            XCTAssertEqual(try session.execute(Query(sql: metric.sql)).scalar(Bool.self), expected, "role: \(rows)")
        }
    }

    func testTheScriptAppliesTwiceAndConvergesToTheCatalog() throws {
        let database = try TestDatabase("grantstwice", loading: [try fullSchema()])
        let role = uniqueRole()
        let script = try Grants.script(role: role)
        try apply(script, role: role, on: database)
        // Privileges granted by hand beyond the catalog (the email column, as an earlier version
        // granted it) are taken back by the next run.
        try database.connect().executeScript("""
            GRANT SELECT ON TABLE git_provider TO "\(role)"; GRANT SELECT (email_id) ON TABLE user_attributes TO "\(role)"
            """)
        try database.connect().executeScript(script)
        let granted = try database.connect().execute(Query(sql: """
            SELECT table_name || '.' || column_name FROM information_schema.column_privileges \
            WHERE grantee = $1 AND privilege_type = 'SELECT' AND table_schema = 'public' ORDER BY 1
            """, bindings: [role])).rows.map { try $0.decode(String.self, at: 0) }
        let expected = Grants.columnsGranted(by: MetricCatalog.all).flatMap { table, columns in columns.map { "\(table).\($0)" } }
        XCTAssertEqual(granted, expected.sorted())
        XCTAssertFalse(granted.contains { $0.hasPrefix("user_attributes.") }, "read through the view only")
        let tableWide = try database.connect().execute(Query(sql: """
            SELECT table_schema || '.' || table_name || ' ' || privilege_type FROM information_schema.role_table_grants \
            WHERE grantee = $1 ORDER BY 1
            """, bindings: [role])).rows.map { try $0.decode(String.self, at: 0) }
        XCTAssertEqual(tableWide, ["\(Grants.viewSchema).user_attributes SELECT"], "no table-wide privilege on public")
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
        assertDenied(shortened.sql, on: session)
    }

    /// The role's attributes and settings, and every grant on public's relations and columns: what
    /// a refused script must leave as it was.
    private func privilegeState(of role: String, on database: TestDatabase) throws -> [[String]] {
        try values("""
            SELECT concat_ws(' ', rolsuper, rolbypassrls, rolconfig::text) FROM pg_catalog.pg_roles WHERE rolname = '\(role)' \
            UNION ALL SELECT c.relname || ' ' || coalesce(c.relacl::text, '-') || ' ' || coalesce(( \
              SELECT string_agg(a.attname || a.attacl::text, ',' ORDER BY a.attname) FROM pg_catalog.pg_attribute a \
              WHERE a.attrelid = c.oid AND a.attacl IS NOT NULL), '-') \
            FROM pg_catalog.pg_class c WHERE c.relnamespace = 'public'::regnamespace \
            UNION ALL SELECT 'schema ' || nspname FROM pg_catalog.pg_namespace WHERE nspname = '\(Grants.viewSchema)'
            """, on: try database.connect())
    }

    func testTheScriptAndTheCheckRefuseAPrivilegedRoleAndChangeNothing() throws {
        let database = try TestDatabase("grantsrefuse", loading: [try fullSchema()])
        // Each case: how the role is made, and the reason given (the role itself, or the role it
        // acts as, first). `$0` is the role's name; a second role is named after it.
        let cases: [(make: (String) -> String, reason: (String) -> String)] = [
            ({ "CREATE ROLE \($0) LOGIN SUPERUSER" }, { _ in "is SUPERUSER" }),
            ({ "CREATE ROLE \($0) LOGIN BYPASSRLS" }, { _ in "has BYPASSRLS" }),
            ({ "CREATE ROLE \($0) LOGIN; GRANT pg_read_all_data TO \($0)" }, { _ in #"is a member of "pg_read_all_data", which reads all data"# }),
            ({ "CREATE ROLE \($0) LOGIN; GRANT pg_write_all_data TO \($0)" }, { _ in #"is a member of "pg_write_all_data", which writes all data"# }),
            (
                { "CREATE ROLE \($0)_group; GRANT pg_read_all_data TO \($0)_group; CREATE ROLE \($0) LOGIN; GRANT \($0)_group TO \($0)" },
                { _ in #"is a member of "pg_read_all_data", which reads all data"# }
            ),
            // The tables' owner: the script's REVOKE ALL would take Devtron's own privileges.
            ({ "CREATE ROLE \($0) LOGIN; ALTER TABLE public.user_attributes OWNER TO \($0)" }, { _ in "owns tables or sequences of schema public" }),
            (
                { "CREATE ROLE \($0)_owner; ALTER TABLE public.cluster OWNER TO \($0)_owner; CREATE ROLE \($0) LOGIN; GRANT \($0)_owner TO \($0)" },
                { #"is a member of "\#($0)_owner", which owns tables or sequences of schema public"# }
            ),
        ]
        for (make, reason) in cases {
            let role = uniqueRole()
            dropAtEnd([role, "\(role)_group", "\(role)_owner"], on: database)
            try database.connect().executeScript(make(role))
            let before = try privilegeState(of: role, on: database)
            XCTAssertThrowsError(try database.connect().executeScript(try Grants.script(role: role)), make(role)) { error in
                XCTAssertEqual((error as? PostgresError)?.sqlState, "P0001", "raised by the script's check: \(error)")
            }
            XCTAssertEqual(try privilegeState(of: role, on: database), before, make(role))
            // The command's check, before the advice that follows ": ".
            let refusal = try Grants.refusal(of: role, on: database.connect())
            XCTAssertEqual(refusal?.components(separatedBy: ": ").first, "role \"\(role)\" \(reason(role))", make(role))
        }
        // A plain role, existing or not, is not refused.
        let plain = uniqueRole()
        dropAtEnd([plain], on: database)
        XCTAssertNil(try Grants.refusal(of: plain, on: database.connect()))
        try database.connect().executeScript("CREATE ROLE \(plain) LOGIN")
        XCTAssertNil(try Grants.refusal(of: plain, on: database.connect()))
        try database.connect().executeScript(try Grants.script(role: plain))
    }

    func testRoleNamesAreCheckedAndThePasswordIsNeverInTheScript() throws {
        for bad in ["", "Telemetry", "x; DROP TABLE users", "1role", String(repeating: "a", count: 64), "rôle"] {
            XCTAssertThrowsError(try Grants.script(role: bad), bad) { error in
                XCTAssertEqual((error as? TelemetryError)?.exitCode, .usage)
            }
        }
        let script = try Grants.script(role: "devtron_telemetry")
        XCTAssertFalse(script.uppercased().contains("PASSWORD '"), "no password in the script")
        XCTAssertFalse(script.contains("GRANT SELECT ON TABLE public."), "no table-wide SELECT on public")
        XCTAssertFalse(script.contains("SEQUENCE public") || script.contains("FUNCTION"), "no sequence or function privilege")
        XCTAssertFalse(script.contains("email_id\""), "no email column granted")
        // Every column a metric reads of a viewed table is one of its view's.
        let read = Grants.columnsRead(by: MetricCatalog.all)
        for view in Grants.views {
            XCTAssertTrue(Set(read[view.table, default: []]).isSubset(of: view.columns), view.table)
        }
    }
}
