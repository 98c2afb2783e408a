import CLibPQ

/// Connection settings as libpq keywords (`host`, `port`, `dbname`, `password`, …).
///
/// A conninfo string or `postgres://` URI is parsed by libpq itself (`PQconninfoParse`), so every
/// form libpq accepts is accepted here and nothing is parsed by hand. Keywords not given fall back to
/// libpq's defaults and its `PG*` environment variables when the connection is opened.
package struct ConnectionParameters: Sendable, Equatable {
    package private(set) var values: [String: String]

    package init(_ values: [String: String] = [:]) {
        self.values = values
    }

    /// Parses a conninfo string (`host=… dbname=…`) or a URI (`postgres://user@host/db`).
    /// The error never repeats the input, which may hold a password: see `parseFailure(_:)`.
    package static func parse(_ conninfo: String) throws -> ConnectionParameters {
        var errorMessage: UnsafeMutablePointer<CChar>?
        guard let options = PQconninfoParse(conninfo, &errorMessage) else {
            var reason = "out of memory"
            if let errorMessage {
                reason = parseFailure(String(cString: errorMessage))
                PQfreemem(errorMessage)
            }
            throw PostgresError(.invalidConnectionString, message: "invalid connection string: \(reason)")
        }
        defer { PQconninfoFree(options) }
        var values: [String: String] = [:]
        var option = options
        while let keyword = option.pointee.keyword {
            if let value = option.pointee.val {
                values[String(cString: keyword)] = String(cString: value)
            }
            option += 1
        }
        return ConnectionParameters(values)
    }

    package subscript(keyword: String) -> String? {
        get { values[keyword] }
        set { values[keyword] = newValue }
    }

    /// `host:port` for messages, from these parameters or libpq's environment defaults; never the password.
    package var endpointDescription: String {
        let host = values["hostaddr"] ?? values["host"] ?? environment("PGHOST") ?? "localhost"
        let port = values["port"] ?? environment("PGPORT") ?? "5432"
        return "\(host):\(port)"
    }

    /// What was wrong with a connection string, in words of our own. libpq's parse errors quote the
    /// offending part of the input, which may be the password, and a stray quote in the input
    /// defeats any attempt to cut the quoted part out; so libpq's message is never shown. Only its
    /// fixed opening words are matched against this table, whose sentences name the kind of
    /// mistake; anything else gets the general sentence.
    static func parseFailure(_ libpqMessage: String) -> String {
        let known: [(prefix: String, sentence: String)] = [
            ("invalid percent-encoded token", "a bad percent escape (% must be followed by two hex digits)"),
            ("forbidden value %00 in percent-encoded value", "a percent escape of a NUL byte (%00)"),
            ("unterminated quoted string", "an unterminated quoted value"),
            ("missing \"=\" after", "a keyword without \"=\""),
            ("invalid connection option", "an unknown keyword"),
            ("invalid URI query parameter", "an unknown URI query parameter"),
            ("extra key/value separator", "a URI query parameter with two \"=\""),
            ("missing key/value separator", "a URI query parameter without \"=\""),
            ("unexpected character", "an unexpected character in the URI"),
            ("end of string reached when looking for matching \"]\"", "an IPv6 host without its closing \"]\""),
            ("IPv6 host address may not be empty", "an empty IPv6 host"),
            ("unexpected spaces found", "spaces inside the URI"),
        ]
        let message = libpqMessage.drop { $0 == " " }
        let sentence = known.first { message.hasPrefix($0.prefix) }?.sentence ?? "libpq could not parse it"
        return sentence + " (the string is not shown: it may hold a password)"
    }
}

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

func environment(_ name: String) -> String? {
    guard let value = getenv(name) else { return nil }
    let text = String(cString: value)
    return text.isEmpty ? nil : text
}
