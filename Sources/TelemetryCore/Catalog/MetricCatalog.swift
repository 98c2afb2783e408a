#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif

/// The Summary's metrics: one list of records, by area. What each layout sends, the `metrics`
/// command's renderings and the README's table all come from it.
package enum MetricCatalog {
    /// Every record, each area in turn.
    package static let all: [Metric] = AppMetrics.all + PipelineMetrics.all + ConfigurationMetrics.all + FeatureMetrics.all

    /// The records `layout` sends, ordered by their first key in it.
    package static func metrics(in layout: Metric.Layout) -> [Metric] {
        all.filter { !$0.keys(in: layout).isEmpty }.sorted { $0.keys(in: layout)[0] < $1.keys(in: layout)[0] }
    }

    /// `metrics --layout`: one layout's records, or (nil) every record, ordered by id.
    package static func selection(_ layout: Metric.Layout?) -> [Metric] {
        layout.map(metrics(in:)) ?? all.sorted { $0.id < $1.id }
    }

    /// The catalog as text for `metrics`: each metric's keys, meaning, kind, window, columns and SQL.
    package static func text(_ metrics: [Metric] = metrics(in: .seed)) -> String {
        metrics.map { metric in
            """
            \(metric.id)
              keys:    \(keyList(metric, markdown: false))
              meaning: \(metric.description)
              kind:    \(metric.kind.rawValue)
              window:  \(windowText(metric.window, markdown: false))
              reads:   \(readsText(metric))
              sql:     \(metric.sql)

            """
        }.joined(separator: "\n")
    }

    /// The catalog as a Markdown table, as README.md shows it (a test keeps the two the same).
    package static func markdown(_ metrics: [Metric] = metrics(in: .seed)) -> String {
        var lines = ["| keys | meaning | kind | window | SQL |", "|---|---|---|---|---|"]
        for metric in metrics {
            let sql = metric.sql.replacing("|", with: "\\|")
            lines.append(
                "| \(keyList(metric, markdown: true)) | \(metric.description) | \(metric.kind.rawValue) | \(windowText(metric.window, markdown: true)) | `\(sql)` |"
            )
        }
        return lines.joined(separator: "\n") + "\n"
    }

    /// The catalog as a JSON array, for tools that run the same SQL (scripts/bench does).
    package static func json(_ metrics: [Metric] = metrics(in: .seed)) throws -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        return String(decoding: try encoder.encode(metrics), as: UTF8.self)
    }

    private static func keyList(_ metric: Metric, markdown: Bool) -> String {
        metric.layouts.map { layout in
            let keys = metric.keys(in: layout).map { markdown ? "`\($0)`" : $0 }.joined(separator: ", ")
            return "\(keys) (\(layout.rawValue))"
        }.joined(separator: markdown ? "<br>" : "; ")
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
