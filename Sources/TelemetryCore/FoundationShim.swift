// The job needs only Foundation's essentials (Date, UUID, JSONEncoder); importing the slimmer
// module where it exists keeps ICU and friends out of the binary's working set.
#if canImport(FoundationEssentials)
@_exported import FoundationEssentials
#else
@_exported import Foundation
#endif

extension StringProtocol {
    /// Without leading and trailing spaces, tabs and line breaks (FoundationEssentials has no
    /// `trimmingCharacters(in:)`).
    func trimmed() -> String {
        let isBlank: (Character) -> Bool = { $0.isWhitespace || $0.isNewline }
        guard let first = firstIndex(where: { !isBlank($0) }), let last = lastIndex(where: { !isBlank($0) }) else { return "" }
        return String(self[first...last])
    }
}
