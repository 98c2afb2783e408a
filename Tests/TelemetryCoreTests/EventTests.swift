import Foundation
import TelemetryCore
import XCTest

final class EventTests: XCTestCase {
    /// 2026-11-24T00:00:00.512Z
    let runStart = Date(timeIntervalSince1970: 1_795_478_400.512)

    func testTimestampsAreRFC3339UTCWithMilliseconds() {
        XCTAssertEqual(Timestamp.rfc3339(runStart), "2026-11-24T00:00:00.512Z")
        XCTAssertEqual(Timestamp.rfc3339(Date(timeIntervalSince1970: 0)), "1970-01-01T00:00:00.000Z")
        XCTAssertEqual(Timestamp.rfc3339(Date(timeIntervalSince1970: 951_825_599.999)), "2000-02-29T11:59:59.999Z")
        XCTAssertEqual(Timestamp.utcDate(runStart), "2026-11-24")
        XCTAssertEqual(Timestamp.utcHour(runStart.addingTimeInterval(7 * 3600)), "2026-11-24T07")
    }

    func testVersion5UUIDMatchesTheRFCTestVector() {
        // RFC 9562 Appendix A.4: DNS namespace, "www.example.com".
        let uuid = NameBasedUUID.version5(namespace: NameBasedUUID.dnsNamespace, name: "www.example.com")
        XCTAssertEqual(uuid.uuidString.lowercased(), "2ed6657d-e927-568b-95e1-2665a8aea6a2")
    }

    func testTheEventUUIDsAreTheOnesWorkedOutIndependently() {
        // Worked out with Python's uuid.uuid5 over the namespace 6b1f3a52-0e8d-4c71-9a2e-5d40c37718e9
        // and the names "qadgrtuxogziz8ak\x1fSummary\x1f2026-11-24" and
        // "qadgrtuxogziz8ak\x1fHeartbeat\x1f2026-11-24T07". A changed namespace, separator or
        // period format would make every event after an upgrade look new to PostHog.
        XCTAssertEqual(NameBasedUUID.eventNamespace.uuidString.lowercased(), "6b1f3a52-0e8d-4c71-9a2e-5d40c37718e9")
        let context = EventContext(ucid: "qadgrtuxogziz8ak", devtronVersion: "v1", serverVersion: "v1.29.3")
        XCTAssertEqual(context.jobEvent(.summary, at: runStart, summary: Summary(counts: [:])).uuid, "5034469b-f271-5597-83ce-11e569f490c4")
        XCTAssertEqual(context.jobEvent(.heartbeat, at: runStart.addingTimeInterval(7 * 3600 + 59)).uuid, "636a7ce8-8749-5749-bd14-d26c84f28e3e")
    }

    func testEventNamesAreTheListedOnes() {
        XCTAssertEqual(LifecycleEvent.allCases.map(\.rawValue), [
            "InstallationStart", "InstallationInProgress", "InstallationSuccess", "InstallationFailure", "InstallationInterrupt",
            "UpgradeStart", "UpgradeInProgress", "UpgradeSuccess", "UpgradeFailure", "UpgradeInterrupt", "$identify",
        ])
        XCTAssertEqual(JobEvent.allCases.map(\.rawValue), ["Summary", "Heartbeat"])
        XCTAssertEqual(JobEvent.allCases.map(\.optionName), ["summary", "heartbeat"])
    }

    func testJobEventUUIDsAreStablePerPeriodAndDifferPerUCIDAndEvent() {
        let context = EventContext(ucid: "qadgrtuxogziz8ak", devtronVersion: "v1", serverVersion: "v1.29.3")
        let summary = context.jobEvent(.summary, at: runStart, summary: Summary(counts: [:]))
        let laterSameDay = context.jobEvent(.summary, at: runStart.addingTimeInterval(23 * 3600), summary: Summary(counts: [:]))
        let nextDay = context.jobEvent(.summary, at: runStart.addingTimeInterval(24 * 3600), summary: Summary(counts: [:]))
        XCTAssertEqual(summary.uuid, laterSameDay.uuid)
        XCTAssertNotEqual(summary.uuid, nextDay.uuid)

        let heartbeat = context.jobEvent(.heartbeat, at: runStart)
        XCTAssertEqual(heartbeat.uuid, context.jobEvent(.heartbeat, at: runStart.addingTimeInterval(59 * 60)).uuid)
        XCTAssertNotEqual(heartbeat.uuid, context.jobEvent(.heartbeat, at: runStart.addingTimeInterval(3600)).uuid)
        XCTAssertNotEqual(heartbeat.uuid, summary.uuid)

        let other = EventContext(ucid: "another-install", devtronVersion: "v1", serverVersion: "v1.29.3")
        XCTAssertNotEqual(other.jobEvent(.summary, at: runStart).uuid, summary.uuid)
        XCTAssertEqual(UUID(uuidString: summary.uuid)?.uuidString.lowercased(), summary.uuid)
        XCTAssertEqual(Array(summary.uuid)[14], "5", "version nibble")
    }

