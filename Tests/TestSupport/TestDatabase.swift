import Foundation
import Postgres

/// A database of its own for one test, created on the throwaway server and loaded from SQL files.
package final class TestDatabase: @unchecked Sendable {
    package let name: String
    package let url: String
    /// host and port of the server, for tests that build their own connection strings.
    package let host: String
    package let port: String
    private let adminURL: String

    /// Creates `name` (made unique) and loads `files` into it, in order.
    package init(_ name: String, loading files: [URL], file: StaticString = #filePath, line: UInt = #line) throws {
        adminURL = try TestEnvironment.adminDatabaseURL(file: file, line: line)
        let admin = try ConnectionParameters.parse(adminURL)
        host = admin["host"] ?? "127.0.0.1"
        port = admin["port"] ?? "5432"
        self.name = "t_\(name.lowercased().filter { $0.isLetter || $0.isNumber || $0 == "_" })_\(UInt32.random(in: 0...UInt32.max))"
        url = "postgresql://postgres@\(host):\(port)/\(self.name)"
        let connection = try Connection(ConnectionParameters.parse(adminURL))
        try connection.executeScript("CREATE DATABASE \"\(self.name)\"")
        connection.close()
        let database = try connect()
        for file in files {
            try database.executeScript(String(contentsOf: file, encoding: .utf8))
        }
    }

    /// The standard fixture: the orchestrator tables (sql/schema.sql) and rows given by name.
    public convenience init(_ name: String, rows: String) throws {
        try self.init(name, loading: [
            TestEnvironment.repositoryFile("sql/schema.sql"), TestEnvironment.repositoryFile("Tests/Fixtures/\(rows)"),
        ])
    }

    /// A superuser session on this database (read-write: for setting up and interfering).
    package func connect() throws -> Connection {
        try Connection(ConnectionParameters.parse(url))
    }

    deinit {
        let adminURL = adminURL, name = name
        if let connection = try? Connection(ConnectionParameters.parse(adminURL)) {
            _ = try? connection.executeScript("DROP DATABASE IF EXISTS \"\(name)\" WITH (FORCE)")
        }
    }
}
