import ArgumentParser
import TelemetryCore

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Parses, runs, and maps every outcome to the documented exit codes with at most one error line.
/// (ArgumentParser's own usage failures exit 64; the contract says 2.)
@main
enum Entry {
    static func main() async {
        // A peer that closes its end (PostHog, a proxy, the reader of stdout) must give a write
        // error, not a SIGPIPE that kills the job without a word: libcurl is told not to touch
        // signals, since the process has several threads.
        signal(SIGPIPE, SIG_IGN)
        let arguments = Array(CommandLine.arguments.dropFirst())
        let redactor = Redactor(secrets: secretsInEnvironment(.process) + secretArguments(arguments))
        let neverFail = neverFails(arguments)
        do {
            var command = try DevtronTelemetry.parseAsRoot(arguments)
            if var asyncCommand = command as? AsyncParsableCommand {
                try await asyncCommand.run()
            } else {
                try command.run()
            }
            exit(ExitStatus.success.rawValue)
        } catch let failure as CommandExit {
            if neverFail { report("note: exit 0 instead of \(failure.status.rawValue) (--never-fail)", redactor) }
            exit(neverFail ? 0 : failure.status.rawValue)
        } catch let error as TelemetryError {
            report("error: \(error)" + (neverFail ? "; exit 0 (--never-fail)" : ""), redactor)
            exit(neverFail ? 0 : error.exitCode.rawValue)
        } catch {
            let code = DevtronTelemetry.exitCode(for: error)
            if code == .success {
                writeStandardOutput(DevtronTelemetry.fullMessage(for: error) + "\n")  // --help, --version
                exit(0)
            }
            let message = DevtronTelemetry.message(for: error).split(whereSeparator: \.isNewline).first.map(String.init) ?? "\(error)"
            report("error: \(message) (see devtron-telemetry --help)" + (neverFail ? "; exit 0 (--never-fail)" : ""), redactor)
            exit(neverFail ? 0 : ExitStatus.usage.rawValue)
        }
    }

    /// `event … --never-fail`, read from the raw arguments so that it holds even when they do not
    /// parse (an unknown event name or flag must not fail a Helm release either).
    static func neverFails(_ arguments: [String]) -> Bool {
        arguments.first == "event" && arguments.prefix { $0 != "--" }.contains("--never-fail")
    }

    static func report(_ line: String, _ redactor: Redactor) {
        LogSink.standardError.write(redactor.redact(line))
    }

    /// Values given to secret-bearing flags, so that an error echoing them cannot leak them.
    static func secretArguments(_ arguments: [String]) -> [String] {
        var secrets: [String] = []
        for (index, argument) in arguments.enumerated() {
            for flag in ["--posthog-api-key", "--database-url"] {
                if argument == flag, index + 1 < arguments.count {
                    secrets.append(arguments[index + 1])
                } else if argument.hasPrefix(flag + "=") {
                    secrets.append(String(argument.dropFirst(flag.count + 1)))
                }
            }
        }
        return secrets
    }
}