    func testLifecycleEventsGetRandomUUIDs() {
        let context = EventContext(ucid: "u", devtronVersion: "v1", serverVersion: "unknown")
        XCTAssertNotEqual(context.lifecycleEvent("InstallationStart", message: nil, at: runStart).uuid,
                          context.lifecycleEvent("InstallationStart", message: nil, at: runStart).uuid)
    }

    func testBatchBodyHasTheSpecShapeAndKeepsZeroCounts() throws {
        let context = EventContext(ucid: "qadgrtuxogziz8ak", devtronVersion: "v1", serverVersion: "v1.29.3")
        let counts = ["cdCountPerDay": 1, "ciCountPerDay": 0, "clusterCount": 1, "environmentCount": 1,
                      "nonProdAppCount": 1, "prodAppCount": 0, "userCount": 2]
        let runAt = runStart.addingTimeInterval(3 * 3600 + 17 * 60)  // 2026-11-24T03:17:00.512Z
        let request = PostHogBatch(apiKey: "phc_secret", events: [
            context.jobEvent(.summary, at: runAt, summary: Summary(counts: counts)), context.jobEvent(.heartbeat, at: runAt),
        ])
        let body = try XCTUnwrap(JSONSerialization.jsonObject(with: Data(try request.wireBody())) as? [String: Any])
        XCTAssertEqual(body["api_key"] as? String, "phc_secret")
        XCTAssertEqual(body.keys.sorted(), ["api_key", "batch"], "no sent_at: PostHog would shift the stored timestamps by it")
        let batch = try XCTUnwrap(body["batch"] as? [[String: Any]])
        XCTAssertEqual(batch.map { $0["event"] as? String }, ["Summary", "Heartbeat"])
        let summary = batch[0]
        XCTAssertEqual(summary["type"] as? String, "capture")
        XCTAssertEqual(summary["distinct_id"] as? String, "qadgrtuxogziz8ak")
        // The envelope carries the period's start, the properties the real time of the run.
        XCTAssertEqual(summary["timestamp"] as? String, "2026-11-24T00:00:00.000Z")
        XCTAssertEqual(batch[1]["timestamp"] as? String, "2026-11-24T03:00:00.000Z")
        // uuid5(namespace 6b1f3a52-0e8d-4c71-9a2e-5d40c37718e9, "qadgrtuxogziz8ak\u{1F}Summary\u{1F}2026-11-24"),
        // worked out with Python's uuid.uuid5: the identity of earlier versions' Summaries is kept.
        XCTAssertEqual(summary["uuid"] as? String, "5034469b-f271-5597-83ce-11e569f490c4")
        let properties = try XCTUnwrap(summary["properties"] as? [String: Any])
        XCTAssertEqual(properties["ucid"] as? String, "qadgrtuxogziz8ak")
        XCTAssertEqual(properties["eventType"] as? String, "Summary")
        XCTAssertEqual(properties["devtronVersion"] as? String, "v1")
        XCTAssertEqual(properties["serverVersion"] as? String, "v1.29.3")
        XCTAssertEqual(properties["timestamp"] as? String, "2026-11-24T03:17:00.512Z")
        XCTAssertEqual(properties["$lib"] as? String, "devtron-telemetry")
        XCTAssertEqual(properties["$lib_version"] as? String, TelemetryVersion.current)
        XCTAssertEqual(properties["summary"] as? [String: Int], counts, "zero counts are sent, not dropped")
        XCTAssertNil(properties["$geoip_disable"], "PostHog's default unless TELEMETRY_GEOIP=false")
        let heartbeat = try XCTUnwrap(batch[1]["properties"] as? [String: Any])
        XCTAssertNil(heartbeat["summary"])
        XCTAssertNil(heartbeat["eventMessage"])
        XCTAssertEqual(heartbeat["eventType"] as? String, "Heartbeat")
        XCTAssertEqual(heartbeat["timestamp"] as? String, "2026-11-24T03:17:00.512Z")
    }

