import CLibPQ

/// Connection settings as libpq keywords (`host`, `port`, `dbname`, `password`, …).
///
/// A conninfo string or `postgres://` URI is parsed by libpq itself (`PQconninfoParse`), so every
/// form libpq accepts is accepted here and nothing is parsed by hand. Keywords not given fall back to
/// libpq's defaults and its `PG*` environment variables when the connection is opened.
public struct ConnectionParameters: Sendable, Equatable {
    public private(set) var values: [String: String]

    public init(_ values: [String: String] = [:]) {
        self.values = values
    }

    /// Parses a conninfo string (`host=… dbname=…`) or a URI (`postgres://user@host/db`).
    /// The error never repeats the input, which may hold a password.
    public static func parse(_ conninfo: String) throws -> ConnectionParameters {
        var errorMessage: UnsafeMutablePointer<CChar>?
        guard let options = PQconninfoParse(conninfo, &errorMessage) else {
            var reason = "out of memory"
            if let errorMessage {
                reason = redactQuoted(String(cString: errorMessage))
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

    public subscript(keyword: String) -> String? {
        get { values[keyword] }
        set { values[keyword] = newValue }
    }

    /// `host:port` for messages, from these parameters or libpq's environment defaults; never the password.
    public var endpointDescription: String {
        let host = values["hostaddr"] ?? values["host"] ?? environment("PGHOST") ?? "localhost"
        let port = values["port"] ?? environment("PGPORT") ?? "5432"
        return "\(host):\(port)"
    }

    /// libpq quotes the offending part of the input in its parse errors; that part may be a password.
    static func redactQuoted(_ message: String) -> String {
        var result = ""
        var inQuotes = false
        for character in PostgresError.oneLine(message) {
            if character == "\"" {
                inQuotes.toggle()
                result += inQuotes ? "\"…" : "\""
            } else if !inQuotes {
                result.append(character)
            }
        }
        return result
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
