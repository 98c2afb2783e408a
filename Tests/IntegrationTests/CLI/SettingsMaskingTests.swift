import Foundation
import TelemetryCore
import TestSupport
import XCTest

/// The settings table decides what is masked: for every setting it marks secret and every one that
/// holds a URL, a password given in it appears in no output — by flag and by variable, valid or not,
/// on a dry run, a sending run that fails, and `event --never-fail`.
final class SettingsMaskingTests: CLITestCase {
    private static let marker = "pw-LEAKCHECK"

    /// Values of each kind a password can hide in: valid, and malformed (a space) so that an error
    /// line is written about it.
    private func values(for setting: Setting) -> [String] {
        switch setting.sensitivity {
        case .secret: return [Self.marker + "-1", "postgres://u:\(Self.marker)@h/db", "host=h password='\(Self.marker)' bogus"]
        case .url: return ["http://user:\(Self.marker)@127.0.0.1:9", "http://user:\(Self.marker)@127.0.0.1 x:9"]
        case .plain: return []
        }
    }

    func testNoPasswordOfASecretOrURLSettingAppearsInAnyOutput() throws {
        let sensitive = Settings.all.filter { $0.sensitivity != .plain }
        XCTAssertGreaterThanOrEqual(sensitive.count, 7, "the table marks the database URL, passwords, key, hosts and proxies")
        let closedHost = "http://127.0.0.1:\(Ports.closedLoopbackPort())"
        let base = ["UCID": "u", "SERVER_VERSION": "v1", "POSTHOG_HOST": closedHost, "POSTHOG_API_KEY": "phc_x"]
        var checked = 0
        for setting in sensitive {
            for value in values(for: setting) {
                var ways: [([String], [String: String])] = setting.variables.map { ([], [$0: value]) }
                if let flag = setting.flagName { ways.append(([flag, value], [:])) }
                for (flagArguments, variables) in ways {
                    for command in [["run", "--dry-run"], ["run", "--only", "heartbeat", "--max-attempts", "1"],
                                    ["event", "InstallationStart", "--never-fail", "--max-attempts", "1"]] {
                        let outcome = try run(command + flagArguments, base.merging(variables) { $1 }, limit: 60)
                        assertNothingLeaks(outcome, [Self.marker])
                        checked += 1
                    }
                }
            }
        }
        XCTAssertGreaterThan(checked, 40)
    }
}
