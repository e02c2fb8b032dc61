/// What the Python reader learns of a file's tokens in one pass, so that each class and function
/// looks its body up instead of walking its tokens again: each identifier's entry among the file's
/// distinct names (with its text, made once), where each name occurs, and where the decisions,
/// outside-world effects and private fields (`self._x = ...`) are.
struct PythonTokenFacts {
    /// Per token: the entry of its name when it is an identifier; -1 otherwise.
    private(set) var entries: [Int32] = []
    /// The file's distinct identifiers, in the order first seen (not counted: `count(of:)` counts).
    private var tally = WordTally()
    /// Per entry: its text, and whether that is all ASCII (then it sorts by its bytes).
    private(set) var names: [String] = []
    private(set) var namesAreASCII: [Bool] = []
    /// Per entry: its first eight bytes as a big-endian number, zeros after a shorter name (an
    /// identifier holds no zero byte, so these numbers order as the names' bytes do).
    private var namePrefixes: [UInt64] = []
    /// Token indices of decision words (`if`, `and`, ...), ascending.
    private(set) var decisions: [Int32] = []
    /// Token indices where a chain of names reaching the outside world starts, ascending, with the
    /// effects' bits (`PythonEffects.bit`).
    private(set) var effects: [(index: Int32, kinds: UInt8)] = []
    /// Token indices of `self` in `self._x = ...` (a private field set), ascending.
    private(set) var privateFields: [Int32] = []
    /// Identifiers followed by `(` or `[` (calls and subscripts), ascending.
    private(set) var callees: [Int32] = []
    /// Each entry's token indices, ascending: `occurrences[offsets[e]..<offsets[e + 1]]`.
    private var offsets: [Int32] = []
    private var occurrences: [Int32] = []

    static let decisionWords = WordSet(["if", "elif", "for", "while", "and", "or", "except"])

    /// What each distinct name says wherever it stands, found once per name.
    private struct NameFacts { var isDecision: Bool; var module: UInt8; var calledAlone: UInt8 }

    /// Reads the facts of every token; on the way, pairs the brackets of `tokens` and splits them
    /// into statements (`partner` and `statements`).
    init(_ tokens: inout CodeTokens) {
        // The loop reads a copy (sharing the columns): `tokens` itself is inout, and passing it on
        // from inside a closure would copy it at every call.
        let reading = tokens
        // Every column is filled in locals and stored once: a stored property changed in the
        // loop would be checked for a unique reference on every token.
        var entries = [Int32](repeating: -1, count: reading.count), partner = [Int](repeating: -1, count: reading.count)
        var tally = WordTally(), names: [String] = [], namesAreASCII: [Bool] = [], namePrefixes: [UInt64] = []
        var nameFacts: [NameFacts] = []
        var decisions: [Int32] = [], effects: [(index: Int32, kinds: UInt8)] = [], privateFields: [Int32] = [], callees: [Int32] = []
        // Statements are split as brackets are paired, counting every opener as closed later; an
        // opener left open at the end means the split must be done again with the pairs known.
        var splitter = StatementSplitter(count: reading.count), pairing = BracketPairing()
        let effectTables = PythonEffects.tables, decisionWords = Self.decisionWords
        reading.withColumns { columns in partner.withUnsafeMutableBufferPointer { partner in
            for index in 0..<columns.count {
                splitter.visit(index, of: columns)
                if columns.kinds[index] == .punctuation {
                    let change = pairing.visit(index, word: Word(hash: columns.hashes[index]), partner: partner)
                    if change > 0 { splitter.open() } else if change < 0 { splitter.close() }
                    continue
                }
                guard columns.kinds[index] == .identifier else { continue }
                let word = Word(hash: columns.hashes[index])
                let entry = tally.entry(of: word, insertingAt: index)
                if entry == names.count {
                    names.append(reading.texts[index]); namesAreASCII.append(reading.texts.isASCII(index))
                    namePrefixes.append(reading.texts.prefix(index))
                    let (module, calledAlone) = effectTables.headEffects(word)
                    nameFacts.append(NameFacts(isDecision: decisionWords.contains(word), module: module, calledAlone: calledAlone))
                }
                entries[index] = Int32(entry)
                let facts = nameFacts[entry], next = columns.word(index + 1)
                if facts.isDecision { decisions.append(Int32(index)) }
                if next == "(" || next == "[" { callees.append(Int32(index)) }
                if word == "self", next == ".", Self.isPrivateFieldSet(afterSelf: index, reading) { privateFields.append(Int32(index)) }
                guard columns.word(index - 1) != "." else { continue }
                var found = facts.module
                if next == "." { found |= effectTables.chainEffects(from: index, tokens: reading) }
                if next == "(" { found |= facts.calledAlone }
                if found != 0 { effects.append((Int32(index), found)) }
            }
        } }
        self.entries = entries; self.tally = tally; self.names = names; self.namesAreASCII = namesAreASCII
        self.namePrefixes = namePrefixes
        self.decisions = decisions; self.effects = effects; self.privateFields = privateFields; self.callees = callees
        tokens.partner = partner
        if pairing.open.isEmpty { tokens.statements = splitter.statements } else { tokens.splitStatements() }
        indexOccurrences()
    }

