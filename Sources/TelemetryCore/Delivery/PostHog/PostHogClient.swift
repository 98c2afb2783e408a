import Durations
import HTTP
import Logging
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

/// Sends a `/batch/` request to PostHog: gzip body, retried per `RetryPolicy` within the overall
/// deadline, the very same bytes on every attempt so PostHog can drop duplicates by `uuid`.
///
/// The pieces are apart so each can be tested: `makeRequest` (the bytes and headers), `classify`
/// (what a response means: delivered, rejected, or worth another try and after how long),
/// `nextWait` (the wait before the next attempt, or none when it would end past the deadline),
/// and `deliver`, the loop that only strings them together.
package struct PostHogClient: Sendable {
    package let settings: DeliverySettings
    /// Longest a single attempt may take, so one silent server cannot eat every retry.
    package var attemptTimeout: Duration = .seconds(30)

    package init(settings: DeliverySettings) {
        self.settings = settings
    }

    /// What one attempt came to.
    package enum Outcome: Sendable, Equatable {
        /// A 2xx: done.
        case delivered
        /// An answer that another try cannot change (a 4xx other than 408 and 429).
        case rejected(cause: String)
        /// A connection error, a timeout, 408, 429 or 5xx; `retryAfter` is the server's `Retry-After`.
        case retryable(cause: String, retryAfter: Duration?)
    }

    /// Delivers `request`; throws `TelemetryError.delivery` naming the status and the server's
    /// message, or the last cause when every attempt failed.
    /// `deadline`, when given, is what is left of `--timeout` after the command's other network
    /// steps; by default the whole of it from now.
    package func deliver(_ request: PostHogBatch, until deadline: ContinuousClock.Instant? = nil, logger: Logger) throws {
        let clock = ContinuousClock()
        let deadline = deadline ?? clock.now + settings.timeout
        var httpRequest = try makeRequest(request)
        let policy = settings.retryPolicy
        var attempt = 0
        var lastCause = "no attempt made"
        while attempt < policy.maxAttempts {
            let remaining = clock.now.duration(to: deadline)
            guard remaining > .zero else { break }
            attempt += 1
            httpRequest.timeout = min(remaining, attemptTimeout)
            switch perform(httpRequest, attempt: attempt, logger: logger) {
            case .delivered:
                return
            case .rejected(let cause):
                throw TelemetryError.delivery("PostHog rejected the request: \(cause)")
            case .retryable(let cause, let retryAfter):
                lastCause = cause
                guard attempt < policy.maxAttempts else { break }
                let wait = Self.nextWait(
                    policy: policy, afterAttempt: attempt, retryAfter: retryAfter,
                    remaining: clock.now.duration(to: deadline), unit: Double.random(in: 0..<1)
                )
                guard let wait else {
                    throw TelemetryError.delivery(
                        "delivery deadline of \(Self.seconds(settings.timeout)) s reached after \(attempt) attempt(s); last: \(lastCause)"
                    )
                }
                logger.debug("delivery retry", metadata: ["wait_ms": "\(wait.millisecondsText)"])
                Self.pause(wait)
            }
        }
        throw TelemetryError.delivery("delivery failed after \(attempt) attempt(s); last: \(lastCause)")
    }

    /// The request every attempt sends: the gzip body made once, so every attempt sends the same bytes.
    package func makeRequest(_ request: PostHogBatch) throws -> HTTPRequest {
        HTTPRequest(
            method: .post, url: settings.endpoint,
            headers: [
                ("Content-Type", "application/json"),
                ("Content-Encoding", "gzip"),
                ("User-Agent", TelemetryVersion.userAgent),
            ],
            body: try Gzip.compress(try request.wireBody()), timeout: attemptTimeout,
            proxy: settings.proxy.server(scheme: settings.scheme, host: settings.host)?.httpProxy,
            trust: settings.trust
        )
    }

    /// One attempt, logged, and what it came to.
    private func perform(_ request: HTTPRequest, attempt: Int, logger: Logger) -> Outcome {
        let clock = ContinuousClock()
        let started = clock.now
        do {
            // Blocking, and meant to be: the job has nothing else to do while it waits.
            let response = try HTTPTransfer.perform(request)
            logger.info("delivery attempt", metadata: [
                "attempt": "\(attempt)", "status": "\(response.status)", "duration_ms": "\((clock.now - started).millisecondsText)",
            ])
            return Self.classify(response, now: Date())
        } catch {
            let cause = String(describing: error)
            logger.warning("delivery attempt", metadata: [
                "attempt": "\(attempt)", "error": "\(cause)", "duration_ms": "\((clock.now - started).millisecondsText)",
            ])
            return .retryable(cause: cause, retryAfter: nil)
        }
    }

    /// What a response means; `now` is when it arrived, for a `Retry-After` date.
    package static func classify(_ response: HTTPResponse, now: Date) -> Outcome {
        let status = response.status
        if (200...299).contains(status) { return .delivered }
        let text = message(response.body)
        let cause = "HTTP \(status)" + (response.reason.isEmpty ? "" : " \(response.reason)") + (text.isEmpty ? "" : ": \(text)")
        guard RetryPolicy.isRetryable(status: status) else { return .rejected(cause: cause) }
        return .retryable(cause: cause, retryAfter: RetryAfter.parse(response.header("Retry-After"), now: now))
    }

    /// The wait before attempt `attempt + 1`, or nil when it would not end before the deadline
    /// (`remaining` from now): a wait that cannot be followed by an attempt is not started.
    package static func nextWait(
        policy: RetryPolicy, afterAttempt attempt: Int, retryAfter: Duration?, remaining: Duration, unit: Double
    ) -> Duration? {
        let wait = policy.delay(afterAttempt: attempt, retryAfter: retryAfter, unit: unit)
        return wait < remaining ? wait : nil
    }

    /// The server's message, on one line and short: PostHog's JSON `detail`, else the raw text.
    static func message(_ body: [UInt8]) -> String {
        var message = String(decoding: body, as: UTF8.self)
        if let object = try? JSONDecoder().decode([String: JSONScalar].self, from: Data(body)),
           let detail = object["detail"]?.text ?? object["error"]?.text ?? object["message"]?.text {
            message = detail
        }
        let oneLine = message.split(whereSeparator: \.isNewline).joined(separator: " ")
        return oneLine.count > 200 ? String(oneLine.prefix(200)) + "…" : oneLine
    }

    /// Blocks the calling thread for `duration`: the job is one thread that has nothing else to do
    /// between attempts (an `async` sleep would start Swift's concurrency runtime and its threads
    /// for this one wait). A signal that interrupts the wait does not shorten it.
    static func pause(_ duration: Duration) {
        guard duration > .zero else { return }
        let (seconds, attoseconds) = duration.components
        var request = timespec(tv_sec: Int(clamping: seconds), tv_nsec: Int(attoseconds / 1_000_000_000))
        var remaining = timespec()
        while nanosleep(&request, &remaining) == -1 && errno == EINTR { request = remaining }
    }

    /// "120" or "0.5": the deadline as an operator wrote it.
    static func seconds(_ duration: Duration) -> String {
        let (whole, fraction) = duration.components
        return fraction == 0 ? String(whole) : String(duration.inSeconds)
    }
}

/// A JSON value of which only strings matter here.
struct JSONScalar: Decodable {
    let text: String?

    init(from decoder: any Decoder) throws {
        text = try? decoder.singleValueContainer().decode(String.self)
    }
}
