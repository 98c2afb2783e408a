import ArgumentParser
#if canImport(Glibc)
import CMalloc
#endif
import TelemetryCore

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Parses, runs, and maps every outcome to the README's exit codes with at most one error line.
/// (ArgumentParser's own usage failures exit 64; the contract says 2.)
@main
enum Entry {
    static func main() {
        // A peer that closes its end (PostHog, a proxy, the reader of stdout) must give a write
        // error, not a SIGPIPE that kills the job without a word: libcurl is told not to touch
        // signals, since its resolver runs on a thread of its own.
        signal(SIGPIPE, SIG_IGN)
        #if canImport(Glibc)
        // One malloc arena for the whole process. A thread that allocates (libcurl's resolver) would
        // get an arena of its own, and memory freed in one is not reused by another. The job does
        // not allocate in parallel, so one arena costs it no time.
        _ = mallopt(M_ARENA_MAX, 1)
        #endif
        let arguments = Array(CommandLine.arguments.dropFirst())
        let redactor = Redactor(secrets: secretsInEnvironment(.process) + secretArguments(arguments))
        let neverFail = neverFails(arguments)
        do {
            var command = try DevtronTelemetry.parseAsRoot(arguments)
            try command.run()
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
                do {
                    try writeStandardOutput(DevtronTelemetry.fullMessage(for: error) + "\n")  // --help, --version
                } catch {
                    // --never-fail holds here too: `event --help --never-fail > /dev/full` is exit 0.
                    report("error: \(error)" + (neverFail ? "; exit 0 (--never-fail)" : ""), redactor)
                    exit(neverFail ? 0 : ExitStatus.failure.rawValue)
                }
                exit(0)
            }
            let message = firstLine(of: DevtronTelemetry.message(for: error), arguments: arguments)
            report("error: \(message) (see devtron-telemetry --help)" + (neverFail ? "; exit 0 (--never-fail)" : ""), redactor)
            exit(neverFail ? 0 : ExitStatus.usage.rawValue)
        }
    }

    /// `event … --never-fail`, read from the raw arguments so that it holds even when they do not
    /// parse (an unknown event name or flag must not fail a Helm release either).
    static func neverFails(_ arguments: [String]) -> Bool {
        arguments.first == "event" && arguments.prefix { $0 != "--" }.contains("--never-fail")
    }

    /// One line on stderr: secrets masked, then every control character escaped, as in log lines.
    static func report(_ line: String, _ redactor: Redactor) {
        LogSink.standardError.write(redactor.redact(Escaping.oneLine(Escaping.cut(redactor.redact(line), to: 2 * Escaping.fieldLimit))))
    }

    /// ArgumentParser's message without its usage lines. A value it echoes may itself hold a line
    /// break (a trailing newline from a YAML `|` block): such values are escaped first, so the cut
    /// falls at the message's own line end, not inside the value.
    static func firstLine(of message: String, arguments: [String]) -> String {
        var text = message
        let broken = arguments.flatMap { [$0, String($0.split(separator: "=", maxSplits: 1).last ?? "")] }
            .filter { $0.contains(where: \.isNewline) || $0.unicodeScalars.contains { $0.value < 0x20 || $0.value == 0x7F } }
            .sorted { $0.count > $1.count }
        for value in broken { text = text.replacing(value, with: Escaping.oneLine(value)) }
        return text.split(whereSeparator: \.isNewline).first.map(String.init) ?? Escaping.oneLine(text)
    }

    /// Secrets given on the command line, so that an error echoing them cannot leak them: the
    /// whole value of a secret flag (the settings marked secret), and the password of any URL in
    /// any argument — found without a list of which flags hold URLs, so none can be forgotten.
    static func secretArguments(_ arguments: [String]) -> [String] {
        var secrets = arguments.flatMap(URLText.passwords(in:))
        for (index, argument) in arguments.enumerated() {
            for flag in Settings.secretFlags {
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
