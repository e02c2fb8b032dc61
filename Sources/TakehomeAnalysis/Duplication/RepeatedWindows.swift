/// Which window hashes more than one window of a language has, for clone detection: a bitmap in
/// 64-bit words of 32 two-bit slots ("seen", "seen again"). Each hash picks a word and two slots
/// in it by its mixed bits. A window whose two slots were not both hit again has a hash no other
/// window has, so it can neither start a clone nor be the first copy of one and never has to
/// enter the table of first places; the others (true repeats and some unique hashes whose slots
/// other hashes share) go through the table. At about eight slots a window the bitmap takes two
/// bytes a token and stays in cache, where a table of every window would not, and turns away all
/// but a few per cent of the unique windows.
struct RepeatedWindows {
    private var words: [UInt64]
    private let shift: UInt64
    /// How many windows found both their slots seen when they came: about how many windows
    /// `mayRepeat` lets through, for sizing the table.
    let seenAgain: Int

    /// Records every window hash of each file (`CloneDetector.windows(of:)`).
    init(_ files: [[UInt64]]) {
        let windows = files.reduce(0) { $0 + $1.count }
        var bits = 1   // words: 2^bits, each of 32 slots
        while 1 << bits < windows / 4 { bits += 1 }
        let shift = UInt64(64 - bits)
        var words = [UInt64](repeating: 0, count: 1 << bits)
        var seenAgain = 0
        words.withUnsafeMutableBufferPointer { words in
            for file in files {
                for hash in file { seenAgain += Self.record(hash, in: words, shift: shift) }
            }
        }
        self.words = words; self.shift = shift; self.seenAgain = seenAgain
    }

    /// The word of `hash` and the mask of its two "seen" bits (one when both slots are the same).
    @inline(__always) private static func place(_ hash: UInt64, shift: UInt64) -> (word: Int, seen: UInt64) {
        let mixed = hash &* 0x9E37_79B9_7F4A_7C15
        let first = (mixed >> 20) & 31, second = (mixed >> 25) & 31
        return (Int(truncatingIfNeeded: mixed >> shift), 1 << (first << 1) | 1 << (second << 1))
    }

    /// Marks the slots of `hash` seen, and seen again where they were seen; 1 when both were.
    @inline(__always) private static func record(_ hash: UInt64, in words: UnsafeMutableBufferPointer<UInt64>,
                                                 shift: UInt64) -> Int {
        let (word, seen) = place(hash, shift: shift)
        let value = words[word]
        words[word] = value | seen | (value & seen) << 1
        return value & seen == seen ? 1 : 0
    }

    /// False when no other window has `hash`; true when one may.
    @inline(__always) func mayRepeat(_ hash: UInt64) -> Bool {
        let (word, seen) = Self.place(hash, shift: shift)
        return words[word] & (seen << 1) == seen << 1
    }
}
