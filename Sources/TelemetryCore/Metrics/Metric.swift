/// One metric of the Summary, declared once: the `metrics` command, the Summary of either layout,
/// the `grants` command and docs/metrics.md all read these records.
///
/// The SQL's result shape is fixed by `kind` (see `Kind`); its only parameter, for a windowed
/// metric, is `$1`, bound to the window's start (never spliced into the text).
package struct Metric: Sendable, Encodable, Equatable {
    /// What the value is, which fixes the SQL's result shape and what a failure looks like.
    package enum Kind: String, Sendable, Codable, CaseIterable {
        /// One row, one non-NULL integer column: a number of rows or of distinct things. Failed: -1.
        case count
        /// One row, one non-NULL integer column: a largest number of something, 0 when nothing.
        /// An integer like a count, so a failure is -1 too.
        case maximum
        /// One row, one non-NULL boolean column. Failed: left out.
        case flag
        /// One row, one non-NULL text column holding a non-negative decimal integer, sent as a JSON
        /// string as the orchestrator sends it. Failed: left out.
        case textCounter = "text-counter"
        /// Zero or more rows of one non-NULL text column, each a short identifier; sent distinct and
        /// sorted by code point. Failed: left out.
        case list
        /// One row, one non-NULL text column: RFC 3339 UTC with milliseconds (`…T…:…:….mmmZ`).
        /// Failed: left out.
        case timestamp

        /// Whether a failure is reported as -1 (the integers) rather than left out.
        package var failsAsMinusOne: Bool { self == .count || self == .maximum }
    }

    /// The span of time the metric looks at; `$1` is bound to its start.
    package enum Window: String, Sendable, Codable, CaseIterable {
        /// Everything in the database now; the SQL has no parameter.
        case allTime = "all"
        /// The 24 hours before the run's start: `$1` = start − 24 h.
        case last24Hours = "24h"
        /// The 30 days before the run's start: `$1` = start − 30 days.
        case last30Days = "30d"

        /// Seconds before the run's start where the window begins; nil for all time.
        package var seconds: Int? {
            switch self {
            case .allTime: return nil
            case .last24Hours: return 24 * 3600
            case .last30Days: return 30 * 24 * 3600
            }
        }
    }

    /// The two shapes of the Summary event.
    package enum Layout: String, Sendable, Codable, CaseIterable, CodingKeyRepresentable {
        /// The overview's nested `summary` object of seven counts (the default).
        case seed
        /// The orchestrator's flat properties.
        case orchestrator
    }

    /// The keys the value is sent under, per layout. Two keys with one definition (`appCount` and
    /// `devtronAppCount`) are one record, computed once and sent under both.
    package let keys: [Layout: [String]]
    /// What the value means, in one sentence or two.
    package let description: String
    package let kind: Kind
    package let window: Window
    /// The table columns the SQL reads, by table: what `grants` allows, and all it allows.
    package let reads: [String: [String]]
    /// The exact statement PostgreSQL runs: what the collector, `grants` tests and scripts/bench
    /// (through `metrics --format json`) use.
    package let sql: String
    /// The statement as documented (docs/metrics.md, `metrics`): `sql` with each JSON check shown by
    /// its short name (`SQLText.JSONCheck`), which is no function PostgreSQL knows.
    package let displaySQL: String

    package init(
        seed: String? = nil, orchestrator: [String] = [], description: String, kind: Kind = .count,
        window: Window = .allTime, reads: [String: [String]], sql: SQLText
    ) {
        var keys: [Layout: [String]] = [:]
        if let seed { keys[.seed] = [seed] }
        if !orchestrator.isEmpty { keys[.orchestrator] = orchestrator }
        self.keys = keys
        self.description = description
        self.kind = kind
        self.window = window
        self.reads = reads.mapValues { Array(Set($0)).sorted() }
        self.sql = sql.executable
        self.displaySQL = sql.display
    }

    /// A record whose statement is a string already made (a test's variant of a record): shown as it
    /// runs. Generic and disfavoured so that a string literal is always read as `SQLText`, whose
    /// interpolations keep the JSON checks apart: read as a `String`, a literal would take an
    /// `SQLText` fragment in through its description (a plain `String` overload wins over `SQLText`
    /// for literals, disfavoured or not).
    @_disfavoredOverload
    package init<Statement: StringProtocol>(
        seed: String? = nil, orchestrator: [String] = [], description: String, kind: Kind = .count,
        window: Window = .allTime, reads: [String: [String]], sql: Statement
    ) {
        self.init(
            seed: seed, orchestrator: orchestrator, description: description, kind: kind, window: window, reads: reads,
            sql: SQLText(String(sql))
        )
    }

    /// The record's name in logs and lists: its first orchestrator key, else its seed key.
    package var id: String { keys[.orchestrator]?.first ?? keys[.seed]?.first ?? "" }

    /// The layouts the metric is sent in.
    package var layouts: [Layout] { Layout.allCases.filter { keys[$0] != nil } }

    /// The keys in `layout`; empty when the metric is not part of it.
    package func keys(in layout: Layout) -> [String] { keys[layout] ?? [] }

    enum CodingKeys: String, CodingKey {
        case id, keys, description, kind, window, reads, sql, displaySQL
    }

    /// The record as `metrics --format json` shows it, its `id` included; `sql` is what runs.
    package func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(id, forKey: .id)
        try container.encode(keys, forKey: .keys)
        try container.encode(description, forKey: .description)
        try container.encode(kind, forKey: .kind)
        try container.encode(window, forKey: .window)
        try container.encode(reads, forKey: .reads)
        try container.encode(sql, forKey: .sql)
        try container.encode(displaySQL, forKey: .displaySQL)
    }
}
