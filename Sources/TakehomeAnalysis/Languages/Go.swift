/// Go: `func` declarations, methods with receivers (named `Type.method`), function literals,
/// raw strings in backquotes, statements ended by new lines.
public struct Go: LanguageDescription {
    public init() {}
    public let language = SourceLanguage.go
    public let extensions: Set<String> = ["go"]

    public var lexicon: Lexicon {
        Lexicon(lineComments: ["//"], strings: StringForm.cQuotes + [StringForm("`", escapes: false, multiline: true)],
                operators: [":=", "<-", "&^=", "&^"] + Lexicon.commonOperators)
    }

    public var grammar: Grammar {
        var grammar = Grammar(blocks: .braces, decisions: ["if", "for", "while", "catch", "&&", "||", "case", "?"],
                              keywords: ["break", "case", "chan", "const", "continue", "default", "defer", "else",
                                         "fallthrough", "for", "func", "go", "goto", "if", "import", "interface", "map",
                                         "package", "range", "return", "select", "struct", "switch", "type", "var"])
        grammar.nestingStructures = ["if", "for", "switch", "select"]
        grammar.functionKeywords = ["func"]
        grammar.newlineEndsStatements = true
        grammar.semicolonInHeaders = true
        grammar.ternary = false
        return grammar
    }
}
