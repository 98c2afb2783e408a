import Foundation
import TelemetryCore
import TestSupport
import XCTest

/// The README's metric table is the catalog's own rendering: docs are never written twice.
final class DocumentationTests: XCTestCase {
    func testCIIsDetectedAsCISystemsSetIt() {
        for value in ["true", "1", "TRUE", "yes", "woodpecker"] { XCTAssertTrue(TestEnvironment.isCI(value), value) }
        for value in [nil, "", "false", "0", "False"] as [String?] { XCTAssertFalse(TestEnvironment.isCI(value), "\(String(describing: value))") }
    }

    func testNoCitationOfAFileOutsideTheRepository() throws {
        // The repository stands alone: the README and docs carry the contract, comments say the thing itself.
        let root = TestEnvironment.repositoryRoot
        let places = ["Sources", "Tests", "scripts", "deploy", "Dockerfile", "README.md"]
        var offenders: [String] = []
        for place in places {
            let url = root.appendingPathComponent(place)
            var files = [url]
            if let walker = FileManager.default.enumerator(at: url, includingPropertiesForKeys: nil) {
                files += walker.compactMap { $0 as? URL }
            }
            for file in files where !file.hasDirectoryPath {
                guard let text = try? String(contentsOf: file, encoding: .utf8) else { continue }
                if text.contains("SPEC \u{A7}") { offenders.append(file.path) }
            }
        }
        XCTAssertEqual(offenders, [])
    }

    func testTheGeneratedPagesAreTheCodesRendering() throws {
        let pages: [(String, String)] = [
            ("docs/configuration.md", ConfigurationDocument.markdown()), ("docs/metrics.md", MetricsDocument.markdown()),
        ]
        for (path, rendering) in pages {
            let file = try String(contentsOf: TestEnvironment.repositoryFile(path), encoding: .utf8)
            XCTAssertEqual(file, rendering, "regenerate with: devtron-telemetry docs \(path.dropFirst(5).dropLast(3)) > \(path)")
        }
    }

    func testEverySettingOfTheTableIsDocumentedAndNamedOnce() {
        let flags = Settings.all.compactMap(\.flag)
        let variables = Settings.all.flatMap(\.variables)
        XCTAssertEqual(Set(flags).count, flags.count, "a flag in two records")
        XCTAssertEqual(Set(variables).count, variables.count, "a variable in two records")
        let page = ConfigurationDocument.markdown()
        for setting in Settings.all {
            for name in setting.variables + (setting.flagName.map { [$0] } ?? []) {
                XCTAssertTrue(page.contains("`\(name)`"), name)
            }
        }
    }
}
