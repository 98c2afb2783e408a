/// A statement of the catalog as two texts: `executable`, what PostgreSQL runs, and `display`, what
/// a reader reads (docs/metrics.md, `metrics`). The two differ only where a JSON check goes: the
/// executable text holds its full expansion (`JSONText`: up to twenty nested `regexp_replace` per
/// column), the display text a short name standing for it, written like a call (`JSONCheck`). The
/// check cannot be a real function — the session is read-only and may create none — so the name
/// exists only on the page; everywhere else the two texts are the same characters.
///
/// A record writes its statement as one string literal, the check by name:
///
///     "SELECT count(*) FROM t WHERE \(isJSONObject: "t.data")"
///
/// Only the catalog's own spelling is ever interpolated (table names, statuses, marks): the one
/// value from outside, the window's start, is bound as `$1`.
package struct SQLText: Sendable, Equatable, ExpressibleByStringInterpolation {
    /// The statement PostgreSQL runs.
    package let executable: String
    /// The statement as documented: each JSON check by its short name.
    package let display: String

    package init(executable: String, display: String) {
        self.executable = executable
        self.display = display
    }

    /// A statement without a JSON check: one text for both.
    package init(_ text: String) {
        self.init(executable: text, display: text)
    }

    package init(stringLiteral value: String) {
        self.init(value)
    }

    package init(stringInterpolation: Interpolation) {
        self.init(executable: stringInterpolation.executable, display: stringInterpolation.display)
    }

    /// The JSON checks a statement may hold, each with the name the display text shows for it.
    package enum JSONCheck: String, Sendable, CaseIterable {
        /// `JSONText.object`: the text as `json` when it is one JSON object PostgreSQL reads
        /// without an error, else NULL.
        case object = "json_object_or_null"
        /// `JSONText.isObject`: whether the text is such an object.
        case isObject = "is_json_object"
        /// `JSONText.decodable`: whether the fields of a json document's text can be read.
        case decodable = "json_decodable"

        /// The short name, as the display text calls it.
        package var name: String { rawValue }

        /// What the name stands for, in a sentence (docs/metrics.md explains the check once).
        package var meaning: String {
            switch self {
            case .object:
                return "the text as `json` when it holds one JSON object PostgreSQL reads without an error; NULL otherwise (NULL, invalid JSON, another JSON type, nested deeper than \(JSONText.maximumDepth), an undecodable escape)"
            case .isObject:
                return "whether the text is such an object: `\(JSONCheck.object.name)(x)` is `CASE WHEN \(name)(x) THEN x::json END`"
            case .decodable:
                return "whether the fields of a json document's text can be read: no `\\u0000`, no surrogate escape, and no non-ASCII escape unless the database is UTF-8"
            }
        }

        /// The full expression for `argument`, as PostgreSQL runs it.
        func expansion(_ argument: String) -> String {
            switch self {
            case .object: return JSONText.object(argument)
            case .isObject: return JSONText.isObject(argument)
            case .decodable: return JSONText.decodable(argument)
            }
        }
    }

    /// Builds both texts at once: literal text goes into both, a JSON check in full into the
    /// executable text and by name into the display text.
    package struct Interpolation: StringInterpolationProtocol {
        fileprivate var executable = ""
        fileprivate var display = ""

        package init(literalCapacity: Int, interpolationCount: Int) {
            executable.reserveCapacity(literalCapacity)
            display.reserveCapacity(literalCapacity)
        }

        package mutating func appendLiteral(_ literal: String) {
            executable += literal
            display += literal
        }

        /// A fragment the catalog spells itself (a table name, a status, a list of literals).
        package mutating func appendInterpolation(_ fragment: String) {
            appendInterpolation(SQLText(fragment))
        }

        /// `true` or `false`, as SQL writes them.
        package mutating func appendInterpolation(_ value: Bool) {
            appendLiteral(value ? "true" : "false")
        }

        /// A piece of a statement built apart, each of its texts into its own. Its lines after the
        /// first take the indentation of the line it goes into, so a multi-line fragment on a line of
        /// its own lines up with it (whitespace only, which PostgreSQL does not read).
        package mutating func appendInterpolation(_ fragment: SQLText) {
            executable += Self.indented(fragment.executable, into: executable)
            display += Self.indented(fragment.display, into: display)
        }

        /// `column` (text) as `json` when it is one JSON object, else NULL; shown as
        /// `json_object_or_null(column)`.
        package mutating func appendInterpolation(jsonObject column: String) {
            append(.object, column)
        }

        /// Whether `column` (text) is one JSON object PostgreSQL reads; shown as `is_json_object(column)`.
        package mutating func appendInterpolation(isJSONObject column: String) {
            append(.isObject, column)
        }

        /// Whether the fields of `text`, a json document's text, can be read; shown as
        /// `json_decodable(text)`.
        package mutating func appendInterpolation(jsonDecodable text: String) {
            append(.decodable, text)
        }

        private static func indented(_ fragment: String, into text: String) -> String {
            guard fragment.contains("\n") else { return fragment }
            let line = text.split(separator: "\n", omittingEmptySubsequences: false).last ?? ""
            return fragment.replacing("\n", with: "\n" + line.prefix { $0 == " " })
        }

        private mutating func append(_ check: JSONCheck, _ argument: String) {
            executable += check.expansion(argument)
            display += "\(check.name)(\(argument))"
        }
    }
}
