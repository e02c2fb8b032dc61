/// JSON text: the keys and scalars of a `JSONTree`, and the written document.
typealias ByteBuffer = GrowingBuffer<UInt8>

extension GrowingBuffer where Element == UInt8 {
    @inline(__always)
    mutating func append(_ text: StaticString) {
        append(UnsafeBufferPointer(start: text.utf8Start, count: text.utf8CodeUnitCount))
    }

    mutating func append(utf8Of text: String) {
        var text = text
        text.withUTF8 { append($0) }
    }

    /// `2 × level` spaces.
    mutating func appendIndent(_ level: Int) {
        let spaces: StaticString = "                                                                "
        var remaining = 2 * level
        while remaining > 0 {
            let run = Swift.min(remaining, spaces.utf8CodeUnitCount)
            append(UnsafeBufferPointer(start: spaces.utf8Start, count: run))
            remaining -= run
        }
    }

    /// An integer in decimal.
    @inline(__always)
    mutating func appendInteger(_ value: some FixedWidthInteger) {
        if value < 0 { append(UInt8(ascii: "-")) }
        appendDigits(of: UInt64(value.magnitude))
    }

    private mutating func appendDigits(of magnitude: UInt64) {
        var digits = 1
        var rest = magnitude
        while rest >= 10 {
            rest /= 10
            digits += 1
        }
        let start = reserve(digits)
        var position = digits
        rest = magnitude
        repeat {
            position -= 1
            start[position] = UInt8(ascii: "0") &+ UInt8(truncatingIfNeeded: rest % 10)
            rest /= 10
        } while rest > 0
        commit(digits)
    }

    /// A JSON string of `text`: quoted, escaped as `JSONEncoder` escapes with `.withoutEscapingSlashes`.
    mutating func appendQuoted(_ text: String) {
        var text = text
        text.withUTF8 { appendQuoted($0) }
    }

    /// `appendQuoted` of a string read in place when its bytes are contiguous (no copy of it, so
    /// no reference counting on a string many records share).
    mutating func appendQuoted(borrowing text: borrowing String) {
        if let done: Void = text.utf8.withContiguousStorageIfAvailable({ appendQuoted($0) }) { return done }
        appendQuoted(copy text)
    }

    /// `"` and `\` escaped, `\b \f \n \r \t` for those controls, `\u00xx` for the other bytes below
    /// 0x20, everything else (`/`, DEL, non-ASCII UTF-8) as it is.
    mutating func appendQuoted(_ utf8: UnsafeBufferPointer<UInt8>) {
        append(UInt8(ascii: "\""))
        if Self.needsEscaping(utf8) {
            var start = 0
            for index in 0..<utf8.count {
                let byte = utf8[index]
                guard byte < 0x20 || byte == UInt8(ascii: "\"") || byte == UInt8(ascii: "\\") else { continue }
                append(UnsafeBufferPointer(rebasing: utf8[start..<index]))
                appendEscape(byte)
                start = index + 1
            }
            append(UnsafeBufferPointer(rebasing: utf8[start...]))
        } else {
            append(utf8)
        }
        append(UInt8(ascii: "\""))
    }

    /// Whether `utf8` holds a byte below 0x20, `"` or `\`, eight bytes at a time (overlapping at the end).
    static func needsEscaping(_ utf8: UnsafeBufferPointer<UInt8>) -> Bool {
        guard let start = utf8.baseAddress, !utf8.isEmpty else { return false }
        let (bytes, count) = (UnsafeRawPointer(start), utf8.count)
        guard count >= 8 else {
            // Short: the bytes gathered into one word (some twice), the rest a harmless letter.
            let word = count >= 4
                ? UInt64(bytes.loadUnaligned(as: UInt32.self)) | UInt64(bytes.loadUnaligned(fromByteOffset: count - 4, as: UInt32.self)) << 32
                : 0x6161_6161_6100_0000 | UInt64(start[0]) | UInt64(start[count / 2]) << 8 | UInt64(start[count - 1]) << 16
            return hasByteToEscape(word)
        }
        var offset = 0
        while offset + 8 < count {
            if hasByteToEscape(bytes.loadUnaligned(fromByteOffset: offset, as: UInt64.self)) { return true }
            offset += 8
        }
        return hasByteToEscape(bytes.loadUnaligned(fromByteOffset: count - 8, as: UInt64.self))
    }

    /// Whether one of the eight bytes of `word` is below 0x20, `"` or `\` (exact, after Anderson's
    /// bit hacks: a borrow can only start at a byte that matches).
    private static func hasByteToEscape(_ word: UInt64) -> Bool {
        let ones: UInt64 = 0x0101_0101_0101_0101, highBits: UInt64 = 0x8080_8080_8080_8080
        func below(_ bound: UInt64, _ value: UInt64) -> UInt64 { (value &- bound &* ones) & ~value & highBits }
        return below(0x20, word) | below(1, word ^ (0x22 &* ones)) | below(1, word ^ (0x5C &* ones)) != 0
    }

    private mutating func appendEscape(_ byte: UInt8) {
        switch byte {
        case UInt8(ascii: "\""): append("\\\"")
        case UInt8(ascii: "\\"): append("\\\\")
        case 0x08: append("\\b")
        case 0x0C: append("\\f")
        case UInt8(ascii: "\n"): append("\\n")
        case UInt8(ascii: "\r"): append("\\r")
        case UInt8(ascii: "\t"): append("\\t")
        default:
            let hex: StaticString = "0123456789abcdef"
            append("\\u00")
            append(hex.utf8Start[Int(byte >> 4)])
            append(hex.utf8Start[Int(byte & 0x0F)])
        }
    }
}
