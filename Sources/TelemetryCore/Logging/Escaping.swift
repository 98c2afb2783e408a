/// Text from outside (flags, variables, libpq, a server) made safe for a line on stderr: every
/// control character is escaped, so a value can neither split a line (a trailing newline, as a
/// YAML `|` block adds) nor drive the terminal (ESC sequences). Log lines and error lines share it.
package enum Escaping {
    /// `value` as a JSON string literal, quotes included, control characters escaped, cut to
    /// `limit` characters: how an error line shows a value it rejects.
    package static func quoted(_ value: String, limit: Int = 100) -> String {
        "\"" + escaped(cut(value, to: limit), quotesAndBackslashes: true) + "\""
    }

    /// Longest value a log or error line shows whole: every line the job writes has a bounded
    /// length, whatever an operator or a server put into a value.
    package static let fieldLimit = 512

    /// `value` cut to `limit` characters, "…" marking the cut. Cut only after masking: a secret
    /// cut in two would no longer be recognised.
    package static func cut(_ value: String, to limit: Int = fieldLimit) -> String {
        value.count > limit ? String(value.prefix(limit)) + "…" : value
    }

    /// `text` with its control characters escaped (`\n`, `\r`, `\t`, `\u001b`, …) and nothing else
    /// changed: one line, whatever it held.
    package static func oneLine(_ text: String) -> String {
        escaped(text, quotesAndBackslashes: false)
    }

    /// C0 controls, DEL, C1 controls (0x9B is a one-byte CSI to some terminals) and the Unicode
    /// line and paragraph separators.
    package static func isControl(_ scalar: Unicode.Scalar) -> Bool {
        scalar.value < 0x20 || (0x7F...0x9F).contains(scalar.value) || scalar.value == 0x2028 || scalar.value == 0x2029
    }

    static func escaped(_ value: String, quotesAndBackslashes: Bool) -> String {
        var out = ""
        out.unicodeScalars.reserveCapacity(value.unicodeScalars.count)
        for scalar in value.unicodeScalars {
            switch scalar {
            case "\"" where quotesAndBackslashes: out += "\\\""
            case "\\" where quotesAndBackslashes: out += "\\\\"
            case "\n": out += "\\n"
            case "\r": out += "\\r"
            case "\t": out += "\\t"
            case _ where isControl(scalar):
                let hex = String(scalar.value, radix: 16)
                out += "\\u" + String(repeating: "0", count: max(0, 4 - hex.count)) + hex
            default: out.unicodeScalars.append(scalar)
            }
        }
        return out
    }
}
