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
        var depth = 0
        statements.removeAll()
        for index in 0..<count {
            if depth == 0, startsLine[index] || index == 0 {
                if let last = statements.indices.last { statements[last].end = index }
                statements.append(Statement(start: index, end: count, indent: column(index), line: line(index)))
            }
            guard kinds[index] == .punctuation else { continue }
            if partner[index] > index { depth += 1 } else if partner[index] >= 0, partner[index] < index { depth = max(0, depth - 1) }
        }
    }
}
