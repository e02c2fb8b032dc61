/// A function the structure pass found, before its metrics are counted.
struct FunctionRecord {
    var name: String
    /// Token index of the function's own name (-1 when anonymous): recursion looks for it.
    var nameToken: Int
    var line: Int
    var firstToken: Int
    var lastToken: Int
    var params: Int
    /// Cognitive and control nesting of the function's body, subtracted from its tokens' depths.
    var baseDepth: Int32
    var baseControl: Int32
    var maxNesting = 0
    /// Decisions in the signature rather than the body: JavaScript's default parameter values (`x = 1`), as lizard.
    var signatureDecisions = 0
}

/// What the structure pass learned about a file's tokens, for the metric pass.
struct FileStructure {
    var functions: [FunctionRecord] = []
    /// Innermost reported function that owns each token, or -1 outside every function.
    var owner: [Int32]
    /// Cognitive nesting depth at each token (control structures and inline lambdas), file-absolute.
    var depth: [Int32]
    var roles: [TokenRole]
    /// Complexity lizard derives from shape rather than tokens (match arms), keyed by token.
    var extraDecisions: [(token: Int, count: Int)] = []
    var notes: [String] = []

    init(count: Int) {
        owner = [Int32](repeating: -1, count: count)
        depth = [Int32](repeating: 0, count: count)
        roles = [TokenRole](repeating: .plain, count: count)
    }
}

/// What a token means beyond its text, where the structure pass knows better than the text.
enum TokenRole: UInt8 {
    case plain
    /// The `if` of `else if`: a flat cognitive increment, not a nesting one.
    case elseIf
    /// The `while` that ends a `do ... while`: already counted at `do`.
    case doWhileTail
    /// An `else` (or `if`) that is no branch of an if statement (`when { else -> }`, `x if c else y`'s else).
    case notBranch
    /// Python's `x if c else y` and comprehension `if`/`for`: conditional expressions.
    case expressionCondition
    /// Python's comprehension `for`.
    case comprehensionLoop
}

/// The description's words turned into hash sets once per language.
struct CompiledGrammar: Sendable {
    let grammar: Grammar
    let decisions, keywords, nesting, hybrids, logical, jumps, functionKeywords, typeKeywords: WordSet
    let lambdaArrows, expressionBodyMarkers: WordSet
    let reportedArrow: UInt64?
    /// Tokens that end a run of logical operators, that cannot follow a conditional `?`, and that follow `T? name`.
    static let sequenceBreakerWords = [";", "{", "}", ",", "=", "?", ":", "=>", "->", "return"]
    let sequenceBreakers = WordSet(CompiledGrammar.sequenceBreakerWords)
    let notAfterTernary = WordSet([">", ",", ")", ";", ":", "]", "=", ".", "?", "extends", "super", ">>"])
    let afterNullableName = WordSet([",", ")", "=", ";", "{", "=>"])
    let parameterMarkers = WordSet(["self", "this", "void", "*", "/"])
    let armOpener: UInt64?, arm: UInt64?
    /// The sets the per-token passes test, in one table (`WordRole` bits).
    let words: WordRoles

    /// Bits of `words`.
    enum WordRole {
        static let decision: UInt16 = 1, keyword: UInt16 = 2, nesting: UInt16 = 4, hybrid: UInt16 = 8
        static let logical: UInt16 = 16, jump: UInt16 = 32, sequenceBreaker: UInt16 = 64
    }

    init(_ grammar: Grammar) {
        self.grammar = grammar
        decisions = WordSet(grammar.decisions); keywords = WordSet(grammar.keywords)
        nesting = WordSet(grammar.nestingStructures); hybrids = WordSet(grammar.hybrids)
        logical = WordSet(grammar.logicalOperators); jumps = WordSet(grammar.jumps)
        functionKeywords = WordSet(grammar.functionKeywords); typeKeywords = WordSet(grammar.typeKeywords)
        lambdaArrows = WordSet(grammar.lambdaArrows); expressionBodyMarkers = WordSet(grammar.expressionBodyMarkers)
        reportedArrow = grammar.reportedArrow.map(wordHash)
        armOpener = grammar.armCounting.map { wordHash($0.opener) }
        arm = grammar.armCounting.map { wordHash($0.arm) }
        words = WordRoles([grammar.decisions, grammar.keywords, grammar.nestingStructures, grammar.hybrids,
                           grammar.logicalOperators, grammar.jumps, CompiledGrammar.sequenceBreakerWords])
    }
}

