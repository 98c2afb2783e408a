#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif

/// Name-based UUIDs (RFC 9562 version 5: SHA-1 over a namespace and a name). The same name gives
/// the same UUID on every run and every machine, which is what lets PostHog drop a resent event.
package enum NameBasedUUID {
    /// The namespace of this program's event UUIDs (a fixed random UUID, never to change: changing
    /// it would make every event after an upgrade look new).
    package static let eventNamespace = UUID(uuid: (
        0x6b, 0x1f, 0x3a, 0x52, 0x0e, 0x8d, 0x4c, 0x71, 0x9a, 0x2e, 0x5d, 0x40, 0xc3, 0x77, 0x18, 0xe9
    ))

    /// The RFC's DNS namespace, kept for its test vector.
    package static let dnsNamespace = UUID(uuid: (
        0x6b, 0xa7, 0xb8, 0x10, 0x9d, 0xad, 0x11, 0xd1, 0x80, 0xb4, 0x00, 0xc0, 0x4f, 0xd4, 0x30, 0xc8
    ))

    package static func version5(namespace: UUID, name: String) -> UUID {
        var bytes = Array(SHA1.hash(withUnsafeBytes(of: namespace.uuid) { Array($0) } + Array(name.utf8)).prefix(16))
        bytes[6] = (bytes[6] & 0x0F) | 0x50  // version 5
        bytes[8] = (bytes[8] & 0x3F) | 0x80  // RFC 9562 variant
        return UUID(uuid: (
            bytes[0], bytes[1], bytes[2], bytes[3], bytes[4], bytes[5], bytes[6], bytes[7],
            bytes[8], bytes[9], bytes[10], bytes[11], bytes[12], bytes[13], bytes[14], bytes[15]
        ))
    }

    /// The UUID of one event of one installation in one period: "ucid\u{1F}event\u{1F}period".
    /// The unit separator cannot be confused with characters of the parts themselves.
    package static func event(ucid: String, event: String, period: String) -> UUID {
        version5(namespace: eventNamespace, name: [ucid, event, period].joined(separator: "\u{1F}"))
    }
}
