import Postgres
import TelemetryCore
import XCTest

final class ConfigurationTests: XCTestCase {
    private func resolve(url: String? = nil, statement: String? = nil, connect: String? = nil, _ env: [String: String] = [:]) throws -> DatabaseSettings {
        try DatabaseSettings.resolve(databaseURL: url, statementTimeout: statement, connectTimeout: connect, environment: Environment(env))
    }

    func testOrchestratorVariablesMapToLibpqKeywordsWithOrchestratorAsDefaultDatabase() throws {
        let settings = try resolve([
            "PG_ADDR": "postgresql-postgresql.devtroncd", "PG_PORT": "5432", "PG_USER": "postgres",
            "PG_PASSWORD": "pw-LEAK", "PG_SSL_MODE": "require", "PG_SSL_ROOT_CERT": "/certs/ca.crt",
        ])
        XCTAssertEqual(settings.parameters["host"], "postgresql-postgresql.devtroncd")
        XCTAssertEqual(settings.parameters["port"], "5432")
        XCTAssertEqual(settings.parameters["user"], "postgres")
        XCTAssertEqual(settings.parameters["password"], "pw-LEAK")
        XCTAssertEqual(settings.parameters["dbname"], "orchestrator")
        XCTAssertEqual(settings.parameters["sslmode"], "require")
        XCTAssertEqual(settings.parameters["sslrootcert"], "/certs/ca.crt")
        XCTAssertEqual(settings.parameters["connect_timeout"], "10")
        XCTAssertEqual(settings.statementTimeout, .seconds(30))
        XCTAssertTrue(settings.secrets.contains("pw-LEAK"))
    }

    func testWithoutPGSSLModeTheOrchestratorVariablesConnectAsTheOrchestratorDoesWithoutTLS() throws {
        XCTAssertEqual(try resolve(["PG_ADDR": "db"]).parameters["sslmode"], "disable")
        XCTAssertEqual(try resolve(["PG_ADDR": "db", "PG_SSL_MODE": "verify-full"]).parameters["sslmode"], "verify-full")
        XCTAssertNil(try resolve(["PG_ADDR": "db", "PGSSLMODE": "require"]).parameters["sslmode"], "libpq reads PGSSLMODE itself")
        XCTAssertNil(try resolve(["DATABASE_URL": "postgres://a@h/d"]).parameters["sslmode"], "a URL keeps libpq's default")
        XCTAssertNil(try resolve([:]).parameters["sslmode"])
    }

    func testDatabaseURLWinsOverOrchestratorVariablesAndTheFlagOverTheEnvironment() throws {
        let env = ["DATABASE_URL": "postgres://a@env-host/envdb", "PG_ADDR": "ignored", "PG_PORT": "1111",
                   "PG_USER": "ignored", "PG_DATABASE": "ignored", "PG_SSL_MODE": "require"]
        let fromEnvironment = try resolve(env).parameters
        XCTAssertEqual(fromEnvironment["host"], "env-host")
        XCTAssertEqual(fromEnvironment["dbname"], "envdb")
        XCTAssertEqual(fromEnvironment["user"], "a")
        // No PG_* variable leaks in beside the URL: libpq's own defaults fill what the URL leaves out.
        XCTAssertNil(fromEnvironment["port"])
        XCTAssertNil(fromEnvironment["sslmode"])
        let flagged = try resolve(url: "host=flag-host dbname=flagdb password=url-secret", env)
        XCTAssertEqual(flagged.parameters["host"], "flag-host")
        XCTAssertEqual(flagged.parameters["dbname"], "flagdb")
        XCTAssertNil(flagged.parameters["user"], "the flag's URL replaces DATABASE_URL whole")
        XCTAssertTrue(flagged.secrets.contains("url-secret"))
    }

    func testWithNothingSetLibpqDefaultsApply() throws {
        let settings = try resolve([:])
        XCTAssertNil(settings.parameters["host"])
        XCTAssertNil(settings.parameters["dbname"])
        XCTAssertEqual(settings.parameters["fallback_application_name"], "devtron-telemetry")
    }

