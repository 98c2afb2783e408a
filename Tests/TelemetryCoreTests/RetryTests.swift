import Durations
import Foundation
import HTTP
import TelemetryCore
import XCTest

final class RetryTests: XCTestCase {
    func testRetryableStatuses() {
        for status in [408, 429, 500, 502, 503, 504, 599] { XCTAssertTrue(RetryPolicy.isRetryable(status: status), "\(status)") }
        for status in [200, 201, 301, 400, 401, 403, 404, 413, 422, 600] { XCTAssertFalse(RetryPolicy.isRetryable(status: status), "\(status)") }
    }

    func testBackoffStartsAtHalfASecondDoublesAndIsCapped() {
        let policy = RetryPolicy()
        XCTAssertEqual((1...8).map { policy.backoffCeiling(afterAttempt: $0) },
                       [.milliseconds(500), .seconds(1), .seconds(2), .seconds(4), .seconds(8), .seconds(16), .seconds(30), .seconds(30)])
    }

    func testJitterStaysBetweenHalfAndAllOfTheCeiling() {
        let policy = RetryPolicy()
        XCTAssertEqual(policy.delay(afterAttempt: 3, retryAfter: nil, unit: 0), .seconds(1))
        XCTAssertEqual(policy.delay(afterAttempt: 3, retryAfter: nil, unit: 0.5), .milliseconds(1500))
        XCTAssertEqual(policy.delay(afterAttempt: 3, retryAfter: nil, unit: 0.999_999), .seconds(2), accuracy: .milliseconds(1))
        XCTAssertEqual(policy.delay(afterAttempt: 10, retryAfter: nil, unit: 1), .seconds(30))
    }

    func testRetryAfterIsAFloorButCappedAtThirtySeconds() {
        let policy = RetryPolicy()
        XCTAssertEqual(policy.delay(afterAttempt: 1, retryAfter: .seconds(2), unit: 0), .seconds(2))
        XCTAssertEqual(policy.delay(afterAttempt: 1, retryAfter: .seconds(3600), unit: 0), .seconds(30))
        XCTAssertEqual(policy.delay(afterAttempt: 6, retryAfter: .seconds(1), unit: 1), .seconds(16), "backoff longer than Retry-After wins")
    }

    func testRetryAfterHeaderParsing() {
        let now = Date(timeIntervalSince1970: 784_111_777)  // Sun, 06 Nov 1994 08:49:37 GMT
        XCTAssertEqual(RetryAfter.parse("2", now: now), .seconds(2))
        XCTAssertEqual(RetryAfter.parse(" 120 ", now: now), .seconds(120))
        XCTAssertEqual(RetryAfter.parse("Sun, 06 Nov 1994 08:49:47 GMT", now: now), .seconds(10))
        XCTAssertEqual(RetryAfter.parse("Sunday, 06-Nov-94 08:49:40 GMT", now: now), .seconds(3))
        XCTAssertEqual(RetryAfter.parse("Sun Nov  6 08:49:42 1994", now: now), .seconds(5))
        XCTAssertEqual(RetryAfter.parse("Sun, 06 Nov 1994 08:00:00 GMT", now: now), .zero, "a past date means no wait")
        XCTAssertNil(RetryAfter.parse(nil, now: now))
        XCTAssertNil(RetryAfter.parse("soon", now: now))
        XCTAssertNil(RetryAfter.parse("-5", now: now))
        XCTAssertNil(RetryAfter.parse("Sun, 32 Nov 1994 08:49:47 GMT", now: now))
    }
}

private func XCTAssertEqual(_ a: Duration, _ b: Duration, accuracy: Duration, file: StaticString = #filePath, line: UInt = #line) {
    XCTAssertLessThanOrEqual(abs((a - b).components.attoseconds) + abs((a - b).components.seconds) * 1_000_000_000_000_000_000,
                             accuracy.components.seconds * 1_000_000_000_000_000_000 + accuracy.components.attoseconds, file: file, line: line)
}

/// Outside numbers never trap: absurd Retry-After values, and the shared duration conversions.
final class RetryAfterBoundsTests: XCTestCase {
    let now = Date(timeIntervalSince1970: 784_111_777)  // Sun, 06 Nov 1994 08:49:37 GMT

    func testAbsurdDatesAndNumbersNeitherTrapNorWaitForEver() {
        // Years beyond four digits are not HTTP dates; before, each of these trapped (SIGILL).
        for header in [
            "Sun, 06 Nov 99999999999 08:49:37 GMT", "Sun, 06 Nov 2000000000 08:49:37 GMT",
            "Sunday, 06-Nov-99999999999 08:49:37 GMT", "Sunday, 06-Nov-9223372036854775807 08:49:37 GMT",
            "Sun Nov  6 08:49:37 99999999999", "Sun Nov  6 08:49:37 2000000000",
            "Sun, 06 Nov -1994 08:49:37 GMT", "Sun, 99999999999999999999 Nov 1994 08:49:37 GMT",
            "Sun, 06 Nov 1994 99999999999:49:37 GMT", "Sun, 06 Nov 1994 +8:49:37 GMT",
        ] {
            XCTAssertNil(RetryAfter.parse(header, now: now), header)
        }
        // The latest readable date and the largest numbers give a finite wait, capped later by the policy.
        XCTAssertEqual(RetryAfter.parse("Fri, 31 Dec 9999 23:59:59 GMT", now: now)?.components.seconds, 253_402_300_799 - 784_111_777)
        XCTAssertEqual(RetryAfter.parse("99999999999999999999999999999", now: now), Duration.clampingLimit)
        XCTAssertEqual(RetryAfter.parse(String(repeating: "9", count: 400), now: now), Duration.clampingLimit)
        let policy = RetryPolicy()
        XCTAssertEqual(policy.delay(afterAttempt: 1, retryAfter: RetryAfter.parse(String(repeating: "9", count: 400), now: now), unit: 0), .seconds(30))
    }

