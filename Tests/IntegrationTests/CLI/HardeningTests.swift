import Foundation
import TestSupport
import XCTest

/// What outside input must never do to the job: crash it, leak a secret, break a line, or end in
/// the wrong exit code. Every case runs the real executable.
final class HardeningTests: CLITestCase {
    private func sendEnvironment(_ server: HTTPStandIn, _ extra: [String: String] = [:]) -> [String: String] {
        ["UCID": "ucid-hardening", "SERVER_VERSION": "v1.29.3", "POSTHOG_API_KEY": "phc_LEAKCHECK_key",
         "POSTHOG_HOST": server.baseURL].merging(extra) { $1 }
    }

    /// No control character but the line ends: nothing that splits a line or drives a terminal.
    private func assertNoControlCharacters(_ text: String, _ context: String, file: StaticString = #filePath, line: UInt = #line) {
        let bad = text.unicodeScalars.filter { ($0.value < 0x20 && $0 != "\n") || (0x7F...0x9F).contains($0.value) }
        XCTAssertTrue(bad.isEmpty, "\(context): control characters \(bad.map(\.value)) in:\n\(text)", file: file, line: line)
    }

    func testAbsurdRetryAfterDatesDoNotCrashTheJob() throws {
        for date in ["Sun, 06 Nov 99999999999 08:49:37 GMT", "Sun, 06 Nov 2000000000 08:49:37 GMT",
                     "Sunday, 06-Nov-99999999999 08:49:37 GMT", "Sun Nov  6 08:49:37 99999999999",
                     "Sun Nov  6 08:49:37 2000000000", "99999999999999999999999999"] {
            let server = try HTTPStandIn(replies: [.status(429, headers: [("Retry-After", date)])])
            let outcome = try run(["run", "--only", "heartbeat", "--timeout", "60"], sendEnvironment(server))
            // A readable but far wait is capped at 30 s; an unreadable one falls back to the backoff.
            XCTAssertEqual(outcome.status, 0, "\(date): \(outcome.stderr)")
            XCTAssertEqual(server.requests.count, 2, date)
        }
    }

    func testEveryUsageErrorIsOneEscapedLine() throws {
        for hostile in ["x30\n", "\u{1b}[31mred\u{1b}[0m", "1\r\n\u{7f}\u{9b}2J"] {
            let cases: [([String], [String: String])] = [
                (["run", "--dry-run"], ["UCID": "u", "PG_ADDR": "db", "PG_PORT": hostile]),
                (["run", "--dry-run"], ["UCID": "u", "PG_READ_TIMEOUT": hostile]),
                (["run", "--dry-run", "--statement-timeout", hostile], ["UCID": "u"]),
                (["run", "--dry-run", "--connect-timeout", hostile], ["UCID": "u"]),
                (["run", "--dry-run", "--timeout", hostile], ["UCID": "u"]),
                (["run", "--dry-run", "--max-attempts", hostile], ["UCID": "u"]),
                (["run", "--dry-run", "--only", hostile], ["UCID": "u"]),
                (["run", "--dry-run", "--log-format", hostile], ["UCID": "u"]),
                (["run", "--dry-run", "--\(hostile)"], ["UCID": "u"]),
                (["run", "--dry-run"], ["UCID": "u", "TELEMETRY_DISABLED": hostile]),
                (["run", "--dry-run"], ["UCID": "u", "DO_NOT_TRACK": hostile]),
                (["run", "--dry-run"], ["UCID": "u", "POSTHOG_HOST": "https://h" + hostile]),
                (["run", "--dry-run", "--posthog-host", "https://h" + hostile], ["UCID": "u"]),
                (["run", "--dry-run"], ["UCID": "u", "HTTPS_PROXY": "http://p" + hostile]),
                (["run", "--dry-run"], ["UCID": "u", "DATABASE_URL": "postgres://h/db?x=" + hostile]),
                (["event", "Install" + hostile, "--dry-run"], ["UCID": "u"]),
            ]
            for (arguments, environment) in cases {
                let context = "\(arguments) \(environment)"
                let outcome = try run(arguments, environment)
                XCTAssertEqual(outcome.status, 2, "\(context): \(outcome.stderr)")
                XCTAssertEqual(outcome.stderrLines.count, 1, "\(context): \(outcome.stderr)")
                XCTAssertTrue(outcome.stderr.hasPrefix("error: "), "\(context): \(outcome.stderr)")
                assertNoControlCharacters(outcome.stderr, context)
                XCTAssertEqual(outcome.stdout, "", context)
            }
        }
    }

