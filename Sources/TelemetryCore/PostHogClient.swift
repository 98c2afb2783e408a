import AsyncHTTPClient
import CompressNIO
import Logging
import NIOCore
import NIOHTTP1

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
        var body = ByteBuffer(bytes: try request.wireBody())
        let compressed = try body.compress(with: .gzip())

        var configuration = HTTPClient.Configuration(
            redirectConfiguration: .disallow,
            timeout: .init(connect: .seconds(10)),
            proxy: settings.proxy.clientProxy(scheme: settings.scheme, host: settings.host)
        )
        // Every attempt is ours to count, log and pace: no hidden reconnect loop inside the client.
        configuration.connectionPool.retryConnectionEstablishment = false
        let client = HTTPClient(eventLoopGroup: HTTPClient.defaultEventLoopGroup, configuration: configuration)
        do {
            try await send(compressed, with: client, until: deadline, logger: logger)
            try? await client.shutdown()
        } catch {
            try? await client.shutdown()
            throw error
        }
    }

    private func send(_ body: ByteBuffer, with client: HTTPClient, until deadline: ContinuousClock.Instant, logger: Logger) async throws {
        let clock = ContinuousClock()
        var httpRequest = HTTPClientRequest(url: settings.endpoint)
        httpRequest.method = .POST
        httpRequest.headers.add(name: "Content-Type", value: "application/json")
        httpRequest.headers.add(name: "Content-Encoding", value: "gzip")
        httpRequest.headers.add(name: "User-Agent", value: TelemetryVersion.userAgent)
        httpRequest.body = .bytes(body)

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
                let response = try await client.execute(httpRequest, timeout: .init(min(remaining, attemptTimeout)))
                let status = Int(response.status.code)
                let text = try await Self.readMessage(response)
                logger.info("delivery attempt", metadata: [
                    "attempt": "\(attempt)", "status": "\(status)", "duration_ms": "\(milliseconds(clock.now - started))",
                ])
                if (200...299).contains(status) { return }
                let cause = "HTTP \(status) \(response.status.reasonPhrase)" + (text.isEmpty ? "" : ": \(text)")
                guard RetryPolicy.isRetryable(status: status) else {
                    throw TelemetryError.delivery("PostHog rejected the request: \(cause)")
                }
                lastCause = cause
                retryAfter = RetryAfter.parse(response.headers.first(name: "Retry-After"), now: Date())
            } catch let error as TelemetryError {
                throw error
            } catch {
                lastCause = Self.describe(error)
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
    static func readMessage(_ response: HTTPClientResponse) async throws -> String {
        let buffer = try await response.body.collect(upTo: 64 * 1024)
        let text = String(buffer: buffer)
        var message = text
        if let object = try? JSONDecoder().decode([String: JSONScalar].self, from: Data(text.utf8)),
           let detail = object["detail"]?.text ?? object["error"]?.text ?? object["message"]?.text {
            message = detail
        }
        let oneLine = message.split(whereSeparator: \.isNewline).joined(separator: " ")
        return oneLine.count > 200 ? String(oneLine.prefix(200)) + "…" : oneLine
    }

    static func describe(_ error: any Error) -> String {
        if let error = error as? HTTPClientError {
            switch error {
            case .deadlineExceeded: return "no answer before the attempt's deadline"
            case .connectTimeout: return "connect timeout"
            case .readTimeout: return "read timeout"
            default: return "\(error)"
            }
        }
        return String(describing: error).split(whereSeparator: \.isNewline).joined(separator: " ")
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