    func testGSSEncryptionIsNotProbedUnlessAskedFor() throws {
        XCTAssertEqual(try resolve([:]).parameters["gssencmode"], "disable")
        XCTAssertEqual(try resolve(url: "postgresql://h/db?gssencmode=prefer").parameters["gssencmode"], "prefer")
        XCTAssertNil(try resolve(["PGGSSENCMODE": "require"]).parameters["gssencmode"], "libpq reads PGGSSENCMODE itself")
    }

    func testTimeoutsFromFlagsAndPGReadTimeout() throws {
        XCTAssertEqual(try resolve(["PG_READ_TIMEOUT": "5"]).statementTimeout, .seconds(5))
        XCTAssertEqual(try resolve(statement: "0.25", ["PG_READ_TIMEOUT": "5"]).statementTimeout, .milliseconds(250))
        XCTAssertEqual(try resolve(connect: "3").parameters["connect_timeout"], "3")
        XCTAssertEqual(try resolve(connect: "0.5").parameters["connect_timeout"], "2", "libpq's floor is 2 s")
        for bad in ["0", "-1", "abc", "nan", "1e9"] {
            XCTAssertThrowsError(try resolve(statement: bad)) { XCTAssertEqual(($0 as? TelemetryError)?.exitCode, .usage) }
        }
        XCTAssertThrowsError(try resolve(["PG_READ_TIMEOUT": "soon"])) { error in
            XCTAssertTrue("\(error)".contains("PG_READ_TIMEOUT"))
        }
    }

    func testBadPortAndBadURLAreUsageErrorsThatKeepThePasswordOut() throws {
        XCTAssertThrowsError(try resolve(["PG_ADDR": "db", "PG_PORT": "54x32"])) { error in
            XCTAssertEqual((error as? TelemetryError)?.exitCode, .usage)
        }
        XCTAssertThrowsError(try resolve(url: "postgres://u:sekret%zz@h/db")) { error in
            XCTAssertEqual((error as? TelemetryError)?.exitCode, .usage)
            XCTAssertFalse("\(error)".contains("sekret"), "\(error)")
        }
    }

    func testDeliverySettings() throws {
        let settings = try DeliverySettings.resolve(host: nil, apiKey: nil, maxAttempts: nil, timeout: nil,
                                                    environment: Environment(["POSTHOG_API_KEY": "phc_key", "POSTHOG_HOST": "https://eu.i.posthog.com/"]))
        XCTAssertEqual(settings.endpoint, "https://eu.i.posthog.com/batch/")
        XCTAssertEqual(settings.apiKey, "phc_key")
        XCTAssertEqual(settings.retryPolicy.maxAttempts, 5)
        XCTAssertEqual(settings.timeout, .seconds(120))
        XCTAssertEqual(try DeliverySettings.resolve(host: nil, apiKey: nil, maxAttempts: nil, timeout: nil, environment: Environment([:])).endpoint,
                       "https://us.i.posthog.com/batch/")
        for host in ["ftp://x", "not a url", "https://", "https://h/?q=1", "https://us.i.posthog .com", "https://us.i.posthog.com /x",
                     "https://h:99999", "https://h:0", "https://h:8x", "https://[::1", "https://a..b", "https://-h", "https://h\n",
                     "https://h#f", "https://u:pw@h", "https://hé.com", "http://h\u{1b}[31m", "https://h:+80", "//h", "https//h"] {
            XCTAssertThrowsError(try DeliverySettings.resolve(host: host, apiKey: nil, maxAttempts: nil, timeout: nil, environment: Environment([:])), host) { error in
                XCTAssertEqual((error as? TelemetryError)?.exitCode, .usage, host)
            }
        }
        for (host, name) in [("http://127.0.0.1:8000", "127.0.0.1"), ("https://[::1]:8443/", "::1"), ("https://eu.i.posthog.com/prefix", "eu.i.posthog.com"),
                             ("HTTPS://US.I.POSTHOG.COM", "US.I.POSTHOG.COM")] {
            XCTAssertEqual(try DeliverySettings.resolve(host: host, apiKey: nil, maxAttempts: nil, timeout: nil, environment: Environment([:])).host, name, host)
        }
        XCTAssertThrowsError(try DeliverySettings.resolve(host: nil, apiKey: nil, maxAttempts: "0", timeout: nil, environment: Environment([:])))
    }

