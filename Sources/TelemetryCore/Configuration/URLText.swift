/// What the job must know of a URL before anything else reads it: the password it may carry (to
/// mask it in every output from the first line on), the text to show in an error (userinfo
/// masked), and whether an http(s) URL is well-formed enough to send to (RFC 3986 characters only,
/// a plain host name or IP literal, a port in range), so a bad one is a configuration error at
/// once rather than a retried delivery failure.
package enum URLText {
    /// Passwords in `text`, both as written and percent-decoded: the userinfo's password of a URL
    /// (`scheme://user:password@host`) and a conninfo string's `password=` value. Found by hand,
    /// never by a parser that could fail on the very input whose error must stay masked.
    package static func passwords(in text: String) -> [String] {
        var found: [String] = []
        if let userInfo = userInfo(of: text), let colon = userInfo.firstIndex(of: ":") {
            let password = String(userInfo[userInfo.index(after: colon)...])
            found += [password, percentDecoded(password)]
        }
        // conninfo: password=value, password = 'quoted value'
        var rest = Substring(text)
        while let range = rest.firstRange(of: "password") {
            var after = rest[range.upperBound...].drop { $0 == " " || $0 == "\t" }
            guard after.first == "=" else { rest = rest[range.upperBound...]; continue }
            after = after.dropFirst().drop { $0 == " " || $0 == "\t" }
            let value: Substring
            if after.first == "'" {
                value = after.dropFirst().prefix { $0 != "'" }
            } else {
                value = after.prefix { !$0.isWhitespace }
            }
            found += [String(value), String(value.replacing("\\", with: ""))]
            rest = after
        }
        // A password too short to be anything but noise would mask unrelated text.
        return found.filter { !$0.isEmpty }
    }

    /// `text` with a URL's userinfo (`user:password@`) shown as `***@`: safe to echo in an error.
    package static func maskingUserInfo(_ text: String) -> String {
        guard let start = authorityStart(text), let at = text[start...].lastIndex(of: "@") else { return text }
        return String(text[..<start]) + Redactor.mask + String(text[at...])
    }

    /// The userinfo of a URL-like text: between `://` and the last `@` (a password may hold `/`).
    static func userInfo(of text: String) -> Substring? {
        guard let start = authorityStart(text), let at = text[start...].lastIndex(of: "@") else { return nil }
        return text[start..<at]
    }

    private static func authorityStart(_ text: String) -> String.Index? {
        text.firstRange(of: "://")?.upperBound
    }

    static func percentDecoded(_ text: String) -> String {
        var bytes: [UInt8] = []
        var utf8 = Array(text.utf8)[...]
        while let byte = utf8.popFirst() {
            if byte == UInt8(ascii: "%"), utf8.count >= 2,
               let value = UInt8(String(decoding: utf8.prefix(2), as: UTF8.self), radix: 16) {
                bytes.append(value)
                utf8 = utf8.dropFirst(2)
            } else {
                bytes.append(byte)
            }
        }
        return String(decoding: bytes, as: UTF8.self)
    }

    /// A well-formed http(s) URL's parts, or nil. `allowUserInfo` for proxies, which may carry a
    /// user and password; `allowPath` for PostHog hosts behind a path prefix.
    package struct HTTPURL: Sendable, Equatable {
        package let scheme: String
        /// Without brackets for an IPv6 literal.
        package let host: String
        package let port: Int?
        package let user: String?
        package let password: String?
    }

    /// One label of a host name: 1–63 letters, digits, `-` (not at either end) or `_`.
    private static func isHostLabel(_ label: Substring) -> Bool {
        guard !label.isEmpty, label.count <= 63, label.first != "-", label.last != "-" else { return false }
        return label.unicodeScalars.allSatisfy { scalar in
            ("a"..."z").contains(scalar) || ("A"..."Z").contains(scalar) || ("0"..."9").contains(scalar) || scalar == "-" || scalar == "_"
        }
    }

    package static func parseHTTP(_ text: String, allowUserInfo: Bool, allowPath: Bool) -> HTTPURL? {
        // RFC 3986's characters only: no space, no control character, nothing non-ASCII.
        let allowed = Set("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-._~:/?#[]@!$&'()*+,;=%".unicodeScalars)
        guard !text.isEmpty, text.unicodeScalars.allSatisfy(allowed.contains),
              let schemeEnd = text.firstRange(of: "://") else { return nil }
        let scheme = text[..<schemeEnd.lowerBound].lowercased()
        guard scheme == "http" || scheme == "https" else { return nil }
        var rest = text[schemeEnd.upperBound...]
        guard !rest.contains("?"), !rest.contains("#") else { return nil }
        var user: String?, password: String?
        if let at = rest.lastIndex(of: "@") {
            guard allowUserInfo else { return nil }
            let info = rest[..<at]
            if let colon = info.firstIndex(of: ":") {
                user = percentDecoded(String(info[..<colon]))
                password = percentDecoded(String(info[info.index(after: colon)...]))
            } else {
                user = percentDecoded(String(info))
            }
            rest = rest[rest.index(after: at)...]
        }
        let authority = rest.prefix { $0 != "/" }
        let path = rest.dropFirst(authority.count)
        guard allowPath || path.isEmpty || path == "/" else { return nil }
        var host = Substring(authority)
        var portText: Substring?
        if host.hasPrefix("[") {
            guard let close = host.firstIndex(of: "]") else { return nil }
            let literal = host[host.index(after: host.startIndex)..<close]
            guard !literal.isEmpty, literal.allSatisfy({ $0.isHexDigit || $0 == ":" || $0 == "." }), literal.contains(":") else {
                return nil
            }
            let after = host[host.index(after: close)...]
            if !after.isEmpty {
                guard after.first == ":" else { return nil }
                portText = after.dropFirst()
            }
            host = literal
        } else {
            if let colon = host.firstIndex(of: ":") {
                portText = host[host.index(after: colon)...]
                host = host[..<colon]
            }
            // Host-name labels (a trailing dot allowed), which IPv4 literals are too.
            let name = host.hasSuffix(".") ? host.dropLast() : host
            let labels = name.split(separator: ".", omittingEmptySubsequences: false)
            guard !name.isEmpty, labels.allSatisfy(isHostLabel) else { return nil }
        }
        var port: Int?
        if let portText {
            guard let number = DecimalNumber.port(String(portText)) else { return nil }
            port = number
        }
        return HTTPURL(scheme: scheme, host: String(host), port: port, user: user, password: password)
    }
}
