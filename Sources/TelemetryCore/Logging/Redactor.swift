/// Replaces every known secret (database passwords, the API key) in text bound for any output.
/// Logs and error lines pass through it; secrets are never logged on purpose, this is the net.
package struct Redactor: Sendable {
    package static let mask = "***"
    private let secrets: [String]

    package init(secrets: [String]) {
        // Each secret also as an escaped line shows it (a quote or a newline in a password), and,
        // longest first, so a secret that contains another is masked whole.
        let variants = secrets.filter { !$0.isEmpty }.flatMap { [$0, Escaping.escaped($0, quotesAndBackslashes: true)] }
        self.secrets = Array(Set(variants)).sorted { $0.count > $1.count }
    }

    package func redact(_ text: String) -> String {
        secrets.reduce(text) { $0.replacing($1, with: Redactor.mask) }
    }
}
