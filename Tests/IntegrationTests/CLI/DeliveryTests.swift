import Foundation
import TestSupport
import XCTest

/// Delivery end to end: the real executable posting to a real HTTP server on loopback.
final class DeliveryTests: CLITestCase {
    private func sendEnvironment(_ server: HTTPStandIn, _ extra: [String: String] = [:]) -> [String: String] {
        ["UCID": "ucid-delivery", "SERVER_VERSION": "v1.29.3", "POSTHOG_API_KEY": "phc_test_key",
         "POSTHOG_HOST": server.baseURL].merging(extra) { $1 }
    }

    func testTheRequestIsOneGzipBatchWithBothEvents() throws {
        let database = try TestDatabase("deliver", rows: "tricky-rows.sql")
        let server = try HTTPStandIn()
        let outcome = try run(["run", "--database-url", database.url], sendEnvironment(server))
        XCTAssertEqual(outcome.status, 0, outcome.stderr)
        XCTAssertEqual(server.requests.count, 1)
        let request = try XCTUnwrap(server.requests.first)
        XCTAssertEqual(request.method, "POST")
        XCTAssertEqual(request.uri, "/batch/")
        XCTAssertEqual(request.header("Content-Type"), "application/json")
        XCTAssertEqual(request.header("Content-Encoding"), "gzip")
        XCTAssertEqual(request.header("User-Agent"), "devtron-telemetry/0.2.0")
        XCTAssertEqual(Array(request.body.prefix(2)), [0x1f, 0x8b], "gzip magic")
        let body = try request.json()
        XCTAssertEqual(body["api_key"] as? String, "phc_test_key")
        XCTAssertNil(body["sent_at"], "no sent_at: PostHog would shift the stored timestamps by it")
        XCTAssertEqual(events(body).map { $0["event"] as? String }, ["Summary", "Heartbeat"])
        XCTAssertEqual(summary(body), Self.trickyExpected)
        for event in events(body) {
            XCTAssertEqual(event["distinct_id"] as? String, "ucid-delivery")
            XCTAssertEqual(event["type"] as? String, "capture")
            XCTAssertNotNil(UUID(uuidString: event["uuid"] as? String ?? ""))
        }
        XCTAssertTrue(outcome.stderr.contains("msg=\"delivery attempt\" attempt=1") && outcome.stderr.contains("status=200"), outcome.stderr)
        XCTAssertTrue(outcome.stderr.contains("outcome=delivered"), outcome.stderr)
        XCTAssertEqual(outcome.stdout, "")
        assertNothingLeaks(outcome, ["LEAKCHECK", "phc_test_key"])
        // Nothing read from the database but the counts went over the wire either.
        XCTAssertFalse(String(decoding: try request.decodedBody(), as: UTF8.self).contains("LEAKCHECK"))
    }

    func testServerErrorsAreRetriedWithTheSameBody() throws {
        let database = try TestDatabase("retry", rows: "tricky-rows.sql")
        let server = try HTTPStandIn(replies: [.status(503)])
        let outcome = try run(["run", "--database-url", database.url], sendEnvironment(server))
        XCTAssertEqual(outcome.status, 0, outcome.stderr)
        let requests = server.requests
        XCTAssertEqual(requests.count, 2, "503, then 200")
        XCTAssertGreaterThan(requests[0].body.count, 20)
        XCTAssertEqual(requests[0].body, requests[1].body, "every attempt resends the very same bytes")
        XCTAssertEqual(try requests[0].decodedBody(), try requests[1].decodedBody())
        for request in requests {
            let body = try request.json()
            XCTAssertNil(body["sent_at"])
            XCTAssertEqual(events(body).map { $0["event"] as? String }, ["Summary", "Heartbeat"])
        }
    }

    func testRetryAfterIsHonoured() throws {
        let server = try HTTPStandIn(replies: [.status(429, headers: [("Retry-After", "2")])])
        let outcome = try run(["run", "--only", "heartbeat"], sendEnvironment(server))
        XCTAssertEqual(outcome.status, 0, outcome.stderr)
        let requests = server.requests
        XCTAssertEqual(requests.count, 2)
        XCTAssertGreaterThanOrEqual(requests[1].receivedAt.timeIntervalSince(requests[0].receivedAt), 2.0)
    }