    /// `self._x =` where `_x` is private (one leading underscore).
    private static func isPrivateFieldSet(afterSelf index: Int, _ tokens: CodeTokens) -> Bool {
        tokens.isIdentifier(index + 2) && tokens.word(index + 3) == "=" && Self.isPrivate(tokens.text(index + 2))
    }

    /// A name with one leading underscore: private by convention (a dunder is not).
    static func isPrivate(_ name: String) -> Bool { name.hasPrefix("_") && !name.hasPrefix("__") }

    /// Fills `occurrences`, each entry's token indices in order: a counting sort of `entries` in
    /// which the tokens that are no identifier (entry -1) fill a bucket of their own at the front,
    /// so the loops over every token hold no branch.
    private mutating func indexOccurrences() {
        var starts = [Int32](repeating: 0, count: names.count + 2), occurrences = [Int32](repeating: 0, count: entries.count)
        entries.withUnsafeBufferPointer { entries in
            starts.withUnsafeMutableBufferPointer { starts in
                for entry in entries { starts[Int(entry) + 2] += 1 }
                for bucket in 2..<starts.count { starts[bucket] += starts[bucket - 1] }
                occurrences.withUnsafeMutableBufferPointer { occurrences in
                    for (index, entry) in entries.enumerated() {
                        occurrences[Int(starts[Int(entry) + 1])] = Int32(index); starts[Int(entry) + 1] += 1
                    }
                }
            }
        }
        // Each bucket's start has moved to its end, the next bucket's start: entry e's bucket (e + 1)
        // now starts at `starts[e]`.
        offsets = Array(starts[0...names.count])
        self.occurrences = occurrences
    }

    /// How often each of the file's names occurs, by name. The tally is keyed by the hashes of the
    /// names' bytes, which are those of their texts when the bytes are ASCII; otherwise (bytes that
    /// are not UTF-8 read as U+FFFD) the names are counted again by their texts.
    var identifierCounts: IdentifierCounts {
        let counts = names.indices.map(count(of:))
        if !namesAreASCII.contains(false) { return IdentifierCounts(tally: tally, counts: counts) }
        var byText = IdentifierCounts()
        for (entry, name) in names.enumerated() { byText.add(name, count: counts[entry]) }
        return byText
    }

    /// How many times the name of entry `entry` occurs in the file.
    func count(of entry: Int) -> Int { Int(offsets[entry + 1] - offsets[entry]) }

    /// The names of `entries`, in the order Strings sort in. All-ASCII names are sorted by their
    /// first eight bytes as one number, then by their bytes when those are equal.
    func sortedNames(_ entries: [Int], texts: TokenTexts) -> [String] {
        guard entries.count > 1, entries.allSatisfy({ namesAreASCII[$0] }) else { return entries.map { names[$0] }.sorted() }
        var keyed = entries.map { (prefix: namePrefixes[$0], entry: $0) }
        let firsts = tally.firsts
        keyed.sort { $0.prefix != $1.prefix ? $0.prefix < $1.prefix : texts.bytesPrecede(firsts[$0.entry], firsts[$1.entry]) }
        return keyed.map { names[$0.entry] }
    }

    /// The token indices where the name of entry `entry` occurs, ascending.
    func positions(of entry: Int) -> ArraySlice<Int32> { occurrences[Int(offsets[entry])..<Int(offsets[entry + 1])] }

    /// How many times the name of entry `entry` occurs in `range`.
    func occurrences(of entry: Int, in range: Range<Int>) -> Int {
        let all = Int(offsets[entry])..<Int(offsets[entry + 1])
        return Self.firstAtLeast(range.upperBound, in: occurrences, all) - Self.firstAtLeast(range.lowerBound, in: occurrences, all)
    }

    /// How many decision words are in `range`.
    func decisionCount(in range: Range<Int>) -> Int {
        Self.firstAtLeast(range.upperBound, in: decisions, decisions.indices) - Self.firstAtLeast(range.lowerBound, in: decisions, decisions.indices)
    }

    /// The effects of the chains starting in `range`, as bits.
    func effects(in range: Range<Int>) -> UInt8 {
        var found: UInt8 = 0, at = firstEffect(atLeast: range.lowerBound)
        while at < effects.count, Int(effects[at].index) < range.upperBound { found |= effects[at].kinds; at += 1 }
        return found
    }

    /// The private fields set in `range`: the indices of their `self`.
    func privateFields(in range: Range<Int>) -> ArraySlice<Int32> {
        let all = privateFields.indices
        return privateFields[Self.firstAtLeast(range.lowerBound, in: privateFields, all)..<Self.firstAtLeast(range.upperBound, in: privateFields, all)]
    }

    private func firstEffect(atLeast index: Int) -> Int {
        var low = 0, high = effects.count
        while low < high {
            let middle = (low + high) / 2
            if Int(effects[middle].index) < index { low = middle + 1 } else { high = middle }
        }
        return low
    }

    /// The first position in `within` (ascending values) whose value is at least `value`.
    private static func firstAtLeast(_ value: Int, in values: [Int32], _ within: Range<Int>) -> Int {
        var low = within.lowerBound, high = within.upperBound
        while low < high {
            let middle = (low + high) / 2
            if Int(values[middle]) < value { low = middle + 1 } else { high = middle }
        }
        return low
    }
}
