import HTTP
#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif

/// Devtron's telemetry service, which inside a Devtron installation stands in for configuration:
/// it names the PostHog project key and endpoint (`GET /devtron/telemetry/posthogInfo`) and keeps
/// the registry of installations that opted out (`GET /devtron/telemetry/opt-out/{ucid}`), as the
/// orchestrator asks them. It is asked only when no API key is configured and the run is not dry.
///
/// Privacy first: an answer that cannot be had or read is a failure (nothing is sent, exit 1),
/// never a guess; an unknown opt-out is not a yes. Each question is asked once, under the
/// delivery's proxy, trust and deadline: the CronJob's next run asks again.
package struct TelemetryService: Sendable {
    /// The answers are a few hundred bytes; anything much larger is not one of them.
    package static let responseLimit = 16 * 1024
    /// Longest a single question may take, however long the overall deadline.
    package static let requestTimeout: Duration = .seconds(30)

    /// The service's base URL, without a trailing slash.
    package let baseURL: String
    let scheme: String
    let host: String

    package init(url: String) throws {
        let trimmed = url.hasSuffix("/") ? String(url.dropLast()) : url
        // Checked like the PostHog host, by the same parser: a bad URL is a configuration error
        // (exit 2, nothing sent, on a dry run too), shown with its userinfo masked and cut short.
        guard let parts = URLText.parseHTTP(trimmed, allowUserInfo: false, allowPath: true) else {
            throw TelemetryError.usage(
                "Devtron's telemetry service must be an http(s) URL like \(Settings.telemetryService.defaultValue ?? "") (no user, query or fragment), "
                    + "got \(Escaping.quoted(URLText.maskingUserInfo(url)))"
            )
        }
        baseURL = trimmed
        scheme = parts.scheme
        host = parts.host
    }

    /// From `--telemetry-service`, else `DEVTRON_TELEMETRY_URL`, else Devtron's own service.
    package static func resolve(flag: String?, environment: Environment) throws -> TelemetryService {
        try TelemetryService(url: Settings.telemetryService.text(flag, environment) ?? "")
    }

    /// The PostHog project key and endpoint the service names.
    package struct PostHogInfo: Sendable, Equatable {
        /// The key, decoded from the answer's base64; a secret like a configured one.
        package let apiKey: String
        package let endpoint: String
        /// The base64 form too: a line that quoted the answer must not carry the key either.
        let encodedKey: String

        /// Everything to be masked in output from now on.
        package var secrets: [String] { [apiKey, encodedKey] }
    }

    package var postHogInfoURL: String { baseURL + "/devtron/telemetry/posthogInfo" }

    package func optOutURL(ucid: String) -> String {
        baseURL + "/devtron/telemetry/opt-out/" + Self.pathSegment(ucid)
    }

    /// Asks for the PostHog key and endpoint; `deadline` bounds the exchange.
    package func postHogInfo(delivery: DeliverySettings, deadline: ContinuousClock.Instant) throws -> PostHogInfo {
        let url = postHogInfoURL
        return try answer(url, Self.parsePostHogInfo(try get(url, delivery: delivery, deadline: deadline)))
    }

    /// Asks whether this installation opted out in Devtron's registry.
    package func isOptedOut(ucid: String, delivery: DeliverySettings, deadline: ContinuousClock.Instant) throws -> Bool {
        let url = optOutURL(ucid: ucid)
        return try answer(url, Self.parseOptOut(try get(url, delivery: delivery, deadline: deadline)))
    }

    private func answer<T>(_ url: String, _ result: Result<T, AnswerError>) throws -> T {
        switch result {
        case .success(let value): return value
        case .failure(let error): throw Self.failure(url, error.description)
        }
    }

    /// One GET; the body of a 2xx answer, or a `TelemetryError.service` naming what went wrong.
    /// The body of a failed answer is never quoted: it could carry anything.
    private func get(_ url: String, delivery: DeliverySettings, deadline: ContinuousClock.Instant) throws -> [UInt8] {
        let remaining = ContinuousClock().now.duration(to: deadline)
        guard remaining > .zero else { throw Self.failure(url, "no time left within --timeout") }
        let request = HTTPRequest(
            method: .get, url: url,
            headers: [("Accept", "application/json"), ("User-Agent", TelemetryVersion.userAgent)],
            timeout: min(remaining, Self.requestTimeout),
            proxy: delivery.proxy.server(scheme: scheme, host: host)?.httpProxy,
            // One byte more than the limit is read, to tell an answer of exactly the limit (taken)
            // from a larger one (refused).
            trust: delivery.trust, responseLimit: Self.responseLimit + 1
        )
        let response: HTTPResponse
        do {
            response = try HTTPTransfer.perform(request)
        } catch {
            throw Self.failure(url, "\(error)")
        }
        guard (200...299).contains(response.status) else {
            throw Self.failure(url, "HTTP \(response.status)" + (response.reason.isEmpty ? "" : " \(response.reason)"))
        }
        guard response.body.count <= Self.responseLimit else {
            throw Self.failure(url, "the answer is larger than \(Self.responseLimit / 1024) KiB")
        }
        return response.body
    }

    static func failure(_ url: String, _ reason: String) -> TelemetryError {
        .service("Devtron's telemetry service could not be read (GET \(url): \(reason)); nothing was sent")
    }
}

