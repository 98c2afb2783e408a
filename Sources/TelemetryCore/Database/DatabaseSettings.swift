import Durations
import Postgres

/// How to reach the orchestrator's database, resolved in the README's order ("Configuration"): the `--database-url`
/// flag, else `DATABASE_URL`, else the orchestrator's own `PG_*` variables, else libpq's defaults
/// (which read libpq's `PG*` variables when the connection is opened).
package struct DatabaseSettings: Sendable {
    /// libpq keywords, including `connect_timeout`.
    package let parameters: ConnectionParameters
    /// Server-side limit for every statement (`statement_timeout`).
    package let statementTimeout: Duration
    /// Passwords known to this configuration, to be kept out of every output.
    package let secrets: [String]

    /// Whether any of the orchestrator's `PG_*` variables is set: they then describe the database.
    static func usesOrchestratorVariables(_ environment: Environment) -> Bool {
        orchestratorVariables.contains { $0.setting.given(nil, environment) != nil }
    }

    /// The orchestrator's variables and the libpq keyword each one sets.
    static let orchestratorVariables: [(setting: Setting, keyword: String)] = [
        (Settings.pgAddr, "host"), (Settings.pgPort, "port"), (Settings.pgUser, "user"), (Settings.pgPassword, "password"),
        (Settings.pgDatabase, "dbname"), (Settings.pgSSLMode, "sslmode"), (Settings.pgSSLRootCert, "sslrootcert"),
    ]

    package init(parameters: ConnectionParameters, statementTimeout: Duration, secrets: [String]) {
        self.parameters = parameters
        self.statementTimeout = statementTimeout
        self.secrets = secrets
    }

    /// Resolves the settings from flags (`nil` when not given) and the environment.
    package static func resolve(
        databaseURL: String?,
        statementTimeout: String?,
        connectTimeout: String?,
        environment: Environment
    ) throws -> DatabaseSettings {
        var secrets = [Settings.pgPassword, Settings.libpqPassword].compactMap { $0.given(nil, environment) }
        var parameters: ConnectionParameters
        if let url = Settings.databaseURL.given(databaseURL, environment) {
            secrets += [url] + URLText.passwords(in: url)
            do {
                parameters = try ConnectionParameters.parse(url)
            } catch let error as PostgresError {
                throw TelemetryError.usage("database URL: \(error.message)")
            }
        } else if usesOrchestratorVariables(environment) {
            parameters = ConnectionParameters()
            for (setting, keyword) in orchestratorVariables {
                parameters[keyword] = setting.text(nil, environment)  // PG_DATABASE has a default
            }
            // Without PG_SSL_MODE the orchestrator (go-pg, no TLS configured) talks to this server
            // in plain text, so the server accepts that; libpq's default, sslmode=prefer, would
            // first ask for TLS and start OpenSSL for it (0.8 MB of the delivering run's peak) only
            // to fall back on Devtron's own PostgreSQL, which offers none. PG_SSL_MODE or PGSSLMODE
            // still decide; a database URL keeps libpq's default.
            if parameters["sslmode"] == nil && Settings.libpqSSLMode.given(nil, environment) == nil {
                parameters["sslmode"] = "disable"
            }
            if let port = parameters["port"], DecimalNumber.port(port) == nil {
                throw TelemetryError.usage("PG_PORT must be a port number (1-65535), got \(Escaping.quoted(port))")
            }
        } else {
            parameters = ConnectionParameters()
        }
        if let password = parameters["password"] { secrets.append(password) }

        let statement = try Settings.statementTimeout.seconds(statementTimeout, environment) ?? .zero
        let connect = try Settings.connectTimeout.seconds(connectTimeout, environment) ?? .zero
        // libpq takes whole seconds and treats anything below 2 as 2.
        parameters["connect_timeout"] = String(max(2, connect.wholeMilliseconds / 1000 + (connect.wholeMilliseconds % 1000 == 0 ? 0 : 1)))
        parameters["fallback_application_name"] = TelemetryVersion.libraryName
        // libpq's default (gssencmode=prefer) first probes for GSSAPI encryption, which starts
        // Kerberos (krb5.conf, credential caches: about 0.6 MB and a few ms) for a server that, like
        // Devtron's, never offers it; the orchestrator's own Go driver never asks. GSSAPI
        // authentication is unaffected, and gssencmode in the URL or PGGSSENCMODE still decide.
        if parameters["gssencmode"] == nil && Settings.libpqGSSEncMode.given(nil, environment) == nil {
            parameters["gssencmode"] = "disable"
        }
        return DatabaseSettings(parameters: parameters, statementTimeout: statement, secrets: secrets)
    }
}
