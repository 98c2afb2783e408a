// The job needs only Foundation's essentials (Date, UUID, JSONEncoder); importing the slimmer
// module where it exists keeps ICU and friends out of the binary's working set.
#if canImport(FoundationEssentials)
@_exported import FoundationEssentials
#else
@_exported import Foundation
#endif
