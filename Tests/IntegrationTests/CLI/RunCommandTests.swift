import Foundation
import Postgres
import TestSupport
import XCTest

/// `run` end to end: the real executable against the real database, in dry-run mode.
final class RunCommandTests: CLITestCase {
    func testDryRunPrintsOneDocumentWithTheRightCountsAndNothingElse() throws {
        let database = try TestDatabase("clidry", rows: "tricky-rows.sql")
        let outcome = try run(["run", "--dry-run"], [
            "DATABASE_URL": database.url, "UCID": "ucid-cli-1", "SERVER_VERSION": "v1.29.3", "POSTHOG_API_KEY": "phc_LEAKCHECK_key",
        ])
        XCTAssertEqual(outcome.status, 0, outcome.stderr)
        let body = try document(outcome)
        XCTAssertEqual(summary(body), Self.trickyExpected)
        XCTAssertEqual(events(body).map { $0["event"] as? String }, ["Summary", "Heartbeat"])
        XCTAssertEqual(body["api_key"] as? String, "REDACTED")
        XCTAssertTrue(outcome.stderr.contains("msg=\"database reached\""), outcome.stderr)
        XCTAssertTrue(outcome.stderr.contains("outcome=printed"), outcome.stderr)
        assertNothingLeaks(outcome)
    }

    func testDefaultCommandIsRunAndOrchestratorVariablesWork() throws {
        let database = try TestDatabase("clipg", rows: "tricky-rows.sql")
        let outcome = try run(["--dry-run", "--only", "summary"], [
            "PG_ADDR": database.host, "PG_PORT": database.port, "PG_USER": "postgres", "PG_DATABASE": database.name, "UCID": "u",
        ])
        XCTAssertEqual(outcome.status, 0, outcome.stderr)
        let body = try document(outcome)
        XCTAssertEqual(events(body).map { $0["event"] as? String }, ["Summary"])
        XCTAssertNil(body["api_key"], "no key configured: omitted")
        XCTAssertEqual(summary(body), Self.trickyExpected)
    }

    func testAMissingTableGivesMinusOneAndExitThree() throws {
        let database = try TestDatabase("climissing", rows: "tricky-rows.sql")
        try database.connect().executeScript("DROP TABLE cluster CASCADE")
        let outcome = try run(["run", "--dry-run", "--database-url", database.url, "--ucid", "u"])
        XCTAssertEqual(outcome.status, 3, outcome.stderr)
        var expected = Self.trickyExpected
        expected["clusterCount"] = -1
        XCTAssertEqual(summary(try document(outcome)), expected)
    }

    func testAStatementTimeoutGivesMinusOneAndExitThree() throws {
        let database = try TestDatabase("clitimeout", rows: "tricky-rows.sql")
        let blocker = try database.connect()
        try blocker.executeScript("BEGIN; LOCK TABLE ci_pipeline IN ACCESS EXCLUSIVE MODE")
        let outcome = try run(["run", "--dry-run", "--statement-timeout", "1", "--database-url", database.url, "--ucid", "u"])
        try blocker.executeScript("ROLLBACK")
        XCTAssertEqual(outcome.status, 3, outcome.stderr)
        XCTAssertLessThan(outcome.seconds, 15)
        XCTAssertEqual(summary(try document(outcome))?["ciCountPerDay"], -1)
        XCTAssertEqual(summary(try document(outcome))?["clusterCount"], 2)
        XCTAssertTrue(outcome.stderr.contains("sqlstate=57014"), outcome.stderr)
    }

    func testAnUnreachableDatabaseIsExitOneWithAClearLineAndTheHeartbeatStillGoes() throws {
        let port = Ports.closedLoopbackPort()
        let outcome = try run(["run", "--dry-run"], [
            "PG_ADDR": "127.0.0.1", "PG_PORT": String(port), "PG_USER": "postgres", "PG_PASSWORD": "pw-LEAKCHECK-123", "UCID": "u",
        ])
        XCTAssertEqual(outcome.status, 1, outcome.stderr)
        let errorLines = outcome.stderrLines.filter { $0.contains("level=error") }
        XCTAssertEqual(errorLines.count, 1, outcome.stderr)
        XCTAssertTrue(errorLines.first?.contains("127.0.0.1:\(port)") ?? false, outcome.stderr)
        XCTAssertEqual(events(try document(outcome)).map { $0["event"] as? String }, ["Heartbeat"])
        assertNothingLeaks(outcome, ["pw-LEAKCHECK-123"])
    }

