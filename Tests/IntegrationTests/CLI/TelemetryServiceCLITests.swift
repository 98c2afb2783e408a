import Foundation
import TestSupport
import XCTest

/// Devtron's telemetry service end to end: the real executable, a stand-in service and a stand-in
/// PostHog, both real HTTP servers on loopback.
final class TelemetryServiceCLITests: CLITestCase {
    /// A distinctive key, to be looked for in everything the process prints.
    static let fetchedKey = "phc_ZEBRA42fetchedKEY"
    /// base64 of `fetchedKey` (python3: base64.b64encode(b"phc_ZEBRA42fetchedKEY")).
    static let fetchedKeyBase64 = "cGhjX1pFQlJBNDJmZXRjaGVkS0VZ"

    static func infoAnswer(endpoint: String) -> HTTPStandIn.Reply {
        .status(200, body: #"{"code":200,"status":"OK","result":{"PosthogApiKey":"\#(fetchedKeyBase64)","PosthogEndpoint":"\#(endpoint)"}}"#)
    }

    static func optOutAnswer(_ optedOut: Bool) -> HTTPStandIn.Reply {
        .status(200, body: #"{"code":200,"result":\#(optedOut)}"#)
    }

    /// No API key: the service is asked. The database URL points at nothing, so a run that read it
    /// would fail; `--only heartbeat` does not read it.
    private func environment(service: String, _ extra: [String: String] = [:]) -> [String: String] {
        ["UCID": "ucid-svc", "SERVER_VERSION": "v1.29.3", "DEVTRON_TELEMETRY_URL": service,
         "DATABASE_URL": "postgresql://x@127.0.0.1:\(Ports.closedLoopbackPort())/x"].merging(extra) { $1 }
    }

    private func assertKeyNeverPrinted(_ outcome: CommandRunner.Outcome, file: StaticString = #filePath, line: UInt = #line) {
        assertNothingLeaks(outcome, [Self.fetchedKey, Self.fetchedKeyBase64, "ZEBRA42"], file: file, line: line)
    }

    func testTheServicesKeyAndEndpointAreUsed() throws {
        let posthog = try HTTPStandIn()
        for arguments in [["run", "--only", "heartbeat", "--verbose"], ["event", "InstallationStart", "--verbose"]] {
            let service = try HTTPStandIn(replies: [Self.infoAnswer(endpoint: posthog.baseURL), Self.optOutAnswer(false)])
            let outcome = try run(arguments, environment(service: service.baseURL, ["UCID": "ucid/with space"]))
            XCTAssertEqual(outcome.status, 0, "\(arguments): \(outcome.stderr)")
            XCTAssertEqual(service.requests.map(\.method), ["GET", "GET"])
            // The UCID is one percent-encoded path segment.
            XCTAssertEqual(service.requests.map(\.uri), ["/devtron/telemetry/posthogInfo", "/devtron/telemetry/opt-out/ucid%2Fwith%20space"])
            XCTAssertTrue(outcome.stderr.contains("msg=\"telemetry service answered\""), outcome.stderr)
            assertKeyNeverPrinted(outcome)
        }
        XCTAssertEqual(posthog.requests.count, 2)
        for request in posthog.requests {
            XCTAssertEqual(request.uri, "/batch/")
            XCTAssertEqual(try request.json()["api_key"] as? String, Self.fetchedKey, "the decoded key is sent")
        }
        XCTAssertEqual(try posthog.requests.map { events(try $0.json()).first?["event"] as? String }, ["Heartbeat", "InstallationStart"])

        // The flag names the service as well; it wins over the variable.
        let service = try HTTPStandIn(replies: [Self.infoAnswer(endpoint: posthog.baseURL), Self.optOutAnswer(false)])
        let flagged = try run(["event", "UpgradeStart", "--telemetry-service", service.baseURL],
                              environment(service: "http://127.0.0.1:\(Ports.closedLoopbackPort())"))
        XCTAssertEqual(flagged.status, 0, flagged.stderr)
        XCTAssertEqual(service.requests.count, 2)
        XCTAssertEqual(posthog.requests.count, 3)
    }

    func testAConfiguredHostWinsOverTheServicesEndpoint() throws {
        let posthog = try HTTPStandIn()
        let service = try HTTPStandIn(replies: [
            Self.infoAnswer(endpoint: "http://127.0.0.1:\(Ports.closedLoopbackPort())"), Self.optOutAnswer(false),
        ])
        let outcome = try run(["run", "--only", "heartbeat"], environment(service: service.baseURL, ["POSTHOG_HOST": posthog.baseURL]))
        XCTAssertEqual(outcome.status, 0, outcome.stderr)
        XCTAssertEqual(posthog.requests.count, 1)
        XCTAssertEqual(try posthog.requests.first?.json()["api_key"] as? String, Self.fetchedKey)
    }

    func testTheFetchedKeyIsMaskedInLaterErrorLines() throws {
        // PostHog refuses the key and quotes it in its message, which the error line repeats.
        let posthog = try HTTPStandIn(fallback: .status(401, body: #"{"detail":"API key \#(Self.fetchedKey) is not valid"}"#))
        let service = try HTTPStandIn(replies: [Self.infoAnswer(endpoint: posthog.baseURL), Self.optOutAnswer(false)])
        let outcome = try run(["event", "InstallationSuccess", "--verbose"], environment(service: service.baseURL))
        XCTAssertEqual(outcome.status, 1, outcome.stderr)
        XCTAssertEqual(posthog.requests.count, 1)
        let failure = try XCTUnwrap(outcome.stderrLines.last { $0.contains("outcome=failed") }, outcome.stderr)
        XCTAssertTrue(failure.contains("401") && failure.contains("API key *** is not valid"), failure)
        assertKeyNeverPrinted(outcome)
    }

    func testAnOptOutInDevtronsRegistrySendsNothing() throws {
        let posthog = try HTTPStandIn()
        for arguments in [["run"], ["event", "InstallationStart"]] {
            let service = try HTTPStandIn(replies: [Self.infoAnswer(endpoint: posthog.baseURL), Self.optOutAnswer(true)])
            let outcome = try run(arguments, environment(service: service.baseURL))
            XCTAssertEqual(outcome.status, 0, "\(arguments): \(outcome.stderr)")
            XCTAssertEqual(service.requests.count, 2)
            let disabled = outcome.stderrLines.filter { $0.contains("telemetry disabled") }
            XCTAssertEqual(disabled.count, 1, outcome.stderr)
            XCTAssertTrue(disabled.first?.contains("opt-out registry") ?? false, outcome.stderr)
            XCTAssertFalse(outcome.stderr.contains("database reached"), "an opted-out installation is not read")
            XCTAssertEqual(outcome.stdout, "")
            assertKeyNeverPrinted(outcome)
        }
        XCTAssertEqual(posthog.requests.count, 0)
    }

    func testAnAnswerThatCannotBeHadOrReadSendsNothingAndExitsOne() throws {
        let posthog = try HTTPStandIn()
        let info = Self.infoAnswer(endpoint: posthog.baseURL)
        let cases: [(String, [HTTPStandIn.Reply], String)] = [
            ("info 500", [.status(500, body: "oops")], "HTTP 500"),
            ("info not JSON", [.status(200, body: "<html>maintenance</html>", headers: [("Content-Type", "text/html")])], "not JSON"),
            ("info wrong shape", [.status(200, body: #"{"result":{"apiKey":"x"}}"#)], "PosthogApiKey"),
            ("info bad base64", [.status(200, body: #"{"result":{"PosthogApiKey":"%%%","PosthogEndpoint":"http://127.0.0.1:1"}}"#)], "base64"),
            ("info bad endpoint", [.status(200, body: #"{"result":{"PosthogApiKey":"\#(Self.fetchedKeyBase64)","PosthogEndpoint":"posthog"}}"#)], "PosthogEndpoint"),
            ("info closed", [.close], "telemetry service"),
            ("opt-out 500", [info, .status(500)], "HTTP 500"),
            ("opt-out 404", [info, .status(404, body: "no such installation")], "HTTP 404"),
            ("opt-out not JSON", [info, .status(200, body: "yes")], "not JSON"),
            ("opt-out wrong shape", [info, .status(200, body: #"{"result":"false"}"#)], "shape"),
            ("opt-out no result", [info, .status(200, body: #"{"optedOut":false}"#)], "result"),
        ]
        for (name, replies, mention) in cases {
            let service = try HTTPStandIn(replies: replies, fallback: .status(500))
            let outcome = try run(["run", "--only", "heartbeat"], environment(service: service.baseURL))
            XCTAssertEqual(outcome.status, 1, "\(name): \(outcome.stderr)")
            let errors = outcome.stderrLines.filter { $0.contains("level=error") }
            XCTAssertEqual(errors.count, 1, "\(name): \(outcome.stderr)")
            XCTAssertTrue(errors.first?.contains("telemetry service could not be read") ?? false, "\(name): \(outcome.stderr)")
            XCTAssertTrue(errors.first?.contains(mention) ?? false, "\(name): \(outcome.stderr)")
            XCTAssertEqual(service.requests.count, replies.count, "\(name): asked once, not retried")
            assertKeyNeverPrinted(outcome)
        }

        // Nothing listens: refused.
        let refused = try run(["event", "InstallationStart"], environment(service: "http://127.0.0.1:\(Ports.closedLoopbackPort())"))
        XCTAssertEqual(refused.status, 1, refused.stderr)
        XCTAssertTrue(refused.stderr.contains("telemetry service could not be read"), refused.stderr)
        XCTAssertEqual(refused.stderrLines.filter { $0.contains("level=error") }.count, 1, refused.stderr)

        // A service that never answers is bounded by --timeout.
        let silent = try HTTPStandIn(fallback: .hang)
        let hung = try run(["event", "InstallationStart", "--timeout", "2"], environment(service: silent.baseURL), limit: 30)
        XCTAssertEqual(hung.status, 1, hung.stderr)
        XCTAssertLessThan(hung.seconds, 6)
        XCTAssertEqual(posthog.requests.count, 0, "nothing is sent when the service cannot be read")
    }

    func testWithAConfiguredKeyOrOnADryRunTheServiceIsNeverAsked() throws {
        let service = try HTTPStandIn(fallback: Self.optOutAnswer(true))
        let posthog = try HTTPStandIn()
        let keyed = try run(["event", "InstallationStart"], environment(service: service.baseURL, [
            "POSTHOG_API_KEY": "phc_configured", "POSTHOG_HOST": posthog.baseURL,
        ]))
        XCTAssertEqual(keyed.status, 0, keyed.stderr)
        XCTAssertEqual(posthog.requests.count, 1)
        XCTAssertEqual(try posthog.requests.first?.json()["api_key"] as? String, "phc_configured")
        for arguments in [["run", "--dry-run", "--only", "heartbeat"], ["event", "InstallationStart", "--dry-run"]] {
            let dry = try run(arguments, environment(service: service.baseURL))
            XCTAssertEqual(dry.status, 0, dry.stderr)
            XCTAssertNil(try document(dry)["api_key"], "no key configured, none fetched")
        }
        XCTAssertEqual(service.requests.count, 0)
        XCTAssertEqual(posthog.requests.count, 1)
    }

    func testTheServiceIsAskedThroughTheProxyAndWithTheConfiguredCAs() throws {
        let posthog = try HTTPStandIn()
        // An HTTP proxy gets the absolute URL of an http target; this one answers for the service.
        let proxy = try HTTPStandIn(replies: [Self.infoAnswer(endpoint: posthog.baseURL), Self.optOutAnswer(false)])
        let viaProxy = try run(["event", "InstallationStart"], environment(service: "http://telemetry.invalid", [
            "HTTP_PROXY": proxy.baseURL, "NO_PROXY": "127.0.0.1",
        ]))
        XCTAssertEqual(viaProxy.status, 0, viaProxy.stderr)
        XCTAssertEqual(proxy.requests.map(\.uri), [
            "http://telemetry.invalid/devtron/telemetry/posthogInfo", "http://telemetry.invalid/devtron/telemetry/opt-out/ucid-svc",
        ])
        XCTAssertEqual(posthog.requests.count, 1, "PostHog itself is in NO_PROXY")

        let certificates = try TestCertificates()
        defer { certificates.remove() }
        let service = try HTTPStandIn(replies: [Self.infoAnswer(endpoint: posthog.baseURL), Self.optOutAnswer(false)],
                                      tls: certificates.serverContext())
        let trusted = try run(["event", "InstallationStart"], environment(service: service.baseURL, [
            "SSL_CERT_FILE": certificates.caCertificate.path,
        ]))
        XCTAssertEqual(trusted.status, 0, trusted.stderr)
        XCTAssertEqual(service.requests.count, 2)
        XCTAssertEqual(posthog.requests.count, 2)
        let untrusted = try run(["event", "InstallationStart"], environment(service: service.baseURL, [
            "SSL_CERT_FILE": certificates.otherCACertificate.path,
        ]))
        XCTAssertEqual(untrusted.status, 1, untrusted.stderr)
        XCTAssertEqual(service.requests.count, 2, "nothing asked over an unverified connection")
        XCTAssertEqual(posthog.requests.count, 2)
        XCTAssertTrue(untrusted.stderr.lowercased().contains("certificate"), untrusted.stderr)
    }

    func testAirGapIsAnOptOut() throws {
        let service = try HTTPStandIn()
        for arguments in [["run"], ["event", "InstallationStart"]] {
            let outcome = try run(arguments, environment(service: service.baseURL, ["IS_AIR_GAP_ENVIRONMENT": "true"]))
            XCTAssertEqual(outcome.status, 0, outcome.stderr)
            XCTAssertEqual(outcome.stderrLines.count, 1, outcome.stderr)
            XCTAssertTrue(outcome.stderr.contains("telemetry disabled") && outcome.stderr.contains("IS_AIR_GAP_ENVIRONMENT"), outcome.stderr)
        }
        XCTAssertEqual(service.requests.count, 0)
        let bad = try run(["run", "--dry-run"], ["UCID": "u", "IS_AIR_GAP_ENVIRONMENT": "sometimes"])
        XCTAssertEqual(bad.status, 2, bad.stderr)
        XCTAssertTrue(bad.stderr.contains("IS_AIR_GAP_ENVIRONMENT"), bad.stderr)
    }

    func testGeoIPVariable() throws {
        for arguments in [["run", "--dry-run", "--only", "heartbeat"], ["event", "UpgradeSuccess", "--dry-run"]] {
            let off = try run(arguments, ["UCID": "u", "TELEMETRY_GEOIP": "false"])
            XCTAssertEqual(off.status, 0, off.stderr)
            let offEvents = events(try document(off))
            XCTAssertEqual(offEvents.count, 1)
            XCTAssertEqual((offEvents.first?["properties"] as? [String: Any])?["$geoip_disable"] as? Bool, true, "\(arguments)")
            for on in [["TELEMETRY_GEOIP": "true"], [:]] {
                let outcome = try run(arguments, ["UCID": "u"].merging(on) { $1 })
                XCTAssertEqual(outcome.status, 0, outcome.stderr)
                XCTAssertFalse(outcome.stdout.contains("geoip"), "\(arguments) \(on)")
            }
            let bad = try run(arguments, ["UCID": "u", "TELEMETRY_GEOIP": "country"])
            XCTAssertEqual(bad.status, 2, bad.stderr)
            XCTAssertEqual(bad.stderrLines.count, 1, bad.stderr)
            XCTAssertTrue(bad.stderr.contains("TELEMETRY_GEOIP"), bad.stderr)
            XCTAssertEqual(bad.stdout, "")
        }
    }

    func testNeverFailLogsEveryFailureAndExitsZero() throws {
        let closed = "http://127.0.0.1:\(Ports.closedLoopbackPort())"
        // Delivery to a refused port.
        let delivery = try run(["event", "InstallationStart", "--never-fail", "--timeout", "2"],
                               ["UCID": "u", "SERVER_VERSION": "v1", "POSTHOG_API_KEY": "phc_nf", "POSTHOG_HOST": closed], limit: 30)
        XCTAssertEqual(delivery.status, 0, delivery.stderr)
        XCTAssertTrue(delivery.stderr.contains("outcome=failed"), delivery.stderr)
        XCTAssertTrue(delivery.stderr.contains("--never-fail"), delivery.stderr)
        let without = try run(["event", "InstallationStart", "--timeout", "2"],
                              ["UCID": "u", "SERVER_VERSION": "v1", "POSTHOG_API_KEY": "phc_nf", "POSTHOG_HOST": closed], limit: 30)
        XCTAssertEqual(without.status, 1, "the same failure without --never-fail: \(without.stderr)")

        // Devtron's telemetry service refused.
        let service = try run(["event", "UpgradeStart", "--never-fail"], environment(service: closed))
        XCTAssertEqual(service.status, 0, service.stderr)
        XCTAssertTrue(service.stderr.contains("telemetry service could not be read"), service.stderr)

        // Usage errors of the event's own configuration: an unknown name, a missing UCID, a bad value.
        let usage: [([String], [String: String], String)] = [
            (["event", "Launched", "--never-fail", "--dry-run"], ["UCID": "u"], "Launched"),
            (["event", "InstallationStart", "--never-fail", "--dry-run"], [:], "UCID"),
            (["event", "InstallationStart", "--dry-run", "--never-fail", "--timeout", "soon"], ["UCID": "u"], "timeout"),
            (["event", "InstallationStart", "--never-fail", "--dry-run"], ["UCID": "u", "TELEMETRY_GEOIP": "maybe"], "TELEMETRY_GEOIP"),
        ]
        for (arguments, environment, mention) in usage {
            let outcome = try run(arguments, environment)
            XCTAssertEqual(outcome.status, 0, "\(arguments): \(outcome.stderr)")
            XCTAssertEqual(outcome.stderrLines.count, 1, "\(arguments): \(outcome.stderr)")
            XCTAssertTrue(outcome.stderr.contains(mention) && outcome.stderr.contains("--never-fail"), "\(arguments): \(outcome.stderr)")
        }

        // Only `event` has it.
        let onRun = try run(["run", "--never-fail", "--dry-run"], ["UCID": "u"])
        XCTAssertEqual(onRun.status, 2, onRun.stderr)
    }
}
