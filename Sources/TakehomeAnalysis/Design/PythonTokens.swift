/// A Python file as its design reader walks it: the shared tokens split into logical lines (a new
/// line outside brackets starts a statement), each with the column of its first token.
typealias PythonTokens = CodeTokens

extension CodeTokens {
    static let pythonLexer = Lexer(Python().lexicon)

    /// Lexes a Python file on its own.
    init(_ text: String) {
        self.init(text, lexer: Self.pythonLexer)
        splitStatements()
    }

    /// Splits the tokens into Python's logical lines.
    mutating func splitStatements() {
        statements = withColumns(StatementSplitter.statements)
    }
}

/// Cuts tokens into Python's logical lines as they are visited in order: a token that starts a
/// line outside brackets starts a statement.
struct StatementSplitter {
    private(set) var statements: [CodeTokens.Statement] = []
    private var depth = 0
    private let count: Int

    init(count: Int) { self.count = count }

    /// The statements of tokens whose brackets are paired.
    static func statements(_ tokens: CodeTokenColumns) -> [CodeTokens.Statement] {
        var splitter = StatementSplitter(count: tokens.count)
        for index in 0..<tokens.count {
            splitter.visit(index, of: tokens)
            guard tokens.kinds[index] == .punctuation else { continue }
            let partner = tokens.partner[index]
            if partner > index { splitter.open() } else if partner >= 0, partner < index { splitter.close() }
        }
        return splitter.statements
    }

    /// Starts a statement at `index` when it starts a line outside brackets; called before the
    /// token's own bracket opens or closes.
    @inline(__always) mutating func visit(_ index: Int, of tokens: CodeTokenColumns) {
        if depth == 0, tokens.startsLine[index] || index == 0 {
            if !statements.isEmpty { statements[statements.count - 1].end = index }
            statements.append(CodeTokens.Statement(start: index, end: count, indent: Int(tokens.columns[index]), line: Int(tokens.lines[index])))
        }
    }

    /// A paired bracket opens.
    @inline(__always) mutating func open() { depth += 1 }

    /// A paired bracket closes.
    @inline(__always) mutating func close() { depth = max(0, depth - 1) }
}
