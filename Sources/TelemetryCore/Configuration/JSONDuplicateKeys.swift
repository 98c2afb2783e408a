/// Whether a JSON text has an object that names the same key twice. RFC 8259 leaves such a text's
/// meaning to the parser (the first value, the last, or an error), so an answer that holds one is
/// ambiguous. One pass with a stack of its own (no recursion: a deeply nested answer cannot
/// exhaust the thread's stack); keys compare after their escapes are decoded (`"res\u0075lt"` is
/// `"result"`). It validates nothing else: a text that is not JSON is the decoder's to refuse.
enum JSONDuplicateKeys {
    private struct Container {
        /// `nil` for an array.
        var keys: Set<[UInt8]>?
        var expectsKey: Bool
    }

    static func found(in text: [UInt8]) -> Bool {
        var stack: [Container] = []
        var index = 0
        while index < text.count {
            let byte = text[index]
            switch byte {
            case UInt8(ascii: "{"):
                stack.append(Container(keys: [], expectsKey: true))
            case UInt8(ascii: "["):
                stack.append(Container(keys: nil, expectsKey: false))
            case UInt8(ascii: "}"), UInt8(ascii: "]"):
                _ = stack.popLast()
            case UInt8(ascii: ","):
                if stack.last?.keys != nil { stack[stack.count - 1].expectsKey = true }
            case UInt8(ascii: "\""):
                let (string, end) = decodedString(text, from: index + 1)
                index = end
                if let top = stack.last, var keys = top.keys, top.expectsKey {
                    guard keys.insert(string).inserted else { return true }
                    stack[stack.count - 1] = Container(keys: keys, expectsKey: false)
                }
            default:
                break
            }
            index += 1
        }
        return false
    }

    /// The string starting after its opening quote, escapes decoded (as UTF-8), and the index of
    /// its closing quote (or the end of the text).
    private static func decodedString(_ text: [UInt8], from start: Int) -> ([UInt8], Int) {
        var out: [UInt8] = []
        var index = start
        var pendingHighSurrogate: UInt32?
        func append(_ value: UInt32) {
            var scalarValue = value
            if let high = pendingHighSurrogate {
                pendingHighSurrogate = nil
                if (0xDC00...0xDFFF).contains(value) {
                    scalarValue = 0x10000 + ((high - 0xD800) << 10) + (value - 0xDC00)
                } else {
                    out += [0xEF, 0xBF, 0xBD]  // a lone high surrogate: U+FFFD, as decoders read it
                }
            }
            if (0xD800...0xDBFF).contains(scalarValue) { pendingHighSurrogate = scalarValue; return }
            let scalar = Unicode.Scalar(scalarValue) ?? "\u{FFFD}"
            out += Array(String(Character(scalar)).utf8)
        }
        while index < text.count {
            let byte = text[index]
            if byte == UInt8(ascii: "\"") { break }
            if byte == UInt8(ascii: "\\"), index + 1 < text.count {
                index += 1
                switch text[index] {
                case UInt8(ascii: "u"):
                    let digits = text[(index + 1)..<min(index + 5, text.count)]
                    if digits.count == 4, let value = UInt32(String(decoding: digits, as: UTF8.self), radix: 16) {
                        append(value)
                        index += 4
                    }
                case UInt8(ascii: "n"): append(0x0A)
                case UInt8(ascii: "t"): append(0x09)
                case UInt8(ascii: "r"): append(0x0D)
                case UInt8(ascii: "b"): append(0x08)
                case UInt8(ascii: "f"): append(0x0C)
                default: append(UInt32(text[index]))  // \" \\ \/
                }
            } else {
                if pendingHighSurrogate != nil { pendingHighSurrogate = nil; out += [0xEF, 0xBF, 0xBD] }
                out.append(byte)
            }
            index += 1
        }
        if pendingHighSurrogate != nil { out += [0xEF, 0xBF, 0xBD] }
        return (out, index)
    }
}