// MARK: - Reading the answers (pure)

extension TelemetryService {
    /// Why an answer could not be read, in a few words; never quotes the answer.
    package struct AnswerError: Error, Sendable, Equatable, CustomStringConvertible {
        package let description: String
        init(_ description: String) { self.description = description }
    }

    /// `{"result": {"PosthogApiKey": "<base64 of the key>", "PosthogEndpoint": "<url>"}}`.
    package static func parsePostHogInfo(_ body: [UInt8]) -> Result<PostHogInfo, AnswerError> {
        struct Answer: Decodable {
            struct Info: Decodable {
                let PosthogApiKey: String?  // swiftlint:disable:this identifier_name
                let PosthogEndpoint: String?  // swiftlint:disable:this identifier_name
            }
            let result: Info?
        }
        let answer: Answer
        switch decode(Answer.self, body) {
        case .success(let decoded): answer = decoded
        case .failure(let error): return .failure(error)
        }
        guard let info = answer.result else { return .failure(AnswerError("the answer has no \"result\" object")) }
        guard let encoded = info.PosthogApiKey?.trimmed(), !encoded.isEmpty else {
            return .failure(AnswerError("the answer has no PosthogApiKey"))
        }
        guard let data = Data(base64Encoded: encoded) else {
            return .failure(AnswerError("PosthogApiKey is not base64"))
        }
        guard let decoded = String(validating: Array(data), as: UTF8.self)?.trimmed(), !decoded.isEmpty else {
            return .failure(AnswerError("PosthogApiKey decodes to an empty or non-text key"))
        }
        guard decoded.count <= 512, !decoded.unicodeScalars.contains(where: {
            $0.properties.isWhitespace || $0.properties.generalCategory == .control
        }) else {
            return .failure(AnswerError("PosthogApiKey decodes to something that is not an API key"))
        }
        // The very check a configured PostHog host passes, so an endpoint taken here is one the
        // delivery accepts; what was wrong with it is not quoted (an operator never wrote it).
        guard let endpoint = info.PosthogEndpoint?.trimmed(),
              URLText.parseHTTP(endpoint.hasSuffix("/") ? String(endpoint.dropLast()) : endpoint, allowUserInfo: false, allowPath: true) != nil
        else {
            return .failure(AnswerError("PosthogEndpoint is not a usable http(s) URL"))
        }
        return .success(PostHogInfo(apiKey: decoded, endpoint: endpoint, encodedKey: encoded))
    }

    /// `{"result": true|false}`.
    package static func parseOptOut(_ body: [UInt8]) -> Result<Bool, AnswerError> {
        struct Answer: Decodable { let result: Bool? }
        switch decode(Answer.self, body) {
        case .success(let answer):
            guard let optedOut = answer.result else { return .failure(AnswerError("the answer has no boolean \"result\"")) }
            return .success(optedOut)
        case .failure(let error):
            return .failure(error)
        }
    }

    private static func decode<T: Decodable>(_ type: T.Type, _ body: [UInt8]) -> Result<T, AnswerError> {
        // `{"result": false, "result": true}` is read as false by some parsers and true by others
        // (Go, Python, JavaScript take the last): an answer that means two things is unreadable.
        if JSONDuplicateKeys.found(in: body) {
            return .failure(AnswerError("the answer holds the same key twice in one object"))
        }
        do {
            return .success(try JSONDecoder().decode(type, from: Data(body)))
        } catch DecodingError.dataCorrupted(let context) where context.codingPath.isEmpty {
            return .failure(AnswerError("the answer is not JSON"))
        } catch {
            return .failure(AnswerError("the answer is not of the expected shape"))
        }
    }

    /// `text` as one URL path segment: every byte but RFC 3986's unreserved characters
    /// percent-encoded, and "." and ".." too, which a client or server would otherwise resolve.
    package static func pathSegment(_ text: String) -> String {
        let unreserved = Set("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-._~".utf8)
        let dotsOnly = text == "." || text == ".."
        var out = ""
        for byte in text.utf8 {
            if unreserved.contains(byte) && !(dotsOnly && byte == UInt8(ascii: ".")) {
                out.unicodeScalars.append(Unicode.Scalar(byte))
            } else {
                let hex = String(byte, radix: 16, uppercase: true)
                out += "%" + (hex.count == 1 ? "0" : "") + hex
            }
        }
        return out
    }
}