    func testOneMillisecondConversionRoundsUpAndSaturates() {
        XCTAssertEqual(Duration.milliseconds(250).wholeMilliseconds, 250)
        XCTAssertEqual(Duration.nanoseconds(1).wholeMilliseconds, 1, "a positive limit never becomes 0 (no limit)")
        XCTAssertEqual(Duration.microseconds(1500).wholeMilliseconds, 2)
        XCTAssertEqual(Duration.zero.wholeMilliseconds, 0)
        XCTAssertEqual(Duration.seconds(Int64.max).wholeMilliseconds, Int64.max)
        XCTAssertEqual(Duration.seconds(Int64.min).wholeMilliseconds, Int64.min)
        XCTAssertEqual(Duration(clampingSeconds: 0.25), .milliseconds(250))
        XCTAssertEqual(Duration(clampingSeconds: 0.0001), .milliseconds(1))
        for nothing in [0, -1, -Double.infinity, Double.nan] { XCTAssertEqual(Duration(clampingSeconds: nothing), .zero, "\(nothing)") }
        for huge in [1e13, 1e300, Double.infinity, Double.greatestFiniteMagnitude] {
            XCTAssertEqual(Duration(clampingSeconds: huge), Duration.clampingLimit, "\(huge)")
        }
    }
}

/// The delivery loop's pieces on their own: what a response means, and whether a wait fits.
final class DeliveryPiecesTests: XCTestCase {
    let now = Date(timeIntervalSince1970: 784_111_777)  // Sun, 06 Nov 1994 08:49:37 GMT

    func testClassifyingResponses() {
        XCTAssertEqual(PostHogClient.classify(HTTPResponse(status: 200), now: now), .delivered)
        XCTAssertEqual(PostHogClient.classify(HTTPResponse(status: 204), now: now), .delivered)
        XCTAssertEqual(PostHogClient.classify(HTTPResponse(status: 401, reason: "Unauthorized", body: Array(#"{"detail":"bad key"}"#.utf8)), now: now),
                       .rejected(cause: "HTTP 401 Unauthorized: bad key"))
        XCTAssertEqual(PostHogClient.classify(HTTPResponse(status: 503, headers: [("retry-after", "7")]), now: now),
                       .retryable(cause: "HTTP 503", retryAfter: .seconds(7)))
        XCTAssertEqual(PostHogClient.classify(HTTPResponse(status: 429, headers: [("Retry-After", "Sun, 06 Nov 1994 08:49:40 GMT")]), now: now),
                       .retryable(cause: "HTTP 429", retryAfter: .seconds(3)))
        XCTAssertEqual(PostHogClient.classify(HTTPResponse(status: 429, headers: [("Retry-After", "Sun, 06 Nov 99999999999 08:49:37 GMT")]), now: now),
                       .retryable(cause: "HTTP 429", retryAfter: nil))
        XCTAssertEqual(PostHogClient.classify(HTTPResponse(status: 302), now: now), .rejected(cause: "HTTP 302"))
    }

    func testTheServersMessageIsCutTo200Characters() {
        let long = String(repeating: "x", count: 300)
        let outcome = PostHogClient.classify(HTTPResponse(status: 400, body: Array("{\"detail\":\"\(long)\"}".utf8)), now: now)
        XCTAssertEqual(outcome, .rejected(cause: "HTTP 400: " + String(repeating: "x", count: 200) + "…"))
    }

    func testEachAttemptIsLimitedToThirtySeconds() throws {
        let settings = try DeliverySettings.resolve(host: nil, apiKey: "k", maxAttempts: nil, timeout: nil, environment: Environment([:]))
        let request = try PostHogClient(settings: settings).makeRequest(PostHogBatch(apiKey: "k", events: []))
        XCTAssertEqual(request.timeout, .seconds(30))
        XCTAssertEqual(request.url, "https://us.i.posthog.com/batch/")
        XCTAssertEqual(Array(request.body.prefix(2)), [0x1f, 0x8b], "gzip")
    }

    func testAWaitIsStartedOnlyWhenAnAttemptCanFollowBeforeTheDeadline() {
        let policy = RetryPolicy()
        XCTAssertEqual(PostHogClient.nextWait(policy: policy, afterAttempt: 1, retryAfter: nil, remaining: .seconds(10), unit: 0), .milliseconds(250))
        XCTAssertEqual(PostHogClient.nextWait(policy: policy, afterAttempt: 2, retryAfter: .seconds(4), remaining: .seconds(10), unit: 0), .seconds(4))
        XCTAssertNil(PostHogClient.nextWait(policy: policy, afterAttempt: 2, retryAfter: .seconds(4), remaining: .seconds(4), unit: 0))
        XCTAssertNil(PostHogClient.nextWait(policy: policy, afterAttempt: 1, retryAfter: nil, remaining: .milliseconds(100), unit: 0))
    }
}
