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
    let armOpener: UInt64?, arm: UInt64?

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
    }
}

/// Hashes of the punctuation and words the structure passes look for.
enum Word {
    static let openParen = wordHash("("), closeParen = wordHash(")"), openBracket = wordHash("[")
    static let closeBracket = wordHash("]"), openBrace = wordHash("{"), closeBrace = wordHash("}")
    static let semicolon = wordHash(";"), comma = wordHash(","), colon = wordHash(":"), dot = wordHash(".")
    static let equals = wordHash("="), less = wordHash("<"), greater = wordHash(">"), question = wordHash("?")
    static let shiftRight = wordHash(">>"), doubleColon = wordHash("::"), tilde = wordHash("~"), at = wordHash("@")
    static let arrow = wordHash("->"), fatArrow = wordHash("=>"), pipe = wordHash("|"), orOr = wordHash("||")
    static let star = wordHash("*"), slash = wordHash("/"), ampersand = wordHash("&"), andAnd = wordHash("&&")
    static let ifWord = wordHash("if"), elseWord = wordHash("else"), doWord = wordHash("do")
    static let whileWord = wordHash("while"), forWord = wordHash("for"), tryWord = wordHash("try")
    static let selfWord = wordHash("self"), thisWord = wordHash("this"), voidWord = wordHash("void")
    static let mutWord = wordHash("mut"), letWord = wordHash("let"), newWord = wordHash("new")
    static let operatorWord = wordHash("operator"), async = wordHash("async"), get = wordHash("get")
    static let set = wordHash("set"), structWord = wordHash("struct"), interfaceWord = wordHash("interface")
    static let breakWord = wordHash("break"), continueWord = wordHash("continue"), forKeyword = wordHash("for")
    static let implWord = wordHash("impl"), returnWord = wordHash("return"), staticWord = wordHash("static")
    static let extendsWord = wordHash("extends"), superWord = wordHash("super"), inWord = wordHash("in")
    static let template = wordHash("template"), defWord = wordHash("def"), classWord = wordHash("class")
}
