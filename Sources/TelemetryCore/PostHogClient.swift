import HTTP
import Logging

/// Sends a `/batch/` request to PostHog: gzip body, retried per `RetryPolicy` within the overall
/// deadline, the very same bytes on every attempt so PostHog can drop duplicates by `uuid`.
public struct PostHogClient: Sendable {
    public let settings: DeliverySettings
    /// Longest a single attempt may take, so one silent server cannot eat every retry.
    public var attemptTimeout: Duration = .seconds(30)

    public init(settings: DeliverySettings) {
        self.settings = settings
    }

    /// Delivers `request`; throws `TelemetryError.delivery` naming the status and the server's
    /// message, or the last cause when every attempt failed.
    public func deliver(_ request: BatchRequest, logger: Logger) async throws {
        let clock = ContinuousClock()
        let deadline = clock.now + settings.timeout
        let body = try Gzip.compress(try request.wireBody())
        var httpRequest = HTTPRequest(
            method: .post, url: settings.endpoint,
            headers: [
                ("Content-Type", "application/json"),
                ("Content-Encoding", "gzip"),
                ("User-Agent", TelemetryVersion.userAgent),
            ],
            body: body, timeout: attemptTimeout,
            proxy: settings.proxy.server(scheme: settings.scheme, host: settings.host)?.httpProxy,
            trust: settings.trust
        )

        let policy = settings.retryPolicy
        var attempt = 0
        var lastCause = "no attempt made"
        while attempt < policy.maxAttempts {
            attempt += 1
            let remaining = clock.now.duration(to: deadline)
            guard remaining > .zero else { break }
            let started = clock.now
            var retryAfter: Duration?
            do {
                httpRequest.timeout = min(remaining, attemptTimeout)
                // Blocking, and meant to be: the job has nothing else to do while it waits.
                let response = try HTTPTransfer.perform(httpRequest)
                let status = response.status
                let text = Self.message(response.body)
                logger.info("delivery attempt", metadata: [
                    "attempt": "\(attempt)", "status": "\(status)", "duration_ms": "\(milliseconds(clock.now - started))",
                ])
                if (200...299).contains(status) { return }
                let cause = "HTTP \(status)" + (response.reason.isEmpty ? "" : " \(response.reason)") + (text.isEmpty ? "" : ": \(text)")
                guard RetryPolicy.isRetryable(status: status) else {
                    throw TelemetryError.delivery("PostHog rejected the request: \(cause)")
                }
                lastCause = cause
                retryAfter = RetryAfter.parse(response.header("Retry-After"), now: Date())
            } catch let error as TelemetryError {
                throw error
            } catch {
                lastCause = String(describing: error)
                logger.warning("delivery attempt", metadata: [
                    "attempt": "\(attempt)", "error": "\(lastCause)", "duration_ms": "\(milliseconds(clock.now - started))",
                ])
            }
            guard attempt < policy.maxAttempts else { break }
            let wait = policy.delay(afterAttempt: attempt, retryAfter: retryAfter, unit: Double.random(in: 0..<1))
            guard clock.now + wait < deadline else {
                throw TelemetryError.delivery(
                    "delivery deadline of \(Self.seconds(settings.timeout)) s reached after \(attempt) attempt(s); last: \(lastCause)"
                )
            }
            logger.debug("delivery retry", metadata: ["wait_ms": "\(milliseconds(wait))"])
            try await Task.sleep(for: wait)
        }
        throw TelemetryError.delivery("delivery failed after \(attempt) attempt(s); last: \(lastCause)")
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

    static func seconds(_ duration: Duration) -> String {
        let seconds = duration.inSeconds
        return seconds == seconds.rounded() ? "\(Int64(seconds))" : "\(seconds)"
    }
}

/// A JSON value of which only strings matter here.
struct JSONScalar: Decodable {
    let text: String?

    init(from decoder: any Decoder) throws {
        text = try? decoder.singleValueContainer().decode(String.self)
    }
}
