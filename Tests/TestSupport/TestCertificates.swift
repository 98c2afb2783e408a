import Foundation
import NIOSSL

/// A throwaway certificate authority and a server certificate for 127.0.0.1, made with openssl for
/// each test run, so nothing secret-looking is committed and nothing expires in the repository.
public struct TestCertificates {
    public let directory: URL
    public var caCertificate: URL { directory.appendingPathComponent("ca.crt") }
    public var otherCACertificate: URL { directory.appendingPathComponent("other-ca.crt") }
    public var serverCertificate: URL { directory.appendingPathComponent("server.crt") }
    public var serverKey: URL { directory.appendingPathComponent("server.key") }

    public init() throws {
        directory = FileManager.default.temporaryDirectory.appendingPathComponent("devtron-telemetry-tls-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        let d = directory.path
        try Self.openssl(["req", "-x509", "-newkey", "ec", "-pkeyopt", "ec_paramgen_curve:prime256v1", "-nodes",
                          "-keyout", "\(d)/ca.key", "-out", "\(d)/ca.crt", "-days", "2", "-subj", "/CN=test-ca"])
        try Self.openssl(["req", "-x509", "-newkey", "ec", "-pkeyopt", "ec_paramgen_curve:prime256v1", "-nodes",
                          "-keyout", "\(d)/other-ca.key", "-out", "\(d)/other-ca.crt", "-days", "2", "-subj", "/CN=other-ca"])
        try Self.openssl(["req", "-newkey", "ec", "-pkeyopt", "ec_paramgen_curve:prime256v1", "-nodes",
                          "-keyout", "\(d)/server.key", "-out", "\(d)/server.csr", "-subj", "/CN=127.0.0.1"])
        try "subjectAltName=IP:127.0.0.1\n".write(toFile: "\(d)/san.ext", atomically: true, encoding: .utf8)
        try Self.openssl(["x509", "-req", "-in", "\(d)/server.csr", "-CA", "\(d)/ca.crt", "-CAkey", "\(d)/ca.key",
                          "-CAcreateserial", "-out", "\(d)/server.crt", "-days", "2", "-extfile", "\(d)/san.ext"])
    }

    /// A directory holding only the CA certificate, under its OpenSSL subject-hash name.
    public func caDirectory() throws -> URL {
        let hashed = directory.appendingPathComponent("ca-dir")
        try FileManager.default.createDirectory(at: hashed, withIntermediateDirectories: true)
        try FileManager.default.copyItem(at: caCertificate, to: hashed.appendingPathComponent("ca.pem"))
        try Self.openssl(["rehash", hashed.path])
        return hashed
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

    private static func openssl(_ arguments: [String]) throws {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["openssl"] + arguments
        process.standardOutput = FileHandle.nullDevice
        process.standardError = FileHandle.nullDevice
        try process.run()
        process.waitUntilExit()
        guard process.terminationStatus == 0 else { throw CertificateError.openssl(arguments.first ?? "") }
    }

    public enum CertificateError: Error { case openssl(String) }
}
