/// The SQL that creates a least-privilege login role for the job: `SELECT` on exactly the table
/// columns the catalog's records declare they read, for both layouts, and nothing else.
public enum Grants {
    public static let defaultRole = "devtron_telemetry"

    /// The script `grants` prints. Idempotent: the role is created only when missing, then every
    /// table privilege it holds in `public` is revoked and exactly the catalog's columns granted,
    /// all in one transaction — re-running it changes nothing, and after an upgrade it converges
    /// to the new catalog. The password is never part of it.
    public static func script(role: String, metrics: [Metric] = MetricCatalog.all) throws -> String {
        guard isPlainIdentifier(role) else {
            throw TelemetryError.usage(
                "role must be a lower-case SQL identifier (a-z, 0-9, _; at most 63 characters, not starting with a digit), got \(Escaping.quoted(role))"
            )
        }
        let columns = columnsRead(by: metrics)
        let name = quotedIdentifier(role)
        var lines = [
            "-- A login role for devtron-telemetry \(TelemetryVersion.current) that can read exactly the columns its",
            "-- metrics read (`devtron-telemetry metrics --layout all` lists them) and nothing else.",
            "-- Run as the database owner or a superuser, on the orchestrator's database:",
            "--   devtron-telemetry grants | psql -v ON_ERROR_STOP=1 \"$DATABASE_URL\"",
            "-- Safe to run again (after an upgrade, too). Set the password apart, e.g. in psql:",
            "--   \\password \(role)",
            "BEGIN;",
            "DO $$",
            "BEGIN",
            "  IF NOT EXISTS (SELECT FROM pg_catalog.pg_roles WHERE rolname = '\(role)') THEN",
            "    CREATE ROLE \(name) LOGIN NOSUPERUSER NOCREATEDB NOCREATEROLE NOINHERIT NOREPLICATION NOBYPASSRLS;",
            "  END IF;",
            "END",
            "$$;",
            "-- Every session of the role is read-only unless it asks otherwise; it has no write privilege anyway.",
            "ALTER ROLE \(name) SET default_transaction_read_only = on;",
            "GRANT USAGE ON SCHEMA public TO \(name);",
            "-- Start from nothing (revoking a table's privileges revokes its column privileges too) ...",
            "REVOKE ALL ON ALL TABLES IN SCHEMA public FROM \(name);",
            "REVOKE ALL ON ALL SEQUENCES IN SCHEMA public FROM \(name);",
            "-- ... then grant exactly what the catalog reads.",
        ]
        for table in columns.keys.sorted() {
            let list = columns[table, default: []].map(quotedIdentifier).joined(separator: ", ")
            lines.append("GRANT SELECT (\(list)) ON TABLE public.\(quotedIdentifier(table)) TO \(name);")
        }
        lines.append("COMMIT;")
        return lines.joined(separator: "\n") + "\n"
    }

    /// Every column the records read, by table, each list sorted and without repeats.
    public static func columnsRead(by metrics: [Metric]) -> [String: [String]] {
        var columns: [String: Set<String>] = [:]
        for metric in metrics {
            for (table, read) in metric.reads { columns[table, default: []].formUnion(read) }
        }
        return columns.mapValues { $0.sorted() }
    }

    /// A name that needs no quoting and cannot be a keyword trick: a-z, 0-9, _, 1-63 characters.
    static func isPlainIdentifier(_ name: String) -> Bool {
        guard let first = name.utf8.first, (1...63).contains(name.utf8.count), !(0x30...0x39).contains(first) else { return false }
        return name.utf8.allSatisfy { (0x61...0x7A).contains($0) || (0x30...0x39).contains($0) || $0 == UInt8(ascii: "_") }
    }

    /// A table or column name as SQL text, always double-quoted: no name can be read as a keyword.
    static func quotedIdentifier(_ name: String) -> String {
        "\"" + name.replacing("\"", with: "\"\"") + "\""
    }
}
