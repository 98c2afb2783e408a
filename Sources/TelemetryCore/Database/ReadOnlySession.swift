import Postgres

/// The session the job reads through, made from the database settings.
extension SummaryCollector {
    /// Opens the session as the job uses it: read-only by default, statements limited on the
    /// server, and a client-side deadline a little above that in case the server stops answering.
    package static func openSession(_ settings: DatabaseSettings) throws -> Connection {
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
}
