/// Where each window hash was first seen, for clone detection: an open-addressing table sized once
/// for every window of a language, indexed by the (mixed) hash's own bits, so that a lookup costs a
/// load or two rather than a trip through `Hasher`.
struct WindowTable {
    private var keys: [UInt64]
    /// The token position stored with each key; -1 marks an empty slot.
    private var positions: [Int]
    private let mask: Int

    /// A table for up to `capacity` distinct hashes.
    init(capacity: Int) {
        var size = 16
        while size < capacity * 2 { size *= 2 }
        keys = [UInt64](repeating: 0, count: size)
        positions = [Int](repeating: -1, count: size)
        mask = size - 1
    }

    @inline(__always) private func slot(_ hash: UInt64) -> Int {
        Int(truncatingIfNeeded: (hash &* 0x9E37_79B9_7F4A_7C15) >> 32) & mask
    }

    /// The position first stored for `hash`, or nil.
    @inline(__always) func position(of hash: UInt64) -> Int? {
        var index = slot(hash)
        while positions[index] >= 0 {
            if keys[index] == hash { return positions[index] }
            index = (index + 1) & mask
        }
        return nil
    }

    /// Stores `position` for `hash` unless the hash is already there.
    @inline(__always) mutating func insertIfAbsent(_ hash: UInt64, position: Int) {
        var index = slot(hash)
        while positions[index] >= 0 {
            if keys[index] == hash { return }
            index = (index + 1) & mask
        }
        keys[index] = hash
        positions[index] = position
    }
}
