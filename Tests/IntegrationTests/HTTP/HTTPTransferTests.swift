import Foundation
import Durations
@testable import HTTP
import TestSupport
import XCTest

/// libcurl through `HTTPTransfer`, against a real HTTP server on loopback.
final class HTTPTransferTests: XCTestCase {
    func testStatusReasonHeadersAndBodyComeBack() throws {
        let server = try HTTPStandIn(fallback: .status(429, body: "slow down", headers: [("Retry-After", "7")]))
        let response = try HTTPTransfer.perform(HTTPRequest(
            method: .post, url: server.baseURL + "/batch/", headers: [("X-Probe", "1")], body: Array("hello".utf8),
            timeout: .seconds(5)
        ))
        XCTAssertEqual(response.status, 429)
        XCTAssertEqual(response.reason, "Too Many Requests")
        XCTAssertEqual(response.header("retry-after"), "7")
        XCTAssertEqual(String(decoding: response.body, as: UTF8.self), "slow down")
        let request = try XCTUnwrap(server.requests.first)
        XCTAssertEqual(request.method, "POST")
        XCTAssertEqual(request.uri, "/batch/")
        XCTAssertEqual(request.header("X-Probe"), "1")
        XCTAssertNil(request.header("Expect"), "no 100-continue round trip")
        XCTAssertEqual(request.body, Array("hello".utf8))
    }

    func testTheResponseBodyIsCappedAtTheLimit() throws {
        let server = try HTTPStandIn(fallback: .status(200, body: String(repeating: "x", count: 100_000)))
        let response = try HTTPTransfer.perform(HTTPRequest(method: .get, url: server.baseURL + "/", timeout: .seconds(5), responseLimit: 1000))
        XCTAssertEqual(response.status, 200)
        XCTAssertEqual(response.body.count, 1000)
    }

    func testASilentServerTimesOutWithinTheLimit() throws {
        let server = try HTTPStandIn(fallback: .hang)
        let started = ContinuousClock.now
        XCTAssertThrowsError(try HTTPTransfer.perform(HTTPRequest(method: .get, url: server.baseURL + "/", timeout: .milliseconds(800)))) { error in
            XCTAssertEqual((error as? HTTPTransferError)?.kind, .timedOut, "\(error)")
        }
        XCTAssertLessThan(ContinuousClock.now - started, .seconds(5))
        XCTAssertEqual(server.requests.count, 1)
    }

    func testARefusedConnectionIsReportedAsSuch() throws {
        let url = "http://127.0.0.1:\(Ports.closedLoopbackPort())/"
        XCTAssertThrowsError(try HTTPTransfer.perform(HTTPRequest(method: .get, url: url, timeout: .seconds(5)))) { error in
            XCTAssertEqual((error as? HTTPTransferError)?.kind, .couldNotConnect, "\(error)")
            XCTAssertFalse("\(error)".contains("\n"))
        }
    }

    func testAPlainHTTPRequestGoesThroughTheGivenProxyOnly() throws {
        let proxy = try HTTPStandIn()
        let response = try HTTPTransfer.perform(HTTPRequest(
            method: .get, url: "http://posthog.invalid/batch/", timeout: .seconds(5),
            proxy: HTTPProxy(host: "127.0.0.1", port: proxy.port, username: "user", password: "p@ss")
        ))
        XCTAssertEqual(response.status, 200)
        let request = try XCTUnwrap(proxy.requests.first)
        XCTAssertEqual(request.uri, "http://posthog.invalid/batch/")
        XCTAssertEqual(request.header("Proxy-Authorization"), "Basic " + Data("user:p@ss".utf8).base64EncodedString())
    }

    func testProxyVariablesOfTheProcessAreNotReadByLibcurl() throws {
        // A proxy variable pointing at nothing: were libcurl to read it, the request would fail.
        setenv("http_proxy", "http://127.0.0.1:\(Ports.closedLoopbackPort())", 1)
        defer { unsetenv("http_proxy") }
        let server = try HTTPStandIn()
        let response = try HTTPTransfer.perform(HTTPRequest(method: .get, url: server.baseURL + "/", timeout: .seconds(5)))
        XCTAssertEqual(response.status, 200)
        XCTAssertEqual(server.requests.count, 1)
    }

    func testMillisecondsRoundDownButNeverToZero() {
        XCTAssertEqual(Duration.seconds(3).positiveWholeMilliseconds, 3000)
        XCTAssertEqual(Duration.milliseconds(1500).positiveWholeMilliseconds, 1500)
        XCTAssertEqual(Duration.nanoseconds(10).positiveWholeMilliseconds, 1)
        XCTAssertEqual(Duration.seconds(Int64.max).positiveWholeMilliseconds, Int.max)
    }
}

/// Where the system's CAs are read from: a hashed directory only when it really is one.
final class TrustTests: XCTestCase {
    func testHashLinkNames() {
        for name in ["5ad8a5d6.0", "002c0b4f.12"] { XCTAssertTrue(Trust.isHashLinkName(name), name) }
        for name in ["5ad8a5d6", "5AD8A5D6.0", "5ad8a5d.0", "5ad8a5d6.x", "ca-certificates.crt", "5ad8a5d6.0.pem", ".", ".."] {
            XCTAssertFalse(Trust.isHashLinkName(name), name)
        }
    }

    func testADirectoryCountsOnlyWithAHashLink() throws {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("trust-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: directory) }
        try Data("x".utf8).write(to: directory.appendingPathComponent("ca-certificates.crt"))
        XCTAssertNil(Trust.hashedDirectory(directory.path), "a bundle alone is not a hashed directory")
        try FileManager.default.createSymbolicLink(
            at: directory.appendingPathComponent("5ad8a5d6.0"), withDestinationURL: directory.appendingPathComponent("ca-certificates.crt")
        )
        XCTAssertEqual(Trust.hashedDirectory(directory.path), directory.path)
        XCTAssertNil(Trust.hashedDirectory(directory.path + "/missing"))
    }
}