    func testEnvelopeTimestampsArePeriodStartsAndLifecycleEventsKeepTheRealTime() {
        let context = EventContext(ucid: "u", devtronVersion: "v1", serverVersion: "unknown")
        let late = runStart.addingTimeInterval(23 * 3600 + 59 * 60 + 59.4)  // 2026-11-24T23:59:59.912Z
        XCTAssertEqual(context.jobEvent(.summary, at: runStart).timestamp, context.jobEvent(.summary, at: late).timestamp)
        XCTAssertEqual(context.jobEvent(.summary, at: late).timestamp, "2026-11-24T00:00:00.000Z")
        XCTAssertEqual(context.jobEvent(.heartbeat, at: late).timestamp, "2026-11-24T23:00:00.000Z")
        XCTAssertEqual(context.jobEvent(.summary, at: late).properties.timestamp, "2026-11-24T23:59:59.912Z")
        XCTAssertEqual(context.jobEvent(.summary, at: late.addingTimeInterval(0.1)).timestamp, "2026-11-25T00:00:00.000Z")
        let lifecycle = context.lifecycleEvent("UpgradeStart", message: nil, at: late)
        XCTAssertEqual(lifecycle.timestamp, "2026-11-24T23:59:59.912Z")
        XCTAssertEqual(lifecycle.properties.timestamp, lifecycle.timestamp)
        // Before 1970 the floor still goes down, not towards zero.
        XCTAssertEqual(Timestamp.rfc3339(Timestamp.utcDayStart(Date(timeIntervalSince1970: -1))), "1969-12-31T00:00:00.000Z")
    }

    func testGeoIPDisableIsAddedToEveryEventWhenAskedFor() throws {
        let context = EventContext(ucid: "u", devtronVersion: "v1", serverVersion: "unknown", geoIPDisabled: true)
        let request = PostHogBatch(apiKey: nil, events: [
            context.jobEvent(.summary, at: runStart, summary: Summary(counts: [:])), context.jobEvent(.heartbeat, at: runStart),
            context.lifecycleEvent("InstallationStart", message: nil, at: runStart),
        ])
        let body = try XCTUnwrap(JSONSerialization.jsonObject(with: Data(try request.wireBody())) as? [String: Any])
        let batch = try XCTUnwrap(body["batch"] as? [[String: Any]])
        XCTAssertEqual(batch.count, 3)
        for event in batch {
            XCTAssertEqual((event["properties"] as? [String: Any])?["$geoip_disable"] as? Bool, true)
        }
    }

    func testDryRunDocumentRedactsTheKeyOrOmitsIt() throws {
        let context = EventContext(ucid: "u", devtronVersion: "v1", serverVersion: "unknown")
        let withKey = PostHogBatch(apiKey: "phc_secret", events: [context.jobEvent(.heartbeat, at: runStart)])
        let shown = try withKey.dryRunDocument()
        XCTAssertFalse(shown.contains("phc_secret"))
        let parsed = try XCTUnwrap(JSONSerialization.jsonObject(with: Data(shown.utf8)) as? [String: Any])
        XCTAssertEqual(parsed["api_key"] as? String, "REDACTED")
        XCTAssertTrue(shown.contains("\n  "), "pretty-printed")
        let keys = shown.split(separator: "\n").filter { $0.hasPrefix("  \"") }.map { String($0.dropFirst(3).prefix { $0 != "\"" }) }
        XCTAssertEqual(keys, keys.sorted(), "top-level keys sorted")

        let withoutKey = PostHogBatch(apiKey: nil, events: [])
        XCTAssertFalse(try withoutKey.dryRunDocument().contains("api_key"))
    }

    func testEventMessageIsCarriedForLifecycleEvents() throws {
        let event = EventContext(ucid: "u", devtronVersion: "v1", serverVersion: "unknown")
            .lifecycleEvent("UpgradeFailure", message: "helm timed out", at: runStart)
        XCTAssertEqual(event.properties.eventMessage, "helm timed out")
        XCTAssertEqual(event.properties.eventType, "UpgradeFailure")
    }

    func testMetricCatalogListsEveryKeyOnceWithItsSQL() throws {
        let seed = MetricCatalog.metrics(in: .seed)
        XCTAssertEqual(seed.flatMap { $0.keys(in: .seed) }, ["cdCountPerDay", "ciCountPerDay", "clusterCount", "environmentCount",
                                                             "nonProdAppCount", "prodAppCount", "userCount"])
        let text = MetricCatalog.text()
        for metric in MetricCatalog.all {
            XCTAssertTrue(text.contains(metric.id) || !metric.layouts.contains(.seed))
            XCTAssertEqual(metric.sql.contains("$1"), metric.window != .allTime, metric.id)
        }
        for metric in seed {
            XCTAssertTrue(text.contains(metric.sql) && text.contains(metric.description), metric.id)
        }
        let decoded = try JSONSerialization.jsonObject(with: Data(try MetricCatalog.json().utf8)) as? [[String: Any]]
        XCTAssertEqual(decoded?.map { $0["sql"] as? String ?? "" }, seed.map(\.sql))
    }
}
