import Foundation
import Postgres
import TelemetryCore
import TestSupport
import XCTest

/// The orchestrator layout end to end: the built binary on the real server, its dry-run document
/// compared with the values worked out by hand from the fixtures' rows.
final class OrchestratorLayoutTests: CLITestCase {
    private func summaryProperties(_ outcome: CommandRunner.Outcome, file: StaticString = #filePath, line: UInt = #line) throws -> [String: Any] {
        let summary = try XCTUnwrap(events(try document(outcome, file: file, line: line)).first { $0["event"] as? String == "Summary" },
                                    "no Summary:\n\(outcome.stderr)", file: file, line: line)
        return try XCTUnwrap(summary["properties"] as? [String: Any], file: file, line: line)
    }

    /// A JSON value as sent, its type kept apart: JSONDecoder reads `true` only as a Bool and
    /// `1` only as a number, so a flag sent as 1 or a count sent as true cannot pass.
    private enum SentValue: Decodable, Equatable {
        case bool(Bool), int(Int), text(String), list([String]), other

        init(from decoder: any Decoder) throws {
            let container = try decoder.singleValueContainer()
            if let flag = try? container.decode(Bool.self) { self = .bool(flag) }
            else if let number = try? container.decode(Int.self) { self = .int(number) }
            else if let text = try? container.decode(String.self) { self = .text(text) }
            else if let list = try? container.decode([String].self) { self = .list(list) }
            else { self = .other }
        }
    }

    private struct Document: Decodable {
        struct Event: Decodable {
            let event: String
            let properties: [String: SentValue]
        }
        let batch: [Event]
    }

    /// The Summary's properties with their JSON types.
    private func sentValues(_ outcome: CommandRunner.Outcome) throws -> [String: SentValue] {
        let document = try JSONDecoder().decode(Document.self, from: Data(outcome.stdout.utf8))
        return try XCTUnwrap(document.batch.first { $0.event == "Summary" }?.properties)
    }

    private func matches(_ value: SentValue?, _ expected: ExpectedValue) -> Bool {
        switch expected {
        case .int(let number): return value == .int(number)
        case .bool(let flag): return value == .bool(flag)
        case .text(let text): return value == .text(text)
        case .list(let items): return value == .list(items)
        }
    }

    private func assertEveryField(_ properties: [String: SentValue], _ expected: [String: ExpectedValue],
                                  file: StaticString = #filePath, line: UInt = #line) {
        for metric in MetricCatalog.metrics(in: .orchestrator) {
            guard let value = expected[metric.id] else {
                XCTFail("no expectation for \(metric.id)", file: file, line: line)
                continue
            }
            for key in metric.keys(in: .orchestrator) {
                XCTAssertTrue(matches(properties[key], value), "\(key): sent \(properties[key].map { "\($0)" } ?? "nothing"), expected \(value)",
                              file: file, line: line)
            }
        }
    }

    func testEveryFieldOnTheTrickyOrchestratorRows() throws {
        let database = try TestDatabase("orchestratorlayout", rows: "orchestrator-rows.sql")
        let outcome = try run(["run", "--dry-run", "--layout", "orchestrator", "--devtron-release-version", "v2.2.0",
                               "--database-url", database.url], ["UCID": "ucid-orchestrator", "DEVTRON_MODE": "EA_ONLY"])
        XCTAssertEqual(outcome.status, 0, outcome.stderr)
        let properties = try summaryProperties(outcome)
        assertEveryField(try sentValues(outcome), OrchestratorFixtureExpectations.orchestratorRows)
        XCTAssertNil(properties["summary"])
        XCTAssertNil(properties["failedMetrics"])
        XCTAssertEqual(properties["devtronMode"] as? String, "EA_ONLY")
        XCTAssertEqual(properties["devtronReleaseVersion"] as? String, "v2.2.0")
        XCTAssertEqual(properties["clusterProvider"] as? String, "unknown")
        XCTAssertEqual((properties["ExternalHelmAppClusterCount"] as? [String: Any])?.count, 0)
        // Nothing else: the catalog's keys, the fixed fields and the common envelope.
        let catalogKeys = Set(MetricCatalog.metrics(in: .orchestrator).flatMap { $0.keys(in: .orchestrator) })
        let fixed: Set<String> = ["ucid", "eventType", "devtronVersion", "serverVersion", "timestamp", "$lib", "$lib_version",
                                  "devtronMode", "devtronReleaseVersion", "clusterProvider", "ExternalHelmAppClusterCount"]
        XCTAssertEqual(Set(properties.keys), catalogKeys.union(fixed))
        let heartbeat = try XCTUnwrap(events(try document(outcome)).first { $0["event"] as? String == "Heartbeat" }?["properties"] as? [String: Any])
        XCTAssertEqual(heartbeat["devtronMode"] as? String, "EA_ONLY")
        XCTAssertEqual(heartbeat["devtronReleaseVersion"] as? String, "v2.2.0")
        XCTAssertNil(heartbeat["appCount"])
        assertNothingLeaks(outcome)
        XCTAssertTrue(outcome.stderr.contains("round_trips=1\n"), "one round trip for the whole Summary:\n\(outcome.stderr)")
    }

