/// Kotlin: `fun` declarations with block or `= expression` bodies, `when` whose arms count as
/// lizard counts them, trailing lambdas nested in their function, raw and template strings.
public struct Kotlin: LanguageDescription {
    public init() {}
    public let language = SourceLanguage.kotlin
    public let extensions: Set<String> = ["kt", "kts"]

    public var lexicon: Lexicon {
        var lexicon = Lexicon(lineComments: ["//"], nestedComments: true, strings: [
            StringForm("\"\"\"", escapes: false, multiline: true, interpolation: .dollarBraces),
            StringForm("\"", interpolation: .dollarBraces), StringForm("'"),
        ], operators: ["?:", "!!", "?.", "::", "->", "&&", "||", "==", "!=", "===", "!==", "<=", ">=", "++", "--",
                       "+=", "-=", "*=", "/=", "%=", "..", "..<"])
        lexicon.identifierBytes = []
        return lexicon
    }

    public var grammar: Grammar {
        var grammar = Grammar(blocks: .braces, decisions: ["if", "for", "while", "catch", "&&", "||", "?:"],
                              keywords: ["as", "break", "class", "continue", "do", "else", "false", "for", "fun", "if",
                                         "in", "interface", "is", "null", "object", "package", "return", "super", "this",
                                         "throw", "true", "try", "typealias", "val", "var", "when", "while"])
        grammar.nestingStructures = ["if", "for", "while", "do", "when", "catch"]
        grammar.ternary = false
        grammar.jumps = []
        grammar.functionKeywords = ["fun"]
        grammar.typeKeywords = ["class", "interface", "object"]
        grammar.bracesAreLambdas = true
        grammar.expressionBodyMarkers = ["="]
        grammar.newlineEndsStatements = true
        grammar.armCounting = ArmCounting(opener: "when", arm: "->")
        return grammar
    }
}
