extension Duration {
    /// The duration in seconds, fractions included: the one conversion the timeouts, the backoff
    /// and the log lines share.
    var inSeconds: Double {
        let (seconds, attoseconds) = components
        return Double(seconds) + Double(attoseconds) / 1e18
    }

    /// Whole milliseconds, as PostgreSQL's `statement_timeout` takes them.
    var wholeMilliseconds: Int64 {
        Int64((inSeconds * 1000).rounded())
    }
}

/// A duration for log lines: milliseconds with one decimal.
func milliseconds(_ duration: Duration) -> String {
    String((duration.inSeconds * 10_000).rounded() / 10)
}
