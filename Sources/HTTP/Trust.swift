#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// The certificate authorities a TLS server's certificate must chain to.
package enum Trust: Sendable, Equatable {
    /// The system's store: its hashed directory (Debian's and Ubuntu's `/etc/ssl/certs`, kept by
    /// `update-ca-certificates`) when there is one, else libcurl's default.
    case system
    /// Only those in this PEM file.
    case file(String)
    /// Only those in this OpenSSL hashed directory (`openssl rehash`).
    case directory(String)
}

extension Trust {
    /// `/etc/ssl/certs` when it holds OpenSSL's hash links (`5ad8a5d6.0`: eight hex digits, a dot,
    /// a number), as `update-ca-certificates` and `openssl rehash` make them; else nil.
    static let systemDirectory: String? = hashedDirectory("/etc/ssl/certs")

    static func hashedDirectory(_ path: String) -> String? {
        guard let directory = opendir(path) else { return nil }
        defer { closedir(directory) }
        while let entry = readdir(directory) {
            let name = withUnsafeBytes(of: entry.pointee.d_name) { raw in
                String(decoding: raw.prefix { $0 != 0 }, as: UTF8.self)
            }
            if isHashLinkName(name) { return path }
        }
        return nil
    }

    static func isHashLinkName(_ name: String) -> Bool {
        let parts = name.split(separator: ".", omittingEmptySubsequences: false)
        guard parts.count == 2, parts[0].utf8.count == 8, !parts[1].isEmpty else { return false }
        return parts[0].utf8.allSatisfy { (0x30...0x39).contains($0) || (0x61...0x66).contains($0) }
            && parts[1].utf8.allSatisfy { (0x30...0x39).contains($0) }
    }
}
