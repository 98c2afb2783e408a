/// A decimal number written as plain ASCII digits: ports in URLs and `PG_PORT`, the fields of an
/// HTTP date. Reading a fixed count of digits means no value from outside can overflow.
enum DecimalNumber {
    /// The number `text` spells with `digits` ASCII digits (no sign, no spaces), else nil.
    static func parse(_ text: String, digits: ClosedRange<Int>) -> Int? {
        let scalars = text.unicodeScalars
        guard digits.contains(scalars.count), scalars.allSatisfy({ ("0"..."9").contains($0) }) else { return nil }
        return Int(text)
    }

    /// A TCP port, 1-65535.
    static func port(_ text: String) -> Int? {
        parse(text, digits: 1...5).flatMap { (1...65535).contains($0) ? $0 : nil }
    }
}
