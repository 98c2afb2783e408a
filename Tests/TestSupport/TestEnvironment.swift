import Foundation
import XCTest

/// Where the tests find the real parts scripts/test provides, and the repository's files.
package enum TestEnvironment {
    /// The repository's root, from this file's place in it.
    package static let repositoryRoot: URL = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    package static func repositoryFile(_ relativePath: String) -> URL {
        repositoryRoot.appendingPathComponent(relativePath)
    }

    /// Whether the suite runs under CI, as CI systems say it: `CI` set to anything but `false`
    /// or `0` (GitHub and GitLab set `true`, others `1`, `yes` or their own name). Unset or empty
    /// is not CI.
    package static var isCI: Bool { isCI(ProcessInfo.processInfo.environment["CI"]) }

    package static func isCI(_ value: String?) -> Bool {
        guard let value = value?.trimmingCharacters(in: .whitespaces), !value.isEmpty else { return false }
        return !["false", "0"].contains(value.lowercased())
    }

    /// The superuser URL of the throwaway server scripts/test starts. Its absence is a failure,
    /// never a skip: a suite that quietly tests nothing would be worse than a red one.
    package static func adminDatabaseURL(file: StaticString = #filePath, line: UInt = #line) throws -> String {
        guard let url = ProcessInfo.processInfo.environment["TEST_DATABASE_URL"], !url.isEmpty else {
            XCTFail("TEST_DATABASE_URL is not set: run the suite with scripts/test, which starts PostgreSQL", file: file, line: line)
            throw MissingPart.database
        }
        return url
    }

    /// The full orchestrator schema for tests that need it: skipped, with a message, when it is not
    /// beside the repository; a failure under CI, where a skip would hide that nothing was tested.
    package static func requireSharedSchema(file: StaticString = #filePath, line: UInt = #line) throws -> URL {
        if let schema = sharedSchema { return schema }
        let message = "../shared/orchestrator-schema.sql (or TEST_SHARED_SCHEMA) is missing"
        if isCI {
            XCTFail("\(message) under CI", file: file, line: line)
            throw MissingPart.sharedSchema
        }
        throw XCTSkip("\(message): the full-schema test is skipped outside CI", file: file, line: line)
    }

    /// The full orchestrator schema (../shared/orchestrator-schema.sql), when present beside the repository.
    package static var sharedSchema: URL? {
        let configured = ProcessInfo.processInfo.environment["TEST_SHARED_SCHEMA"].map(URL.init(fileURLWithPath:))
        let candidate = configured ?? repositoryRoot.deletingLastPathComponent().appendingPathComponent("shared/orchestrator-schema.sql")
        return FileManager.default.fileExists(atPath: candidate.path) ? candidate : nil
    }

    package enum MissingPart: Error { case database, sharedSchema, binary }
}
