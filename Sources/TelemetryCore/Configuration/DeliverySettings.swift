import HTTP

/// Where and how events are sent (README: "Configuration", "Delivery, retries and deduplication").
package struct DeliverySettings: Sendable {
    /// The capture endpoint: `{host}/batch/`.
    package let endpoint: String
    /// The host as configured, without a trailing slash.
    package let baseURL: String
    package let scheme: String
    package let host: String
    /// The project API key; `nil` is allowed only for a dry run.
    package let apiKey: String?
    package let retryPolicy: RetryPolicy
    /// Overall deadline for delivery, every attempt and wait included (`--timeout`). A job that
    /// spent part of it on the network before delivering (Devtron's telemetry service, the
    /// Kubernetes version) delivers within what is left (`TelemetryJob`).
    package let timeout: Duration
    package let proxy: ProxySettings
    /// The certificate authorities PostHog's certificate must chain to: the system's, or those of
    /// `SSL_CERT_FILE` (a PEM file) or `SSL_CERT_DIR` (a hashed directory), the variables Go
    /// programs such as the orchestrator read: for egress through a TLS-inspecting proxy.
    package let trust: Trust
    /// Whether the host was configured (flag or `POSTHOG_HOST`) rather than defaulted: a configured
    /// host wins over the endpoint Devtron's telemetry service names.
    package let hostConfigured: Bool

    package init(
        host: String, apiKey: String?, retryPolicy: RetryPolicy, timeout: Duration, proxy: ProxySettings,
        trust: Trust = .system, hostConfigured: Bool = true
    ) throws {
        let trimmed = host.hasSuffix("/") ? String(host.dropLast()) : host
        // Checked here, not by libcurl on the first attempt: a bad URL is a configuration error
        // (exit 2, nothing sent), never a delivery failure retried until the deadline.
        guard let url = URLText.parseHTTP(trimmed, allowUserInfo: false, allowPath: true) else {
            throw TelemetryError.usage(
                "PostHog host must be an http(s) URL like \(Settings.posthogHost.defaultValue ?? "") (no user, query or fragment), "
                    + "got \(Escaping.quoted(URLText.maskingUserInfo(host)))"
            )
        }
        self.endpoint = trimmed + "/batch/"
        self.baseURL = trimmed
        self.scheme = url.scheme
        self.host = url.host
        self.apiKey = apiKey
        self.retryPolicy = retryPolicy
        self.timeout = timeout
        self.proxy = proxy
        self.trust = trust
        self.hostConfigured = hostConfigured
    }

    /// Resolves the settings from flags (`nil` when not given) and the environment.
    package static func resolve(
        host: String?, apiKey: String?, maxAttempts: String?, timeout: String?, environment: Environment
    ) throws -> DeliverySettings {
        let attempts = try Settings.maxAttempts.integer(maxAttempts, environment) ?? RetryPolicy().maxAttempts
        let configuredHost = Settings.posthogHost.given(host, environment)
        // Trimmed as UCID is: a Secret made from a file carries its newline, and a blank key is no
        // key (Devtron's telemetry service is asked instead).
        let key = Settings.posthogAPIKey.given(apiKey, environment).map { $0.trimmed() }
        return try DeliverySettings(
            host: Settings.posthogHost.text(host, environment) ?? "",
            apiKey: key?.isEmpty == false ? key : nil,
            retryPolicy: RetryPolicy(maxAttempts: attempts),
            timeout: try Settings.timeout.seconds(timeout, environment) ?? .zero,
            proxy: try ProxySettings.from(environment),
            trust: trust(environment),
            hostConfigured: configuredHost != nil
        )
    }

    /// These settings with the key and endpoint Devtron's telemetry service named (the configured
    /// host, if any, kept).
    package func using(_ info: TelemetryService.PostHogInfo) throws -> DeliverySettings {
        do {
            return try DeliverySettings(
                host: hostConfigured ? baseURL : info.endpoint,
                apiKey: info.apiKey, retryPolicy: retryPolicy, timeout: timeout, proxy: proxy, trust: trust,
                hostConfigured: hostConfigured
            )
        } catch {
            // The service's answer, not the operator's setting: nothing of it is quoted.
            throw TelemetryError.service("Devtron's telemetry service named a PostHog endpoint that cannot be used; nothing was sent")
        }
    }

    static func trust(_ environment: Environment) -> Trust {
        if let file = Settings.sslCertFile.given(nil, environment) { return .file(file) }
        if let directory = Settings.sslCertDir.given(nil, environment) { return .directory(directory) }
        return .system
    }

    /// Secrets this configuration knows of: the API key and proxy passwords.
    package var secrets: [String] { [apiKey].compactMap { $0 } + proxy.secrets }
}
