/// The process environment as a value, so configuration can be resolved (and tested) without
/// touching global state.
public struct Environment: Sendable {
    public let variables: [String: String]

    public init(_ variables: [String: String]) {
        self.variables = variables
    }

    /// The current process's environment.
    public static var process: Environment {
        Environment(ProcessInfo.processInfo.environment)
    }

    /// The variable's value; an empty value counts as unset, as shells and Kubernetes produce them.
    public subscript(name: String) -> String? {
        guard let value = variables[name], !value.isEmpty else { return nil }
        return value
    }
}
