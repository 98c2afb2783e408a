import Durations
#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// The `Retry-After` header (RFC 9110 §10.2.3): delay seconds, or an HTTP date.
///
/// The header comes from whatever is on the path (PostHog, a proxy), so nothing in it may trap:
/// every number is checked or clamped (`Duration(clampingSeconds:)`), and the caller caps the wait.
package enum RetryAfter {
    /// How long the server asks us to wait, measured from `now`; `nil` when the header is absent
    /// or unreadable. A date in the past means no wait.
    package static func parse(_ value: String?, now: Date) -> Duration? {
        guard let value = value?.trimmed(), !value.isEmpty else { return nil }
        if value.unicodeScalars.allSatisfy({ ("0"..."9").contains($0) }) {
            // Any run of digits is a Double (a huge one is ~1e300 or infinity): clamped, never trapped.
            return Duration(clampingSeconds: Double(value) ?? .infinity)
        }
        guard let date = HTTPDate.parse(value) else { return nil }
        return Duration(clampingSeconds: date.timeIntervalSince(now))
    }
}

/// HTTP dates: the preferred IMF-fixdate ("Sun, 06 Nov 1994 08:49:37 GMT") and the two obsolete
/// forms recipients must still accept, RFC 850 ("Sunday, 06-Nov-94 08:49:37 GMT") and asctime
/// ("Sun Nov  6 08:49:37 1994"). Every number is read from a fixed count of ASCII digits, as the
/// grammar has them, so none can overflow what it is stored in.
package enum HTTPDate {
    private static let months = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"]

    package static func parse(_ text: String) -> Date? {
        let words = text.split(whereSeparator: { $0 == " " || $0 == "," }).map(String.init)
        var day: Int?, month: Int?, year: Int?, clock: [Int]?
        switch words.count {
        case 6 where words[5] == "GMT":  // IMF-fixdate
            day = number(words[1], digits: 1...2); month = months.firstIndex(of: words[2])
            year = number(words[3], digits: 4...4); clock = time(words[4])
        case 4 where words[3] == "GMT":  // RFC 850: Sunday, 06-Nov-94 08:49:37 GMT
            let parts = words[1].split(separator: "-", omittingEmptySubsequences: false).map(String.init)
            guard parts.count == 3 else { return nil }
            day = number(parts[0], digits: 1...2); month = months.firstIndex(of: parts[1]); clock = time(words[2])
            if let twoDigit = number(parts[2], digits: 2...2) { year = twoDigit < 70 ? 2000 + twoDigit : 1900 + twoDigit }
        case 5:  // asctime: Sun Nov  6 08:49:37 1994
            month = months.firstIndex(of: words[1]); day = number(words[2], digits: 1...2)
            clock = time(words[3]); year = number(words[4], digits: 4...4)
        default:
            return nil
        }
        guard let day, let month, let year, let clock, (1...31).contains(day), year >= 1970 else { return nil }
        var fields = tm()
        // Each value is at most four digits (checked above): the narrowing cannot fail.
        fields.tm_year = Int32(clamping: year - 1900)
        fields.tm_mon = Int32(clamping: month)
        fields.tm_mday = Int32(clamping: day)
        fields.tm_hour = Int32(clamping: clock[0])
        fields.tm_min = Int32(clamping: clock[1])
        fields.tm_sec = Int32(clamping: clock[2])
        return Date(timeIntervalSince1970: TimeInterval(timegm(&fields)))
    }

    private static func number(_ text: String, digits: ClosedRange<Int>) -> Int? {
        DecimalNumber.parse(text, digits: digits)
    }

    private static func time(_ text: String) -> [Int]? {
        let parts = text.split(separator: ":", omittingEmptySubsequences: false).map { number(String($0), digits: 2...2) }
        guard parts.count == 3, let hour = parts[0], let minute = parts[1], let second = parts[2],
              (0...23).contains(hour), (0...59).contains(minute), (0...60).contains(second) else {
            return nil
        }
        return [hour, minute, second]
    }
}
