/// One HTTP request, as the job sends it: small, bounded in time, never redirected.
package struct HTTPRequest: Sendable {
    package enum Method: String, Sendable { case get = "GET", post = "POST" }

    package var method: Method
    package var url: String
    package var headers: [(name: String, value: String)]
    package var body: [UInt8]
    /// The whole exchange, connect to last byte.
    package var timeout: Duration
    /// The TCP (and proxy) connect phase; never longer than `timeout`.
    package var connectTimeout: Duration
    /// `nil` connects directly: the process environment's proxy variables are never read here.
    package var proxy: HTTPProxy?
    package var trust: Trust
    /// Longest response body kept; the rest is not read.
    package var responseLimit: Int

    package init(
        method: Method, url: String, headers: [(name: String, value: String)] = [], body: [UInt8] = [],
        timeout: Duration, connectTimeout: Duration = .seconds(10), proxy: HTTPProxy? = nil,
        trust: Trust = .system, responseLimit: Int = 64 * 1024
    ) {
        self.method = method
        self.url = url
        self.headers = headers
        self.body = body
        self.timeout = timeout
        self.connectTimeout = connectTimeout
        self.proxy = proxy
        self.trust = trust
        self.responseLimit = responseLimit
    }
}

/// An HTTP proxy reached in plain HTTP; https targets go through it in a CONNECT tunnel.
package struct HTTPProxy: Sendable, Equatable {
    package let host: String
    package let port: Int
    package let username: String?
    package let password: String?

    package init(host: String, port: Int, username: String?, password: String?) {
        self.host = host
        self.port = port
        self.username = username
        self.password = password
    }
}

package struct HTTPResponse: Sendable {
    package let status: Int
    /// The status line's reason phrase ("Unauthorized"); may be empty.
    package let reason: String
    package let headers: [(name: String, value: String)]
    /// At most the request's `responseLimit` bytes.
    package let body: [UInt8]

    package init(status: Int, reason: String = "", headers: [(name: String, value: String)] = [], body: [UInt8] = []) {
        self.status = status
        self.reason = reason
        self.headers = headers
        self.body = body
    }

    /// The first value of header `name`, compared case-insensitively.
    package func header(_ name: String) -> String? {
        let wanted = name.lowercased()
        return headers.first { $0.name.lowercased() == wanted }?.value
    }
}

/// Why no response came back, in one line.
package struct HTTPTransferError: Error, CustomStringConvertible, Sendable {
    package enum Kind: Sendable { case timedOut, couldNotConnect, tls, other }

    package let kind: Kind
    package let description: String
}
