/// What kind of text a token is; comments never become tokens.
public enum TokenKind: UInt8, Sendable {
    case identifier, number, string, punctuation, directive
}

/// The tokens of one file, stored column-wise so that a 10 MB file stays a few flat arrays.
/// `hash` is `CloneToken.hash` of the token's text (a directive's: of its word), so words are
/// compared by hash, never by String; clone detection normalises strings and numbers itself. A
/// string literal's is `Lexer.stringHash`, whatever its text: nothing compares literals by hash
/// (their texts are read where they matter), and a docstring's bytes are then skipped, not hashed.
struct TokenStream {
    var kinds: [TokenKind] = []
    var starts: [Int32] = []
    var ends: [Int32] = []
    var lines: [Int32] = []
    var hashes: [UInt64] = []
    /// True for the first token of a physical line (after a backslash continuation it is false).
    var startsLine: [Bool] = []
    /// Column of the token's first byte (tabs to the next multiple of 8), for indentation languages.
    var columns: [Int32] = []

    var count: Int { kinds.count }

    init() {}

    /// The source text of one token.
    func text(_ index: Int, in bytes: UnsafeBufferPointer<UInt8>) -> String {
        String(decoding: UnsafeBufferPointer(rebasing: bytes[Int(starts[index])..<Int(ends[index])]), as: UTF8.self)
    }

    /// Calls `body` with unchecked views of the columns, for passes that visit every token (a bounds
    /// check per read adds up there). The views are valid only inside `body`.
    @inline(__always)
    func withColumns<Result>(_ body: (TokenColumns) -> Result) -> Result {
        kinds.withUnsafeBufferPointer { kinds in
            hashes.withUnsafeBufferPointer { hashes in
                lines.withUnsafeBufferPointer { lines in
                    columns.withUnsafeBufferPointer { columns in
                        startsLine.withUnsafeBufferPointer { startsLine in
                            body(TokenColumns(kinds: kinds, hashes: hashes, lines: lines, columns: columns, startsLine: startsLine))
                        }
                    }
                }
            }
        }
    }

    /// The columns of tokens the lexer collected one record at a time.
    init(_ raw: UnsafeBufferPointer<RawToken>) {
        kinds = TokenStream.column(raw) { $0.kind }; starts = TokenStream.column(raw) { $0.start }
        ends = TokenStream.column(raw) { $0.end }; lines = TokenStream.column(raw) { $0.line }
        hashes = TokenStream.column(raw) { $0.hash }; startsLine = TokenStream.column(raw) { $0.startsLine }
        columns = TokenStream.column(raw) { $0.column }
    }

    /// One field of every record, written straight into a new array's storage.
    @inline(__always)
    private static func column<Field>(_ raw: UnsafeBufferPointer<RawToken>, _ field: (RawToken) -> Field) -> [Field] {
        [Field](unsafeUninitializedCapacity: raw.count) { buffer, initialized in
            for index in 0..<raw.count { buffer.initializeElement(at: index, to: field(raw[index])) }
            initialized = raw.count
        }
    }
}

/// Pointers to a `TokenStream`'s columns, lent by `withColumns` for the length of one pass.
struct TokenColumns {
    let kinds: UnsafeBufferPointer<TokenKind>
    let hashes: UnsafeBufferPointer<UInt64>
    let lines: UnsafeBufferPointer<Int32>
    let columns: UnsafeBufferPointer<Int32>
    let startsLine: UnsafeBufferPointer<Bool>
    var count: Int { kinds.count }
}

/// One token as the lexer collects it: one record appended per token (cheaper than seven columns),
/// turned into a `TokenStream` once the file is read.
struct RawToken {
    var hash: UInt64
    var start: Int32, end: Int32, line: Int32, column: Int32
    var kind: TokenKind
    var startsLine: Bool
}

/// FNV-1a's offset basis and prime, for the readers that hash a token while they read it.
let fnvBasis: UInt64 = 0xcbf2_9ce4_8422_2325
let fnvPrime: UInt64 = 0x0000_0100_0000_01b3

