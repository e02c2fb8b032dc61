/// swift-syntax's parser takes time exponential in the number of nested `[` (each level is tried as
/// a type and then as an expression), so 25 levels of `[[[…]]]` would hang the analyser. Beyond
/// `limit` open square brackets this reads the deeper pairs as parentheses, which the parser handles
/// in linear time and which leave the lines, the tokens and every decision point where they were.
/// Brackets in strings and comments are counted too, so no input can hide a deep nesting from it.
struct SquareBracketLimiter {
    static let limit = 10

    /// The text to parse, and the line of the first bracket read as a parenthesis (nil if none was).
    static func limit(_ text: String) -> (text: String, firstLine: Int?) {
        var depth = 0, deepest = 0
        for byte in text.utf8 {
            if byte == UInt8(ascii: "[") { depth += 1; deepest = max(deepest, depth) }
            else if byte == UInt8(ascii: "]") { depth = max(depth - 1, 0) }
        }
        guard deepest > limit else { return (text, nil) }

        var bytes = Array(text.utf8)
        var replacedLevels: [Bool] = []
        var line = 1
        var firstLine: Int?
        for index in bytes.indices {
            switch bytes[index] {
            case UInt8(ascii: "\n"): line += 1
            case UInt8(ascii: "["):
                let replace = replacedLevels.count >= limit
                replacedLevels.append(replace)
                if replace {
                    bytes[index] = UInt8(ascii: "(")
                    if firstLine == nil { firstLine = line }
                }
            case UInt8(ascii: "]"):
                if replacedLevels.popLast() == true { bytes[index] = UInt8(ascii: ")") }
            default: break
            }
        }
        return (String(decoding: bytes, as: UTF8.self), firstLine)
    }
}
