/// One Summary metric, declared once: the `metrics` command, the Summary and the README all read
/// these records.
public struct Metric: Sendable, Codable, Equatable {
    /// What the count covers in time.
    public enum TimeFrame: String, Sendable, Codable {
        /// Everything in the database now.
        case all
        /// Rows created in the 24 hours before the run's start; `$1` is bound to that start − 24 h.
        case last24Hours = "24h"
    }

    /// The key in the Summary's `summary` object.
    public let key: String
    /// What the number means, in one sentence.
    public let description: String
    /// The exact statement; it returns one integer. Its only parameter, for 24-hour metrics, is `$1`.
    public let sql: String
    public let timeFrame: TimeFrame
}

/// The Summary's metrics, in the order they are computed and listed (SPEC §4).
public enum MetricCatalog {
    public static let all: [Metric] = [
        Metric(
            key: "cdCountPerDay",
            description: "CD pipelines created in the last 24 hours, deleted ones included.",
            sql: "SELECT count(*) FROM pipeline WHERE created_on > $1::timestamptz",
            timeFrame: .last24Hours
        ),
        Metric(
            key: "ciCountPerDay",
            description: "CI pipelines created in the last 24 hours, deleted ones included.",
            sql: "SELECT count(*) FROM ci_pipeline WHERE created_on > $1::timestamptz",
            timeFrame: .last24Hours
        ),
        Metric(
            key: "clusterCount",
            description: "Active clusters.",
            sql: "SELECT count(*) FROM cluster WHERE active = true",
            timeFrame: .all
        ),
        Metric(
            key: "environmentCount",
            description: "Active environments.",
            sql: "SELECT count(*) FROM environment WHERE active = true",
            timeFrame: .all
        ),
        appsWithCDPipeline(production: false),
        appsWithCDPipeline(production: true),
        Metric(
            key: "userCount",
            description: "Active users, API-token users excluded; the built-in admin and system users count.",
            sql: "SELECT count(*) FROM users WHERE active = true AND user_type IS DISTINCT FROM 'apiToken'",
            timeFrame: .all
        ),
    ]

    /// `nonProdAppCount` and `prodAppCount`: the same count on either side of Devtron's production
    /// mark (`environment."default"`). The environment's own `active` flag is not considered.
    static func appsWithCDPipeline(production: Bool) -> Metric {
        Metric(
            key: production ? "prodAppCount" : "nonProdAppCount",
            description: "Active apps with at least one CD pipeline, not deleted, on a \(production ? "" : "non-")production environment (\"default\" = \(production)).",
            sql: """
                SELECT count(*) FROM app a WHERE a.active = true AND EXISTS (SELECT 1 FROM pipeline p \
                JOIN environment e ON e.id = p.environment_id \
                WHERE p.app_id = a.id AND p.deleted = false AND e."default" = \(production))
                """,
            timeFrame: .all
        )
    }

    /// The catalog as text for `metrics`: each metric's key, meaning, time frame and SQL.
    public static func text(_ metrics: [Metric] = all) -> String {
        metrics.map { metric in
            let frame = metric.timeFrame == .all ? "all time" : "last 24 hours ($1 = run start - 24 h)"
            return "\(metric.key)\n  meaning: \(metric.description)\n  window:  \(frame)\n  sql:     \(metric.sql)\n"
        }.joined(separator: "\n")
    }

    /// The catalog as a Markdown table, as README.md shows it (a test keeps the two the same).
    public static func markdown(_ metrics: [Metric] = all) -> String {
        var lines = ["| key | meaning | window | SQL |", "|---|---|---|---|"]
        for metric in metrics {
            let window = metric.timeFrame == .all ? "all time" : "24 h before the run (`$1`)"
            let sql = metric.sql.replacing("|", with: "\\|")
            lines.append("| `\(metric.key)` | \(metric.description) | \(window) | `\(sql)` |")
        }
        return lines.joined(separator: "\n") + "\n"
    }

    /// The catalog as a JSON array, for tools that run the same SQL (scripts/bench does).
    public static func json(_ metrics: [Metric] = all) throws -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        return String(decoding: try encoder.encode(metrics), as: UTF8.self)
    }
}
