import Foundation
import TestSupport
import XCTest

/// What an attacker found in version 0.2: each case as it was reproduced, against the real
/// executable, loopback stand-ins for Devtron's telemetry service and PostHog (real HTTP servers),
/// and the real PostgreSQL of scripts/test.
final class AttackerFindingsTests: CLITestCase {
    private let closed = "http://127.0.0.1:\(Ports.closedLoopbackPort())"

    private func assertOneLine(_ outcome: CommandRunner.Outcome, status: Int32, _ context: String,
                               file: StaticString = #filePath, line: UInt = #line) {
        XCTAssertEqual(outcome.status, status, "\(context): \(outcome.stderr)", file: file, line: line)
        XCTAssertEqual(outcome.stderrLines.count, 1, "\(context): \(outcome.stderr)", file: file, line: line)
    }

    // MARK: - The telemetry service's URL

    func testAPasswordInTheTelemetryServiceURLNeverShows() throws {
        let url = "http://admin:PW-LEAKCHECK@127.0.0.1:9"
        let cases: [([String], [String: String], Int32)] = [
            (["run", "--only", "heartbeat", "--dry-run"], ["DEVTRON_TELEMETRY_URL": url], 2),
            (["run", "--only", "heartbeat", "--dry-run", "--telemetry-service", url], [:], 2),
            (["run", "--only", "heartbeat", "--dry-run", "--telemetry-service=\(url)"], [:], 2),
            (["run", "--only", "heartbeat"], ["DEVTRON_TELEMETRY_URL": url, "POSTHOG_API_KEY": "phc_x", "POSTHOG_HOST": closed], 2),
            (["event", "InstallationStart", "--never-fail"], ["DEVTRON_TELEMETRY_URL": url], 0),
        ]
        for (arguments, environment, status) in cases {
            let outcome = try run(arguments, ["UCID": "u", "SERVER_VERSION": "v1"].merging(environment) { $1 })
            assertOneLine(outcome, status: status, "\(arguments) \(environment)")
            XCTAssertTrue(outcome.stderr.contains("telemetry service"), outcome.stderr)
            assertNothingLeaks(outcome, ["LEAKCHECK", "PW-"])
        }
        // A huge value is cut: the line stays short.
        let huge = "http://127.0.0.1:9/" + String(repeating: "a b", count: 34_000)
        let outcome = try run(["run", "--only", "heartbeat", "--dry-run"], ["UCID": "u", "DEVTRON_TELEMETRY_URL": huge])
        assertOneLine(outcome, status: 2, "100 KB URL")
        XCTAssertLessThan(outcome.stderr.count, 600, "the rejected value is cut to 100 characters")
    }

    func testAURLPasswordInAnyFlagOrVariableIsMaskedWhereAnErrorEchoesIt() throws {
        // No list of URL-valued settings: a URL given to a setting that quotes what it rejects
        // (the layout, the mode) has its password masked too, by flag and by variable.
        let url = "http://user:pw-LEAKCHECK@127.0.0.1:9"
        let cases: [([String], [String: String])] = [
            (["run", "--dry-run", "--layout", url], ["UCID": "u"]), (["run", "--dry-run", "--devtron-mode=\(url)"], ["UCID": "u"]),
            (["run", "--dry-run"], ["UCID": "u", "SUMMARY_LAYOUT": url]), (["run", "--dry-run"], ["UCID": "u", "DEVTRON_MODE": url]),
        ]
        for (arguments, environment) in cases {
            let outcome = try run(arguments, environment)
            assertOneLine(outcome, status: 2, "\(arguments) \(environment)")
            XCTAssertTrue(outcome.stderr.contains("user:***@127.0.0.1"), "the value is shown, its password masked: \(outcome.stderr)")
            assertNothingLeaks(outcome, ["LEAKCHECK", "pw-"])
        }
    }

    func testAMalformedTelemetryServiceURLIsAConfigurationErrorOnEveryRun() throws {
        let posthog = try HTTPStandIn()
        for bad in ["http://127.0.0.1 x:80", "http://127.0.0.1:65536", "http://bücher.example", "ftp://127.0.0.1"] {
            for dry in [true, false] {
                let arguments = ["run", "--only", "heartbeat"] + (dry ? ["--dry-run"] : [])
                let outcome = try run(arguments, ["UCID": "u", "SERVER_VERSION": "v1", "DEVTRON_TELEMETRY_URL": bad,
                                                  "POSTHOG_HOST": posthog.baseURL])
                assertOneLine(outcome, status: 2, "\(bad) dry=\(dry)")
                XCTAssertEqual(outcome.stdout, "", "nothing printed: \(bad)")
            }
        }
        XCTAssertEqual(posthog.requests.count, 0, "nothing sent")
    }

    // MARK: - The telemetry service's answers