/// Hashes of the punctuation and words the structure passes look for, as literals (`CloneToken.hash`
/// of the text in the comment) so that reading them costs no lazy initialisation in hot loops.
enum KnownWord {
    static let openParen: UInt64 = 0xaf63a54c86018f17 // "("
    static let closeParen: UInt64 = 0xaf63a44c86018d64 // ")"
    static let openBracket: UInt64 = 0xaf64164c86024f1a // "["
    static let closeBracket: UInt64 = 0xaf64104c860244e8 // "]"
    static let openBrace: UInt64 = 0xaf63f64c860218ba // "{"
    static let closeBrace: UInt64 = 0xaf63f04c86020e88 // "}"
    static let semicolon: UInt64 = 0xaf63b64c8601abfa // ";"
    static let comma: UInt64 = 0xaf63a14c8601884b // ","
    static let colon: UInt64 = 0xaf63b74c8601adad // ":"
    static let dot: UInt64 = 0xaf63a34c86018bb1 // "."
    static let equals: UInt64 = 0xaf63b04c8601a1c8 // "="
    static let less: UInt64 = 0xaf63b14c8601a37b // "<"
    static let greater: UInt64 = 0xaf63b34c8601a6e1 // ">"
    static let question: UInt64 = 0xaf63b24c8601a52e // "?"
    static let shiftRight: UInt64 = 0x08108a07b4ce8ced // ">>"
    static let doubleColon: UInt64 = 0x081e0e07b4d9f795 // "::"
    static let tilde: UInt64 = 0xaf63f34c860213a1 // "~"
    static let at: UInt64 = 0xaf63fd4c8602249f // "@"
    static let arrow: UInt64 = 0x07d00807b497cc12 // "->"
    static let fatArrow: UInt64 = 0x08068807b4c63502 // "=>"
    static let pipe: UInt64 = 0xaf63f14c8602103b // "|"
    static let orOr: UInt64 = 0x08e34c07b581a8a5 // "||"
    static let star: UInt64 = 0xaf63a74c8601927d // "*"
    static let slash: UInt64 = 0xaf63a24c860189fe // "/"
    static let ampersand: UInt64 = 0xaf639b4c86017e19 // "&"
    static let andAnd: UInt64 = 0x07bf2207b489850d // "&&"
    static let ifWord: UInt64 = 0x08b73007b55c3e26 // "if"
    static let elseWord: UInt64 = 0x7f2b6c605332dd30 // "else"
    static let doWord: UInt64 = 0x08915907b53bb494 // "do"
    static let whileWord: UInt64 = 0xce87a3885811296e // "while"
    static let forWord: UInt64 = 0xdcb27818fed9da90 // "for"
    static let tryWord: UInt64 = 0x570ac119447423ee // "try"
    static let selfWord: UInt64 = 0x2d19e518d40792b7 // "self"
    static let thisWord: UInt64 = 0x2587bcef32493841 // "this"
    static let voidWord: UInt64 = 0x3173c900e37ae1df // "void"
    static let mutWord: UInt64 = 0x07e64d19174a1419 // "mut"
    static let letWord: UInt64 = 0x127284191dcc577a // "let"
    static let newWord: UInt64 = 0x2138d5192571b731 // "new"
    static let operatorWord: UInt64 = 0x554667f2165fec5d // "operator"
    static let async: UInt64 = 0x7268f9bc90cbb82f // "async"
    static let get: UInt64 = 0xd4e26318faaa79f7 // "get"
    static let set: UInt64 = 0x823b87195ce20e23 // "set"
    static let structWord: UInt64 = 0xc318a9d898991720 // "struct"
    static let interfaceWord: UInt64 = 0xa0bc8eb4d76a3890 // "interface"
    static let breakWord: UInt64 = 0x93b7591debc7ce38 // "break"
    static let continueWord: UInt64 = 0xd2bfd5accd1966a4 // "continue"
    static let forKeyword: UInt64 = 0xdcb27818fed9da90 // "for"
    static let implWord: UInt64 = 0xee517ec576c9b637 // "impl"
    static let returnWord: UInt64 = 0xc5c7b983377cad5f // "return"
    static let staticWord: UInt64 = 0xc534816d6d11e97b // "static"
    static let extendsWord: UInt64 = 0x56e726912608920e // "extends"
    static let superWord: UInt64 = 0xd0d708b40e957634 // "super"
    static let inWord: UInt64 = 0x08b73807b55c4bbe // "in"
    static let template: UInt64 = 0x33609a5e9eb92f4b // "template"
    static let defWord: UInt64 = 0xca9a1a18f461e4cc // "def"
    static let classWord: UInt64 = 0xd11655952fcbab9f // "class"
    static let questionDot: UInt64 = 0x080cf807b4cb5f00 // "?."
    static let questionQuestion: UInt64 = 0x080d0907b4cb7be3 // "??"
    static let equalEqual: UInt64 = 0x08068707b4c6334f // "=="
}
