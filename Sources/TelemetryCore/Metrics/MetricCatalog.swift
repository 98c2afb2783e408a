#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif

/// The Summary's metrics: one list of records, by area. What each layout sends, the `metrics`
/// command's renderings and docs/metrics.md all come from it.
package enum MetricCatalog {
    /// A part of the catalog: a section of docs/metrics.md, its records in the catalog's order.
    package struct Area: Sendable {
        package let title: String
        /// What the area's records are about, in a sentence.
        package let summary: String
        package let metrics: [Metric]
    }

    package static let areas: [Area] = [
        Area(title: "Apps, users, clusters and environments", summary: "How big the installation is.", metrics: AppMetrics.all),
        Area(title: "Pipelines and their runs", summary: "Mostly in the 24 hours before the run.", metrics: PipelineMetrics.all),
        Area(
            title: "Configuration and usage", summary: "Git, registries, SSO, integrations, counters, policies.",
            metrics: SetupMetrics.all
        ),
        Area(
            title: "Features the apps use",
            summary: "Git repositories, charts, tags, notes, the largest groups of things, languages, ConfigMaps.",
            metrics: FeatureMetrics.all
        ),
    ]

    /// Every record, each area in turn.
    package static let all: [Metric] = areas.flatMap(\.metrics)

    /// The records `layout` sends, ordered by their first key in it.
    package static func metrics(in layout: Metric.Layout) -> [Metric] {
        all.filter { !$0.keys(in: layout).isEmpty }.sorted { $0.keys(in: layout)[0] < $1.keys(in: layout)[0] }
    }

    /// `metrics --layout`: one layout's records, or (nil) every record, ordered by id.
    package static func selection(_ layout: Metric.Layout?) -> [Metric] {
        layout.map(metrics(in:)) ?? all.sorted { $0.id < $1.id }
    }

    /// The catalog as text for `metrics`: each metric's keys, meaning, kind, window, columns and SQL.
    /// The SQL (its display text) follows as it is laid out, not indented, so that a statement
    /// without a JSON check reads exactly as it runs.
    package static func text(_ metrics: [Metric] = metrics(in: .seed)) -> String {
        metrics.map { metric in
            """
            \(metric.id)
              keys:    \(keyList(metric))
              meaning: \(metric.description)
              kind:    \(metric.kind.rawValue)
              window:  \(windowText(metric.window, markdown: false))
              reads:   \(readsText(metric))
              sql:
            \(metric.displaySQL)

            """
        }.joined(separator: "\n")
    }

    /// The catalog as Markdown, one section per metric (`### ` and its keys), as docs/metrics.md
    /// shows each area's records: meaning; kind, window, layouts and the columns read on one line;
    /// the display SQL.
    package static func markdown(_ metrics: [Metric] = metrics(in: .seed)) -> String {
        metrics.map { metric in
            """
            ### \(headingKeys(metric).joined(separator: ", "))

            \(metric.description)

            kind: \(metric.kind.rawValue) · window: \(windowText(metric.window, markdown: true)) · layouts: \(layoutList(metric)) · reads: \(columnList(metric))

            ```sql
            \(metric.displaySQL)
            ```

            """
        }.joined(separator: "\n")
    }

    /// The catalog as a JSON array, for tools that run the same SQL (scripts/bench does).
    package static func json(_ metrics: [Metric] = metrics(in: .seed)) throws -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        return String(decoding: try encoder.encode(metrics), as: UTF8.self)
    }

    private static func keyList(_ metric: Metric) -> String {
        metric.layouts.map { "\(metric.keys(in: $0).joined(separator: ", ")) (\($0.rawValue))" }.joined(separator: "; ")
    }

    /// The record's keys, each once, seed layout first: a section's heading, so that each is found
    /// (and linked to) under its own name.
    private static func headingKeys(_ metric: Metric) -> [String] {
        var keys: [String] = []
        for key in metric.layouts.flatMap(metric.keys(in:)) where !keys.contains(key) { keys.append(key) }
        return keys
    }

    /// The layouts that send the record; each with its keys when they differ between layouts
    /// (the heading lists them all).
    private static func layoutList(_ metric: Metric) -> String {
        let layouts = metric.layouts
        if Set(layouts.map(metric.keys(in:))).count == 1 {
            return layouts.map(\.rawValue).joined(separator: ", ")
        }
        return layouts.map { layout in
            "\(layout.rawValue) (\(metric.keys(in: layout).map { "`\($0)`" }.joined(separator: ", ")))"
        }.joined(separator: ", ")
    }

    private static func columnList(_ metric: Metric) -> String {
        metric.reads.keys.sorted().map { "`\($0)(\(metric.reads[$0, default: []].joined(separator: ", ")))`" }.joined(separator: ", ")
    }

    private static func windowText(_ window: Metric.Window, markdown: Bool) -> String {
        let parameter = markdown ? "`$1`" : "$1"
        switch window {
        case .allTime: return "all time"
        case .last24Hours: return "24 h before the run (\(parameter))"
        case .last30Days: return "30 days before the run (\(parameter))"
        }
    }

    private static func readsText(_ metric: Metric) -> String {
        metric.reads.keys.sorted().map { "\($0)(\(metric.reads[$0, default: []].joined(separator: ", ")))" }.joined(separator: " ")
    }
}
