@testable import TelemetryCore
import XCTest

/// The job's own SHA-1, held to published vectors (FIPS 180-2 appendix A, RFC 3174 section 7.3)
/// and, around the padding's block boundaries, to Python's hashlib (an independent implementation).
final class SHA1Tests: XCTestCase {
    private func hex(_ message: [UInt8]) -> String {
        SHA1.hash(message).map { ($0 < 16 ? "0" : "") + String($0, radix: 16) }.joined()
    }

    func testPublishedVectors() {
        XCTAssertEqual(hex(Array("abc".utf8)), "a9993e364706816aba3e25717850c26c9cd0d89d")
        XCTAssertEqual(hex([]), "da39a3ee5e6b4b0d3255bfef95601890afd80709")
        XCTAssertEqual(hex(Array("abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq".utf8)),
                       "84983e441c3bd26ebaae4aa1f95129e5e54670f1")
        XCTAssertEqual(hex([UInt8](repeating: UInt8(ascii: "a"), count: 1_000_000)), "34aa973cd4c4daa4f61eeb2bdbad27316534016f")
    }

    func testLengthsAroundTheBlockBoundaries() {
        // hashlib.sha1(b"x" * n).hexdigest()
        let expected = [
            55: "cef734ba81a024479e09eb5a75b6ddae62e6abf1", 56: "901305367c259952f4e7af8323f480d59f81335b",
            63: "0ddc4e0cccd9a12850deb5abb0853a4425559fec", 64: "bb2fa3ee7afb9f54c6dfb5d021f14b1ffe40c163",
            65: "78c741ddc482e4cdf8c474a0876347a0905b6233", 119: "4300320394f7ee239bcdce7d3b8bcee173a0cd5c",
        ]
        for (length, digest) in expected {
            XCTAssertEqual(hex([UInt8](repeating: UInt8(ascii: "x"), count: length)), digest, "\(length) bytes")
        }
    }
}
