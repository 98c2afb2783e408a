import Foundation
import TestSupport
import XCTest

/// Helpers shared by the command-line tests, which run the real executable as a subprocess.
class CLITestCase: XCTestCase {
    /// The counts of Tests/Fixtures/tricky-rows.sql (TestSupport/FixtureExpectations.swift).
    static let trickyExpected = TrickyFixtureExpectations.seedCounts

    func run(_ arguments: [String], _ environment: [String: String] = [:], limit: Double = 60,
             standardOutput: FileHandle? = nil, file: StaticString = #filePath, line: UInt = #line) throws -> CommandRunner.Outcome {
        try CommandRunner.run(arguments, environment: environment, limit: limit, standardOutput: standardOutput, file: file, line: line)
    }

    /// stdout as the single JSON document it must be.
    func document(_ outcome: CommandRunner.Outcome, file: StaticString = #filePath, line: UInt = #line) throws -> [String: Any] {
        let object = try JSONSerialization.jsonObject(with: Data(outcome.stdout.utf8))
        return try XCTUnwrap(object as? [String: Any], "stdout is not one JSON object:\n\(outcome.stdout)\nstderr:\n\(outcome.stderr)", file: file, line: line)
    }

    func events(_ document: [String: Any]) -> [[String: Any]] {
        document["batch"] as? [[String: Any]] ?? []
    }

    func summary(_ document: [String: Any]) -> [String: Int]? {
        events(document).first { $0["event"] as? String == "Summary" }
            .flatMap { $0["properties"] as? [String: Any] }
            .flatMap { $0["summary"] as? [String: Int] }
    }

    /// Fails when any marker appears anywhere in what the process printed.
    func assertNothingLeaks(_ outcome: CommandRunner.Outcome, _ markers: [String] = ["LEAKCHECK", "example.com", "kubernetes.default.svc"],
                            file: StaticString = #filePath, line: UInt = #line) {
        for marker in markers {
            XCTAssertFalse(outcome.stdout.contains(marker), "stdout leaks \(marker)", file: file, line: line)
            XCTAssertFalse(outcome.stderr.contains(marker), "stderr leaks \(marker):\n\(outcome.stderr)", file: file, line: line)
        }
    }
}
