/// Replaces every known secret (database passwords, the API key) in text bound for any output.
/// Logs and error lines pass through it; secrets are never logged on purpose, this is the net.
public struct Redactor: Sendable {
    public static let mask = "***"
    private let secrets: [String]

    public init(secrets: [String]) {
        // Longest first, so a secret that contains another is masked whole.
        self.secrets = Array(Set(secrets.filter { !$0.isEmpty })).sorted { $0.count > $1.count }
    }

    public func redact(_ text: String) -> String {
        secrets.reduce(text) { $0.replacing($1, with: Redactor.mask) }
    }
}
