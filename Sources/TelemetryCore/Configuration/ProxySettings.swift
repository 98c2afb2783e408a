import HTTP

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Proxies from the environment, as curl and Go read them: `HTTPS_PROXY` for https targets,
/// `HTTP_PROXY` for http ones (lower-case names too), and `NO_PROXY` — a comma-separated list of
/// host names (matching the name and its subdomains), IP addresses, IPv4 CIDR blocks, or `*`.
package struct ProxySettings: Sendable, Equatable {
    package struct Server: Sendable, Equatable {
        package let host: String
        package let port: Int
        package let username: String?
        package let password: String?

        /// The proxy in the form the HTTP transfer takes.
        package var httpProxy: HTTPProxy {
            HTTPProxy(host: host, port: port, username: username, password: password)
        }
    }

    package let httpsProxy: Server?
    package let httpProxy: Server?
    package let noProxy: [String]

    package init(httpsProxy: Server? = nil, httpProxy: Server? = nil, noProxy: [String] = []) {
        self.httpsProxy = httpsProxy
        self.httpProxy = httpProxy
        self.noProxy = noProxy
    }

    package static func from(_ environment: Environment) throws -> ProxySettings {
        func server(_ setting: Setting) throws -> Server? {
            try setting.given(nil, environment).map { try parseServer($0, variable: setting.variables.first ?? "proxy") }
        }
        return ProxySettings(
            httpsProxy: try server(Settings.httpsProxy),
            httpProxy: try server(Settings.httpProxy),
            noProxy: (Settings.noProxy.given(nil, environment) ?? "").split(separator: ",")
                .map { $0.trimmed().lowercased() }
                .filter { !$0.isEmpty }
        )
    }

    /// Proxy passwords, to be kept out of every output.
    package var secrets: [String] { [httpsProxy?.password, httpProxy?.password].compactMap { $0 } }

    /// The proxy for a request to `host` over `scheme`, or `nil` to connect directly.
    package func server(scheme: String, host: String) -> Server? {
        let proxy = scheme == "https" ? httpsProxy : httpProxy
        guard let proxy, !bypasses(host) else { return nil }
        return proxy
    }

    func bypasses(_ rawHost: String) -> Bool {
        let host = Self.unbracketed(rawHost.lowercased())
        return noProxy.contains { entry in
            if entry == "*" { return true }
            if entry.contains("/") { return IPv4Block(entry)?.contains(host) ?? false }
            var name = entry.hasPrefix(".") ? String(entry.dropFirst()) : entry
            if name.hasPrefix("["), let close = name.firstIndex(of: "]") {
                name = String(name[name.index(after: name.startIndex)..<close])  // "[::1]" or "[::1]:port"
            } else if let colon = name.lastIndex(of: ":"), !name.contains("::"), name.filter({ $0 == ":" }).count == 1 {
                name = String(name[..<colon])  // "host:port": the port is not compared
            }
            return host == name || host.hasSuffix("." + name)
        }
    }

    /// "[::1]" → "::1": IPv6 literals compare without their URL brackets.
    static func unbracketed(_ host: String) -> String {
        host.hasPrefix("[") && host.hasSuffix("]") ? String(host.dropFirst().dropLast()) : host
    }

    static func parseServer(_ text: String, variable: String) throws -> Server {
        let withScheme = text.contains("://") ? text : "http://" + text
        // A malformed proxy is a configuration error (exit 2, nothing sent); the value is not
        // echoed, since it may carry a password.
        guard let url = URLText.parseHTTP(withScheme.hasSuffix("/") ? String(withScheme.dropLast()) : withScheme,
                                          allowUserInfo: true, allowPath: false)
        else {
            throw TelemetryError.usage("\(variable) is not a proxy URL like http://proxy.example:3128")
        }
        // An https:// proxy would have to be spoken to in TLS; sending it a plain CONNECT (with
        // the proxy's password) or a plain POST (with the API key) would be a downgrade. Refused.
        guard url.scheme == "http" else {
            throw TelemetryError.usage(
                "\(variable) names an https:// proxy, which is not supported; give an http:// proxy "
                    + "(the connection to an https target through it is still TLS); nothing was sent"
            )
        }
        return Server(
            host: url.host, port: url.port ?? 80,
            username: url.user, password: url.password  // percent-decoded
        )
    }
}

/// An IPv4 network in CIDR notation, for `NO_PROXY=10.0.0.0/8`.
struct IPv4Block {
    let network: UInt32
    let mask: UInt32

    init?(_ text: String) {
        let parts = text.split(separator: "/")
        guard parts.count == 2, let bits = Int(parts[1]), (0...32).contains(bits),
              let address = IPv4Block.address(String(parts[0])) else { return nil }
        mask = bits == 0 ? 0 : UInt32.max << UInt32(32 - bits)
        network = address & mask
    }

    func contains(_ host: String) -> Bool {
        guard let address = IPv4Block.address(host) else { return false }
        return address & mask == network
    }

    static func address(_ text: String) -> UInt32? {
        var value = in_addr()
        guard inet_pton(AF_INET, text, &value) == 1 else { return nil }
        return UInt32(bigEndian: value.s_addr)
    }
}
