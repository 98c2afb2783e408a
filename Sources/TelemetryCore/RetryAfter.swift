#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// The `Retry-After` header (RFC 9110 §10.2.3): delay seconds, or an HTTP date.
public enum RetryAfter {
    /// How long the server asks us to wait, measured from `now`; `nil` when the header is absent
    /// or unreadable. A date in the past means no wait.
    public static func parse(_ value: String?, now: Date) -> Duration? {
        guard let value = value?.trimmed(), !value.isEmpty else { return nil }
        if value.allSatisfy(\.isASCII), value.allSatisfy(\.isNumber) {
            guard let seconds = Int64(value) else { return .seconds(Int64.max / 1_000_000_000_000) }
            return .seconds(seconds)
        }
        guard let date = HTTPDate.parse(value) else { return nil }
        let seconds = date.timeIntervalSince(now)
        return seconds > 0 ? .milliseconds(Int64(seconds * 1000)) : .zero
    }
}

/// HTTP dates: the preferred IMF-fixdate ("Sun, 06 Nov 1994 08:49:37 GMT") and the two obsolete
/// forms recipients must still accept, RFC 850 ("Sunday, 06-Nov-94 08:49:37 GMT") and asctime
/// ("Sun Nov  6 08:49:37 1994").
public enum HTTPDate {
    private static let months = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"]

    public static func parse(_ text: String) -> Date? {
        let words = text.split(whereSeparator: { $0 == " " || $0 == "," }).map(String.init)
        var day: Int?, month: Int?, year: Int?, clock: [Int]?
        switch words.count {
        case 6 where words[5] == "GMT":  // IMF-fixdate
            day = Int(words[1]); month = months.firstIndex(of: words[2]); year = Int(words[3]); clock = time(words[4])
        case 4 where words[3] == "GMT":  // RFC 850: Sunday, 06-Nov-94 08:49:37 GMT
            let parts = words[1].split(separator: "-").map(String.init)
            guard parts.count == 3 else { return nil }
            day = Int(parts[0]); month = months.firstIndex(of: parts[1]); clock = time(words[2])
            if let twoDigit = Int(parts[2]) { year = twoDigit < 70 ? 2000 + twoDigit : 1900 + twoDigit }
        case 5:  // asctime: Sun Nov  6 08:49:37 1994
            month = months.firstIndex(of: words[1]); day = Int(words[2]); clock = time(words[3]); year = Int(words[4])
        default:
            return nil
        }
        guard let day, let month, let year, let clock, (1...31).contains(day), year >= 1970 else { return nil }
        var fields = tm()
        fields.tm_year = Int32(year - 1900)
        fields.tm_mon = Int32(month)
        fields.tm_mday = Int32(day)
        fields.tm_hour = Int32(clock[0])
        fields.tm_min = Int32(clock[1])
        fields.tm_sec = Int32(clock[2])
        return Date(timeIntervalSince1970: TimeInterval(timegm(&fields)))
    }

    private static func time(_ text: String) -> [Int]? {
        let parts = text.split(separator: ":").compactMap { Int($0) }
        guard parts.count == 3, (0...23).contains(parts[0]), (0...59).contains(parts[1]), (0...60).contains(parts[2]) else {
            return nil
        }
        return parts
    }
}