    func testAWrongPasswordFailsWithoutPrintingIt() throws {
        let database = try TestDatabase("clipw", rows: "tricky-rows.sql")
        try database.connect().executeScript("""
            DO $$ BEGIN IF NOT EXISTS (SELECT FROM pg_roles WHERE rolname = 'telemetry_pw') THEN
              CREATE ROLE telemetry_pw LOGIN PASSWORD 'right-LEAKCHECK-pw'; END IF; END $$;
            GRANT SELECT ON ALL TABLES IN SCHEMA public TO telemetry_pw;
            """)
        let base = "postgresql://telemetry_pw:%@\(database.host):\(database.port)/\(database.name)"
        let wrong = try run(["run", "--dry-run", "--only", "summary", "--database-url", base.replacingOccurrences(of: "%", with: "wrong-LEAKCHECK-pw"), "--ucid", "u"])
        XCTAssertEqual(wrong.status, 1, wrong.stderr)
        XCTAssertTrue(wrong.stderr.contains("password authentication failed"), wrong.stderr)
        assertNothingLeaks(wrong, ["wrong-LEAKCHECK-pw"])

        let right = try run(["run", "--dry-run", "--ucid", "u"], [
            "PG_ADDR": database.host, "PG_PORT": database.port, "PG_USER": "telemetry_pw", "PG_PASSWORD": "right-LEAKCHECK-pw",
            "PG_DATABASE": database.name,
        ])
        XCTAssertEqual(right.status, 0, right.stderr)
        XCTAssertEqual(summary(try document(right)), Self.trickyExpected)
        assertNothingLeaks(right)
        assertNothingLeaks(right, ["right-LEAKCHECK-pw"])
    }

    func testUsageErrorsAreExitTwoWithOneLine() throws {
        let cases: [([String], [String: String], String)] = [
            (["run", "--no-such-flag"], ["UCID": "u"], "no-such-flag"),
            (["run", "--dry-run"], [:], "UCID"),
            (["run", "--dry-run", "--telemetry-service", "telemetry.devtron.ai"], ["UCID": "u"], "telemetry service"),
            (["run", "--only", "everything", "--dry-run"], ["UCID": "u"], "everything"),
            (["run", "--dry-run", "--statement-timeout", "never"], ["UCID": "u"], "statement-timeout"),
            (["run", "--dry-run"], ["UCID": "u", "PG_ADDR": "db", "PG_PORT": "http"], "PG_PORT"),
            (["run", "--dry-run", "--database-url", "postgres://a:LEAKCHECK%zz@h/d"], ["UCID": "u"], "database URL"),
            (["run", "--dry-run", "--posthog-host", "ftp://x"], ["UCID": "u"], "PostHog host"),
            (["event", "Launched", "--dry-run"], ["UCID": "u"], "Launched"),
            (["event", "InstallationStart", "--dry-run"], ["UCID": "u", "TELEMETRY_GEOIP": "off-ish"], "TELEMETRY_GEOIP"),
            (["run", "--dry-run"], ["UCID": "u", "TELEMETRY_DISABLED": "perhaps"], "TELEMETRY_DISABLED"),
        ]
        for (arguments, environment, mention) in cases {
            let outcome = try run(arguments, environment)
            XCTAssertEqual(outcome.status, 2, "\(arguments): \(outcome.stderr)")
            XCTAssertEqual(outcome.stderrLines.count, 1, "\(arguments): \(outcome.stderr)")
            XCTAssertTrue(outcome.stderr.contains(mention), "\(arguments): \(outcome.stderr)")
            XCTAssertEqual(outcome.stdout, "", "\(arguments)")
            assertNothingLeaks(outcome)
        }
    }

