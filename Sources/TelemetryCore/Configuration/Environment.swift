#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif

/// The process environment as a value, so configuration can be resolved (and tested) without
/// touching global state.
package struct Environment: Sendable {
    package let variables: [String: String]

    package init(_ variables: [String: String]) {
        self.variables = variables
    }

    /// The current process's environment.
    package static var process: Environment {
        Environment(ProcessInfo.processInfo.environment)
    }

    /// The variable's value; an empty value counts as unset, as shells and Kubernetes produce them.
    package subscript(name: String) -> String? {
        guard let value = variables[name], !value.isEmpty else { return nil }
        return value
    }
}
