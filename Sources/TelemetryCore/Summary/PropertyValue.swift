/// A value of an event property: what a metric yields, and the few fixed properties beside them.
package enum PropertyValue: Sendable, Equatable, Encodable {
    case integer(Int)
    case flag(Bool)
    case text(String)
    case list([String])
    /// A JSON object of values (the orchestrator's `ExternalHelmAppClusterCount` is one, empty).
    case object([String: PropertyValue])

    package func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        switch self {
        case .integer(let value): try container.encode(value)
        case .flag(let value): try container.encode(value)
        case .text(let value): try container.encode(value)
        case .list(let value): try container.encode(value)
        case .object(let value): try container.encode(value)
        }
    }

    package var integer: Int? {
        if case .integer(let value) = self { return value }
        return nil
    }
}