/// FNV-1a over raw bytes, identical to `CloneToken.hash` over the same UTF-8 text.
@inline(__always)
func fnv1a(_ bytes: UnsafeBufferPointer<UInt8>, _ start: Int, _ end: Int) -> UInt64 {
    var hash = fnvBasis
    var index = start
    while index < end { hash = (hash ^ UInt64(bytes[index])) &* fnvPrime; index += 1 }
    return hash
}

/// The hash of a word as the lexer computes it, for comparing tokens with a description's words.
@inline(__always)
func wordHash(_ word: String) -> UInt64 { CloneToken.hash(word) }

/// A set of words kept as hashes in an open-addressing table indexed by the hash's own bits, so that
/// membership costs a load or two per token (no re-hashing through `Hasher`).
struct WordSet: Sendable {
    private let slots: [UInt64]
    private let mask: Int

    init<S: Sequence>(_ words: S) where S.Element == String {
        let hashes = Set(words.map(wordHash))
        var size = 8
        while size < hashes.count * 4 { size *= 2 }
        var slots = [UInt64](repeating: 0, count: size)
        for hash in hashes {
            var slot = Int(truncatingIfNeeded: hash) & (size - 1)
            while slots[slot] != 0 { slot = (slot + 1) & (size - 1) }
            slots[slot] = hash
        }
        self.slots = slots; mask = size - 1
    }

    @inline(__always) func contains(_ hash: UInt64) -> Bool {
        var slot = Int(truncatingIfNeeded: hash) & mask
        while true {
            let stored = slots[slot]
            if stored == hash { return true }
            if stored == 0 { return false }
            slot = (slot + 1) & mask
        }
    }

    var isEmpty: Bool { !slots.contains { $0 != 0 } }
}

/// Several word sets in one open-addressing table: each word's hash with the bits of the sets that
/// hold it, so that one probe per token answers every "is it a decision, a keyword, ..." question.
struct WordRoles: Sendable {
    private let hashes: [UInt64]
    private let roles: [UInt16]
    private let mask: Int

    /// `sets[i]` gives its words the bit `1 << i`.
    init(_ sets: [[String]]) {
        var bits: [UInt64: UInt16] = [:]
        for (index, words) in sets.enumerated() { for word in words { bits[wordHash(word), default: 0] |= 1 << index } }
        var size = 8
        while size < bits.count * 4 { size *= 2 }
        var hashes = [UInt64](repeating: 0, count: size), roles = [UInt16](repeating: 0, count: size)
        for (hash, role) in bits {
            var slot = Int(truncatingIfNeeded: hash) & (size - 1)
            while hashes[slot] != 0 { slot = (slot + 1) & (size - 1) }
            hashes[slot] = hash; roles[slot] = role
        }
        self.hashes = hashes; self.roles = roles; mask = size - 1
    }

    /// The bits of the sets holding the word with this hash (0: none).
    @inline(__always) func roles(of hash: UInt64) -> UInt16 {
        var slot = Int(truncatingIfNeeded: hash) & mask
        while true {
            let stored = hashes[slot], role = roles[slot]
            // One test ends the search either way (a hit or an empty slot), so it is well predicted;
            // which of the two it was is a select, not a branch.
            if stored == hash || stored == 0 { return stored == hash ? role : 0 }
            slot = (slot + 1) & mask
        }
    }
}

/// Per-line flags the lexer sets while it reads: a line holds code, a comment, or both.
struct LineMarks {
    private(set) var flags: [UInt8] = [0]   // index 0 unused; lines are 1-based
    static let code: UInt8 = 1, comment: UInt8 = 2

    mutating func mark(_ flag: UInt8, from first: Int, to last: Int) {
        // Lines are marked one or a few at a time: plain appends cost less than appending a repetition.
        while flags.count <= last { flags.append(0) }
        var line = first
        while line <= last { flags[line] |= flag; line += 1 }
    }

    /// Room for the flags of about this many lines, so that marking them does not regrow the array.
    mutating func reserve(lines: Int) { flags.reserveCapacity(lines + 1) }

    mutating func ensure(lines count: Int) {
        if flags.count <= count { flags.append(contentsOf: repeatElement(0, count: count + 1 - flags.count)) }
    }

    func isCode(_ line: Int) -> Bool { line < flags.count && flags[line] & LineMarks.code != 0 }
}
