/// A file as the design readers walk it: tokens with their text, kind, line and column, each
/// bracket's partner, and the function structure the shared engine found (for brace and `end`
/// languages). Built once from the shared lexer; every lookup outside the tokens gives "".
struct CodeTokens {
    var texts: [String] = []
    var kinds: [TokenKind] = []
    var lines: [Int] = []
    var columns: [Int] = []
    var startsLine: [Bool] = []
    /// The index of the matching bracket for every `(`, `[`, `{` and its closer; -1 elsewhere.
    var partner: [Int] = []
    /// Python's logical lines (filled by `PythonTokens`).
    var statements: [Statement] = []
    /// The functions the engine's structure pass found, in source order of their first token.
    var functions: [FunctionRecord] = []

    struct Statement { var start: Int; var end: Int; var indent: Int; var line: Int }

    /// Lexes `text`; with `grammar`, also walks it for functions as the metrics do.
    init(_ text: String, lexer: Lexer, grammar: CompiledGrammar? = nil) {
        var text = text
        let stream = text.withUTF8 { bytes -> TokenStream in
            let lexed = lexer.lex(bytes)
            texts.reserveCapacity(lexed.tokens.count)
            for index in 0..<lexed.tokens.count { texts.append(lexed.tokens.text(index, in: bytes)) }
            if let grammar {
                switch grammar.grammar.blocks {
                case .braces:
                    var walker = BraceWalker(tokens: lexed.tokens, bytes: bytes, rules: grammar)
                    functions = walker.walk().functions
                case .keywordEnd:
                    var walker = EndWalker(tokens: lexed.tokens, bytes: bytes, rules: grammar)
                    functions = walker.walk().functions
                case .indentation:
                    var walker = IndentWalker(tokens: lexed.tokens, bytes: bytes, rules: grammar)
                    functions = walker.walk().functions
                }
            }
            return lexed.tokens
        }
        functions.sort { $0.firstToken < $1.firstToken }
        kinds = stream.kinds
        lines = stream.lines.map(Int.init)
        columns = stream.columns.map(Int.init)
        startsLine = stream.startsLine
        partner = Array(repeating: -1, count: stream.count)
        var open: [Int] = []
        for index in 0..<stream.count where kinds[index] == .punctuation {
            let token = texts[index]
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

    func line(_ index: Int) -> Int { index >= 0 && index < count ? lines[index] : (lines.last ?? 1) }

    /// The parts of a bracketed list, split at its top-level commas: token ranges inside `open`'s pair.
    func arguments(_ open: Int) -> [Range<Int>] {
        guard open >= 0, open < count else { return [] }
        let close = partner[open]
        guard close > open + 1 else { return [] }
        return split(open + 1..<close, at: ",")
    }

    /// `range` split at `separator` outside brackets.
    func split(_ range: Range<Int>, at separator: String) -> [Range<Int>] {
        var parts: [Range<Int>] = [], start = range.lowerBound, index = range.lowerBound
        while index < range.upperBound {
            if partner[index] > index { index = partner[index] + 1; continue }
            if texts[index] == separator { parts.append(start..<index); start = index + 1 }
            index += 1
        }
        if start < range.upperBound { parts.append(start..<range.upperBound) }
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
