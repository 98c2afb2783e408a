import ArgumentParser
import TelemetryCore

/// Which Summary a run sends, and what the orchestrator layout reports beside the database.
struct LayoutOptions: ParsableArguments {
    @Option(name: Settings.layout.name, help: Settings.layout.argumentHelp)
    var layout: String?

    @Option(name: Settings.devtronMode.name, help: Settings.devtronMode.argumentHelp)
    var devtronMode: String?

    @Option(name: Settings.devtronReleaseVersion.name, help: Settings.devtronReleaseVersion.argumentHelp)
    var devtronReleaseVersion: String?

    func resolve(_ environment: Environment) throws -> LayoutSettings {
        try LayoutSettings.resolve(
            layout: layout, devtronMode: devtronMode, devtronReleaseVersion: devtronReleaseVersion, environment: environment
        )
    }
}

/// `metrics --layout`: one layout's records, or all of them.
enum CatalogSelection: String, ExpressibleByArgument, CaseIterable {
    case seed, orchestrator, all

    var layout: Metric.Layout? { Metric.Layout(rawValue: rawValue) }
}
