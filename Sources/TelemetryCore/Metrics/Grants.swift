import Postgres

/// The SQL that creates a least-privilege login role for the job: `SELECT` on exactly the table
/// columns the catalog's records declare they read, for both layouts, and nothing else.
///
/// A column grant cannot be limited to rows. A table of which a metric needs one row only is
/// therefore read through a view instead (`views`): granting `user_attributes.email_id` so that
/// SkippedOnboarding can find the admin's row would let the role read every user's email.
package enum Grants {
    package static let defaultRole = "devtron_telemetry"

    /// The schema of those views, created by the script and owned by whoever applies it (a view
    /// reads with its owner's privileges). One fixed name rather than one per role: the views do not
    /// depend on the role, so every role the script makes shares them; the name says whose they are;
    /// and, unlike a schema named after the role, it is never found through another role's default
    /// `"$user"` search path. The role's `search_path` puts it before `public`, so the catalog's SQL
    /// stays one text: the owner reads `public.user_attributes`, the role the view of that name.
    package static let viewSchema = "devtron_telemetry_views"

    /// A table the role reads through a view of `viewSchema` rather than through column grants on
    /// `public`: the view has the table's name and the `columns` its metrics read, and shows only
    /// the rows and values they need.
    package struct View: Sendable {
        package let table: String
        package let columns: [String]
        /// The view's query. `security_barrier` (added by the script) keeps a function the role
        /// writes into its own query from seeing the rows this one filters out.
        package let query: String
    }

    /// SkippedOnboarding needs the admin's `user_data`. The view shows that row alone, and as its
    /// email the literal 'admin' (the filter it passed), never a value of the column; `user_data`
    /// stays `json`, as in the table, so the metric's `::text`, `->` and `json_typeof` read the
    /// same document.
    package static let views: [View] = [
        View(
            table: "user_attributes", columns: ["email_id", "user_data"],
            query: "SELECT 'admin'::text AS email_id, user_data FROM public.user_attributes WHERE lower(email_id) = 'admin'"
        ),
    ]

    /// The script `grants` prints. Idempotent: the role is created only when missing, then every
    /// table privilege it holds in `public` and in `viewSchema` is revoked and exactly the catalog's
    /// columns and views granted, all in one transaction — re-running it changes nothing, and after
    /// an upgrade it converges to the new catalog. It first refuses a privileged role (`refusalQuery`)
    /// at apply time: the role may have changed since the script was printed. The password is never
    /// part of it.
    package static func script(role: String, metrics: [Metric] = MetricCatalog.all) throws -> String {
        guard isPlainIdentifier(role) else {
            throw TelemetryError.usage(
                "role must be a lower-case SQL identifier (a-z, 0-9, _; at most 63 characters, not starting with a digit), got \(Escaping.quoted(role))"
            )
        }
        let read = columnsRead(by: metrics)
        let columns = columnsGranted(by: metrics)
        let viewed = views.filter { read[$0.table] != nil }
        let name = quotedIdentifier(role)
        let schema = quotedIdentifier(viewSchema)
        // The role name is a plain identifier (checked above): safe inside a literal and a RAISE format.
        var lines = [
            "-- A login role for devtron-telemetry \(TelemetryVersion.current) that can read exactly the columns its",
            "-- metrics read (`devtron-telemetry metrics --layout all` lists them) and nothing else; the admin's",
            "-- user_attributes row through a view of schema \(viewSchema), not a column grant.",
            "-- Run as the database owner or a superuser, on the orchestrator's database:",
            "--   devtron-telemetry grants | psql -v ON_ERROR_STOP=1 \"$DATABASE_URL\"",
            "-- Safe to run again (after an upgrade, too). Set the password apart, e.g. in psql:",
            "--   \\password \(role)",
            "BEGIN;",
            "-- Refuse a role that reads more than any grant allows, or whose own privileges Devtron needs.",
            "DO $$",
            "DECLARE",
            "  refused record;",
            "BEGIN",
            "  SELECT * INTO refused FROM (",
        ]
        lines += refusalQueryLines(role: "'\(role)'").map { "    " + $0 }
        lines += [
            "  ) AS reason;",
            "  IF NOT FOUND THEN",
            "    RETURN;",
            "  ELSIF refused.via = '\(role)' THEN",
            "    RAISE EXCEPTION 'devtron-telemetry grants: role \(role) %: \(refusalAdvice)', refused.what;",
            "  END IF;",
            "  RAISE EXCEPTION 'devtron-telemetry grants: role \(role) is a member of %, which %: \(refusalAdvice)',",
            "    quote_ident(refused.via), refused.what;",
            "END",
            "$$;",
            "DO $$",
            "BEGIN",
            "  IF NOT EXISTS (SELECT FROM pg_catalog.pg_roles WHERE rolname = '\(role)') THEN",
            "    CREATE ROLE \(name) LOGIN NOSUPERUSER NOCREATEDB NOCREATEROLE NOINHERIT NOREPLICATION NOBYPASSRLS;",
            "  END IF;",
            "END",
            "$$;",
            "-- Every session of the role is read-only unless it asks otherwise; it has no write privilege anyway.",
            "ALTER ROLE \(name) SET default_transaction_read_only = on;",
            "CREATE SCHEMA IF NOT EXISTS \(schema);",
        ]
        for view in viewed {
            lines.append(
                "CREATE OR REPLACE VIEW \(schema).\(quotedIdentifier(view.table)) WITH (security_barrier) AS \(view.query);"
            )
        }
        lines += [
            "-- The views first: for this role only, the catalog's user_attributes is the view.",
            "ALTER ROLE \(name) SET search_path = \(schema), public;",
            "GRANT USAGE ON SCHEMA public TO \(name);",
            "GRANT USAGE ON SCHEMA \(schema) TO \(name);",
            "-- Start from nothing (revoking a table's privileges revokes its column privileges too) ...",
            "REVOKE ALL ON ALL TABLES IN SCHEMA public FROM \(name);",
            "REVOKE ALL ON ALL SEQUENCES IN SCHEMA public FROM \(name);",
            "REVOKE ALL ON ALL TABLES IN SCHEMA \(schema) FROM \(name);",
            "-- ... then grant exactly what the catalog reads.",
        ]
        for table in columns.keys.sorted() {
            let list = columns[table, default: []].map(quotedIdentifier).joined(separator: ", ")
            lines.append("GRANT SELECT (\(list)) ON TABLE public.\(quotedIdentifier(table)) TO \(name);")
        }
        for view in viewed {
            lines.append("GRANT SELECT ON TABLE \(schema).\(quotedIdentifier(view.table)) TO \(name);")
        }
        lines.append("COMMIT;")
        return lines.joined(separator: "\n") + "\n"
    }

    /// Every column the records read, by table, each list sorted and without repeats.
    package static func columnsRead(by metrics: [Metric]) -> [String: [String]] {
        var columns: [String: Set<String>] = [:]
        for metric in metrics {
            for (table, read) in metric.reads { columns[table, default: []].formUnion(read) }
        }
        return columns.mapValues { $0.sorted() }
    }

    /// The columns granted on `public`: those read, less the tables read through `views`.
    package static func columnsGranted(by metrics: [Metric]) -> [String: [String]] {
        columnsRead(by: metrics).filter { table, _ in !views.contains { $0.table == table } }
    }

    // MARK: Refusing a privileged role

    /// What follows the reason in a refusal.
    static let refusalAdvice = "no least-privilege role can be made of it; choose another role"

    /// The first reason `role` (a SQL expression: a literal, or `$1`) cannot be made a
    /// least-privilege role, as one row (`via`: the role itself or a role it is a member of, directly
    /// or through others; `what`: a fixed phrase), or no row. Column grants narrow nothing for a
    /// SUPERUSER, BYPASSRLS, pg_read_all_data or pg_write_all_data role, nor for one that can
    /// `SET ROLE` to such a role or to the owner of public's tables; and for the owner itself the
    /// script's `REVOKE ALL` would take the owner's own privileges and break Devtron. A role that
    /// does not exist yet gives no row: the script creates it plain.
    package static func refusalQuery(role: String) -> String {
        refusalQueryLines(role: role).joined(separator: "\n")
    }

    /// `refusalQuery` line by line, for the script's DO block.
    static func refusalQueryLines(role: String) -> [String] {
        [
            "WITH RECURSIVE acts_as(oid) AS (",
            "  SELECT oid FROM pg_catalog.pg_roles WHERE rolname = \(role)",
            "  UNION SELECT m.roleid FROM pg_catalog.pg_auth_members m JOIN acts_as a ON m.member = a.oid)",
            "SELECT r.rolname::text AS via, CASE WHEN r.rolsuper THEN 'is SUPERUSER' WHEN r.rolbypassrls THEN 'has BYPASSRLS'",
            "  WHEN r.rolname = 'pg_read_all_data' THEN 'reads all data' WHEN r.rolname = 'pg_write_all_data' THEN 'writes all data'",
            "  ELSE 'owns tables or sequences of schema public' END AS what",
            "FROM acts_as a JOIN pg_catalog.pg_roles r ON r.oid = a.oid",
            "WHERE r.rolsuper OR r.rolbypassrls OR r.rolname IN ('pg_read_all_data', 'pg_write_all_data')",
            "  OR EXISTS (SELECT FROM pg_catalog.pg_class c JOIN pg_catalog.pg_namespace n ON n.oid = c.relnamespace",
            "    WHERE n.nspname = 'public' AND c.relowner = r.oid AND c.relkind IN ('r', 'p', 'v', 'm', 'f', 'S'))",
            "ORDER BY r.rolname <> \(role), r.rolname LIMIT 1",
        ]
    }

    /// Why `role` is refused on the database of `connection`, as one line for a usage error; nil
    /// when it may be granted (or does not exist yet). The role is bound, never spliced, and only
    /// role names read back are shown, escaped.
    package static func refusal(of role: String, on connection: Connection) throws -> String? {
        let via: String, what: String
        do {
            guard let row = try connection.execute(Query(sql: refusalQuery(role: "$1"), bindings: [role])).rows.first else {
                return nil
            }
            via = try row.decode(String.self, column: "via")
            what = try row.decode(String.self, column: "what")
        } catch {
            // A statement's error carries only its SQLSTATE's fixed sentence (PostgresError).
            let failure = error as? PostgresError ?? PostgresError(.decoding, message: "unreadable result")
            throw TelemetryError.database("cannot check role \(Escaping.quoted(role)) on \(connection.endpoint): \(failure)")
        }
        let reason = via == role ? what : "is a member of \(Escaping.quoted(via)), which \(what)"
        return "role \(Escaping.quoted(role)) \(reason): \(refusalAdvice)"
    }

    /// Whether `grants` checks the role against a database first: one is configured as `run`
    /// finds it (a database URL, else any of the orchestrator's `PG_*` variables). libpq's own
    /// defaults alone do not count: then the script is printed and checks the role when applied.
    package static func databaseConfigured(databaseURL: String?, environment: Environment) -> Bool {
        Settings.databaseURL.given(databaseURL, environment) != nil
            || DatabaseSettings.usesOrchestratorVariables(environment)
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
