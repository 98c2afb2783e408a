import Postgres
import TestSupport
import XCTest

/// The libpq layer against a real server: binding, decoding, errors with SQLSTATE, timeouts.
final class ConnectionTests: XCTestCase {
    private func adminConnection() throws -> Connection {
        try Connection(ConnectionParameters.parse(TestEnvironment.adminDatabaseURL()))
    }

    func testInterpolatedValuesAreBoundNotSpliced() throws {
        let hostile = "x'); DROP TABLE pg_class; --"
        let number = 41
        let query: Query = "SELECT \(hostile)::text AS echoed, \(number)::int + 1 AS answer"
        XCTAssertEqual(query.sql, "SELECT $1::text AS echoed, $2::int + 1 AS answer")
        XCTAssertEqual(query.bindings, [hostile, "41"])

        let row = try XCTUnwrap(try adminConnection().execute(query).rows.first)
        XCTAssertEqual(try row.decode(String.self, column: "echoed"), hostile)
        XCTAssertEqual(try row.decode(Int.self, column: "answer"), 42)
    }

    func testDecodesTypesAndRejectsNullForNonOptional() throws {
        let connection = try adminConnection()
        let row = try XCTUnwrap(try connection.execute("SELECT true AS yes, false AS no, NULL::int AS nothing, 9000000000::bigint AS big").rows.first)
        XCTAssertEqual(try row.decode(Bool.self, column: "yes"), true)
        XCTAssertEqual(try row.decode(Bool.self, column: "no"), false)
        XCTAssertEqual(try row.decode(Int64.self, column: "big"), 9_000_000_000)
        XCTAssertThrowsError(try row.decode(Int.self, column: "nothing")) { error in
            XCTAssertEqual((error as? PostgresError)?.kind, .decoding)
        }
        XCTAssertThrowsError(try row.decode(Int.self, column: "missing"))
        XCTAssertThrowsError(try connection.execute("SELECT 1 UNION ALL SELECT 2").scalar(Int.self))
    }

    func testServerErrorsKeepTheSQLStateButNoServerText() throws {
        let connection = try adminConnection()
        XCTAssertThrowsError(try connection.execute("SELECT count(*) FROM no_such_table")) { error in
            let error = error as? PostgresError
            XCTAssertEqual(error?.kind, .statement)
            XCTAssertEqual(error?.sqlState, .undefinedTable)
            XCTAssertTrue(error?.isUndefinedTable ?? false)
            XCTAssertEqual(error?.description, "a table the statement reads does not exist (SQLSTATE 42P01)")
        }
        // A failed cast quotes the value in the server's message; the error keeps only the class.
        XCTAssertThrowsError(try connection.execute("SELECT 'secret-row-value'::int")) { error in
            let error = error as? PostgresError
            XCTAssertEqual(error?.sqlState?.rawValue, "22P02")
            XCTAssertFalse("\(String(describing: error))".contains("secret-row-value"), "\(String(describing: error))")
            XCTAssertTrue(error?.message.hasPrefix("data exception") ?? false, "\(String(describing: error))")
        }
        // Raised text of any kind, with a SQLSTATE of its own making, stays on the server too.
        XCTAssertThrowsError(try connection.executeScript("DO $$ BEGIN RAISE EXCEPTION 'row says hunter2' USING ERRCODE = 'P0001'; END $$")) { error in
            XCTAssertEqual((error as? PostgresError)?.sqlState?.rawValue, "P0001")
            XCTAssertFalse("\(error)".contains("hunter2"), "\(error)")
        }
        // The session is still usable after a failed statement outside a transaction.
        XCTAssertEqual(try connection.execute("SELECT 7").scalar(Int.self), 7)
    }

    func testServerStatementTimeoutIsQueryCanceled() throws {
        let connection = try adminConnection()
        try connection.setParameter("statement_timeout", to: "200")
        XCTAssertThrowsError(try connection.execute("SELECT pg_sleep(5)")) { error in
            XCTAssertEqual((error as? PostgresError)?.sqlState, "57014")
        }
    }

