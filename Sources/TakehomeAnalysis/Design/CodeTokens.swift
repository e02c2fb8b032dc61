/// A file as the design readers walk it: tokens with their kind, line and column, each bracket's
/// partner, each token's `Word` (the hash of its text, for comparisons that make no String), and
/// the function structure the shared engine found (for brace and `end` languages). Built from the
/// tokens and structure the metrics pass already made, or by lexing on its own; every lookup
/// outside the tokens gives "".
struct CodeTokens {
    /// The metrics pass's columns, shared (never copied).
    var kinds: [TokenKind] = []
    var startsLine: [Bool] = []
    /// Lines and columns as the lexer stores them; read them through `line(_:)` and `column(_:)`.
    fileprivate var lines: [Int32] = []
    fileprivate var columns: [Int32] = []
    /// The lexer's hashes: the hash of each token's text (a directive's: of its word alone, so
    /// `word(_:)` hashes a directive's whole text when asked).
    fileprivate var hashes: [UInt64] = []
    /// The tokens' texts, made from the file's bytes when read.
    var texts: TokenTexts
    /// The index of the matching bracket for every `(`, `[`, `{` and its closer; -1 elsewhere
    /// (empty until paired when made with `pairingBrackets: false`).
    var partner: [Int] = []
    /// Python's logical lines (filled by `PythonTokens`).
    var statements: [Statement] = []
    /// The functions the engine's structure pass found, in source order of their first token.
    var functions: [FunctionRecord] = []

    struct Statement { var start: Int; var end: Int; var indent: Int; var line: Int }

    /// Lexes `text`; with `grammar`, also walks it for functions as the metrics do.
    init(_ text: String, lexer: Lexer, grammar: CompiledGrammar? = nil, pairingBrackets: Bool = true) {
        var text = text
        self = text.withUTF8 { bytes in
            let lexed = lexer.lex(bytes)
            var functions: [FunctionRecord] = []
            if let grammar { functions = TokenAnalyzer.structure(of: lexed.tokens, bytes: bytes, rules: grammar).functions }
            return CodeTokens(lexed.tokens, functions: functions, bytes: bytes, pairingBrackets: pairingBrackets)
        }
    }

    /// The tokens and functions of one metrics pass over `bytes`. Brackets are paired unless
    /// `pairingBrackets` is false, for a reader that pairs them in its own pass (`BracketPairing`).
    init(_ stream: TokenStream, functions: [FunctionRecord], bytes: UnsafeBufferPointer<UInt8>, pairingBrackets: Bool = true) {
        texts = TokenTexts(bytes: Array(bytes), starts: stream.starts, ends: stream.ends)
        self.functions = functions.sorted { $0.firstToken < $1.firstToken }
        kinds = stream.kinds; startsLine = stream.startsLine
        lines = stream.lines; columns = stream.columns; hashes = stream.hashes
        guard pairingBrackets else { return }
        partner = Array(repeating: -1, count: stream.count)
        var pairing = BracketPairing()
        partner.withUnsafeMutableBufferPointer { partner in
            for index in 0..<stream.count where kinds[index] == .punctuation {
                _ = pairing.visit(index, word: Word(hash: hashes[index]), partner: partner)
            }
        }
    }

    var count: Int { kinds.count }

    func isIdentifier(_ index: Int) -> Bool { index >= 0 && index < count && kinds[index] == .identifier }

    func text(_ index: Int) -> String { index >= 0 && index < count ? texts[index] : "" }

    /// The token's word; out of range, the word of "".
    @inline(__always) func word(_ index: Int) -> Word {
        guard index >= 0, index < count else { return Word.empty }
        return kinds[index] == .directive ? texts.word(index) : Word(hash: hashes[index])
    }

    func line(_ index: Int) -> Int { index >= 0 && index < count ? Int(lines[index]) : Int(lines.last ?? 1) }

    /// The column of a token's first byte (tabs to the next multiple of 8) when it starts a line; 0 otherwise.
    func column(_ index: Int) -> Int { Int(columns[index]) }

