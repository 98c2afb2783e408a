import Foundation
import TestSupport
import XCTest

/// `serverVersion` discovery against a local HTTPS server with a test CA, as in a pod.
final class ServerVersionTests: CLITestCase {
    private var certificates: TestCertificates!
    private var serviceAccount: URL!

    override func setUpWithError() throws {
        certificates = try TestCertificates()
        serviceAccount = certificates.directory.appendingPathComponent("serviceaccount")
        try FileManager.default.createDirectory(at: serviceAccount, withIntermediateDirectories: true)
        try "test-token-LEAKCHECK\n".write(to: serviceAccount.appendingPathComponent("token"), atomically: true, encoding: .utf8)
    }

    override func tearDown() {
        certificates.remove()
    }

    private func useCA(_ ca: URL) throws {
        let target = serviceAccount.appendingPathComponent("ca.crt")
        try? FileManager.default.removeItem(at: target)
        try FileManager.default.copyItem(at: ca, to: target)
    }

    private func dryRun(_ server: HTTPStandIn) throws -> (CommandRunner.Outcome, String?) {
        let outcome = try run(["run", "--dry-run", "--only", "heartbeat"], [
            "UCID": "u", "KUBERNETES_SERVICE_HOST": "127.0.0.1", "KUBERNETES_SERVICE_PORT": String(server.port),
            "KUBERNETES_SERVICE_ACCOUNT_DIR": serviceAccount.path,
        ])
        let version = (events(try document(outcome)).first?["properties"] as? [String: Any])?["serverVersion"] as? String
        return (outcome, version)
    }

    func testTheVersionIsReadFromTheAPIServer() throws {
        try useCA(certificates.caCertificate)
        let server = try HTTPStandIn(fallback: .status(200, body: #"{"major":"1","minor":"30","gitVersion":"v1.30.2","platform":"linux/amd64"}"#),
                                     tls: certificates.serverContext())
        let (outcome, version) = try dryRun(server)
        XCTAssertEqual(outcome.status, 0, outcome.stderr)
        XCTAssertEqual(version, "v1.30.2")
        XCTAssertEqual(server.requests.first?.uri, "/version")
        XCTAssertEqual(server.requests.first?.header("Authorization"), "Bearer test-token-LEAKCHECK")
        XCTAssertFalse(outcome.stderr.contains("test-token"))
    }

    func testATokenThatWouldSplitTheHeaderIsNotSent() throws {
        try useCA(certificates.caCertificate)
        try "test-token\r\nX-Injected: LEAKCHECK\n".write(to: serviceAccount.appendingPathComponent("token"), atomically: true, encoding: .utf8)
        let server = try HTTPStandIn(fallback: .status(200, body: #"{"gitVersion":"v1.30.2"}"#), tls: certificates.serverContext())
        let (outcome, version) = try dryRun(server)
        XCTAssertEqual(outcome.status, 0, outcome.stderr)
        XCTAssertEqual(version, "unknown")
        XCTAssertEqual(server.requests.count, 0)
        XCTAssertTrue(outcome.stderr.contains("control characters"), outcome.stderr)
    }

    func testAnUntrustedCertificateGivesUnknownAndTheJobStillSucceeds() throws {
        try useCA(certificates.otherCACertificate)
        let server = try HTTPStandIn(fallback: .status(200, body: #"{"gitVersion":"v1.30.2"}"#), tls: certificates.serverContext())
        let (outcome, version) = try dryRun(server)
        XCTAssertEqual(outcome.status, 0, outcome.stderr)
        XCTAssertEqual(version, "unknown")
        XCTAssertTrue(outcome.stderr.contains("level=warning msg=\"server version unknown\""), outcome.stderr)
        XCTAssertTrue(server.requests.isEmpty, "no request over an unverified connection")
    }

    func testARejectedTokenGivesUnknownAndTheJobStillSucceeds() throws {
        try useCA(certificates.caCertificate)
        let server = try HTTPStandIn(fallback: .status(401, body: #"{"kind":"Status","message":"Unauthorized"}"#), tls: certificates.serverContext())
        let (outcome, version) = try dryRun(server)
        XCTAssertEqual(outcome.status, 0, outcome.stderr)
        XCTAssertEqual(version, "unknown")
        XCTAssertTrue(outcome.stderr.contains("401"), outcome.stderr)
    }

    func testAnExplicitVersionWinsWithoutAsking() throws {
        try useCA(certificates.caCertificate)
        let server = try HTTPStandIn(fallback: .status(200, body: #"{"gitVersion":"v1.30.2"}"#), tls: certificates.serverContext())
        let outcome = try run(["run", "--dry-run", "--only", "heartbeat", "--server-version", "v9.9.9"], [
            "UCID": "u", "KUBERNETES_SERVICE_HOST": "127.0.0.1", "KUBERNETES_SERVICE_PORT": String(server.port),
            "KUBERNETES_SERVICE_ACCOUNT_DIR": serviceAccount.path,
        ])
        XCTAssertEqual(outcome.status, 0)
        XCTAssertTrue(outcome.stdout.contains("\"v9.9.9\""))
        XCTAssertTrue(server.requests.isEmpty)
    }
}