    func testPasswordsInBadURLsNeverShow() throws {
        let cases: [([String], [String: String])] = [
            (["run", "--dry-run"], ["UCID": "u", "POSTHOG_HOST": "https://user:pw-LEAKCHECK@us.i.posthog.com"]),
            (["run", "--dry-run", "--posthog-host", "https://user:pw-LEAKCHECK@us.i.posthog.com"], ["UCID": "u"]),
            (["run", "--dry-run", "--posthog-host=https://user:pw-LEAKCHECK@us.i.posthog .com"], ["UCID": "u"]),
            (["run", "--dry-run"], ["UCID": "u", "DATABASE_URL": "postgres://u:pw-LEAKCHECK@[::1]\"x/db"]),
            (["run", "--dry-run"], ["UCID": "u", "DATABASE_URL": "postgres://u:pw-LEAKCHECK%zz@h/db"]),
            (["run", "--dry-run"], ["UCID": "u", "DATABASE_URL": "postgres://u:pw-LEAKCHECK\"@[::1\"/db"]),
            (["run", "--dry-run"], ["UCID": "u", "DATABASE_URL": "host=h password='pw-LEAKCHECK"]),
            (["run", "--dry-run"], ["UCID": "u", "DATABASE_URL": "host=h password=pw-LEAKCHECK bogus=1"]),
            (["run", "--dry-run", "--database-url", "postgres://u:pw-LEAKCHECK@h/db?nope=\"1"], ["UCID": "u"]),
            (["run", "--dry-run"], ["UCID": "u", "HTTPS_PROXY": "http://user:pw-LEAKCHECK@proxy corp:3128"]),
        ]
        for (arguments, environment) in cases {
            let outcome = try run(arguments, environment)
            XCTAssertEqual(outcome.status, 2, "\(arguments) \(environment): \(outcome.stderr)")
            XCTAssertEqual(outcome.stderrLines.count, 1, outcome.stderr)
            assertNothingLeaks(outcome, ["LEAKCHECK", "pw-"])
        }
    }

