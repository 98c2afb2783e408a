import Durations

/// One setting of the job, declared once: its flag, its environment variables, its default, whether
/// it is a secret or holds a URL, its help, and how its text is parsed. `--help`, the masking of
/// secrets, the resolution (flag, else the variables in order, else the default) and
/// docs/configuration.md all read these records (`Settings.all`): a new setting cannot be
/// forgotten by the masking, and its default lives here only.
package struct Setting: Sendable, Hashable {
    /// How a value is read; the parse and its error message are the same for every setting.
    package enum Parse: Sendable, Hashable {
        /// Any text (trimmed where the setting's reader says so).
        case text
        /// Seconds, decimals allowed, in 0 < s ≤ 86400.
        case seconds
        /// A whole number in the range.
        case integer(ClosedRange<Int>)
        /// One of these words (compared as the reader says: case folded or not).
        case choice([String])
        /// An http(s) URL (checked by `URLText.parseHTTP` where it is used).
        case url
        /// A yes (true, 1, yes, on) or a no (false, 0, no, off).
        case onOff
        /// A flag without a value.
        case presence
    }

    /// What a value is, for masking: a secret is masked whole; a URL's password is masked.
    package enum Sensitivity: Sendable, Hashable { case plain, url, secret }

    /// The long flag's name without its dashes, if the setting has one.
    package let flag: String?
    /// The environment variables read, in order, when the flag is not given.
    package let variables: [String]
    /// The default as text, parsed like a given value; nil: none (or what `defaultNote` says).
    package let defaultValue: String?
    /// How the default reads in the docs when it is not a plain value ("discovered").
    package let defaultNote: String?
    package let sensitivity: Sensitivity
    package let parse: Parse
    /// One sentence or two for `--help` and the docs.
    package let help: String

    package init(flag: String? = nil, variables: [String] = [], default defaultValue: String? = nil, defaultNote: String? = nil,
                _ sensitivity: Sensitivity = .plain, parse: Parse = .text, help: String) {
        self.flag = flag
        self.variables = variables
        self.defaultValue = defaultValue
        self.defaultNote = defaultNote
        self.sensitivity = sensitivity
        self.parse = parse
        self.help = help
    }

    /// `--flag`, for messages and the command line.
    package var flagName: String? { flag.map { "--" + $0 } }

    /// How the setting is named in an error about its value: the flag when given, else the variable.
    func source(flagGiven: Bool, environment: Environment) -> String {
        if flagGiven, let flagName { return flagName }
        return variables.first { environment[$0] != nil } ?? flagName ?? variables.first ?? "setting"
    }

    /// The raw text by precedence: the flag's value, else the first variable set (empty counts as
    /// unset), else the default. Nil when none applies.
    package func text(_ flagValue: String?, _ environment: Environment) -> String? {
        flagValue ?? variables.lazy.compactMap { environment[$0] }.first ?? defaultValue
    }

    /// The text given by flag or environment only (nil when it comes from the default or nowhere).
    package func given(_ flagValue: String?, _ environment: Environment) -> String? {
        flagValue ?? variables.lazy.compactMap { environment[$0] }.first
    }

    /// `.seconds` settings as a duration.
    package func seconds(_ flagValue: String?, _ environment: Environment) throws -> Duration? {
        guard let text = text(flagValue, environment) else { return nil }
        let name = source(flagGiven: flagValue != nil, environment: environment)
        guard let value = Double(text.trimmed()), value.isFinite, value > 0, value <= 86_400 else {
            throw TelemetryError.usage("\(name) must be a number of seconds between 0 and 86400, got \(Escaping.quoted(text))")
        }
        return Duration(clampingSeconds: value)
    }

    /// `.integer` settings as a number in their range.
    package func integer(_ flagValue: String?, _ environment: Environment) throws -> Int? {
        guard let text = text(flagValue, environment) else { return nil }
        guard case .integer(let range) = parse else { return Int(text) }
        let name = source(flagGiven: flagValue != nil, environment: environment)
        guard let value = Int(text.trimmed()), range.contains(value) else {
            throw TelemetryError.usage("\(name) must be between \(range.lowerBound) and \(range.upperBound), got \(Escaping.quoted(text))")
        }
        return value
    }

    /// `.onOff` settings as a boolean; a value that is neither a yes nor a no is an error, never a guess.
    package func onOff(_ environment: Environment) throws -> Bool? {
        guard let raw = text(nil, environment) else { return nil }
        let name = source(flagGiven: false, environment: environment)
        switch raw.trimmed().lowercased() {
        case "1", "true", "yes", "on": return true
        case "0", "false", "no", "off": return false
        default: throw TelemetryError.usage("\(name) must be true/1 or false/0, got \(Escaping.quoted(raw)); nothing was sent")
        }
    }
}

extension Setting {
    /// The help with where the value comes from and its default, as `--help` shows it.
    package var helpWithSources: String {
        var sources: [String] = []
        if !variables.isEmpty { sources.append("env " + variables.joined(separator: ", ")) }
        if let shown = defaultValue ?? defaultNote { sources.append("default " + shown) }
        return sources.isEmpty ? help : "\(help) (\(sources.joined(separator: "; ")))"
    }
}