    private func serviceRun(_ replies: [HTTPStandIn.Reply], posthog: HTTPStandIn, _ extra: [String: String] = [:]) throws -> CommandRunner.Outcome {
        let service = try HTTPStandIn(replies: replies)
        return try run(["run", "--only", "heartbeat"], ["UCID": "ucid-svc", "SERVER_VERSION": "v1",
                                                         "DEVTRON_TELEMETRY_URL": service.baseURL].merging(extra) { $1 })
    }

    func testAnUnusableEndpointFromTheServiceIsNeitherQuotedNorBlamedOnTheHost() throws {
        let posthog = try HTTPStandIn()
        for endpoint in ["http://127.0.0.1:0", "http://127.0.0.1:65536", "http://bücher.example", "http://127.0.0.1/a b",
                         "http://127.0.0.1/a\\r\\nb", "http://127.0.0.1/" + String(repeating: "p", count: 12_000) + " x"] {
            let outcome = try serviceRun([TelemetryServiceCLITests.infoAnswer(endpoint: endpoint), TelemetryServiceCLITests.optOutAnswer(false)],
                                         posthog: posthog)
            XCTAssertEqual(outcome.status, 1, "\(endpoint): \(outcome.stderr)")
            XCTAssertTrue(outcome.stderr.contains("PosthogEndpoint is not a usable http(s) URL"), outcome.stderr)
            XCTAssertFalse(outcome.stderr.contains("PostHog host"), "an operator never set one: \(outcome.stderr)")
            for fragment in ["65536", "bücher", "a b", "ppppp", "127.0.0.1:0"] {
                XCTAssertFalse(outcome.stderr.contains(fragment), "\(fragment) quoted: \(outcome.stderr)")
            }
        }
        XCTAssertEqual(posthog.requests.count, 0)
    }

    func testAnAnswerOfExactlySixteenKiBIsTakenAndOneByteMoreIsNot() throws {
        let posthog = try HTTPStandIn()
        let answer = #"{"code":200,"result":false}"#
        // Padded with JSON whitespace to exactly 16 * 1024 bytes, then one more.
        for (size, status) in [(16 * 1024, Int32(0)), (16 * 1024 + 1, Int32(1))] {
            let padded = answer + String(repeating: " ", count: size - answer.utf8.count)
            XCTAssertEqual(padded.utf8.count, size)
            let outcome = try serviceRun([TelemetryServiceCLITests.infoAnswer(endpoint: posthog.baseURL), .status(200, body: padded)],
                                         posthog: posthog)
            XCTAssertEqual(outcome.status, status, "\(size) bytes: \(outcome.stderr)")
        }
        XCTAssertEqual(posthog.requests.count, 1, "the 16 KiB answer let the run send, the larger one did not")
    }

