/// One language as the shared token engine reads it: its lexicon and the words that open
/// functions, types, control structures and decisions. Each language is one small value
/// conforming to this protocol (see `Languages/`); `TokenAnalyzer` turns it into an analyser.
public protocol LanguageDescription: Sendable {
    var language: SourceLanguage { get }
    var extensions: Set<String> { get }
    var lexicon: Lexicon { get }
    var grammar: Grammar { get }
}

/// How a language's blocks are delimited.
public enum BlockSyntax: Sendable {
    /// `{` ... `}` (the C family, Go, Rust, Kotlin, JavaScript).
    case braces
    /// Indentation after a `:` header (Python).
    case indentation
    /// Keywords closed by `end` (Ruby).
    case keywordEnd
}

/// The words and shapes that matter to the metrics, as plain strings.
public struct Grammar: Sendable {
    public var blocks: BlockSyntax
    /// Tokens that each add 1 to the cyclomatic complexity (lizard's condition words of the language).
    public var decisions: [String]
    /// Reserved words (never function names; normalised as themselves for clone detection).
    public var keywords: [String]
    /// Structures that add 1 plus the nesting level to cognitive complexity and nest what they hold.
    public var nestingStructures: [String] = ["if", "for", "while", "do", "switch", "catch"]
    /// Words that add a flat 1 to cognitive complexity (`else`, `elif`, `elsif`).
    public var hybrids: [String] = ["else"]
    /// Binary logical operators; a run of one operator adds 1 to cognitive complexity.
    public var logicalOperators: [String] = ["&&", "||"]
    /// `?` is a conditional operator when it is not part of a type (`T?`, `<?>`, `x?: T`).
    public var ternary = true
    /// Jumps that add 1 to cognitive complexity (`goto`), and whether `break label` does too.
    public var jumps: [String] = ["goto"]
    /// Keywords that open a function wherever they stand (`func`, `fn`, `fun`, `function`, `def`).
    public var functionKeywords: [String] = []
    /// Keywords that open a named type or namespace whose functions are qualified by its name.
    public var typeKeywords: [String] = []
    /// `name(params) ... {` in a file, namespace or type body declares a function (C, C++, Java, C#).
    public var declarationHeads = false
    /// `name(params) {` declares a method anywhere, as in object literals and classes (JavaScript).
    public var methodsAnywhere = false
    /// The arrow of arrow functions that are reported as functions of their own (JavaScript `=>`).
    public var reportedArrow: String? = nil
    /// Arrows after which a `{` opens a lambda that nests in its function (Java `->`, C# `=>`).
    public var lambdaArrows: [String] = []
    /// A `{` that is neither a control block nor a type opens a lambda (Kotlin trailing lambdas).
    public var bracesAreLambdas = false
    /// `= expr` after a signature is a function body (Kotlin); `=> expr;` likewise (C#).
    public var expressionBodyMarkers: [String] = []
    /// A new line at bracket depth 0 ends a statement (Go, Kotlin).
    public var newlineEndsStatements = false
    /// The separator in qualified names (`Type.method`; `ns::Type::method` in C++).
    public var separator = "."
    /// Extra counts lizard makes from the shape of the code rather than from single tokens.
    public var armCounting: ArmCounting? = nil
    /// Rust: the `else` of `let ... else` is a decision.
    public var letElse = false
    /// `new Type(args) {` opens an anonymous class whose methods are functions (Java).
    public var anonymousClasses = false
    /// Go: `if x := f(); x > 0 {` keeps its head across the `;`.
    public var semicolonInHeaders = false

    public init(blocks: BlockSyntax, decisions: [String], keywords: [String]) {
        self.blocks = blocks; self.decisions = decisions; self.keywords = keywords
    }
}

/// Languages whose multi-way branch counts one decision per arm after the first, as lizard does.
public struct ArmCounting: Sendable {
    /// The keyword that opens the arms (`match`, `when`) and the token that starts each arm (`=>`, `->`).
    public var opener: String, arm: String
    public init(opener: String, arm: String) { self.opener = opener; self.arm = arm }
}
