import Durations

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// When and how long to wait before sending the same request again (README: "Delivery, retries and
/// deduplication"). Pure functions of their inputs, so each rule is tested on its own.
package struct RetryPolicy: Sendable, Equatable {
    /// Attempts in all, the first included.
    package var maxAttempts: Int = 5
    /// Wait before the second attempt; each later wait doubles, up to `maxDelay`.
    package var initialDelay: Duration = .milliseconds(500)
    package var factor: Double = 2
    package var maxDelay: Duration = .seconds(30)
    /// A `Retry-After` longer than this is shortened to it.
    package var maxRetryAfter: Duration = .seconds(30)

    package init(maxAttempts: Int = 5) {
        self.maxAttempts = maxAttempts
    }

    /// Statuses worth another try: request timeout, rate limiting, and server errors.
    package static func isRetryable(status: Int) -> Bool {
        status == 408 || status == 429 || (500...599).contains(status)
    }

    /// The backoff ceiling before attempt `attempt + 1` (`attempt` counts from 1): 0.5 s, 1 s, 2 s, … ≤ 30 s.
    package func backoffCeiling(afterAttempt attempt: Int) -> Duration {
        let exponent = Double(max(0, attempt - 1))
        let capped = min(initialDelay.inSeconds * pow(factor, exponent), maxDelay.inSeconds)
        return Duration(clampingSeconds: capped)
    }

    /// The wait before the next attempt: "equal jitter" — at least half the ceiling, so attempts
    /// never bunch up, plus a random share of the rest; and never shorter than the server's
    /// `Retry-After` (itself capped). `unit` is a random number in 0..<1.
    package func delay(afterAttempt attempt: Int, retryAfter: Duration?, unit: Double) -> Duration {
        let ceiling = backoffCeiling(afterAttempt: attempt)
        let jittered = ceiling / 2 + (ceiling / 2) * min(max(unit, 0), 1)
        guard let retryAfter else { return jittered }
        return max(jittered, min(retryAfter, maxRetryAfter))
    }
}