    func testNothingReadLeavesTheProcessInEitherLayout() throws {
        let database = try TestDatabase("orchestratorleak", rows: "orchestrator-rows.sql")
        for layout in ["seed", "orchestrator"] {
            let outcome = try run(["run", "--dry-run", "--layout", layout, "--database-url", database.url, "--verbose"], ["UCID": "u"])
            XCTAssertEqual(outcome.status, 0, outcome.stderr)
            assertNothingLeaks(outcome)
        }
    }

    func testADroppedTableAndALockFailOnlyTheirMetrics() throws {
        let database = try TestDatabase("orchestratorfail", rows: "orchestrator-rows.sql")
        try database.connect().executeScript("DROP TABLE module")
        // Another session holds a lock gitops_config's count must wait for, past the statement timeout.
        let blocker = try database.connect()
        try blocker.executeScript("BEGIN; LOCK TABLE gitops_config IN ACCESS EXCLUSIVE MODE")
        let outcome = try run(["run", "--dry-run", "--layout", "orchestrator", "--statement-timeout", "0.5",
                               "--database-url", database.url], ["UCID": "u"])
        try blocker.executeScript("ROLLBACK")
        XCTAssertEqual(outcome.status, 3, outcome.stderr)
        let properties = try summaryProperties(outcome)
        let sent = try sentValues(outcome)
        let lists = ["installFailedIntegrations", "installTimedOutIntegrations", "installedIntegrations", "installingIntegrations"]
        XCTAssertEqual(properties["failedMetrics"] as? [String], (lists + ["gitOpsCount"]).sorted())
        for key in lists { XCTAssertNil(properties[key], "a failed list is left out") }
        XCTAssertEqual(properties["gitOpsCount"] as? Int, -1, "a failed count is -1")
        var expected = OrchestratorFixtureExpectations.orchestratorRows
        for id in lists + ["gitOpsCount"] { expected[id] = nil }
        for (id, value) in expected {
            for key in MetricCatalog.all.first(where: { $0.id == id })?.keys(in: .orchestrator) ?? [] {
                XCTAssertTrue(matches(sent[key], value), "\(key) lost: \(sent[key].map { "\($0)" } ?? "nothing")")
            }
        }
        XCTAssertTrue(outcome.stderr.contains("sqlstate=42P01"), outcome.stderr)
        XCTAssertTrue(outcome.stderr.contains("sqlstate=57014"), outcome.stderr)
        // The first round trip, then one more per failed metric (the four lists and the count).
        XCTAssertTrue(outcome.stderr.contains("round_trips=6\n"), outcome.stderr)
    }

    func testAFreshInstallGivesTheFreshInstallValues() throws {
        let schema = try TestEnvironment.requireSharedSchema()
        let database = try TestDatabase("orchestratorfresh", loading: [schema])
        try database.connect().executeScript(OrchestratorFixtureExpectations.freshInstallRows)
        let outcome = try run(["run", "--dry-run", "--layout", "orchestrator", "--database-url", database.url], ["UCID": "u"])
        XCTAssertEqual(outcome.status, 0, outcome.stderr)
        assertEveryField(try sentValues(outcome), OrchestratorFixtureExpectations.freshInstall)
    }
}
