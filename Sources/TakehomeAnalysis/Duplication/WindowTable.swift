/// Where each window hash was first seen, for clone detection: an open-addressing table indexed
/// by the (mixed) hash's own bits, each key stored next to its position, so that a lookup costs
/// one cache miss rather than a trip through `Hasher`. It doubles when half full.
struct WindowTable {
    private struct Slot { var hash: UInt64; var position: Int }
    private var slots: [Slot]
    private var mask: Int
    private var count = 0

    /// A table with room for about `capacity` hashes before it first grows.
    init(capacity: Int) {
        var size = 16
        while size < capacity * 2 { size *= 2 }
        slots = [Slot](repeating: Slot(hash: 0, position: -1), count: size)   // position -1: empty
        mask = size - 1
    }

    @inline(__always) private static func home(of hash: UInt64) -> Int {
        Int(truncatingIfNeeded: (hash &* 0x9E37_79B9_7F4A_7C15) >> 32)
    }

    /// The position first stored for `hash`; when there is none, stores `position` and returns nil.
    @inline(__always) mutating func firstPosition(of hash: UInt64, storingIfAbsent position: Int) -> Int? {
        if count * 2 >= slots.count { grow() }   // at least half the slots stay empty
        var index = Self.home(of: hash) & mask
        while slots[index].position >= 0 {
            if slots[index].hash == hash { return slots[index].position }
            index = (index + 1) & mask
        }
        slots[index] = Slot(hash: hash, position: position)
        count += 1
        return nil
    }

    @inline(never) private mutating func grow() {
        let old = slots
        slots = [Slot](repeating: Slot(hash: 0, position: -1), count: old.count * 2)
        mask = slots.count - 1
        for slot in old where slot.position >= 0 {
            var index = Self.home(of: slot.hash) & mask
            while slots[index].position >= 0 { index = (index + 1) & mask }
            slots[index] = slot
        }
    }
}
