/// The distinct words of a run of tokens, each with the position where it was first seen and how
/// many times it was added: an open-addressing table over the words' own hashes, so that tallying
/// a file's identifiers makes no String and re-hashes nothing.
struct WordTally {
    /// Per slot: the word's hash (0 for an empty slot) and its entry number.
    private var keys: [UInt64]
    private var entryAt: [Int32]
    private var mask: Int
    /// Per entry, in the order first seen.
    private(set) var entryKeys: [UInt64] = []
    private(set) var firsts: [Int] = []
    private(set) var counts: [Int] = []

    init() {
        keys = [UInt64](repeating: 0, count: 16)
        entryAt = [Int32](repeating: -1, count: 16)
        mask = 15
    }

    /// The words of a sequence, each once (`firsts` holds the position of its first copy).
    init<S: Sequence>(_ words: S) where S.Element == Word {
        self.init()
        for (position, word) in words.enumerated() { add(word, at: position) }
    }

    /// Hash 0 marks an empty slot; a word hashing to 0 is stored as 1.
    @inline(__always) private static func key(_ word: Word) -> UInt64 { word.hash == 0 ? 1 : word.hash }

    @inline(__always) private func slot(of key: UInt64) -> Int {
        var slot = Int(truncatingIfNeeded: key ^ (key >> 29)) & mask
        while keys[slot] != 0, keys[slot] != key { slot = (slot + 1) & mask }
        return slot
    }

    /// Counts `word`, remembering `position` when it is new.
    @inline(__always) mutating func add(_ word: Word, at position: Int) { _ = entry(counting: word, at: position) }

    /// Counts `word` `times` times, remembering `position` when it is new: its entry number (the
    /// order first seen).
    @inline(__always) mutating func entry(counting word: Word, times: Int = 1, at position: Int) -> Int {
        let key = Self.key(word)
        let slot = slot(of: key)
        if keys[slot] == key {
            let entry = Int(entryAt[slot])
            counts[entry] += times
            return entry
        }
        let entry = entryKeys.count
        keys[slot] = key
        entryAt[slot] = Int32(entry)
        entryKeys.append(key); firsts.append(position); counts.append(times)
        if entryKeys.count * 2 > keys.count { grow() }
        return entry
    }

    /// The entry number of `word`, added when new. A repeat is not counted (`counts` stays 1 for
    /// every entry): for a caller that counts on its own, as a count changed in place checks the
    /// array for a unique reference on every word.
    @inline(__always) mutating func entry(of word: Word, insertingAt position: Int) -> Int {
        let key = Self.key(word)
        let slot = slot(of: key)
        if keys[slot] == key { return Int(entryAt[slot]) }
        let entry = entryKeys.count
        keys[slot] = key
        entryAt[slot] = Int32(entry)
        entryKeys.append(key); firsts.append(position); counts.append(1)
        if entryKeys.count * 2 > keys.count { grow() }
        return entry
    }

    func contains(_ word: Word) -> Bool { existingEntry(of: word) != nil }

    /// The entry number of `word`, nil when it was never added.
    func existingEntry(of word: Word) -> Int? {
        let slot = slot(of: Self.key(word))
        return keys[slot] == 0 ? nil : Int(entryAt[slot])
    }

    /// Sets every entry's count at once (one per entry, in entry order), for a caller that counted
    /// on its own (`entry(of:insertingAt:)`).
    mutating func setCounts(_ counted: [Int]) {
        precondition(counted.count == entryKeys.count, "one count per entry")
        counts = counted
    }

    /// How many distinct words were added.
    var count: Int { entryKeys.count }

    private mutating func grow() {
        keys = [UInt64](repeating: 0, count: keys.count * 2)
        entryAt = [Int32](repeating: -1, count: keys.count)
        mask = keys.count - 1
        for (entry, key) in entryKeys.enumerated() {
            let slot = slot(of: key)
            keys[slot] = key; entryAt[slot] = Int32(entry)
        }
    }
}