    func testAnOptOutAnswerWithADuplicateKeyIsUnreadable() throws {
        let posthog = try HTTPStandIn()
        for body in [#"{"result": false, "result": true}"#, #"{"result": false, "res\u0075lt": true}"#,
                     #"{"code": 200, "result": false, "code": 200}"#] {
            let outcome = try serviceRun([TelemetryServiceCLITests.infoAnswer(endpoint: posthog.baseURL), .status(200, body: body)],
                                         posthog: posthog)
            XCTAssertEqual(outcome.status, 1, "\(body): \(outcome.stderr)")
            XCTAssertTrue(outcome.stderr.contains("the same key twice"), outcome.stderr)
        }
        // Keys repeated in different objects are not ambiguous.
        let fine = try serviceRun([TelemetryServiceCLITests.infoAnswer(endpoint: posthog.baseURL),
                                   .status(200, body: #"{"a": {"result": 1}, "b": [{"result": 2}, {"result": 3}], "result": false}"#)],
                                  posthog: posthog)
        XCTAssertEqual(fine.status, 0, fine.stderr)
        XCTAssertEqual(posthog.requests.count, 1, "only the unambiguous answer let the run send")
    }

    func testTheAPIKeyIsTrimmedAndABlankOneIsNoKey() throws {
        let posthog = try HTTPStandIn()
        let outcome = try run(["run", "--only", "heartbeat"], ["UCID": "u", "SERVER_VERSION": "v1", "POSTHOG_HOST": posthog.baseURL,
                                                               "POSTHOG_API_KEY": "phc_fromfile\n", "DEVTRON_TELEMETRY_URL": closed])
        XCTAssertEqual(outcome.status, 0, outcome.stderr)
        XCTAssertEqual(try posthog.requests.first?.json()["api_key"] as? String, "phc_fromfile")
        // A blank key asks the service, as no key does.
        let service = try HTTPStandIn(replies: [TelemetryServiceCLITests.infoAnswer(endpoint: posthog.baseURL),
                                                TelemetryServiceCLITests.optOutAnswer(false)])
        let blank = try run(["run", "--only", "heartbeat"], ["UCID": "u", "SERVER_VERSION": "v1", "POSTHOG_API_KEY": " \n\t",
                                                             "DEVTRON_TELEMETRY_URL": service.baseURL])
        XCTAssertEqual(blank.status, 0, blank.stderr)
        XCTAssertEqual(service.requests.count, 2)
        XCTAssertEqual(try posthog.requests.last?.json()["api_key"] as? String, TelemetryServiceCLITests.fetchedKey)
    }

    // MARK: - Proxies

    func testAnHTTPSProxyIsRefusedNotSpokenToInPlainText() throws {
        let proxy = try HTTPStandIn()
        let posthog = try HTTPStandIn()
        let cases: [[String: String]] = [
            ["HTTPS_PROXY": "https://user:PW-LEAKCHECK@127.0.0.1:\(proxy.port)", "POSTHOG_HOST": "https://127.0.0.1:9"],
            ["https_proxy": "https://127.0.0.1:\(proxy.port)", "POSTHOG_HOST": "https://127.0.0.1:9"],
            ["HTTP_PROXY": "https://user:PW-LEAKCHECK@127.0.0.1:\(proxy.port)", "POSTHOG_HOST": posthog.baseURL],
        ]
        for environment in cases {
            let outcome = try run(["run", "--only", "heartbeat"], ["UCID": "u", "SERVER_VERSION": "v1",
                                                                   "POSTHOG_API_KEY": "phc_LEAKCHECK"].merging(environment) { $1 })
            assertOneLine(outcome, status: 2, "\(environment)")
            XCTAssertTrue(outcome.stderr.contains("https:// proxy"), outcome.stderr)
            assertNothingLeaks(outcome, ["LEAKCHECK", "PW-"])
        }
        XCTAssertEqual(proxy.requests.count, 0, "no CONNECT and no POST reached the proxy in plain text")
        XCTAssertEqual(posthog.requests.count, 0)
    }

    // MARK: - --never-fail

    func testNeverFailIsExitZeroWhateverHappensToStandardOutput() throws {
        let full = try XCTUnwrap(FileHandle(forWritingAtPath: "/dev/full"))
        for arguments in [["event", "--help", "--never-fail"], ["event", "--never-fail", "--version"],
                          ["event", "InstallationStart", "--never-fail", "--dry-run"]] {
            let outcome = try run(arguments, ["UCID": "u", "SERVER_VERSION": "v1"], standardOutput: full)
            XCTAssertEqual(outcome.status, 0, "\(arguments) > /dev/full: \(outcome.stderr)")
            XCTAssertEqual(outcome.stderrLines.filter { $0.hasPrefix("error:") || $0.contains("level=error") }.count, 1, outcome.stderr)
            // Without the flag the same failure is exit 1.
            let strict = try run(arguments.filter { $0 != "--never-fail" }, ["UCID": "u", "SERVER_VERSION": "v1"], standardOutput: full)
            XCTAssertEqual(strict.status, 1, "\(arguments) without --never-fail: \(strict.stderr)")
        }
        // A reader that went away (`| true`): the write fails with EPIPE, SIGPIPE being ignored.
        let pipe = Pipe()
        try pipe.fileHandleForReading.close()
        let closedReader = try run(["event", "--never-fail", "--version"], [:], standardOutput: pipe.fileHandleForWriting)
        XCTAssertEqual(closedReader.status, 0, closedReader.stderr)
    }

    // MARK: - Bounded lines

    func testEveryLineTheJobWritesHasABoundedLength() throws {
        let long = String(repeating: "h", count: 100 * 1024)  // the most one variable may hold is 128 KiB
        let certificates = try TestCertificates()
        defer { certificates.remove() }
        let cases: [([String], [String: String])] = [
            (["run", "--dry-run"], ["UCID": "u", "SERVER_VERSION": "v1", "PG_ADDR": long, "PG_PORT": "1"]),
            (["run", "--dry-run", "--only", "heartbeat"], ["UCID": "u", "KUBERNETES_SERVICE_HOST": "127.0.0.1",
                                                           "KUBERNETES_SERVICE_ACCOUNT_DIR": "/nonexistent/" + long]),
            (["run", "--dry-run", "--only", "heartbeat", "--ucid", long], [:]),
            (["event", long, "--dry-run"], ["UCID": "u"]),
        ]
        for (arguments, environment) in cases {
            let outcome = try run(arguments, environment)
            XCTAssertFalse(outcome.stderr.isEmpty, "\(arguments.prefix(2))")
            for line in outcome.stderrLines {
                XCTAssertLessThan(line.count, 4096, "\(arguments.prefix(2)): a line of \(line.count) characters")
            }
        }
    }

    // MARK: - --timeout

    func testTimeoutBoundsDiscoveryAndDeliveryTogether() throws {
        // A silent Kubernetes API server (a loopback stand-in that never answers, standing in for the
        // real API server, which cannot be installed here) and a silent PostHog.
        let certificates = try TestCertificates()
        defer { certificates.remove() }
        let account = certificates.directory.appendingPathComponent("sa")
        try FileManager.default.createDirectory(at: account, withIntermediateDirectories: true)
        try "token".write(to: account.appendingPathComponent("token"), atomically: true, encoding: .utf8)
        try FileManager.default.copyItem(at: certificates.caCertificate, to: account.appendingPathComponent("ca.crt"))
        let apiServer = try HTTPStandIn(fallback: .hang, tls: certificates.serverContext())
        let posthog = try HTTPStandIn(fallback: .hang)
        let outcome = try run(["event", "InstallationStart", "--never-fail", "--timeout", "4"], [
            "UCID": "u", "POSTHOG_API_KEY": "phc_x", "POSTHOG_HOST": posthog.baseURL,
            "KUBERNETES_SERVICE_HOST": "127.0.0.1", "KUBERNETES_SERVICE_PORT": String(apiServer.port),
            "KUBERNETES_SERVICE_ACCOUNT_DIR": account.path,
        ], limit: 30)
        XCTAssertEqual(outcome.status, 0, outcome.stderr)
        XCTAssertEqual(apiServer.requests.count, 1, "the version was asked")
        // Discovery takes at most half of what is left, so delivery still gets its attempt.
        XCTAssertEqual(posthog.requests.count, 1, "delivery was attempted within what discovery left: \(outcome.stderr)")
        XCTAssertLessThan(outcome.seconds, 5.5, "--timeout 4 bounds discovery and delivery together: \(outcome.stderr)")
    }

    // MARK: - --verbose

    func testVerboseAddsDebugRecordsAndOnlyThen() throws {
        let environment = ["UCID": "u", "SERVER_VERSION": "v1"]
        let quiet = try run(["run", "--only", "heartbeat", "--dry-run"], environment)
        let verbose = try run(["run", "--only", "heartbeat", "--dry-run", "--verbose"], environment)
        XCTAssertEqual(quiet.status, 0, quiet.stderr)
        XCTAssertEqual(verbose.status, 0, verbose.stderr)
        XCTAssertFalse(quiet.stderr.contains("level=debug"), quiet.stderr)
        XCTAssertTrue(verbose.stderr.contains("level=debug msg=configuration"), verbose.stderr)
    }

    // MARK: - Server text

    func testAWarningSentWhileConnectingNeverReachesStderr() throws {
        let database = try TestDatabase("notices", rows: "tricky-rows.sql")
        let admin = try database.connect()
        // A text search configuration whose name holds a line break and an ESC sequence, made the
        // database's default, then renamed away: every new session gets a WARNING quoting the name.
        let evil = "evil\nLEAKCHECK\u{1b}[31m"
        try admin.executeScript("""
            CREATE TEXT SEARCH CONFIGURATION "\(evil)" (COPY = simple);
            ALTER DATABASE "\(database.name)" SET default_text_search_config = 'public."\(evil)"';
            ALTER TEXT SEARCH CONFIGURATION "\(evil)" RENAME TO gone;
            """)
        admin.close()
        let outcome = try run(["run", "--dry-run", "--log-format", "json"], ["UCID": "u", "SERVER_VERSION": "v1", "DATABASE_URL": database.url])
        XCTAssertEqual(outcome.status, 0, outcome.stderr)
        for line in outcome.stderrLines {
            XCTAssertNoThrow(try JSONSerialization.jsonObject(with: Data(line.utf8)), "not one JSON record: \(line)")
        }
        XCTAssertFalse(outcome.stderr.contains("\u{1b}"), "an ESC reached stderr")
        assertNothingLeaks(outcome, ["LEAKCHECK", "WARNING", "text search"])
    }

    func testTheServersReasonForRefusingASessionIsShownInWordsOfOurOwn() throws {
        let database = try TestDatabase("refused", rows: "tricky-rows.sql")
        // The server's FATAL message quotes the role name; the line says what happened without it.
        let url = "postgresql://nobody_LEAKCHECK@\(database.host):\(database.port)/\(database.name)?connect_timeout=5"
        let outcome = try run(["run", "--dry-run"], ["UCID": "u", "SERVER_VERSION": "v1", "DATABASE_URL": url])
        XCTAssertEqual(outcome.status, 1, outcome.stderr)
        XCTAssertTrue(outcome.stderr.contains("the server refused the session: the database or the role does not exist"), outcome.stderr)
        assertNothingLeaks(outcome, ["LEAKCHECK", "FATAL"])
    }
}
