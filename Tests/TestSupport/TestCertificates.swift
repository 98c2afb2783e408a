import Foundation
import NIOSSL

/// A throwaway certificate authority and a server certificate for 127.0.0.1, made for each test run
/// by `scripts/lib/tls-certs.sh` (the one script that makes the bench's and check-runtime's too), so
/// nothing secret-looking is committed and nothing expires in the repository.
public struct TestCertificates {
    public let directory: URL
    public var caCertificate: URL { directory.appendingPathComponent("ca.crt") }
    public var otherCACertificate: URL { directory.appendingPathComponent("other-ca.crt") }
    public var serverCertificate: URL { directory.appendingPathComponent("server.crt") }
    public var serverKey: URL { directory.appendingPathComponent("server.key") }

    public init() throws {
        directory = FileManager.default.temporaryDirectory.appendingPathComponent("devtron-telemetry-tls-\(UUID().uuidString)")
        let script = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
            .appendingPathComponent("../../scripts/lib/tls-certs.sh").standardizedFileURL
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["bash", script.path, directory.path]
        process.standardOutput = FileHandle.nullDevice
        try process.run()
        process.waitUntilExit()
        guard process.terminationStatus == 0 else { throw CertificateError.script(script.path) }
    }

    /// A directory holding only the CA certificate, under its OpenSSL subject-hash name.
    public func caDirectory() throws -> URL {
        directory.appendingPathComponent("ca-dir")
    }

    /// A TLS server context presenting the server certificate.
    public func serverContext() throws -> NIOSSLContext {
        let configuration = TLSConfiguration.makeServerConfiguration(
            certificateChain: try NIOSSLCertificate.fromPEMFile(serverCertificate.path).map { .certificate($0) },
            privateKey: .privateKey(try NIOSSLPrivateKey(file: serverKey.path, format: .pem))
        )
        return try NIOSSLContext(configuration: configuration)
    }

    public func remove() {
        try? FileManager.default.removeItem(at: directory)
    }

    public enum CertificateError: Error { case script(String) }
}
