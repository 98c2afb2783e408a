/// The one conversion between durations and the whole milliseconds that PostgreSQL's
/// `statement_timeout`, `poll` and libcurl take, and the one way a number of seconds read from
/// outside (a flag, a variable, a `Retry-After` header) becomes a duration.
///
/// One rounding rule for both: up, to the next whole millisecond, so a positive limit never becomes
/// 0 (which libpq and libcurl read as "no limit"). Neither ever traps: values past the bounds
/// saturate instead, since they come from outside the process.
extension Duration {
    /// Whole milliseconds, rounded up; saturated at `Int64`'s bounds.
    package var wholeMilliseconds: Int64 {
        let (seconds, attoseconds) = components
        let (whole, overflow) = seconds.multipliedReportingOverflow(by: 1000)
        if overflow { return seconds < 0 ? .min : .max }
        let perMillisecond: Int64 = 1_000_000_000_000_000
        var fraction = attoseconds / perMillisecond
        if attoseconds % perMillisecond > 0 { fraction += 1 }
        let (total, sumOverflow) = whole.addingReportingOverflow(fraction)
        if sumOverflow { return whole < 0 ? .min : .max }
        return total
    }

    /// The duration in seconds, fractions included (for arithmetic and log lines, not for limits).
    package var inSeconds: Double {
        let (seconds, attoseconds) = components
        return Double(seconds) + Double(attoseconds) / 1e18
    }

    /// The most `init(clampingSeconds:)` gives: about 31,700 years, far beyond any wait or limit
    /// the job accepts, and far within what `Duration` and the clocks can add without overflow.
    package static let clampingLimit: Duration = .seconds(1_000_000_000_000)

    /// `seconds` as a duration, rounded up to a whole millisecond. NaN and anything at or below 0
    /// give zero; anything past `clampingLimit` (infinity included) gives `clampingLimit`.
    package init(clampingSeconds seconds: Double) {
        guard seconds > 0 else {  // false for NaN too
            self = .zero
            return
        }
        let limit = Double(Self.clampingLimit.components.seconds)
        // At most 1e15 ms: exactly representable, so the conversion below cannot trap.
        let milliseconds = (min(seconds, limit) * 1000).rounded(.up)
        self = .milliseconds(Int64(milliseconds))
    }

    /// Whole milliseconds, at least 1, as an `Int`: what libcurl's time limits take (0 is "no limit").
    package var positiveWholeMilliseconds: Int {
        Int(clamping: max(1, wholeMilliseconds))
    }

    /// Milliseconds with one decimal, for log lines ("12.5").
    package var millisecondsText: String {
        String((inSeconds * 10_000).rounded() / 10)
    }
}
