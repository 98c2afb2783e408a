import Foundation
import XCTest

/// Where the tests find the real parts scripts/test provides, and the repository's files.
public enum TestEnvironment {
    /// The repository's root, from this file's place in it.
    public static let repositoryRoot: URL = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    public static func repositoryFile(_ relativePath: String) -> URL {
        repositoryRoot.appendingPathComponent(relativePath)
    }

    public static var isCI: Bool {
        ["true", "1"].contains(ProcessInfo.processInfo.environment["CI"]?.lowercased() ?? "")
    }

    /// The superuser URL of the throwaway server scripts/test starts. Its absence is a failure,
    /// never a skip: a suite that quietly tests nothing would be worse than a red one.
    public static func adminDatabaseURL(file: StaticString = #filePath, line: UInt = #line) throws -> String {
        guard let url = ProcessInfo.processInfo.environment["TEST_DATABASE_URL"], !url.isEmpty else {
            XCTFail("TEST_DATABASE_URL is not set: run the suite with scripts/test, which starts PostgreSQL", file: file, line: line)
            throw MissingPart.database
        }
        return url
    }

    /// The full orchestrator schema (../shared/orchestrator-schema.sql), when present beside the repository.
    public static var sharedSchema: URL? {
        let configured = ProcessInfo.processInfo.environment["TEST_SHARED_SCHEMA"].map(URL.init(fileURLWithPath:))
        let candidate = configured ?? repositoryRoot.deletingLastPathComponent().appendingPathComponent("shared/orchestrator-schema.sql")
        return FileManager.default.fileExists(atPath: candidate.path) ? candidate : nil
    }

    public enum MissingPart: Error { case database, sharedSchema, binary }
}
