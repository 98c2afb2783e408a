import Logging
import Postgres
#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif

/// Computes the Summary from the orchestrator's database.
///
/// One read-only session with a server-side statement timeout; one `REPEATABLE READ READ ONLY`
/// transaction so every metric sees the same snapshot, its statements sent in libpq's pipeline
/// mode: one round trip for the whole Summary, whatever the number of metrics, and one more per
/// metric that fails (missing table, timeout), after which the others are still computed in the
/// same snapshot (`Connection.snapshot`).
package struct SummaryCollector: Sendable {
    package let layout: Metric.Layout
    package let metrics: [Metric]

    /// A collector of `layout`'s metrics: the catalog's, or others (tests give their own).
    package init(layout: Metric.Layout = .seed, metrics: [Metric]? = nil) {
        self.layout = layout
        self.metrics = metrics ?? MetricCatalog.metrics(in: layout)
    }

    /// Runs every metric in one snapshot. A failed metric is -1 (an integer) or left out; a
    /// database that can no longer be reached fails every metric not yet answered.
    package func collect(on connection: Connection, runStart: Date, logger: Logger) -> Summary {
        var summary = Summary(layout: layout)
        let clock = ContinuousClock()
        let started = clock.now
        let outcome: SnapshotResult
        do {
            outcome = try connection.snapshot(queries: metrics.map { Self.query($0, runStart: runStart) })
        } catch {
            let failure = error as? PostgresError ?? PostgresError(.connection, message: "no snapshot")
            logger.error("snapshot failed", metadata: ["error": "\(failure)"])
            for metric in metrics { summary.record(metric, .failure(failure)) }
            return summary
        }
        for (index, metric) in metrics.enumerated() {
            let value = outcome.results[index].flatMap { result in
                Result { try metric.kind.value(of: result) }
                    .mapError { $0 as? PostgresError ?? PostgresError(.decoding, message: "unreadable result") }
            }
            log(metric, value, duration: outcome.durations[index], logger: logger)
            summary.record(metric, value)
        }
        logger.info("metrics", metadata: [
            "computed": "\(metrics.count - summary.failedMetricCount(of: metrics))", "failed": "\(summary.failedMetricCount(of: metrics))",
            "round_trips": "\(outcome.roundTrips)", "duration_ms": "\((clock.now - started).millisecondsText)",
        ])
        return summary
    }

    /// The statement of `metric` with its window's start bound to `$1`.
    package static func query(_ metric: Metric, runStart: Date) -> Query {
        let bindings = metric.window.seconds.map { [Timestamp.rfc3339(runStart.addingTimeInterval(-Double($0)))] } ?? []
        return Query(sql: metric.sql, bindings: bindings)
    }

    /// One line per metric: its value (or that it failed, with the SQLSTATE and a sentence of this
    /// program's own, never the server's text, which can quote row values) and its server time.
    private func log(_ metric: Metric, _ value: Result<PropertyValue, PostgresError>, duration: Duration, logger: Logger) {
        let key = metric.keys(in: layout).first ?? metric.id
        switch value {
        case .success(let value):
            logger.info("metric", metadata: [
                "key": "\(key)", "value": "\(Self.logged(value))", "duration_ms": "\(duration.millisecondsText)",
            ])
        case .failure(let failure):
            var metadata: Logger.Metadata = [
                "key": "\(key)", "value": metric.kind.failsAsMinusOne ? "-1" : "absent",
                "duration_ms": "\(duration.millisecondsText)", "error": "\(failure)",
            ]
            if let sqlState = failure.sqlState { metadata["sqlstate"] = "\(sqlState)" }
            logger.warning("metric failed", metadata: metadata)
        }
    }

    /// A value for the log line: lists by their length only.
    static func logged(_ value: PropertyValue) -> String {
        switch value {
        case .integer(let number): return String(number)
        case .flag(let flag): return String(flag)
        case .text(let text): return text
        case .list(let items): return "\(items.count) item(s)"
        case .object: return "{}"
        }
    }
}
