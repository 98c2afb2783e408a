import Logging
import Postgres

/// The Summary's counts, keyed as the catalog names them; a metric whose query failed is -1.
public struct Summary: Sendable, Equatable {
    public private(set) var counts: [String: Int]

    public init(counts: [String: Int]) {
        self.counts = counts
    }

    /// Keys of the metrics that could not be computed.
    public var failedKeys: [String] { counts.filter { $0.value < 0 }.map(\.key).sorted() }
    public var isComplete: Bool { failedKeys.isEmpty }
}

/// Computes the Summary from the orchestrator's database.
///
/// One read-only session with a server-side statement timeout; one `REPEATABLE READ READ ONLY`
/// transaction so every count sees the same snapshot; one savepoint per metric so a failing
/// metric (missing table, timeout) is reported as -1 and the others are still computed.
public struct SummaryCollector: Sendable {
    public let metrics: [Metric]

    public init(metrics: [Metric] = MetricCatalog.metrics(in: .seed)) {
        self.metrics = metrics
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
        var counts: [String: Int] = [:]
        do {
            try connection.execute("BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY")
        } catch {
            logger.error("snapshot failed", metadata: ["error": "\(error)"])
            return Summary(counts: Dictionary(uniqueKeysWithValues: metrics.map { (Self.key($0), -1) }))
        }
        for metric in metrics {
            counts[Self.key(metric)] = count(metric, on: connection, runStart: runStart, logger: logger)
        }
        // Read-only: ending the transaction either way changes nothing on the server.
        _ = try? connection.execute("COMMIT")
        return Summary(counts: counts)
    }

    static func key(_ metric: Metric) -> String { metric.keys(in: .seed).first ?? metric.id }

    private func count(_ metric: Metric, on connection: Connection, runStart: Date, logger: Logger) -> Int {
        let clock = ContinuousClock()
        let started = clock.now
        let bindings = metric.window.seconds.map { [Timestamp.rfc3339(runStart.addingTimeInterval(-Double($0)))] } ?? []
        let query = Query(sql: metric.sql, bindings: bindings)
        do {
            try connection.execute("SAVEPOINT metric")
            let value = try connection.execute(query).scalar(Int.self)
            try connection.execute("RELEASE SAVEPOINT metric")
            logger.info("metric", metadata: [
                "key": "\(Self.key(metric))", "value": "\(value)", "duration_ms": "\(milliseconds(clock.now - started))",
            ])
            return value
        } catch {
            _ = try? connection.execute("ROLLBACK TO SAVEPOINT metric")
            var metadata: Logger.Metadata = [
                "key": "\(Self.key(metric))", "value": "-1", "duration_ms": "\(milliseconds(clock.now - started))",
                // A PostgresError's text is this program's own, chosen by SQLSTATE: never the
                // server's message, which can quote row values.
                "error": "\((error as? PostgresError).map(String.init(describing:)) ?? "unexpected error")",
            ]
            if let error = error as? PostgresError, let sqlState = error.sqlState { metadata["sqlstate"] = "\(sqlState)" }
            logger.warning("metric failed", metadata: metadata)
            return -1
        }
    }
}
