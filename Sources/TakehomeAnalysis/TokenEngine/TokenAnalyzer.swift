import TakehomeCore

/// A `LanguageAnalyzer` for any language with a `LanguageDescription`: lexes the bytes once,
/// finds functions and blocks in one structure pass, then counts every metric in one more pass.
public struct TokenAnalyzer: LanguageAnalyzer {
    public let language: SourceLanguage
    public let extensions: Set<String>
    /// The lexer and grammar, compiled when the first file of the language is read: a folder holds
    /// a language or two of the eleven, and compiling all of them took 1.5 ms of the start of
    /// every `metrics` run, in which the analysis could not begin.
    private let compiled: Locked<Compiled>

    private enum Compiled {
        case description(any LanguageDescription)
        case ready(Lexer, CompiledGrammar)
    }

    public init(_ description: some LanguageDescription) {
        language = description.language
        extensions = description.extensions
        compiled = Locked(.description(description))
    }

    /// The language's lexer and grammar, compiled by the first caller; any thread may ask.
    var lexerAndRules: (lexer: Lexer, rules: CompiledGrammar) {
        compiled.withLock { compiled in
            switch compiled {
            case .ready(let lexer, let rules): return (lexer, rules)
            case .description(let description):
                let (lexer, rules) = (Lexer(description.lexicon), CompiledGrammar(description.grammar))
                compiled = .ready(lexer, rules)
                return (lexer, rules)
            }
        }
    }

    var lexer: Lexer { lexerAndRules.lexer }
    var rules: CompiledGrammar { lexerAndRules.rules }

    public func analyze(_ text: String, path: String) -> FileAnalysis {
        var text = text
        return text.withUTF8 { analyze(bytes: $0, path: path) }
    }

    /// Analyses raw UTF-8 bytes (invalid UTF-8 is read byte-wise, never rejected).
    public func analyze(bytes: UnsafeBufferPointer<UInt8>, path: String) -> FileAnalysis {
        analyzeKeepingTokens(bytes: bytes, path: path).analysis
    }

    /// Analyses raw UTF-8 bytes and hands back the tokens and functions it found, so that a design
    /// reader of the same language reads them without lexing and walking the file again.
    func analyzeKeepingTokens(bytes: UnsafeBufferPointer<UInt8>, path: String)
        -> (analysis: FileAnalysis, tokens: TokenStream, functions: [FunctionRecord]) {
        let (lexer, rules) = lexerAndRules
        let lexed = lexer.lex(bytes)
        let structure = Self.structure(of: lexed.tokens, bytes: bytes, rules: rules)
        var (functions, cloneTokens) = FunctionMeasure(tokens: lexed.tokens, rules: rules, structure: structure)
            .measure(path: path, marks: lexed.marks)
        // Usually found in this order already; a sort would still move every record.
        let outOfOrder = functions.indices.dropFirst().contains {
            (functions[$0].line, -functions[$0].endLine) < (functions[$0 - 1].line, -functions[$0 - 1].endLine)
        }
        if outOfOrder { functions.sort { ($0.line, -$0.endLine) < ($1.line, -$1.endLine) } }
        let lines = LineTally(marks: lexed.marks, lineCount: lineCount(bytes, lexed.lineCount))
        let analysis = FileAnalysis(functions: functions, nloc: lines.code, commentLines: lines.commentOnly,
                                    blankLines: lines.blank, cloneTokens: cloneTokens,
                                    notes: lexed.notes + structure.notes)
        return (analysis, lexed.tokens, structure.functions)
    }

    /// The functions and blocks of a lexed file, by its grammar's kind of blocks.
    static func structure(of tokens: TokenStream, bytes: UnsafeBufferPointer<UInt8>, rules: CompiledGrammar) -> FileStructure {
        switch rules.grammar.blocks {
        case .braces:
            var walker = BraceWalker(tokens: tokens, bytes: bytes, rules: rules)
            return walker.walk()
        case .indentation:
            var walker = IndentWalker(tokens: tokens, bytes: bytes, rules: rules)
            return walker.walk()
        case .keywordEnd:
            var walker = EndWalker(tokens: tokens, bytes: bytes, rules: rules)
            return walker.walk()
        }
    }

    private func lineCount(_ bytes: UnsafeBufferPointer<UInt8>, _ counted: Int) -> Int {
        if bytes.isEmpty { return 0 }
        return bytes[bytes.count - 1] == 10 ? counted - 1 : counted
    }
}

/// Code, comment-only and blank lines of a file from the lexer's line marks.
struct LineTally {
    var code = 0, commentOnly = 0, blank = 0
    init(marks: LineMarks, lineCount: Int) {
        for line in 1...max(1, lineCount) where lineCount > 0 {
            let flags = line < marks.flags.count ? marks.flags[line] : 0
            if flags & LineMarks.code != 0 { code += 1 } else if flags & LineMarks.comment != 0 { commentOnly += 1 } else { blank += 1 }
        }
    }
}