    func testANonRetryableAnswerStopsAtOnceNamingStatusAndMessage() throws {
        let server = try HTTPStandIn(replies: [.status(401, body: #"{"type":"authentication_error","detail":"Project API key invalid."}"#)])
        let outcome = try run(["run", "--only", "heartbeat"], sendEnvironment(server))
        XCTAssertEqual(outcome.status, 1, outcome.stderr)
        XCTAssertEqual(server.requests.count, 1)
        let failure = try XCTUnwrap(outcome.stderrLines.last { $0.contains("outcome=failed") })
        XCTAssertTrue(failure.contains("401") && failure.contains("Project API key invalid."), failure)
        XCTAssertFalse(outcome.stderr.contains("phc_test_key"))
    }

    func testExhaustedRetriesNameTheLastCause() throws {
        let server = try HTTPStandIn(fallback: .status(502, body: "bad gateway upstream"))
        let outcome = try run(["run", "--only", "heartbeat", "--max-attempts", "2"], sendEnvironment(server))
        XCTAssertEqual(outcome.status, 1)
        XCTAssertEqual(server.requests.count, 2)
        XCTAssertTrue(outcome.stderr.contains("after 2 attempt(s)") && outcome.stderr.contains("502"), outcome.stderr)
    }

    func testAServerThatNeverAnswersEndsWithinTheDeadline() throws {
        let server = try HTTPStandIn(fallback: .hang)
        let outcome = try run(["run", "--only", "heartbeat", "--timeout", "3"], sendEnvironment(server), limit: 30)
        XCTAssertEqual(outcome.status, 1, outcome.stderr)
        XCTAssertLessThan(outcome.seconds, 6)
        XCTAssertGreaterThanOrEqual(outcome.seconds, 2.5)
        XCTAssertGreaterThanOrEqual(server.requests.count, 1)
    }

    func testARefusedConnectionEndsWithinTheDeadline() throws {
        let port = Ports.closedLoopbackPort()
        let outcome = try run(["run", "--only", "heartbeat", "--timeout", "3"], [
            "UCID": "u", "SERVER_VERSION": "v1", "POSTHOG_API_KEY": "k", "POSTHOG_HOST": "http://127.0.0.1:\(port)",
        ], limit: 30)
        XCTAssertEqual(outcome.status, 1, outcome.stderr)
        XCTAssertLessThan(outcome.seconds, 6)
        XCTAssertTrue(outcome.stderr.contains("attempt=2"), "refused connections are retried:\n\(outcome.stderr)")
    }

    func testAnUnreachableDatabaseStillDeliversTheHeartbeat() throws {
        let server = try HTTPStandIn()
        let outcome = try run(["run"], sendEnvironment(server, ["DATABASE_URL": "postgresql://postgres@127.0.0.1:\(Ports.closedLoopbackPort())/x"]))
        XCTAssertEqual(outcome.status, 1, outcome.stderr)
        XCTAssertEqual(server.requests.count, 1)
        XCTAssertEqual(events(try server.requests[0].json()).map { $0["event"] as? String }, ["Heartbeat"])
    }

    func testRunsOnTheSameDayShareTheSummaryUUIDAndUCIDsDoNot() throws {
        let database = try TestDatabase("dedupe", rows: "tricky-rows.sql")
        let server = try HTTPStandIn()
        for ucid in ["install-a", "install-a", "install-b"] {
            let outcome = try run(["run", "--database-url", database.url], sendEnvironment(server, ["UCID": ucid]))
            XCTAssertEqual(outcome.status, 0, outcome.stderr)
        }
        let summaries = try server.requests.map { request in
            try XCTUnwrap(events(try request.json()).first { $0["event"] as? String == "Summary" })
        }
        let uuids = summaries.map { $0["uuid"] as? String }
        XCTAssertEqual(uuids.count, 3)
        // (The first two could straddle midnight UTC only if this test ran across it.)
        XCTAssertEqual(uuids[0], uuids[1])
        XCTAssertNotEqual(uuids[0], uuids[2])
        // The same identity for PostHog: uuid, event, distinct_id and the stored (envelope) timestamp.
        XCTAssertEqual(summaries[0]["timestamp"] as? String, summaries[1]["timestamp"] as? String)
        XCTAssertEqual(summaries[0]["distinct_id"] as? String, summaries[1]["distinct_id"] as? String)
    }

    func testOptOutSendsNothingAndReadsNothing() throws {
        let server = try HTTPStandIn()
        for optOut in [["TELEMETRY_DISABLED": "true"], ["TELEMETRY_DISABLED": "1"], ["DO_NOT_TRACK": "1"], ["IS_AIR_GAP_ENVIRONMENT": "true"]] {
            // The database URL points at nothing: touching it would fail the run.
            let environment = sendEnvironment(server, optOut.merging(["DATABASE_URL": "postgresql://x@127.0.0.1:\(Ports.closedLoopbackPort())/x"]) { $1 })
            for arguments in [["run"], ["event", "InstallationStart"]] {
                let outcome = try run(arguments, environment)
                XCTAssertEqual(outcome.status, 0, "\(optOut) \(arguments): \(outcome.stderr)")
                XCTAssertEqual(outcome.stderrLines.count, 1, outcome.stderr)
                XCTAssertTrue(outcome.stderr.contains("telemetry disabled"), outcome.stderr)
                XCTAssertEqual(outcome.stdout, "")
            }
        }
        XCTAssertEqual(server.requests.count, 0)
    }

    func testADryRunNeverTouchesTheNetwork() throws {
        let server = try HTTPStandIn()
        for arguments in [["run", "--dry-run", "--only", "heartbeat"], ["event", "UpgradeStart", "--dry-run"]] {
            let outcome = try run(arguments, sendEnvironment(server))
            XCTAssertEqual(outcome.status, 0, outcome.stderr)
            XCTAssertEqual(events(try document(outcome)).count, 1)
            XCTAssertFalse(outcome.stdout.contains("phc_test_key"))
        }
        XCTAssertEqual(server.requests.count, 0)
    }

    func testLifecycleEvents() throws {
        let dry = try run(["event", "InstallationStart", "--dry-run", "--message", "helm install began"], ["UCID": "u-ev"])
        XCTAssertEqual(dry.status, 0, dry.stderr)
        let printed = events(try document(dry))
        XCTAssertEqual(printed.count, 1)
        XCTAssertEqual(printed.first?["event"] as? String, "InstallationStart")
        let properties = printed.first?["properties"] as? [String: Any]
        XCTAssertEqual(properties?["eventMessage"] as? String, "helm install began")
        XCTAssertEqual(properties?["eventType"] as? String, "InstallationStart")
        XCTAssertNil(properties?["summary"])

        let server = try HTTPStandIn()
        for name in ["UpgradeSuccess", "$identify"] {
            let sent = try run(["event", name], sendEnvironment(server))
            XCTAssertEqual(sent.status, 0, sent.stderr)
        }
        XCTAssertEqual(try server.requests.map { events(try $0.json()).first?["event"] as? String }, ["UpgradeSuccess", "$identify"])
        let uuids = try server.requests.map { events(try $0.json()).first?["uuid"] as? String }
        XCTAssertNotEqual(uuids[0], uuids[1])
    }

    func testHTTPSDeliveryVerifiesTheServerCertificate() throws {
        let certificates = try TestCertificates()
        defer { certificates.remove() }
        let server = try HTTPStandIn(tls: certificates.serverContext())
        XCTAssertTrue(server.baseURL.hasPrefix("https://"))
        let trusted = try run(["run", "--only", "heartbeat"], sendEnvironment(server, ["SSL_CERT_FILE": certificates.caCertificate.path]))
        XCTAssertEqual(trusted.status, 0, trusted.stderr)
        XCTAssertEqual(server.requests.count, 1)
        XCTAssertEqual(server.requests.first?.header("Content-Encoding"), "gzip")
        let directory = try run(["run", "--only", "heartbeat"], sendEnvironment(server, ["SSL_CERT_DIR": try certificates.caDirectory().path]))
        XCTAssertEqual(directory.status, 0, directory.stderr)
        XCTAssertEqual(server.requests.count, 2)

        // Signed by a CA the job was not told to trust: no request is sent, the run fails.
        let untrusted = try run(["run", "--only", "heartbeat", "--max-attempts", "1"],
                                sendEnvironment(server, ["SSL_CERT_FILE": certificates.otherCACertificate.path]))
        XCTAssertEqual(untrusted.status, 1, untrusted.stderr)
        XCTAssertEqual(server.requests.count, 2, "nothing sent over an unverified connection")
        let failure = try XCTUnwrap(untrusted.stderrLines.last { $0.contains("outcome=failed") })
        XCTAssertTrue(failure.lowercased().contains("certificate"), failure)
    }

    func testHTTPSProxyIsUsedAndNoProxyBypassesIt() throws {
        // The proxy is asked to open a tunnel to PostHog; this one refuses, as a proxy without a
        // route would, so the job fails; what matters is that the tunnel was asked of the proxy.
        let proxy = try HTTPStandIn(fallback: .status(502, body: "no route"))
        let viaProxy = try run(["run", "--only", "heartbeat", "--max-attempts", "1", "--timeout", "5"], [
            "UCID": "u", "SERVER_VERSION": "v1", "POSTHOG_API_KEY": "k",
            "POSTHOG_HOST": "https://posthog.invalid", "HTTPS_PROXY": proxy.baseURL,
        ], limit: 30)
        XCTAssertEqual(viaProxy.status, 1, viaProxy.stderr)
        XCTAssertEqual(proxy.requests.map(\.method), ["CONNECT"])
        XCTAssertEqual(proxy.requests.first?.uri, "posthog.invalid:443")

        let target = try HTTPStandIn()
        let direct = try run(["run", "--only", "heartbeat"], sendEnvironment(target, [
            "HTTP_PROXY": proxy.baseURL, "NO_PROXY": "localhost,127.0.0.1",
        ]))
        XCTAssertEqual(direct.status, 0, direct.stderr)
        XCTAssertEqual(target.requests.count, 1)
        XCTAssertEqual(proxy.requests.count, 1, "NO_PROXY kept the second run off the proxy")
    }
}
