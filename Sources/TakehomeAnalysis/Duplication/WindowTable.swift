/// Where each window hash was first seen, for clone detection: an open-addressing table sized once
/// for every window of a language, indexed by the (mixed) hash's own bits, each key stored next to
/// its position, so that a lookup costs one cache miss rather than a trip through `Hasher`.
struct WindowTable {
    private struct Slot { var hash: UInt64; var position: Int }
    private var slots: [Slot]
    private let mask: Int

    /// A table for up to `capacity` distinct hashes.
    init(capacity: Int) {
        var size = 16
        while size < capacity * 2 { size *= 2 }
        slots = [Slot](repeating: Slot(hash: 0, position: -1), count: size)   // position -1: empty
        mask = size - 1
    }

    /// The position first stored for `hash`; when there is none, stores `position` and returns nil.
    @inline(__always) mutating func firstPosition(of hash: UInt64, storingIfAbsent position: Int) -> Int? {
        var index = Int(truncatingIfNeeded: (hash &* 0x9E37_79B9_7F4A_7C15) >> 32) & mask
        while slots[index].position >= 0 {
            if slots[index].hash == hash { return slots[index].position }
            index = (index + 1) & mask
        }
        slots[index] = Slot(hash: hash, position: position)
        return nil
    }
}
