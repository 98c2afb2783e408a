import Foundation
import Logging
import TelemetryCore
import TestSupport
import XCTest

final class LoggingTests: XCTestCase {
    func testTextLinesAreKeyValueWithQuotingWhereNeeded() {
        let log = CapturedLog()
        log.logger().info("database reached", metadata: ["endpoint": "db:5432", "note": "two words", "quote": "say \"hi\"\nbye"])
        let line = try? XCTUnwrap(log.lines.first)
        XCTAssertEqual(log.lines.count, 1)
        XCTAssertTrue(line?.hasPrefix("ts=") ?? false)
        XCTAssertTrue(line?.contains(#" level=info msg="database reached" endpoint=db:5432 note="two words" quote="say \"hi\"\nbye""#) ?? false, line ?? "")
        XCTAssertFalse(line?.contains("\n") ?? true)
    }

    func testJSONLinesParse() throws {
        let log = CapturedLog()
        log.logger(format: .json).warning("metric failed", metadata: ["key": "clusterCount", "error": "tab\there"])
        let object = try XCTUnwrap(JSONSerialization.jsonObject(with: Data(log.lines[0].utf8)) as? [String: String])
        XCTAssertEqual(object["msg"], "metric failed")
        XCTAssertEqual(object["level"], "warning")
        XCTAssertEqual(object["error"], "tab\there")
    }

    func testSecretsAreMaskedInEveryLine() {
        let log = CapturedLog()
        let logger = log.logger(secrets: ["hunter2", "phc_abcdef"])
        logger.error("could not send with phc_abcdef", metadata: ["url": "postgres://u:hunter2@h/db"])
        XCTAssertFalse(log.text.contains("hunter2"))
        XCTAssertFalse(log.text.contains("phc_abcdef"))
        XCTAssertTrue(log.text.contains("***"))
        XCTAssertEqual(Redactor(secrets: ["ab", "abc", ""]).redact("xabcx ab"), "x***x ***")
    }

    func testSecretsHoldingQuotesOrLineBreaksAreMaskedToo() {
        for format in LineLogHandler.Format.allCases {
            let log = CapturedLog()
            log.logger(secrets: ["pa\"ss\nword"], format: format).error("failed", metadata: ["error": "auth with pa\"ss\nword refused"])
            XCTAssertFalse(log.text.contains("pa"), "\(format): \(log.text)")
            XCTAssertTrue(log.text.contains("***"), log.text)
        }
    }

    func testEveryControlCharacterIsEscaped() {
        let log = CapturedLog()
        log.logger().warning("odd \u{1b}[2J", metadata: ["value": "a\u{7f}b\u{9b}c\u{2028}d\u{0}e"])
        let line = log.lines.first ?? ""
        XCTAssertFalse(line.unicodeScalars.contains { Escaping.isControl($0) }, line)
        XCTAssertTrue(line.contains(#"odd \u001b[2J"#), line)
        XCTAssertTrue(line.contains(#"a\u007fb\u009bc\u2028d\u0000e"#), line)
        XCTAssertEqual(Escaping.oneLine("x\ny\"z"), #"x\ny"z"#)
        XCTAssertEqual(Escaping.quoted("x\ny\"z"), #""x\ny\"z""#)
    }

    func testDebugOnlyWhenVerbose() {
        let captured = CapturedLog()
        let sink = LogSink { _ in }
        var quiet = LineLogHandler(format: .text, level: .info, redactor: Redactor(secrets: []), sink: sink)
        XCTAssertEqual(quiet.logLevel, .info)
        quiet.logLevel = .debug
        XCTAssertEqual(quiet.logLevel, .debug)
        captured.logger().debug("seen at debug level")
        XCTAssertEqual(captured.lines.count, 1)
    }
}
