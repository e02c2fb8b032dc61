/// A quick first test of whether a name may be one of a few: a bit per (length, first byte, last
/// byte), so that most of the thousands of call names a folder holds are turned away without
/// hashing them. A name that passes still has to be looked up.
struct NameFilter {
    private var bits = [UInt64](repeating: 0, count: 1 << 12)   // 2^18 bits

    init(_ names: some Sequence<String>) {
        for name in names { let slot = Self.slot(name); bits[slot >> 6] |= 1 << UInt64(slot & 63) }
    }

    /// False when `name` is certainly not one of the names.
    @inline(__always) func mayContain(_ name: String) -> Bool {
        let slot = Self.slot(name)
        return bits[slot >> 6] & (1 << UInt64(slot & 63)) != 0
    }

    @inline(__always) private static func slot(_ name: String) -> Int {
        let utf8 = name.utf8
        guard let first = utf8.first, let last = utf8.last else { return 0 }
        return (utf8.count & 63) << 12 | Int(first & 63) << 6 | Int(last & 63)
    }
}
