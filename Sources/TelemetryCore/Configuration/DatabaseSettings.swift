import DurationUnits
import Postgres

/// How to reach the orchestrator's database, resolved in the README's order ("Configuration"): the `--database-url`
/// flag, else `DATABASE_URL`, else the orchestrator's own `PG_*` variables, else libpq's defaults
/// (which read libpq's `PG*` variables when the connection is opened).
public struct DatabaseSettings: Sendable {
    /// libpq keywords, including `connect_timeout`.
    public let parameters: ConnectionParameters
    /// Server-side limit for every statement (`statement_timeout`).
    public let statementTimeout: Duration
    /// Passwords known to this configuration, to be kept out of every output.
    public let secrets: [String]

    public static let defaultStatementTimeout: Duration = .seconds(30)
    public static let defaultConnectTimeout: Duration = .seconds(10)

    /// The orchestrator's variables and the libpq keyword each one sets.
    static let orchestratorVariables: [(variable: String, keyword: String)] = [
        ("PG_ADDR", "host"), ("PG_PORT", "port"), ("PG_USER", "user"), ("PG_PASSWORD", "password"),
        ("PG_DATABASE", "dbname"), ("PG_SSL_MODE", "sslmode"), ("PG_SSL_ROOT_CERT", "sslrootcert"),
    ]

    public init(parameters: ConnectionParameters, statementTimeout: Duration, secrets: [String]) {
        self.parameters = parameters
        self.statementTimeout = statementTimeout
        self.secrets = secrets
    }

    /// Resolves the settings from flags (`nil` when not given) and the environment.
    public static func resolve(
        databaseURL: String?,
        statementTimeout: String?,
        connectTimeout: String?,
        environment: Environment
    ) throws -> DatabaseSettings {
        var secrets = ["PG_PASSWORD", "PGPASSWORD"].compactMap { environment[$0] }
        var parameters: ConnectionParameters
        if let url = databaseURL ?? environment["DATABASE_URL"] {
            secrets += [url] + URLText.passwords(in: url)
            do {
                parameters = try ConnectionParameters.parse(url)
            } catch let error as PostgresError {
                throw TelemetryError.usage("database URL: \(error.message)")
            }
        } else if orchestratorVariables.contains(where: { environment[$0.variable] != nil }) {
            parameters = ConnectionParameters()
            for (variable, keyword) in orchestratorVariables {
                parameters[keyword] = environment[variable]
            }
            parameters["dbname"] = parameters["dbname"] ?? "orchestrator"
            // Without PG_SSL_MODE the orchestrator (go-pg, no TLS configured) talks to this server
            // in plain text, so the server accepts that; libpq's default, sslmode=prefer, would
            // first ask for TLS and start OpenSSL for it (0.8 MB of the delivering run's peak) only
            // to fall back on Devtron's own PostgreSQL, which offers none. PG_SSL_MODE or PGSSLMODE
            // still decide; a database URL keeps libpq's default.
            if parameters["sslmode"] == nil && environment["PGSSLMODE"] == nil {
                parameters["sslmode"] = "disable"
            }
            if let port = parameters["port"], !(HTTPDate.number(port, digits: 1...5).map { (1...65535).contains($0) } ?? false) {
                throw TelemetryError.usage("PG_PORT must be a port number (1-65535), got \(Escaping.quoted(port))")
            }
        } else {
            parameters = ConnectionParameters()
        }
        if let password = parameters["password"] { secrets.append(password) }

        let statement = try Seconds.parse(
            statementTimeout ?? environment["PG_READ_TIMEOUT"],
            name: statementTimeout == nil ? "PG_READ_TIMEOUT" : "--statement-timeout"
        ) ?? defaultStatementTimeout
        let connect = try Seconds.parse(connectTimeout, name: "--connect-timeout") ?? defaultConnectTimeout
        // libpq takes whole seconds and treats anything below 2 as 2.
        parameters["connect_timeout"] = String(max(2, connect.wholeMilliseconds / 1000 + (connect.wholeMilliseconds % 1000 == 0 ? 0 : 1)))
        parameters["fallback_application_name"] = TelemetryVersion.libraryName
        // libpq's default (gssencmode=prefer) first probes for GSSAPI encryption, which starts
        // Kerberos (krb5.conf, credential caches: about 0.6 MB and a few ms) for a server that, like
        // Devtron's, never offers it; the orchestrator's own Go driver never asks. GSSAPI
        // authentication is unaffected, and gssencmode in the URL or PGGSSENCMODE still decide.
        if parameters["gssencmode"] == nil && environment["PGGSSENCMODE"] == nil {
            parameters["gssencmode"] = "disable"
        }
        return DatabaseSettings(parameters: parameters, statementTimeout: statement, secrets: secrets)
    }
}

/// Durations given in seconds on the command line or in the environment ("30", "0.5").
enum Seconds {
    static func parse(_ text: String?, name: String) throws -> Duration? {
        guard let text else { return nil }
        guard let value = Double(text.trimmed()), value.isFinite, value > 0, value <= 86_400 else {
            throw TelemetryError.usage("\(name) must be a number of seconds between 0 and 86400, got \(Escaping.quoted(text))")
        }
        return Duration(clampingSeconds: value)
    }
}
