import Foundation
import TelemetryCore
import XCTest

/// The two layouts of the Summary event, and the settings that choose between them.
final class LayoutTests: XCTestCase {
    /// 2026-11-24T03:17:00.512Z
    let runStart = Date(timeIntervalSince1970: 1_795_490_220.512)

    private func properties(_ event: TelemetryEvent) throws -> [String: Any] {
        let data = try JSONEncoder().encode(event)
        let object = try XCTUnwrap(JSONSerialization.jsonObject(with: data) as? [String: Any])
        return try XCTUnwrap(object["properties"] as? [String: Any])
    }

    func testTheOrchestratorLayoutIsFlatWithItsFixedFieldsAndFailures() throws {
        let layout = LayoutSettings(layout: .orchestrator, devtronMode: .eaOnly, devtronReleaseVersion: "v2.2.0")
        let context = EventContext(ucid: "u", devtronVersion: "v1", serverVersion: "v1.29.3", layout: layout)
        let summary = Summary(
            layout: .orchestrator,
            values: [
                "appCount": .integer(3), "devtronAppCount": .integer(3), "hostURL": .flag(false),
                "HelmAppAccessCounter": .text("0"), "installedIntegrations": .list([]), "gitOpsCount": .integer(-1),
            ],
            failedKeys: ["gitOpsCount", "ssoLogin"]
        )
        let properties = try properties(context.jobEvent(.summary, at: runStart, summary: summary))
        XCTAssertNil(properties["summary"], "no nested summary in the orchestrator layout")
        XCTAssertEqual(properties["appCount"] as? Int, 3)
        XCTAssertEqual(properties["devtronAppCount"] as? Int, 3)
        XCTAssertEqual(properties["hostURL"] as? Bool, false, "false is sent, not dropped")
        XCTAssertEqual(properties["HelmAppAccessCounter"] as? String, "0", "a text counter is a JSON string")
        XCTAssertEqual(properties["installedIntegrations"] as? [String], [], "an empty list is sent")
        XCTAssertEqual(properties["gitOpsCount"] as? Int, -1)
        XCTAssertNil(properties["ssoLogin"], "a failed flag is left out")
        XCTAssertEqual(properties["failedMetrics"] as? [String], ["gitOpsCount", "ssoLogin"])
        XCTAssertEqual(properties["devtronMode"] as? String, "EA_ONLY")
        XCTAssertEqual(properties["devtronReleaseVersion"] as? String, "v2.2.0")
        XCTAssertEqual(properties["clusterProvider"] as? String, "unknown")
        XCTAssertEqual(properties["ExternalHelmAppClusterCount"] as? [String: Int], [:])
        XCTAssertEqual(properties["eventType"] as? String, "Summary")
        XCTAssertEqual(properties["ucid"] as? String, "u")

        let heartbeat = try self.properties(context.jobEvent(.heartbeat, at: runStart))
        XCTAssertEqual(heartbeat["devtronMode"] as? String, "EA_ONLY")
        XCTAssertEqual(heartbeat["devtronReleaseVersion"] as? String, "v2.2.0")
        XCTAssertNil(heartbeat["appCount"])
        XCTAssertNil(heartbeat["clusterProvider"])
        XCTAssertNil(heartbeat["failedMetrics"])
    }

    func testWithoutAReleaseVersionTheKeyIsLeftOut() throws {
        let context = EventContext(ucid: "u", devtronVersion: "v1", serverVersion: "x", layout: LayoutSettings(layout: .orchestrator))
        let properties = try properties(context.jobEvent(.summary, at: runStart, summary: Summary(layout: .orchestrator)))
        XCTAssertEqual(properties["devtronMode"] as? String, "FULL")
        XCTAssertFalse(properties.keys.contains("devtronReleaseVersion"))
        XCTAssertFalse(properties.keys.contains("failedMetrics"), "absent when nothing failed")
    }

    func testTheSeedLayoutNestsTheCountsAndNamesFailures() throws {
        let context = EventContext(ucid: "u", devtronVersion: "v1", serverVersion: "x")
        let summary = Summary(counts: ["clusterCount": 2, "userCount": -1])
        let properties = try properties(context.jobEvent(.summary, at: runStart, summary: summary))
        XCTAssertEqual(properties["summary"] as? [String: Int], ["clusterCount": 2, "userCount": -1])
        XCTAssertEqual(properties["failedMetrics"] as? [String], ["userCount"])
        XCTAssertNil(properties["devtronMode"], "the seed layout adds nothing the overview does not have")
        XCTAssertNil(properties["clusterCount"])
        XCTAssertNil(try self.properties(context.jobEvent(.heartbeat, at: runStart))["devtronMode"])
    }

    func testLayoutSettingsFromFlagsThenEnvironment() throws {
        let environment = Environment(["SUMMARY_LAYOUT": "orchestrator", "DEVTRON_MODE": "EA_ONLY", "DEVTRON_RELEASE_VERSION": "v2.1.0"])
        let fromEnvironment = try LayoutSettings.resolve(layout: nil, devtronMode: nil, devtronReleaseVersion: nil, environment: environment)
        XCTAssertEqual(fromEnvironment, LayoutSettings(layout: .orchestrator, devtronMode: .eaOnly, devtronReleaseVersion: "v2.1.0"))
        let flagsWin = try LayoutSettings.resolve(layout: "seed", devtronMode: "FULL", devtronReleaseVersion: "v3", environment: environment)
        XCTAssertEqual(flagsWin, LayoutSettings(layout: .seed, devtronMode: .full, devtronReleaseVersion: "v3"))
        XCTAssertEqual(try LayoutSettings.resolve(layout: nil, devtronMode: nil, devtronReleaseVersion: nil, environment: Environment([:])),
                       LayoutSettings())
        for (layout, mode, release) in [("flat", nil, nil), (nil, "LITE", nil), (nil, nil, "v1\nv2"), (nil, nil, String(repeating: "9", count: 65))] as [(String?, String?, String?)] {
            XCTAssertThrowsError(try LayoutSettings.resolve(layout: layout, devtronMode: mode, devtronReleaseVersion: release, environment: Environment([:]))) { error in
                XCTAssertEqual((error as? TelemetryError)?.exitCode, .usage)
                XCTAssertFalse("\(error)".contains("\n"), "one line")
            }
        }
    }

    func testEachRecordBelongsToALayoutAndKeysAreUniquePerLayout() {
        for metric in MetricCatalog.all {
            XCTAssertFalse(metric.layouts.isEmpty, metric.id)
            XCTAssertFalse(metric.reads.isEmpty, "\(metric.id) declares no column")
        }
        for layout in Metric.Layout.allCases {
            let keys = MetricCatalog.metrics(in: layout).flatMap { $0.keys(in: layout) }
            XCTAssertEqual(keys.count, Set(keys).count, "\(layout): a key sent twice")
        }
        XCTAssertEqual(Set(MetricCatalog.all.map(\.id)).count, MetricCatalog.all.count, "ids are unique")
    }
}
