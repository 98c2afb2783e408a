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

    func testDatabaseURLWinsOverOrchestratorVariablesAndTheFlagOverTheEnvironment() throws {
        let env = ["DATABASE_URL": "postgres://a@env-host/envdb", "PG_ADDR": "ignored", "PG_DATABASE": "ignored"]
        XCTAssertEqual(try resolve(env).parameters["host"], "env-host")
        XCTAssertNil(try resolve(env).parameters["dbname"].flatMap { $0 == "ignored" ? $0 : nil })
        let flagged = try resolve(url: "host=flag-host dbname=flagdb password=url-secret", env)
        XCTAssertEqual(flagged.parameters["host"], "flag-host")
        XCTAssertEqual(flagged.parameters["dbname"], "flagdb")
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
        for host in ["ftp://x", "not a url", "https://", "https://h/?q=1"] {
            XCTAssertThrowsError(try DeliverySettings.resolve(host: host, apiKey: nil, maxAttempts: nil, timeout: nil, environment: Environment([:])), host)
        }
        XCTAssertThrowsError(try DeliverySettings.resolve(host: nil, apiKey: nil, maxAttempts: 0, timeout: nil, environment: Environment([:])))
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
