import Foundation
import XCTest

/// Runs the built `devtron-telemetry` as a subprocess, as an operator or a CronJob does, with an
/// environment of the test's choosing only (nothing inherited but PATH and HOME).
package enum CommandRunner {
    package struct Outcome: Sendable {
        package let status: Int32
        package let stdout: String
        package let stderr: String
        package let seconds: Double

        /// stderr's lines, for tests of the one-line error.
        package var stderrLines: [String] { stderr.split(separator: "\n").map(String.init) }
    }

    package static func binary(file: StaticString = #filePath, line: UInt = #line) throws -> URL {
        if let configured = ProcessInfo.processInfo.environment["DEVTRON_TELEMETRY_BIN"] {
            return URL(fileURLWithPath: configured)
        }
        // The test bundle sits in the build's products directory, beside the executable.
        let products = URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent()
        for directory in [products, products.deletingLastPathComponent()] {
            let candidate = directory.appendingPathComponent("devtron-telemetry")
            if FileManager.default.isExecutableFile(atPath: candidate.path) { return candidate }
        }
        XCTFail("devtron-telemetry executable not found next to \(products.path); build it first (scripts/test does)", file: file, line: line)
        throw TestEnvironment.MissingPart.binary
    }

    /// Runs the program; kills it after `limit` seconds (the outcome then has status -9).
    /// `standardOutput`, when given, replaces the captured pipe (e.g. /dev/full); stdout is then "".
    package static func run(
        _ arguments: [String], environment: [String: String] = [:], limit: Double = 60,
        standardOutput: FileHandle? = nil, file: StaticString = #filePath, line: UInt = #line
    ) throws -> Outcome {
        let process = Process()
        process.executableURL = try binary(file: file, line: line)
        process.arguments = arguments
        var env = ["PATH": ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin:/bin", "HOME": NSTemporaryDirectory()]
        env.merge(environment) { $1 }
        process.environment = env
        let out = Pipe(), err = Pipe()
        process.standardOutput = standardOutput ?? out
        process.standardError = err
        process.standardInput = FileHandle.nullDevice
        let started = Date()
        try process.run()
        if standardOutput != nil { try? out.fileHandleForWriting.close() }
        // Drain both pipes while the process runs, so a full pipe can never stall it.
        let stdoutData = DataBox(), stderrData = DataBox()
        let group = DispatchGroup()
        for (pipe, box) in [(out, stdoutData), (err, stderrData)] {
            group.enter()
            DispatchQueue.global().async {
                box.data = pipe.fileHandleForReading.readDataToEndOfFile()
                group.leave()
            }
        }
        let deadline = DispatchTime.now() + limit
        var killed = false
        while process.isRunning {
            if DispatchTime.now() > deadline {
                kill(process.processIdentifier, SIGKILL)
                killed = true
                break
            }
            usleep(10_000)
        }
        process.waitUntilExit()
        group.wait()
        return Outcome(
            status: killed ? -9 : process.terminationStatus,
            stdout: String(decoding: stdoutData.data, as: UTF8.self),
            stderr: String(decoding: stderrData.data, as: UTF8.self),
            seconds: Date().timeIntervalSince(started)
        )
    }

    private final class DataBox: @unchecked Sendable {
        var data = Data()
    }
}