    func testRejectedValuesAreShownEscapedOnOneLineAndWithoutPasswords() throws {
        let hostile = "5\n\u{1b}[31mred\u{7f}\u{9b}"
        var messages: [String] = []
        func capture(_ body: () throws -> Void) {
            XCTAssertThrowsError(try body()) { messages.append("\($0)") }
        }
        capture { _ = try self.resolve(statement: hostile) }
        capture { _ = try self.resolve(connect: hostile) }
        capture { _ = try self.resolve(["PG_READ_TIMEOUT": hostile]) }
        capture { _ = try self.resolve(["PG_ADDR": "db", "PG_PORT": hostile]) }
        capture { _ = try OptOut.reason(in: Environment(["TELEMETRY_DISABLED": hostile])) }
        capture { _ = try OptOut.reason(in: Environment(["DO_NOT_TRACK": hostile])) }
        capture { _ = try DeliverySettings.resolve(host: "https://h" + hostile, apiKey: nil, maxAttempts: nil, timeout: nil, environment: Environment([:])) }
        capture { _ = try DeliverySettings.resolve(host: nil, apiKey: nil, maxAttempts: nil, timeout: hostile, environment: Environment([:])) }
        XCTAssertEqual(messages.count, 8)
        for message in messages {
            XCTAssertFalse(message.unicodeScalars.contains { $0.value < 0x20 || (0x7F...0x9F).contains($0.value) }, message)
            XCTAssertTrue(message.contains(#"5\n\u001b[31mred\u007f\u009b"#), message)
        }
        // A password in the host is masked before the host is shown.
        capture { _ = try DeliverySettings.resolve(host: "https://user:pw-LEAK@h/x y", apiKey: nil, maxAttempts: nil, timeout: nil, environment: Environment([:])) }
        XCTAssertFalse(messages.last?.contains("pw-LEAK") ?? true, messages.last ?? "")
        XCTAssertTrue(messages.last?.contains("https://***@h/x y") ?? false, messages.last ?? "")
        // A very long value is cut.
        capture { _ = try self.resolve(statement: String(repeating: "x", count: 10_000)) }
        XCTAssertLessThan(messages.last?.count ?? .max, 300)
    }

    func testProxiesMustBeWellFormed() throws {
        for bad in ["http://proxy .corp:3128", "http://proxy.corp:3128 ", "http://proxy.corp:70000", "http://proxy.corp:x",
                    "socks5://p:1", "http://proxy.corp/path", "http://[::1", "proxy corp"] {
            XCTAssertThrowsError(try ProxySettings.from(Environment(["HTTPS_PROXY": bad])), bad) { error in
                XCTAssertEqual((error as? TelemetryError)?.exitCode, .usage, bad)
                XCTAssertFalse("\(error)".contains("proxy.corp"), "the value is not echoed: it may carry a password")
            }
        }
        let ipv6 = try ProxySettings.from(Environment(["HTTP_PROXY": "http://[::1]:3128/"])).server(scheme: "http", host: "h")
        XCTAssertEqual(ipv6?.host, "::1")
        XCTAssertEqual(ipv6?.port, 3128)
        let encoded = try ProxySettings.from(Environment(["HTTPS_PROXY": "http://us%40er:p@ss@proxy:1"])).server(scheme: "https", host: "h")
        XCTAssertEqual(encoded?.username, "us@er")
        XCTAssertEqual(encoded?.password, "p@ss")
    }

    func testPasswordsAreFoundInURLsThatNoParserAccepts() {
        XCTAssertEqual(Set(URLText.passwords(in: "postgres://u:pw%2Fx@[::1]\"x/db")), ["pw%2Fx", "pw/x"])
        XCTAssertTrue(URLText.passwords(in: "host=h password='top secret' dbname=d").contains("top secret"))
        XCTAssertTrue(URLText.passwords(in: "host=h password = secret1 dbname=d").contains("secret1"))
        XCTAssertTrue(URLText.passwords(in: "https://user:a/b@c@host").contains("a/b@c"))
        XCTAssertEqual(URLText.passwords(in: "https://host/x"), [])
        XCTAssertEqual(URLText.maskingUserInfo("https://user:a/b@c@host/p"), "https://***@host/p")
        XCTAssertEqual(URLText.maskingUserInfo("https://host/p"), "https://host/p")
    }

    func testJobConfigurationNeedsAUCIDAndAsksTheTelemetryServiceOnlyWithoutAKeyWhenSending() throws {
        let noKey = try DeliverySettings.resolve(host: nil, apiKey: nil, maxAttempts: nil, timeout: nil, environment: Environment([:]))
        let withKey = try DeliverySettings.resolve(host: nil, apiKey: "phc_k", maxAttempts: nil, timeout: nil, environment: Environment([:]))
        func configuration(dryRun: Bool, _ delivery: DeliverySettings) throws -> JobConfiguration {
            try JobConfiguration(ucid: "u1", devtronVersion: "v1", serverVersion: nil, dryRun: dryRun, delivery: delivery, environment: Environment([:]))
        }
        XCTAssertTrue(try configuration(dryRun: false, noKey).asksTelemetryService)
        XCTAssertFalse(try configuration(dryRun: true, noKey).asksTelemetryService)
        XCTAssertFalse(try configuration(dryRun: false, withKey).asksTelemetryService)
        XCTAssertFalse(try configuration(dryRun: true, withKey).asksTelemetryService)
        for bad in ["", "  ", "a\u{7}b"] {
            XCTAssertThrowsError(try JobConfiguration(ucid: bad, devtronVersion: "v1", serverVersion: nil, dryRun: true, delivery: noKey, environment: Environment([:])))
        }
    }

    func testOptOut() throws {
        XCTAssertNil(try OptOut.reason(in: Environment([:])))
        XCTAssertEqual(try OptOut.reason(in: Environment(["TELEMETRY_DISABLED": "true"])), "TELEMETRY_DISABLED")
        XCTAssertEqual(try OptOut.reason(in: Environment(["TELEMETRY_DISABLED": "1"])), "TELEMETRY_DISABLED")
        XCTAssertEqual(try OptOut.reason(in: Environment(["TELEMETRY_DISABLED": "TRUE"])), "TELEMETRY_DISABLED")
        XCTAssertEqual(try OptOut.reason(in: Environment(["DO_NOT_TRACK": "1"])), "DO_NOT_TRACK")
        XCTAssertEqual(try OptOut.reason(in: Environment(["TELEMETRY_DISABLED": "false", "DO_NOT_TRACK": "1"])), "DO_NOT_TRACK")
        XCTAssertNil(try OptOut.reason(in: Environment(["TELEMETRY_DISABLED": "false", "DO_NOT_TRACK": "0"])))
        XCTAssertThrowsError(try OptOut.reason(in: Environment(["TELEMETRY_DISABLED": "maybe"])))
        XCTAssertEqual(try OptOut.reason(in: Environment(["IS_AIR_GAP_ENVIRONMENT": "true"])), "IS_AIR_GAP_ENVIRONMENT")
        XCTAssertNil(try OptOut.reason(in: Environment(["IS_AIR_GAP_ENVIRONMENT": "false"])))
        XCTAssertThrowsError(try OptOut.reason(in: Environment(["IS_AIR_GAP_ENVIRONMENT": "offline"]))) {
            XCTAssertEqual(($0 as? TelemetryError)?.exitCode, .usage)
        }
    }

    func testGeoIPSwitch() throws {
        XCTAssertFalse(try GeoIP.isDisabled(in: Environment([:])))
        XCTAssertFalse(try GeoIP.isDisabled(in: Environment(["TELEMETRY_GEOIP": "true"])))
        XCTAssertTrue(try GeoIP.isDisabled(in: Environment(["TELEMETRY_GEOIP": "false"])))
        XCTAssertTrue(try GeoIP.isDisabled(in: Environment(["TELEMETRY_GEOIP": "FALSE"])))
        XCTAssertThrowsError(try GeoIP.isDisabled(in: Environment(["TELEMETRY_GEOIP": "city"]))) {
            XCTAssertEqual(($0 as? TelemetryError)?.exitCode, .usage)
            XCTAssertTrue("\($0)".contains("TELEMETRY_GEOIP"))
        }
    }

    func testExitStatusOrderPutsFailuresAbovePartialResults() {
        XCTAssertEqual(max(ExitStatus.partialSummary, .failure), .failure)
        XCTAssertEqual(max(ExitStatus.success, .partialSummary), .partialSummary)
        XCTAssertEqual([ExitStatus.success, .failure, .usage, .partialSummary].map(\.rawValue), [0, 1, 2, 3])
    }
}
