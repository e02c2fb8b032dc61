/// How often each identifier occurs in one file, for "used anywhere else" (`unusedPrivateMembers`).
/// Names are told apart by their `Word` (FNV-1a of their UTF-8), as everywhere in the design
/// readers: a reader counts the words its tokens already carry, so a file's counts make no String
/// and hash nothing again, and a lookup is a probe of an open-addressing table.
public struct IdentifierCounts: Sendable, Equatable {
    private var tally = WordTally()

    public init() {}

    /// The counts of a tally whose words were each added once (`WordTally.entry(of:insertingAt:)`),
    /// with each entry's count.
    init(tally: WordTally, counts: [Int]) {
        self.tally = tally
        self.tally.setCounts(counts)
    }

    /// How many distinct identifiers the file holds.
    public var count: Int { tally.count }

    /// How often `name` occurs; nil when it does not.
    public subscript(name: String) -> Int? { self[Word(name)] }

    subscript(word: Word) -> Int? { tally.existingEntry(of: word).map { tally.counts[$0] } }

    /// Counts `count` more occurrences of `name`.
    public mutating func add(_ name: String, count: Int = 1) { add(Word(name), count: count) }

    mutating func add(_ word: Word, count: Int = 1) { _ = tally.entry(counting: word, times: count, at: 0) }

    /// Every identifier's word and count, in the order first counted.
    var entries: [(word: Word, count: Int)] {
        zip(tally.entryKeys, tally.counts).map { (Word(hash: $0.0), $0.1) }
    }

    /// The same identifiers with the same counts, whatever the order they were counted in.
    public static func == (lhs: IdentifierCounts, rhs: IdentifierCounts) -> Bool {
        lhs.count == rhs.count && lhs.entries.allSatisfy { rhs[$0.word] == $0.count }
    }
}
