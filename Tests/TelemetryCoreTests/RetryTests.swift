import Foundation
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