    /// The parts of a bracketed list, split at its top-level commas: token ranges inside `open`'s pair.
    func arguments(_ open: Int) -> [Range<Int>] {
        guard open >= 0, open < count else { return [] }
        let close = partner[open]
        guard close > open + 1 else { return [] }
        return split(open + 1..<close, at: ",")
    }

    /// The parts `arguments(open)` gives, each handed to `body` in order, with no array made.
    @inline(__always) func forEachArgument(_ open: Int, _ body: (Range<Int>) -> Void) {
        guard open >= 0, open < count else { return }
        let close = partner[open]
        guard close > open + 1 else { return }
        forEachPart(of: open + 1..<close, at: ",", body)
    }

    /// `range` split at `separator` outside brackets.
    func split(_ range: Range<Int>, at separator: Word) -> [Range<Int>] {
        var parts: [Range<Int>] = []
        forEachPart(of: range, at: separator) { parts.append($0) }
        return parts
    }

    /// The parts `split(range, at: separator)` gives, each handed to `body` in order.
    @inline(__always) func forEachPart(of range: Range<Int>, at separator: Word, _ body: (Range<Int>) -> Void) {
        var start = range.lowerBound, index = range.lowerBound
        while index < range.upperBound {
            if partner[index] > index { index = partner[index] + 1; continue }
            if word(index) == separator { body(start..<index); start = index + 1 }
            index += 1
        }
        if start < range.upperBound { body(start..<range.upperBound) }
    }

    /// False when the text of `range` cannot start with a letter or `_`: empty, or its first byte
    /// is ASCII and neither (a byte past ASCII may start a letter, so it answers true).
    func mayStartName(_ range: Range<Int>) -> Bool {
        guard let first = range.first else { return false }
        guard let byte = texts.firstByte(first) else { return false }
        return byte >= 0x80 || byte == 95 || (byte | 0x20 >= 97 && byte | 0x20 <= 122)
    }

    /// Whether the token's text starts with an upper-case letter (ASCII settled on the byte).
    func startsUppercase(_ index: Int) -> Bool {
        guard let byte = texts.firstByte(index) else { return false }
        if byte < 0x80 { return byte >= 65 && byte <= 90 }
        return texts[index].first?.isUppercase == true
    }

    /// Whether any token of `range` is `word`.
    func contains(_ word: Word, in range: Range<Int>) -> Bool { range.contains { self.word($0) == word } }

    /// The texts of the tokens of `range`, joined with nothing between them.
    func joinedText(_ range: Range<Int>) -> String {
        if range.count == 1 { return texts[range.lowerBound] }
        var text = ""
        for index in range { text += texts[index] }
        return text
    }

    /// The dotted name that ends at `index` (`self.repo.save`), as components.
    func chain(endingAt index: Int) -> [String] {
        var parts = [texts[index]], cursor = index
        while cursor >= 2, word(cursor - 1) == ".", isIdentifier(cursor - 2) {
            parts.insert(texts[cursor - 2], at: 0); cursor -= 2
        }
        return parts
    }
}

/// A file's token columns as buffers, for a loop over every token of a file: a read checks no
/// bounds and counts no reference. Valid only inside `CodeTokens.withColumns`.
struct CodeTokenColumns {
    let count: Int
    let kinds: UnsafeBufferPointer<TokenKind>
    let startsLine: UnsafeBufferPointer<Bool>
    let hashes: UnsafeBufferPointer<UInt64>
    let partner: UnsafeBufferPointer<Int>
    let lines: UnsafeBufferPointer<Int32>
    let columns: UnsafeBufferPointer<Int32>
    let texts: TokenTexts

    /// The token's word, as `CodeTokens.word` gives it.
    @inline(__always) func word(_ index: Int) -> Word {
        guard index >= 0, index < count else { return Word.empty }
        return kinds[index] == .directive ? texts.word(index) : Word(hash: hashes[index])
    }
}

extension CodeTokens {
    /// Calls `body` with the token columns as buffers.
    func withColumns<Result>(_ body: (CodeTokenColumns) -> Result) -> Result {
        kinds.withUnsafeBufferPointer { kinds in
            startsLine.withUnsafeBufferPointer { startsLine in
                hashes.withUnsafeBufferPointer { hashes in
                    partner.withUnsafeBufferPointer { partner in
                        lines.withUnsafeBufferPointer { lines in
                            columns.withUnsafeBufferPointer { columns in
                                body(CodeTokenColumns(count: count, kinds: kinds, startsLine: startsLine, hashes: hashes, partner: partner,
                                                  lines: lines, columns: columns, texts: texts))
                            }
                        }
                    }
                }
            }
        }
    }
}

