import HTTP

/// Where and how events are sent (README: "Configuration", "Delivery, retries and deduplication").
public struct DeliverySettings: Sendable {
    public static let defaultHost = "https://us.i.posthog.com"
    public static let defaultTimeout: Duration = .seconds(120)

    /// The capture endpoint: `{host}/batch/`.
    public let endpoint: String
    public let scheme: String
    public let host: String
    /// The project API key; `nil` is allowed only for a dry run.
    public let apiKey: String?
    public let retryPolicy: RetryPolicy
    /// Overall deadline for delivery, every attempt and wait included.
    public let timeout: Duration
    public let proxy: ProxySettings
    /// The certificate authorities PostHog's certificate must chain to: the system's, or those of
    /// `SSL_CERT_FILE` (a PEM file) or `SSL_CERT_DIR` (a hashed directory), the variables Go
    /// programs such as the orchestrator read: for egress through a TLS-inspecting proxy.
    public let trust: Trust

    public init(
        host: String, apiKey: String?, retryPolicy: RetryPolicy, timeout: Duration, proxy: ProxySettings,
        trust: Trust = .system
    ) throws {
        let trimmed = host.hasSuffix("/") ? String(host.dropLast()) : host
        // Checked here, not by libcurl on the first attempt: a bad URL is a configuration error
        // (exit 2, nothing sent), never a delivery failure retried until the deadline.
        guard let url = URLText.parseHTTP(trimmed, allowUserInfo: false, allowPath: true) else {
            throw TelemetryError.usage(
                "PostHog host must be an http(s) URL like \(Self.defaultHost) (no user, query or fragment), "
                    + "got \(Escaping.quoted(URLText.maskingUserInfo(host)))"
            )
        }
        self.endpoint = trimmed + "/batch/"
        self.scheme = url.scheme
        self.host = url.host
        self.apiKey = apiKey
        self.retryPolicy = retryPolicy
        self.timeout = timeout
        self.proxy = proxy
        self.trust = trust
    }

    /// Resolves the settings from flags (`nil` when not given) and the environment.
    public static func resolve(
        host: String?, apiKey: String?, maxAttempts: Int?, timeout: String?, environment: Environment
    ) throws -> DeliverySettings {
        let attempts = maxAttempts ?? 5
        guard (1...100).contains(attempts) else {
            throw TelemetryError.usage("--max-attempts must be between 1 and 100, got \(attempts)")
        }
        return try DeliverySettings(
            host: host ?? environment["POSTHOG_HOST"] ?? defaultHost,
            apiKey: apiKey ?? environment["POSTHOG_API_KEY"],
            retryPolicy: RetryPolicy(maxAttempts: attempts),
            timeout: try Seconds.parse(timeout, name: "--timeout") ?? defaultTimeout,
            proxy: try ProxySettings.from(environment),
            trust: trust(environment)
        )
    }

    static func trust(_ environment: Environment) -> Trust {
        if let file = environment["SSL_CERT_FILE"], !file.isEmpty { return .file(file) }
        if let directory = environment["SSL_CERT_DIR"], !directory.isEmpty { return .directory(directory) }
        return .system
    }

    /// Secrets this configuration knows of: the API key and proxy passwords.
    public var secrets: [String] { [apiKey].compactMap { $0 } + proxy.secrets }
}