    func testClientDeadlineCancelsAStatementTheServerDoesNotLimit() throws {
        let connection = try adminConnection()
        connection.clientTimeout = .milliseconds(300)
        let started = Date()
        XCTAssertThrowsError(try connection.execute("SELECT pg_sleep(30)")) { error in
            XCTAssertTrue((error as? PostgresError)?.isQueryCanceled ?? false, "\(error)")
        }
        XCTAssertLessThan(Date().timeIntervalSince(started), 5)
        XCTAssertNil(SQLState(rawValue: "42p01"), "five digits or upper-case letters only")
        XCTAssertNil(SQLState(rawValue: "ERROR: x"))
        XCTAssertEqual(try connection.execute("SELECT 1").scalar(Int.self), 1)
    }

    func testScriptsRunSeveralStatementsAndReportTheFailingOne() throws {
        let connection = try adminConnection()
        let result = try connection.executeScript("CREATE TEMP TABLE t (n int); INSERT INTO t VALUES (1), (2); SELECT sum(n) FROM t")
        XCTAssertEqual(try result.scalar(Int.self), 3)
        XCTAssertThrowsError(try connection.executeScript("SELECT 1; SELECT * FROM missing_table")) { error in
            XCTAssertEqual((error as? PostgresError)?.sqlState, "42P01")
        }
    }

    func testRefusedConnectionNamesHostAndPortButNotThePassword() throws {
        let port = Ports.closedLoopbackPort()
        let parameters = try ConnectionParameters.parse("postgresql://someone:hunter2-secret@127.0.0.1:\(port)/db?connect_timeout=2")
        XCTAssertEqual(parameters["password"], "hunter2-secret")
        XCTAssertThrowsError(try Connection(parameters)) { error in
            let error = error as? PostgresError
            XCTAssertEqual(error?.kind, .connection)
            XCTAssertTrue(error?.message.contains("127.0.0.1:\(port)") ?? false, "\(String(describing: error))")
            XCTAssertFalse("\(String(describing: error))".contains("hunter2"))
            XCTAssertFalse(error?.message.contains("\n") ?? true)
        }
    }

    func testConnectionStringsAreParsedByLibpq() throws {
        let uri = try ConnectionParameters.parse("postgres://reader:p%40ss@db.example:6543/orchestrator?sslmode=require")
        XCTAssertEqual(uri["user"], "reader")
        XCTAssertEqual(uri["password"], "p@ss")
        XCTAssertEqual(uri["host"], "db.example")
        XCTAssertEqual(uri["port"], "6543")
        XCTAssertEqual(uri["dbname"], "orchestrator")
        XCTAssertEqual(uri["sslmode"], "require")
        XCTAssertEqual(uri.endpointDescription, "db.example:6543")

        let keywords = try ConnectionParameters.parse("host=10.0.0.5 port=5433 dbname='my db' password='it\\'s'")
        XCTAssertEqual(keywords["dbname"], "my db")
        XCTAssertEqual(keywords["password"], "it's")

        // libpq's parse errors quote the input; a stray quote defeats cutting the quoted part out.
        // None of libpq's message is shown, only a sentence of ours naming the kind of mistake.
        for (bad, kind) in [
            ("postgres://u:top%zzsecret@h/db", "percent escape"),
            ("postgres://u:topsecret@[::1]\"x/db", "URI"),
            ("postgres://u:top\"secret@[::1\"/db", "IPv6"),
            ("host=h password='topsecret", "unterminated"),
            ("host=h password=topsecret bogus_keyword=1", "unknown keyword"),
            ("postgres://u:topsecret@h/db?nope=1", "query parameter"),
        ] {
            XCTAssertThrowsError(try ConnectionParameters.parse(bad), bad) { error in
                XCTAssertEqual((error as? PostgresError)?.kind, .invalidConnectionString)
                XCTAssertFalse("\(error)".contains("secret"), "\(bad): \(error)")
                XCTAssertFalse("\(error)".contains("top"), "\(bad): \(error)")
                XCTAssertTrue("\(error)".contains(kind), "\(bad): \(error)")
            }
        }
    }

    func testCloseIsIdempotentAndAClosedConnectionSaysSo() throws {
        let connection = try adminConnection()
        connection.close()
        connection.close()
        XCTAssertThrowsError(try connection.execute("SELECT 1")) { error in
            XCTAssertEqual((error as? PostgresError)?.kind, .connection)
        }
    }
}
