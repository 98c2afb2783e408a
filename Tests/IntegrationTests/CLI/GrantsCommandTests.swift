import Foundation
import Postgres
import TelemetryCore
import TestSupport
import XCTest

/// `grants` end to end: with a database configured it refuses a privileged role before printing
/// anything; with none it prints the script, whose own check then refuses the role.
final class GrantsCommandTests: CLITestCase {
    private var cleanups: [() -> Void] = []

    override func tearDown() {
        cleanups.reversed().forEach { $0() }
        cleanups = []
        super.tearDown()
    }

    /// A role name of its own per test (roles belong to the whole server), dropped at the end with
    /// the second role named after it.
    private func uniqueRole(on database: TestDatabase) -> String {
        let role = "telemetry_cli_\(UInt32.random(in: 0...UInt32.max))"
        cleanups.append {
            for name in [role, "\(role)_group"] {
                _ = try? database.connect().executeScript("DROP OWNED BY \(name)")
                _ = try? database.connect().executeScript("DROP ROLE IF EXISTS \(name)")
            }
        }
        return role
    }

    /// The three ways `run` finds its database, for `database`.
    private func configurations(_ database: TestDatabase) -> [(arguments: [String], environment: [String: String])] {
        [
            (["--database-url", database.url], [:]),
            ([], ["DATABASE_URL": database.url]),
            ([], ["PG_ADDR": database.host, "PG_PORT": database.port, "PG_USER": "postgres", "PG_DATABASE": database.name]),
        ]
    }

    func testAPrivilegedRoleIsRefusedWithOneLineAndNothingPrinted() throws {
        let database = try TestDatabase("cligrantsrefuse", loading: [TestEnvironment.repositoryFile("sql/schema.sql")])
        // How each role is made, and the reason its error line gives. `$0` is the role's name.
        let cases: [(make: (String) -> String, reason: String)] = [
            ({ "CREATE ROLE \($0) LOGIN SUPERUSER" }, "is SUPERUSER"),
            ({ "CREATE ROLE \($0) LOGIN BYPASSRLS" }, "has BYPASSRLS"),
            ({ "CREATE ROLE \($0) LOGIN; GRANT pg_read_all_data TO \($0)" }, "reads all data"),
            (
                { "CREATE ROLE \($0)_group; GRANT pg_write_all_data TO \($0)_group; CREATE ROLE \($0) LOGIN; GRANT \($0)_group TO \($0)" },
                "writes all data"
            ),
            ({ "CREATE ROLE \($0) LOGIN; ALTER TABLE public.user_attributes OWNER TO \($0)" }, "owns tables or sequences of schema public"),
        ]
        let ways = configurations(database)
        for (index, (make, reason)) in cases.enumerated() {
            let role = uniqueRole(on: database)
            try database.connect().executeScript(make(role))
            // Each way of configuring the database in turn.
            let way = ways[index % ways.count]
            let outcome = try run(["grants", "--role", role] + way.arguments, way.environment)
            XCTAssertEqual(outcome.status, 2, "\(make(role)): \(outcome.stderr)")
            XCTAssertEqual(outcome.stdout, "", make(role))
            XCTAssertEqual(outcome.stderrLines.count, 1, outcome.stderr)
            XCTAssertTrue(outcome.stderr.hasPrefix("error: role \"\(role)\" "), outcome.stderr)
            XCTAssertTrue(outcome.stderr.contains(reason), "\(reason): \(outcome.stderr)")
        }
    }

    func testAPlainRoleGetsTheScriptWhichApplies() throws {
        let database = try TestDatabase("cligrantsplain", loading: [TestEnvironment.repositoryFile("sql/schema.sql")])
        let existing = uniqueRole(on: database), new = uniqueRole(on: database)
        try database.connect().executeScript("CREATE ROLE \(existing) LOGIN")
        for (role, way) in zip([existing, new], configurations(database)) {
            let outcome = try run(["grants", "--role", role] + way.arguments, way.environment)
            XCTAssertEqual(outcome.status, 0, outcome.stderr)
            XCTAssertEqual(outcome.stdout, try Grants.script(role: role))
            XCTAssertEqual(outcome.stderr, "")
            try database.connect().executeScript(outcome.stdout)
        }
    }

    func testWithoutADatabaseTheScriptIsPrintedAndRefusesThePrivilegedRoleWhenApplied() throws {
        let database = try TestDatabase("cligrantsnodb", loading: [TestEnvironment.repositoryFile("sql/schema.sql")])
        let role = uniqueRole(on: database)
        try database.connect().executeScript("CREATE ROLE \(role) LOGIN SUPERUSER")
        // libpq's own variables are not a configured database: the script is printed unchecked.
        let outcome = try run(["grants", "--role", role], ["PGHOST": database.host, "PGPORT": database.port])
        XCTAssertEqual(outcome.status, 0, outcome.stderr)
        XCTAssertEqual(outcome.stdout, try Grants.script(role: role))
        XCTAssertThrowsError(try database.connect().executeScript(outcome.stdout)) { error in
            XCTAssertEqual((error as? PostgresError)?.sqlState, "P0001", "the script's own check: \(error)")
        }
        let config = try database.connect().execute(Query(sql: """
            SELECT coalesce(rolconfig::text, 'none') FROM pg_catalog.pg_roles WHERE rolname = $1
            """, bindings: [role])).scalar(String.self)
        XCTAssertEqual(config, "none", "nothing of the script applied")
    }

    func testAnUnreachableDatabaseIsExitOneAndABadNameIsRefusedBeforeConnecting() throws {
        let port = Ports.closedLoopbackPort()
        let url = "postgresql://postgres:pw-LEAKCHECK-1@127.0.0.1:\(port)/orchestrator"
        let unreachable = try run(["grants"], ["DATABASE_URL": url])
        XCTAssertEqual(unreachable.status, 1, unreachable.stderr)
        XCTAssertEqual(unreachable.stdout, "")
        XCTAssertEqual(unreachable.stderrLines.count, 1, unreachable.stderr)
        XCTAssertTrue(unreachable.stderr.contains("127.0.0.1:\(port)"), unreachable.stderr)
        assertNothingLeaks(unreachable, ["pw-LEAKCHECK-1"])

        let badName = try run(["grants", "--role", "Bad-Name", "--database-url", url])
        XCTAssertEqual(badName.status, 2, badName.stderr)
        XCTAssertEqual(badName.stdout, "")
        XCTAssertEqual(badName.stderrLines.count, 1, badName.stderr)
        XCTAssertTrue(badName.stderr.contains("role must be"), badName.stderr)
    }
}
