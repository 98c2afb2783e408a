import ArgumentParser
import TelemetryCore

/// `docs configuration|metrics`: the generated pages of docs/, printed from the code they
/// describe (a test keeps the files equal to this output). Hidden: it is for maintainers.
struct DocsCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "docs",
        abstract: "Print a generated page of docs/: configuration (the settings table) or metrics (the catalog).",
        shouldDisplay: false
    )

    enum Page: String, ExpressibleByArgument, CaseIterable { case configuration, metrics }

    @Argument(help: "configuration or metrics.")
    var page: Page

    func run() throws {
        switch page {
        case .configuration: try writeStandardOutput(ConfigurationDocument.markdown())
        case .metrics: try writeStandardOutput(MetricsDocument.markdown())
        }
    }
}
