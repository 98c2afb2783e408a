import Logging
import Postgres

/// Computes the Summary from the orchestrator's database.
///
/// One read-only session with a server-side statement timeout; one `REPEATABLE READ READ ONLY`
/// transaction so every count sees the same snapshot; one savepoint per metric so a failing
/// metric (missing table, timeout) is reported as -1 and the others are still computed.
public struct SummaryCollector: Sendable {
    public let layout: Metric.Layout
    public let metrics: [Metric]

    /// A collector of `layout`'s metrics: the catalog's, or others (tests give their own).
    public init(layout: Metric.Layout = .seed, metrics: [Metric]? = nil) {
        self.layout = layout
        self.metrics = metrics ?? MetricCatalog.metrics(in: layout)
    }

    /// Opens the session as the job uses it: read-only by default, statements limited on the
    /// server, and a client-side deadline a little above that in case the server stops answering.
    public static func openSession(_ settings: DatabaseSettings) throws -> Connection {
        let connection: Connection
        do {
            connection = try Connection(settings.parameters)
        } catch let error as PostgresError {
            throw TelemetryError.database("database unreachable: \(error.message)")
        }
        connection.clientTimeout = settings.statementTimeout + .seconds(5)
        do {
            try connection.execute(
                """
                SELECT set_config('statement_timeout', \(String(settings.statementTimeout.wholeMilliseconds)), false), \
                set_config('default_transaction_read_only', 'on', false)
                """
            )
        } catch let error as PostgresError {
            throw TelemetryError.database("cannot prepare the session on \(connection.endpoint): \(error)")
        }
        return connection
    }

    /// Runs every metric in one snapshot. Failures are logged and become -1; a database that can
    /// no longer be reached makes every remaining metric -1 as well.
    public func collect(on connection: Connection, runStart: Date, logger: Logger) -> Summary {
        var summary = Summary(layout: layout)
        do {
            try connection.execute("BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY")
        } catch {
            logger.error("snapshot failed", metadata: ["error": "\(error)"])
            let failure = PostgresError(.connection, message: "no snapshot")
            for metric in metrics { summary.record(metric, .failure(failure)) }
            return summary
        }
        for metric in metrics {
            summary.record(metric, value(of: metric, on: connection, runStart: runStart, logger: logger))
        }
        // Read-only: ending the transaction either way changes nothing on the server.
        _ = try? connection.execute("COMMIT")
        return summary
    }

    /// The statement of `metric` with its window's start bound to `$1`.
    static func query(_ metric: Metric, runStart: Date) -> Query {
        let bindings = metric.window.seconds.map { [Timestamp.rfc3339(runStart.addingTimeInterval(-Double($0)))] } ?? []
        return Query(sql: metric.sql, bindings: bindings)
    }

    private func value(of metric: Metric, on connection: Connection, runStart: Date, logger: Logger) -> Result<PropertyValue, PostgresError> {
        let clock = ContinuousClock()
        let started = clock.now
        do {
            try connection.execute("SAVEPOINT metric")
            let value = try metric.kind.value(of: connection.execute(Self.query(metric, runStart: runStart)))
            try connection.execute("RELEASE SAVEPOINT metric")
            logger.info("metric", metadata: [
                "key": "\(metric.keys(in: layout).first ?? metric.id)", "value": "\(Self.logged(value))", "duration_ms": "\(milliseconds(clock.now - started))",
            ])
            return .success(value)
        } catch {
            _ = try? connection.execute("ROLLBACK TO SAVEPOINT metric")
            let failure = error as? PostgresError ?? PostgresError(.decoding, message: "unreadable result")
            var metadata: Logger.Metadata = [
                "key": "\(metric.keys(in: layout).first ?? metric.id)", "value": metric.kind.failsAsMinusOne ? "-1" : "absent",
                // A PostgresError's text is this program's own, chosen by SQLSTATE: never the
                // server's message, which can quote row values.
                "duration_ms": "\(milliseconds(clock.now - started))", "error": "\(failure)",
            ]
            if let sqlState = failure.sqlState { metadata["sqlstate"] = "\(sqlState)" }
            logger.warning("metric failed", metadata: metadata)
            return .failure(failure)
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
