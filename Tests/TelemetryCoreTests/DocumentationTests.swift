import Foundation
import TelemetryCore
import TestSupport
import XCTest

/// The README's metric table is the catalog's own rendering: docs are never written twice.
final class DocumentationTests: XCTestCase {
    func testTheReadmeShowsTheCatalogAsItIs() throws {
        let readme = try String(contentsOf: TestEnvironment.repositoryFile("README.md"), encoding: .utf8)
        let begin = try XCTUnwrap(readme.range(of: "<!-- metrics:begin -->\n"))
        let end = try XCTUnwrap(readme.range(of: "<!-- metrics:end -->"))
        XCTAssertEqual(String(readme[begin.upperBound..<end.lowerBound]), MetricCatalog.markdown(MetricCatalog.selection(nil)),
                       "regenerate with: devtron-telemetry metrics --layout all --format markdown")
    }
}
