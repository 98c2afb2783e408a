import DurationUnits

/// A duration for log lines: milliseconds with one decimal.
func milliseconds(_ duration: Duration) -> String {
    String((duration.inSeconds * 10_000).rounded() / 10)
}