    func testSecretsAreMaskedWhereTheyWouldReachALogLine() throws {
        // PostHog's answer repeats the API key: the error line that names it must not.
        let server = try HTTPStandIn(replies: [.status(401, body: #"{"detail":"API key phc_LEAKCHECK_key is not valid"}"#)])
        let rejected = try run(["run", "--only", "heartbeat"], sendEnvironment(server))
        XCTAssertEqual(rejected.status, 1, rejected.stderr)
        let failure = try XCTUnwrap(rejected.stderrLines.last { $0.contains("outcome=failed") }, rejected.stderr)
        XCTAssertTrue(failure.contains("API key *** is not valid"), failure)
        assertNothingLeaks(rejected, ["phc_LEAKCHECK_key"])

        // The server's answer names the database, here spelled like the password: masked as well,
        // whether the password came from PG_PASSWORD or from the URL.
        let database = try TestDatabase("maskdb", rows: "tricky-rows.sql")
        let viaVariables = try run(["run", "--dry-run", "--only", "summary"], [
            "UCID": "u", "PG_ADDR": database.host, "PG_PORT": database.port, "PG_USER": "postgres",
            "PG_PASSWORD": "pw-LEAKCHECK-db", "PG_DATABASE": "pw-LEAKCHECK-db",
        ])
        XCTAssertEqual(viaVariables.status, 1, viaVariables.stderr)
        XCTAssertTrue(viaVariables.stderr.contains("does not exist"), viaVariables.stderr)
        assertNothingLeaks(viaVariables, ["pw-LEAKCHECK-db"])
        let viaURL = try run(["run", "--dry-run", "--only", "summary"], [
            "UCID": "u", "DATABASE_URL": "postgresql://postgres:pw-LEAKCHECK-url@\(database.host):\(database.port)/pw-LEAKCHECK-url",
        ])
        XCTAssertEqual(viaURL.status, 1, viaURL.stderr)
        XCTAssertTrue(viaURL.stderr.contains("does not exist"), viaURL.stderr)
        assertNothingLeaks(viaURL, ["pw-LEAKCHECK-url"])
    }

    func testAHostOrProxyThatIsNotAURLIsAConfigurationErrorAndNothingIsSent() throws {
        let server = try HTTPStandIn()
        let proxy = try HTTPStandIn()
        let port = server.port
        let environments: [[String: String]] = [
            ["POSTHOG_HOST": "http://127.0.0.1:\(port)/ingest path"],
            ["POSTHOG_HOST": "http://127.0.0.1 :\(port)"],
            ["POSTHOG_HOST": "http://127.0.0.1:\(port)\n"],
            ["POSTHOG_HOST": "http://127.0.0.1:\(port)0000"],
            ["HTTP_PROXY": "http://127.0.0.1:\(proxy.port) x"],
            ["HTTP_PROXY": "\(proxy.baseURL)/path"],
        ]
        for extra in environments {
            let outcome = try run(["run", "--only", "heartbeat"], sendEnvironment(server, extra))
            XCTAssertEqual(outcome.status, 2, "\(extra): \(outcome.stderr)")
            XCTAssertEqual(outcome.stderrLines.count, 1, "\(extra): \(outcome.stderr)")
            XCTAssertLessThan(outcome.seconds, 5, "not retried")
        }
        XCTAssertEqual(server.requests.count, 0)
        XCTAssertEqual(proxy.requests.count, 0)
    }

    func testOptingOutNeedsNoOtherConfiguration() throws {
        for optOut in [["TELEMETRY_DISABLED": "true"], ["TELEMETRY_DISABLED": "1"], ["DO_NOT_TRACK": "1"]] {
            // No UCID, no API key, and settings that would be errors if they were read.
            let environment = optOut.merging(["POSTHOG_HOST": "not a url", "PG_ADDR": "db", "PG_PORT": "x"]) { $1 }
            for arguments in [["run"], ["event", "InstallationStart"], ["run", "--timeout", "never"]] {
                let outcome = try run(arguments, environment)
                XCTAssertEqual(outcome.status, 0, "\(optOut) \(arguments): \(outcome.stderr)")
                XCTAssertEqual(outcome.stderrLines.count, 1, outcome.stderr)
                XCTAssertTrue(outcome.stderr.contains("telemetry disabled"), outcome.stderr)
            }
        }
    }

    func testAPartialSummaryWhoseDeliveryFailsIsExitOne() throws {
        let database = try TestDatabase("partialfail", rows: "tricky-rows.sql")
        try database.connect().executeScript("DROP TABLE cluster CASCADE")
        for reply in [HTTPStandIn.Reply.status(503), .status(400, body: "bad request")] {
            let server = try HTTPStandIn(fallback: reply)
            let outcome = try run(["run", "--database-url", database.url, "--max-attempts", "1"], sendEnvironment(server))
            XCTAssertEqual(outcome.status, 1, "delivery failed wins over a partial Summary: \(outcome.stderr)")
            XCTAssertTrue(outcome.stderr.contains("key=clusterCount") && outcome.stderr.contains("value=-1"), outcome.stderr)
            XCTAssertEqual(server.requests.count, 1)
        }
        // And delivered, the same run is a partial success: 3.
        let server = try HTTPStandIn()
        let delivered = try run(["run", "--database-url", database.url], sendEnvironment(server))
        XCTAssertEqual(delivered.status, 3, delivered.stderr)
    }

    func testAnUnwritableStandardOutputIsExitOneWithOneErrorLine() throws {
        let full = try FileHandle(forWritingTo: URL(fileURLWithPath: "/dev/full"))
        defer { try? full.close() }
        for arguments in [["run", "--dry-run", "--only", "heartbeat"], ["event", "UpgradeStart", "--dry-run"]] {
            let outcome = try run(arguments, ["UCID": "u", "SERVER_VERSION": "v1"], standardOutput: full)
            XCTAssertEqual(outcome.status, 1, "\(arguments): \(outcome.stderr)")
            let errors = outcome.stderrLines.filter { $0.contains("level=error") }
            XCTAssertEqual(errors.count, 1, outcome.stderr)
            XCTAssertTrue(errors.first?.contains("cannot write to standard output") ?? false, outcome.stderr)
        }
        for arguments in [["metrics"], ["metrics", "--format", "json"], ["metrics", "--format", "markdown"], ["--version"], ["--help"]] {
            let outcome = try run(arguments, standardOutput: full)
            XCTAssertEqual(outcome.status, 1, "\(arguments): \(outcome.stderr)")
            XCTAssertEqual(outcome.stderrLines, ["error: cannot write to standard output: No space left on device"], "\(arguments)")
        }
    }

    func testTheClientWaitsTheBackoffBetweenAttempts() throws {
        // Two 503s without Retry-After: the waits are drawn from [0.25 s, 0.5 s] and [0.5 s, 1 s].
        let server = try HTTPStandIn(replies: [.status(503), .status(503)])
        let outcome = try run(["run", "--only", "heartbeat"], sendEnvironment(server))
        XCTAssertEqual(outcome.status, 0, outcome.stderr)
        let times = server.requests.map(\.receivedAt)
        XCTAssertEqual(times.count, 3)
        guard times.count == 3 else { return }
        XCTAssertGreaterThanOrEqual(times[1].timeIntervalSince(times[0]), 0.25, "first wait: at least half of 0.5 s")
        XCTAssertGreaterThanOrEqual(times[2].timeIntervalSince(times[1]), 0.5, "second wait: at least half of 1 s")
    }

    func testAWaitThatWouldEndPastTheDeadlineIsNotStarted() throws {
        // Retry-After 20 s with 4 s left: the job gives up at once instead of sleeping into the deadline.
        let server = try HTTPStandIn(replies: [.status(429, headers: [("Retry-After", "20")])])
        let outcome = try run(["run", "--only", "heartbeat", "--timeout", "4"], sendEnvironment(server))
        XCTAssertEqual(outcome.status, 1, outcome.stderr)
        XCTAssertEqual(server.requests.count, 1)
        XCTAssertLessThan(outcome.seconds, 3.5, "no wait was started")
        XCTAssertTrue(outcome.stderr.contains("deadline of 4 s reached after 1 attempt(s)"), outcome.stderr)
    }

    func testOnlyHeartbeatDoesNotTouchTheDatabase() throws {
        // The URL points at nothing and would fail the run if it were opened.
        let outcome = try run(["run", "--dry-run", "--only", "heartbeat"], [
            "UCID": "u", "DATABASE_URL": "postgresql://x@127.0.0.1:\(Ports.closedLoopbackPort())/x",
        ])
        XCTAssertEqual(outcome.status, 0, outcome.stderr)
        XCTAssertFalse(outcome.stderr.contains("database"), outcome.stderr)
        XCTAssertEqual(events(try document(outcome)).map { $0["event"] as? String }, ["Heartbeat"])
    }

    func testServerNoticesAreNotPrinted() throws {
        let database = try TestDatabase("notices", rows: "tricky-rows.sql")
        // users becomes a view over a function that raises a notice and a warning on every read.
        try database.connect().executeScript("""
            ALTER TABLE users RENAME TO users_rows;
            CREATE FUNCTION noisy() RETURNS SETOF users_rows LANGUAGE plpgsql AS $$
              BEGIN RAISE NOTICE 'notice-LEAKCHECK'; RAISE WARNING 'warning-LEAKCHECK'; RETURN QUERY SELECT * FROM users_rows; END $$;
            CREATE VIEW users AS SELECT * FROM noisy();
            """)
        let outcome = try run(["run", "--dry-run", "--only", "summary", "--database-url", database.url, "--ucid", "u"])
        XCTAssertEqual(outcome.status, 0, outcome.stderr)
        XCTAssertEqual(summary(try document(outcome))?["userCount"], Self.trickyExpected["userCount"])
        assertNothingLeaks(outcome)
    }
}
