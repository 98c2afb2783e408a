import HTTP
import Logging
#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif

/// Finds the Kubernetes version for `serverVersion` (README: "Server version"): inside a pod, GET `/version` from
/// the API server with the pod's service-account token and CA, and use `gitVersion`. Every failure
/// gives "unknown" and a warning; the job goes on.
package struct ServerVersionDiscovery: Sendable {
    package static let unknown = "unknown"

    package let environment: Environment
    package var timeout: Duration = .seconds(5)

    package init(environment: Environment) {
        self.environment = environment
    }

    /// The explicit version if given; else the API server's, asked within `budget` (what is left
    /// of the command's `--timeout`, and at most `timeout`); else "unknown".
    package func resolve(explicit: String?, within budget: Duration? = nil, logger: Logger) -> String {
        if let explicit { return explicit }
        guard let host = Settings.kubernetesHost.given(nil, environment) else {
            logger.warning("server version unknown", metadata: ["reason": "not in a pod (KUBERNETES_SERVICE_HOST unset) and --server-version not given"])
            return Self.unknown
        }
        let limit = min(timeout, budget ?? timeout)
        guard limit > .zero else {
            logger.warning("server version unknown", metadata: ["reason": "no time left within --timeout"])
            return Self.unknown
        }
        do {
            let version = try fetch(host: host, timeout: limit)
            logger.debug("server version discovered", metadata: ["version": "\(version)"])
            return version
        } catch {
            logger.warning("server version unknown", metadata: ["reason": "\(error)"])
            return Self.unknown
        }
    }

    private func fetch(host: String, timeout: Duration) throws -> String {
        let port = Settings.kubernetesPort.text(nil, environment) ?? ""
        let directory = Settings.serviceAccountDirectory.text(nil, environment) ?? ""
        let token = try readFile(directory + "/token").trimmed()
        // The token goes into a header line: a line break in it would start a header of its own.
        guard !token.isEmpty, !token.unicodeScalars.contains(where: Escaping.isControl) else {
            throw DiscoveryError("the service-account token is empty or holds control characters")
        }
        let authority = host.contains(":") ? "[\(host)]" : host
        let url = "https://\(authority):\(port)/version"
        guard URLText.parseHTTP(url, allowUserInfo: false, allowPath: true) != nil else {
            throw DiscoveryError("KUBERNETES_SERVICE_HOST and KUBERNETES_SERVICE_PORT do not form a URL")
        }
        // Straight to the API server (no proxy), trusting the pod's CA alone.
        let request = HTTPRequest(
            method: .get, url: url,
            headers: [
                ("Authorization", "Bearer \(token)"),
                ("Accept", "application/json"),
                ("User-Agent", TelemetryVersion.userAgent),
            ],
            timeout: timeout, trust: .file(directory + "/ca.crt")
        )
        let response = try HTTPTransfer.perform(request)
        guard response.status == 200 else {
            throw DiscoveryError("API server answered HTTP \(response.status)")
        }
        let info = try JSONDecoder().decode(VersionInfo.self, from: Data(response.body))
        guard let version = info.gitVersion, !version.isEmpty, version.count <= 64 else {
            throw DiscoveryError("API server's /version has no gitVersion")
        }
        return version
    }

    private func readFile(_ path: String) throws -> String {
        do {
            return String(decoding: try Data(contentsOf: URL(fileURLWithPath: path)), as: UTF8.self)
        } catch {
            throw DiscoveryError("cannot read \(Escaping.quoted(path))")
        }
    }

    private struct VersionInfo: Decodable {
        let gitVersion: String?
    }

    struct DiscoveryError: Error, CustomStringConvertible {
        let description: String
        init(_ description: String) { self.description = description }
    }
}
