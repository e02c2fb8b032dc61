/// A Python file as the design reader walks it: tokens with their text, logical lines (a new line
/// outside brackets starts a statement) and each bracket's partner, all from the shared lexer.
struct PythonTokens {
    var texts: [String] = []
    var kinds: [TokenKind] = []
    var lines: [Int] = []
    /// The index of the matching bracket for every `(`, `[`, `{` and its closer; -1 elsewhere.
    var partner: [Int] = []
    /// Logical lines: token ranges and the indentation column of their first token.
    var statements: [Statement] = []

    struct Statement { var start: Int; var end: Int; var indent: Int; var line: Int }

    static let lexer = Lexer(Python().lexicon)

    init(_ text: String) {
        var text = text
        let stream = text.withUTF8 { bytes -> TokenStream in
            let lexed = Self.lexer.lex(bytes)
            for index in 0..<lexed.tokens.count { texts.append(lexed.tokens.text(index, in: bytes)) }
            return lexed.tokens
        }
        kinds = stream.kinds
        lines = stream.lines.map(Int.init)
        partner = Array(repeating: -1, count: stream.count)
        var open: [Int] = []
        for index in 0..<stream.count {
            let token = texts[index]
            if open.isEmpty, stream.startsLine[index] || index == 0 {
                if let last = statements.indices.last { statements[last].end = index }
                statements.append(Statement(start: index, end: stream.count, indent: Int(stream.columns[index]), line: lines[index]))
            }
            guard kinds[index] == .punctuation else { continue }
            if token == "(" || token == "[" || token == "{" {
                open.append(index)
            } else if token == ")" || token == "]" || token == "}", let opener = open.popLast() {
                partner[opener] = index; partner[index] = opener
            }
        }
    }

    var count: Int { texts.count }

    func isIdentifier(_ index: Int) -> Bool { index >= 0 && index < count && kinds[index] == .identifier }

    func text(_ index: Int) -> String { index >= 0 && index < count ? texts[index] : "" }

    /// The parts of a bracketed list, split at its top-level commas: token ranges inside `open`'s pair.
    func arguments(_ open: Int) -> [Range<Int>] {
        let close = partner[open]
        guard close > open + 1 else { return [] }
        var parts: [Range<Int>] = [], start = open + 1, index = open + 1
        while index < close {
            if partner[index] > index { index = partner[index] + 1; continue }
            if texts[index] == "," { parts.append(start..<index); start = index + 1 }
            index += 1
        }
        if start < close { parts.append(start..<close) }
        return parts
    }

    /// The dotted name that ends at `index` (`self.repo.save`), as components.
    func chain(endingAt index: Int) -> [String] {
        var parts = [texts[index]], cursor = index
        while cursor >= 2, texts[cursor - 1] == ".", isIdentifier(cursor - 2) {
            parts.insert(texts[cursor - 2], at: 0); cursor -= 2
        }
        return parts
    }
}