    func testTwoDryRunsOnTheSameDayCarryTheSameIdentity() throws {
        let database = try TestDatabase("clisameday", rows: "tricky-rows.sql")
        let environment = ["DATABASE_URL": database.url, "UCID": "ucid-same-day", "SERVER_VERSION": "v1"]
        let before = Date()
        let first = try run(["run", "--dry-run"], environment)
        Thread.sleep(forTimeInterval: 0.05)  // a later real time, whatever the clock's resolution
        let second = try run(["run", "--dry-run"], environment)
        let after = Date()
        XCTAssertEqual(first.status, 0, first.stderr)
        XCTAssertEqual(second.status, 0, second.stderr)
        let runs = try [first, second].map { outcome in events(try document(outcome)) }
        let summaries = runs.map { $0.first { $0["event"] as? String == "Summary" } ?? [:] }
        let heartbeats = runs.map { $0.first { $0["event"] as? String == "Heartbeat" } ?? [:] }
        XCTAssertNotNil(summaries[0]["uuid"] as? String)
        XCTAssertEqual(summaries[0]["uuid"] as? String, summaries[1]["uuid"] as? String)
        XCTAssertEqual(summaries[0]["timestamp"] as? String, summaries[1]["timestamp"] as? String)

        // Worked out here with Foundation's own calendar, not the job's code: the UTC day's and
        // hour's start of the moment the runs began (the test would have to straddle midnight to
        // see two days).
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = TimeZone(identifier: "UTC")!
        let parts = calendar.dateComponents([.year, .month, .day, .hour], from: before)
        let day = String(format: "%04d-%02d-%02d", parts.year ?? 0, parts.month ?? 0, parts.day ?? 0)
        XCTAssertEqual(summaries[0]["timestamp"] as? String, "\(day)T00:00:00.000Z")
        let hour = String(format: "%@T%02d:00:00.000Z", day, parts.hour ?? 0)
        XCTAssertEqual(heartbeats[0]["timestamp"] as? String, hour, "the Heartbeat's is on the hour")

        // properties.timestamp is the real time of each run, so the two differ.
        let parser = ISO8601DateFormatter()
        parser.formatOptions = [.withInternetDateTime, .withFractionalSeconds]
        let real = summaries.map { (($0["properties"] as? [String: Any])?["timestamp"] as? String).flatMap(parser.date(from:)) }
        for time in real {
            let time = try XCTUnwrap(time)
            XCTAssertGreaterThanOrEqual(time.timeIntervalSince(before), -0.001)
            XCTAssertLessThanOrEqual(time.timeIntervalSince(after), 0)
        }
        XCTAssertNotEqual(real[0], real[1])
    }

    func testHelpVersionAndMetrics() throws {
        let version = try run(["--version"])
        XCTAssertEqual(version.status, 0)
        XCTAssertEqual(version.stdout.trimmingCharacters(in: .whitespacesAndNewlines), "devtron-telemetry 0.2.0")
        let help = try run(["--help"])
        XCTAssertEqual(help.status, 0)
        for word in ["run", "event", "metrics", "Exit codes", "TELEMETRY_DISABLED"] { XCTAssertTrue(help.stdout.contains(word), word) }
        let runHelp = try run(["run", "--help"])
        for option in ["--dry-run", "--only", "--ucid", "--statement-timeout", "--connect-timeout", "--posthog-host",
                       "--posthog-api-key", "--telemetry-service", "--max-attempts", "--timeout", "--server-version", "--devtron-version", "--log-format", "--verbose"] {
            XCTAssertTrue(runHelp.stdout.contains(option), option)
        }
        let text = try run(["metrics"])
        XCTAssertEqual(text.status, 0)
        XCTAssertTrue(text.stdout.contains("SELECT count(*) FROM cluster WHERE active = true"))
        let json = try run(["metrics", "--format", "json"])
        let catalog = try JSONSerialization.jsonObject(with: Data(json.stdout.utf8)) as? [[String: Any]]
        let seedKeys = catalog?.compactMap { ($0["keys"] as? [String: [String]])?["seed"]?.first }
        XCTAssertEqual(seedKeys?.sorted(), Self.trickyExpected.keys.sorted())
    }

    func testJSONLogFormat() throws {
        let outcome = try run(["run", "--dry-run", "--only", "heartbeat", "--log-format", "json", "--verbose"], ["UCID": "u"])
        XCTAssertEqual(outcome.status, 0, outcome.stderr)
        XCTAssertFalse(outcome.stderrLines.isEmpty)
        for line in outcome.stderrLines {
            XCTAssertNotNil(try? JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: String], line)
        }
    }
}
