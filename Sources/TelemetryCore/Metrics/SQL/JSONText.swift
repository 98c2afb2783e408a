/// SQL expressions that read JSON held in a column without ever failing the statement.
///
/// The orchestrator stores some documents in `text` columns (`ci_build_config.build_metadata`,
/// `config_map_*.config_map_data`) and others in `json` columns (`user_attributes.user_data`). A
/// cast of invalid text to json raises an error, and so does reading a field of a json document
/// holding `\u0000`, a surrogate escape, or (outside UTF-8 databases) any non-ASCII escape. The
/// session is read-only and may create no function, so validity is decided by regular expressions
/// first, and the cast or the field access happens only in the `THEN` branch of a `CASE` (which
/// PostgreSQL evaluates only when its condition holds). A row that fails the check is skipped.
///
/// Records splice these through `SQLText` (`\(jsonObject: column)` …), which puts the expression in
/// the statement that runs and a short name for it in the text docs/metrics.md shows.
enum JSONText {
    /// A JSON string (`decodable` rules out the escapes PostgreSQL cannot decode; a separate check
    /// is much faster than lookaheads here).
    private static let string = #""(?:[^"\\\x01-\x1f]|\\(?:["\\/bfnrt]|u[0-9a-fA-F]{4}))*""#
    /// A JSON number or literal.
    private static let scalar = #"-?(?:0|[1-9][0-9]*)(?:\.[0-9]+)?(?:[eE][+-]?[0-9]+)?|true|false|null"#
    /// An innermost array or object once strings are `S` and other values `V`, whitespace removed.
    private static let container = #"\[(?:[SV](?:,[SV])*)?\]|\{(?:S:[SV](?:,S:[SV])*)?\}"#
    /// Containers nested deeper than this are not recognised (the row is skipped); the documents
    /// Devtron writes nest far less deep. It also keeps PostgreSQL's parser off its stack limit.
    static let maximumDepth = 16

    /// `column` (text) as `json` when it holds one JSON object PostgreSQL reads without an error;
    /// NULL otherwise (NULL, invalid JSON, another JSON type, too deep, an undecodable escape).
    static func object(_ column: String) -> String {
        "CASE WHEN \(isObject(column)) THEN \(column)::json END"
    }

    /// Whether `column` (text) is a JSON object `object(_:)` accepts. Strings are first reduced to
    /// `S` (after every `S` or `V` in the text became `!`, which keeps strings strings and makes
    /// any stray letter invalid), numbers and literals to `V`; whitespace goes; then each pass
    /// turns the innermost arrays and objects into `V`. Valid JSON ends as exactly `V`.
    static func isObject(_ column: String) -> String {
        var reduced = "regexp_replace(\(column), '[SV]', '!', 'g')"
        reduced = "regexp_replace(\(reduced), '\(string)', 'S', 'g')"
        reduced = "regexp_replace(\(reduced), '\(scalar)', 'V', 'g')"
        reduced = "regexp_replace(\(reduced), '[ \\t\\n\\r]+', '', 'g')"
        for _ in 0..<maximumDepth {
            reduced = "regexp_replace(\(reduced), '\(container)', 'V', 'g')"
        }
        return "(\(column) ~ '^[ \\t\\n\\r]*\\{' AND \(decodable(column)) AND \(reduced) = 'V')"
    }

    /// Whether the fields of `text`, a json document's text, can be read: no `\u0000` and no
    /// surrogate escape (a lone one raises an error), and no non-ASCII escape unless the database
    /// is UTF-8. Conservative: an escaped backslash followed by such letters also fails the check.
    static func decodable(_ text: String) -> String {
        "(\(text) !~ '\\\\u(?:0000|[dD][89a-fA-F])' AND \(asciiEscapesUnlessUTF8(text)))"
    }

    private static func asciiEscapesUnlessUTF8(_ text: String) -> String {
        "(current_setting('server_encoding') = 'UTF8' OR \(text) !~ '\\\\u(?!00[0-7])')"
    }
}
