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

/// RFC 3339 UTC timestamps with milliseconds ("2026-11-24T00:00:00.512Z") and the UTC periods
/// that name a Summary (its date) and a Heartbeat (its hour).
package enum Timestamp {
    package static func rfc3339(_ date: Date) -> String {
        let (fields, millisecond) = utcFields(date)
        return "\(fields.date)T\(pad(fields.tm.tm_hour)):\(pad(fields.tm.tm_min)):\(pad(fields.tm.tm_sec)).\(pad(millisecond, 3))Z"
    }

    /// "2026-11-24": the period of a Summary.
    package static func utcDate(_ date: Date) -> String {
        utcFields(date).0.date
    }

    /// "2026-11-24T07": the period of a Heartbeat.
    package static func utcHour(_ date: Date) -> String {
        let fields = utcFields(date).0
        return "\(fields.date)T\(pad(fields.tm.tm_hour))"
    }

    /// The start of the UTC day `date` falls in (00:00:00.000Z): a Summary's envelope timestamp.
    package static func utcDayStart(_ date: Date) -> Date {
        periodStart(date, seconds: 86_400)
    }

    /// The start of the UTC hour `date` falls in: a Heartbeat's envelope timestamp.
    package static func utcHourStart(_ date: Date) -> Date {
        periodStart(date, seconds: 3_600)
    }

    /// Unix time has no leap seconds, so every UTC day is 86 400 of its seconds and a period's
    /// start is a floor division.
    private static func periodStart(_ date: Date, seconds: Double) -> Date {
        Date(timeIntervalSince1970: (date.timeIntervalSince1970 / seconds).rounded(.down) * seconds)
    }

    private static func utcFields(_ date: Date) -> ((tm: tm, date: String), Int) {
        let milliseconds = Int64((date.timeIntervalSince1970 * 1000).rounded(.down))
        var seconds = time_t(milliseconds.floorDivided(by: 1000))
        let millisecond = Int(milliseconds - Int64(seconds) * 1000)
        var fields = tm()
        gmtime_r(&seconds, &fields)
        let day = "\(pad(Int32(1900) + fields.tm_year, 4))-\(pad(fields.tm_mon + 1))-\(pad(fields.tm_mday))"
        return ((fields, day), millisecond)
    }

    private static func pad<T: BinaryInteger>(_ value: T, _ width: Int = 2) -> String {
        let digits = String(value)
        return String(repeating: "0", count: max(0, width - digits.count)) + digits
    }
}

extension Int64 {
    fileprivate func floorDivided(by divisor: Int64) -> Int64 {
        let quotient = self / divisor
        return (self % divisor != 0 && (self < 0) != (divisor < 0)) ? quotient - 1 : quotient
    }
}
