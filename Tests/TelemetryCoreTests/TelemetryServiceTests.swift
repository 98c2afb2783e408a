import Foundation
import TelemetryCore
import XCTest

/// Reading Devtron's telemetry service's answers: pure functions, no network.
final class TelemetryServiceTests: XCTestCase {
    private func info(_ json: String) -> Result<TelemetryService.PostHogInfo, TelemetryService.AnswerError> {
        TelemetryService.parsePostHogInfo(Array(json.utf8))
    }

    private func failure<T>(_ result: Result<T, TelemetryService.AnswerError>, file: StaticString = #filePath, line: UInt = #line) -> String {
        guard case .failure(let error) = result else {
            XCTFail("expected a failure, got \(result)", file: file, line: line)
            return ""
        }
        return error.description
    }

    func testPostHogInfoDecodesTheBase64Key() throws {
        // "cGhjX1pFQlJBNDJmZXRjaGVkS0VZ" is base64 of "phc_ZEBRA42fetchedKEY" (python3 base64.b64encode).
        let parsed = try info(#"{"code":200,"result":{"PosthogApiKey":"cGhjX1pFQlJBNDJmZXRjaGVkS0VZ","PosthogEndpoint":"https://app.posthog.com"}}"#).get()
        XCTAssertEqual(parsed.apiKey, "phc_ZEBRA42fetchedKEY")
        XCTAssertEqual(parsed.endpoint, "https://app.posthog.com")
        XCTAssertTrue(parsed.secrets.contains("phc_ZEBRA42fetchedKEY"))
        XCTAssertTrue(parsed.secrets.contains("cGhjX1pFQlJBNDJmZXRjaGVkS0VZ"), "the encoded form is masked too")
        // "cGhjX2sK" is base64 of "phc_k\n" (echo phc_k | base64): the line break is not part of the key.
        XCTAssertEqual(try info(#"{"result":{"PosthogApiKey":"cGhjX2sK","PosthogEndpoint":"http://127.0.0.1:1"}}"#).get().apiKey, "phc_k")
    }

    func testUnreadablePostHogInfoAnswersAreFailuresThatNeverQuoteTheAnswer() {
        let cases: [(String, String)] = [
            ("<html>502 Bad Gateway</html>", "not JSON"),
            ("", "not JSON"),
            (#"["cGhjX2sK"]"#, "shape"),
            (#"{"result":"cGhjX2sK"}"#, "shape"),
            (#"{"status":"ok"}"#, "no \"result\""),
            (#"{"result":null}"#, "no \"result\""),
            (#"{"result":{"PosthogEndpoint":"https://x.example"}}"#, "no PosthogApiKey"),
            (#"{"result":{"PosthogApiKey":"","PosthogEndpoint":"https://x.example"}}"#, "no PosthogApiKey"),
            (#"{"result":{"PosthogApiKey":42,"PosthogEndpoint":"https://x.example"}}"#, "shape"),
            (#"{"result":{"PosthogApiKey":"not base64!","PosthogEndpoint":"https://x.example"}}"#, "not base64"),
            // "ICAg" is base64 of three spaces: an empty key once trimmed.
            (#"{"result":{"PosthogApiKey":"ICAg","PosthogEndpoint":"https://x.example"}}"#, "empty"),
            // "cGhjIGsgaw==" is base64 of "phc k k": whitespace inside is no API key.
            (#"{"result":{"PosthogApiKey":"cGhjIGsgaw==","PosthogEndpoint":"https://x.example"}}"#, "not an API key"),
            (#"{"result":{"PosthogApiKey":"cGhjX2sK"}}"#, "PosthogEndpoint"),
            (#"{"result":{"PosthogApiKey":"cGhjX2sK","PosthogEndpoint":""}}"#, "PosthogEndpoint"),
            (#"{"result":{"PosthogApiKey":"cGhjX2sK","PosthogEndpoint":"ftp://x.example"}}"#, "PosthogEndpoint"),
            (#"{"result":{"PosthogApiKey":"cGhjX2sK","PosthogEndpoint":"posthog"}}"#, "PosthogEndpoint"),
            (#"{"result":{"PosthogApiKey":"cGhjX2sK","PosthogEndpoint":"https://x.example/?a=1"}}"#, "PosthogEndpoint"),
        ]
        for (body, mention) in cases {
            let message = failure(info(body))
            XCTAssertTrue(message.contains(mention), "\(body): \(message)")
            XCTAssertFalse(message.contains("cGhjX2sK") || message.contains("phc_k") || message.contains("x.example"), message)
        }
    }

    func testOptOutAnswer() {
        XCTAssertEqual(try TelemetryService.parseOptOut(Array(#"{"result":true}"#.utf8)).get(), true)
        XCTAssertEqual(try TelemetryService.parseOptOut(Array(#"{"code":200,"result":false}"#.utf8)).get(), false)
        for (body, mention) in [("true", "shape"), ("nope", "not JSON"), (#"{"result":"true"}"#, "shape"),
                                (#"{"result":1}"#, "shape"), (#"{"result":null}"#, "boolean"), ("{}", "boolean")] {
            XCTAssertTrue(failure(TelemetryService.parseOptOut(Array(body.utf8))).contains(mention), body)
        }
    }

    func testTheUCIDIsOnePercentEncodedPathSegment() throws {
        XCTAssertEqual(TelemetryService.pathSegment("qadgrtuxogziz8ak"), "qadgrtuxogziz8ak")
        XCTAssertEqual(TelemetryService.pathSegment("a-b.c_d~e"), "a-b.c_d~e")
        XCTAssertEqual(TelemetryService.pathSegment("a/b?c#d e%"), "a%2Fb%3Fc%23d%20e%25")
        XCTAssertEqual(TelemetryService.pathSegment("é"), "%C3%A9", "UTF-8 bytes, each encoded")
        XCTAssertEqual(TelemetryService.pathSegment(".."), "%2E%2E", "never a step up the path")
        let service = try TelemetryService(url: "http://127.0.0.1:9/base/")
        XCTAssertEqual(service.optOutURL(ucid: "x/../y"), "http://127.0.0.1:9/base/devtron/telemetry/opt-out/x%2F..%2Fy")
        XCTAssertEqual(service.postHogInfoURL, "http://127.0.0.1:9/base/devtron/telemetry/posthogInfo")
    }

    func testServiceURLFromFlagThenEnvironmentThenDefault() throws {
        XCTAssertEqual(try TelemetryService.resolve(flag: nil, environment: Environment([:])).baseURL, "https://telemetry.devtron.ai")
        XCTAssertEqual(try TelemetryService.resolve(flag: nil, environment: Environment(["DEVTRON_TELEMETRY_URL": "http://svc:8080/"])).baseURL,
                       "http://svc:8080")
        XCTAssertEqual(try TelemetryService.resolve(flag: "https://flag", environment: Environment(["DEVTRON_TELEMETRY_URL": "http://svc"])).baseURL,
                       "https://flag")
        for bad in ["ftp://svc", "svc", "https://", "https://svc/?x=1"] {
            XCTAssertThrowsError(try TelemetryService.resolve(flag: bad, environment: Environment([:]))) {
                XCTAssertEqual(($0 as? TelemetryError)?.exitCode, .usage, bad)
            }
        }
    }

    func testAConfiguredHostWinsOverTheServicesEndpoint() throws {
        let info = try TelemetryService.parsePostHogInfo(Array(#"{"result":{"PosthogApiKey":"cGhjX2sK","PosthogEndpoint":"https://eu.i.posthog.com/"}}"#.utf8)).get()
        let defaulted = try DeliverySettings.resolve(host: nil, apiKey: nil, maxAttempts: nil, timeout: nil, environment: Environment([:]))
        let fromService = try defaulted.using(info)
        XCTAssertEqual(fromService.endpoint, "https://eu.i.posthog.com/batch/")
        XCTAssertEqual(fromService.apiKey, "phc_k")
        XCTAssertEqual(fromService.timeout, defaulted.timeout, "--timeout as configured; the job passes the deadline left")
        let configured = try DeliverySettings.resolve(host: nil, apiKey: nil, maxAttempts: nil, timeout: nil,
                                                      environment: Environment(["POSTHOG_HOST": "http://127.0.0.1:5/"]))
        XCTAssertEqual(try configured.using(info).endpoint, "http://127.0.0.1:5/batch/")
    }
}