/// Pairs brackets as the tokens are visited in order: a closer with the last opener still open,
/// whatever their kinds; a closer with none open, and an opener never closed, stay unpaired (-1).
struct BracketPairing {
    /// The openers not closed yet.
    private(set) var open: [Int] = []

    /// Records the punctuation token at `index` in `partner`: 1 when it opens, -1 when it closes
    /// an opener, 0 otherwise.
    @inline(__always) mutating func visit(_ index: Int, word: Word, partner: UnsafeMutableBufferPointer<Int>) -> Int {
        if word == "(" || word == "[" || word == "{" {
            open.append(index)
            return 1
        }
        guard word == ")" || word == "]" || word == "}", let opener = open.popLast() else { return 0 }
        partner[opener] = index; partner[index] = opener
        return -1
    }
}

/// A token's text as the design readers compare it: the FNV-1a hash the lexer gives words and
/// operators (`CloneToken.hash` of the text). A string literal converts to one, so `word == "("`
/// compares two integers.
struct Word: Hashable, Sendable, ExpressibleByStringLiteral {
    var hash: UInt64

    init(hash: UInt64) { self.hash = hash }

    init(_ text: String) { hash = CloneToken.hash(text) }

    @inline(__always) init(stringLiteral value: StaticString) {
        hash = value.withUTF8Buffer { fnv1a($0, 0, $0.count) }
    }

    /// The word of "" (what `CodeTokens.word` gives outside the tokens).
    static let empty: Word = ""
}

/// The texts of a file's tokens, each decoded from the file's bytes when it is read.
struct TokenTexts: RandomAccessCollection {
    let bytes: [UInt8]
    let starts: [Int32], ends: [Int32]

    var startIndex: Int { 0 }
    var endIndex: Int { starts.count }

    /// The first byte of a token's text; nil for an empty token.
    func firstByte(_ index: Int) -> UInt8? { starts[index] < ends[index] ? bytes[Int(starts[index])] : nil }

    /// The hash of a token's own text.
    func word(_ index: Int) -> Word {
        bytes.withUnsafeBufferPointer { Word(hash: fnv1a($0, Int(starts[index]), Int(ends[index]))) }
    }

    /// Whether a token's text is all ASCII.
    func isASCII(_ index: Int) -> Bool {
        for offset in Int(starts[index])..<Int(ends[index]) where bytes[offset] >= 0x80 { return false }
        return true
    }

    /// A token's first eight bytes as a big-endian number, zeros after a shorter text.
    func prefix(_ index: Int) -> UInt64 {
        var prefix: UInt64 = 0, offset = Int(starts[index])
        for _ in 0..<8 {
            prefix <<= 8
            if offset < Int(ends[index]) { prefix |= UInt64(bytes[offset]); offset += 1 }
        }
        return prefix
    }

    /// Whether token `a`'s text sorts before token `b`'s byte by byte: String's order when both are ASCII.
    func bytesPrecede(_ a: Int, _ b: Int) -> Bool {
        let startA = Int(starts[a]), lengthA = Int(ends[a]) - startA, startB = Int(starts[b]), lengthB = Int(ends[b]) - startB
        for offset in 0..<Swift.min(lengthA, lengthB) where bytes[startA + offset] != bytes[startB + offset] {
            return bytes[startA + offset] < bytes[startB + offset]
        }
        return lengthA < lengthB
    }

    subscript(index: Int) -> String {
        bytes.withUnsafeBufferPointer {
            String(decoding: UnsafeBufferPointer(rebasing: $0[Int(starts[index])..<Int(ends[index])]), as: UTF8.self)
        }
    }
}

/// A set of words, looked up by their hashes without re-hashing (`WordSet`).
extension WordSet {
    func contains(_ word: Word) -> Bool { contains(word.hash) }
}
