import ArgumentParser
import TelemetryCore

/// Which Summary a run sends, and what the orchestrator layout reports beside the database.
struct LayoutOptions: ParsableArguments {
    @Option(name: .long, help: "Summary layout: seed (the nested seven counts) or orchestrator (the orchestrator's flat properties) (env SUMMARY_LAYOUT; default seed).")
    var layout: String?

    @Option(name: .long, help: "Devtron's mode, FULL or EA_ONLY, sent in the orchestrator layout (env DEVTRON_MODE; default FULL).")
    var devtronMode: String?

    @Option(name: .long, help: "The installed Devtron release, sent in the orchestrator layout (env DEVTRON_RELEASE_VERSION; left out when unset).")
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
