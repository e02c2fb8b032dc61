/// Which tokens lie in a clone, one bit each, for counting a file's duplicated tokens: ranges are
/// marked a word at a time and counted by population count.
struct TokenMarks {
    private var words: [UInt64]

    init(count: Int) { words = [UInt64](repeating: 0, count: (count + 63) / 64) }

    /// Marks every token in `range`.
    mutating func mark(_ range: Range<Int>) {
        Self.forEachWord(in: range) { index, mask in words[index] |= mask }
    }

    /// How many tokens in `range` are marked.
    func count(in range: Range<Int>) -> Int {
        var total = 0
        Self.forEachWord(in: range) { index, mask in total += (words[index] & mask).nonzeroBitCount }
        return total
    }

    /// Each word `range` touches, with the mask of its bits inside `range`.
    @inline(__always) private static func forEachWord(in range: Range<Int>, _ body: (Int, UInt64) -> Void) {
        guard !range.isEmpty else { return }
        let first = range.lowerBound >> 6, last = (range.upperBound - 1) >> 6
        for index in first...last {
            var mask = UInt64.max
            if index == first { mask &= UInt64.max << UInt64(range.lowerBound & 63) }
            if index == last { mask &= UInt64.max >> UInt64(63 - ((range.upperBound - 1) & 63)) }
            body(index, mask)
        }
    }
}
