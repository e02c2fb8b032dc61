/// Which window hashes more than one window of a language has, for clone detection: two bits per
/// slot of a bitmap ("seen", "seen again"), a slot per hash picked by the hash's mixed bits. A
/// hash whose slot was hit once is certainly unique, so its window can neither start a clone nor
/// be the first copy of one and never has to enter the table of first places; a slot hit twice
/// may be two windows with one hash or two hashes sharing the slot, and those windows go through
/// the table. With about eight slots a window most unique windows are told apart, and the bitmap
/// (two bytes a token) stays in cache where a table of every window would not.
struct RepeatedWindows {
    private var words: [UInt64]
    private let shift: UInt64
    /// How many windows landed in a slot hit more than once: the table needs room for this many.
    let candidates: Int

    /// Records every window of each of `files`, the hashes rolled as `detector` rolls them.
    init(_ files: [[CloneToken]], detector: CloneDetector) {
        let minTokens = detector.minTokens, factor = detector.leavingFactor
        let windows = files.reduce(0) { $0 + max(0, $1.count - minTokens + 1) }
        var bits = 6   // 64 slots at least
        while 1 << bits < windows * 8 { bits += 1 }
        let shift = UInt64(64 - bits)
        var words = [UInt64](repeating: 0, count: (1 << bits) / 32)
        var candidates = 0
        words.withUnsafeMutableBufferPointer { words in
            for file in files where file.count >= minTokens {
                file.withUnsafeBufferPointer { tokens in
                    var hash = detector.windowHash(tokens, at: 0)
                    candidates += Self.record(hash, in: words, shift: shift)
                    for index in minTokens..<tokens.count {
                        hash = CloneDetector.rolled(hash, leaving: tokens[index - minTokens].value, entering: tokens[index].value,
                                                    factor: factor)
                        candidates += Self.record(hash, in: words, shift: shift)
                    }
                }
            }
        }
        self.words = words; self.shift = shift; self.candidates = candidates
    }

    @inline(__always) private static func slot(_ hash: UInt64, shift: UInt64) -> (word: Int, bit: UInt64) {
        let slot = Int(truncatingIfNeeded: (hash &* 0x9E37_79B9_7F4A_7C15) >> shift)
        return (slot >> 5, UInt64(slot & 31) << 1)
    }

    /// Marks `hash` seen, or seen again; returns how many windows this adds to the candidates
    /// (2 when its slot is hit the second time, 1 after that). Branch-free: which case holds is
    /// as good as random.
    @inline(__always) private static func record(_ hash: UInt64, in words: UnsafeMutableBufferPointer<UInt64>,
                                                 shift: UInt64) -> Int {
        let (word, bit) = slot(hash, shift: shift)
        let value = words[word]
        let seen = (value >> bit) & 1, again = (value >> (bit + 1)) & 1
        words[word] = value | (1 << bit) | (seen << (bit + 1))
        return Int(truncatingIfNeeded: again | ((seen & ~again) << 1))
    }

    /// False when no other window has `hash`; true when one may.
    @inline(__always) func mayRepeat(_ hash: UInt64) -> Bool {
        let (word, bit) = Self.slot(hash, shift: shift)
        return words[word] & (2 << bit) != 0
    }
}
