/// JavaScript (and the `.jsx` flavour is read by `TypeScript`): functions, methods, getters and arrow
/// functions, template literals whose `${...}` is read as code, regular expression literals.
public struct JavaScript: LanguageDescription {
    public init() {}
    public let language = SourceLanguage.javascript
    public let extensions: Set<String> = ["js", "mjs", "cjs"]
    public var lexicon: Lexicon { JavaScript.sharedLexicon }
    public var grammar: Grammar { JavaScript.sharedGrammar(typed: false) }

    static var sharedLexicon: Lexicon {
        var lexicon = Lexicon(lineComments: ["//"], strings: StringForm.cQuotes + [
            StringForm("`", multiline: true, interpolation: .dollarBraces),
        ])
        lexicon.regexLiterals = true
        lexicon.identifierBytes = [UInt8(ascii: "$"), UInt8(ascii: "#")]
        return lexicon
    }

    static func sharedGrammar(typed: Bool) -> Grammar {
        var keywords = ["break", "case", "catch", "class", "const", "continue", "debugger", "default", "delete", "do",
                        "else", "export", "extends", "finally", "for", "function", "if", "import", "in", "instanceof",
                        "let", "new", "return", "super", "switch", "this", "throw", "try", "typeof", "var", "void",
                        "while", "with", "yield", "await", "of", "null", "true", "false", "undefined"]
        if typed { keywords += ["interface", "type", "enum", "implements", "namespace", "declare", "readonly", "keyof"] }
        var grammar = Grammar(blocks: .braces,
                              decisions: ["if", "elseif", "for", "while", "catch", "&&", "||", "??", "case", "?", "||=", "&&=", "??="],
                              keywords: keywords)
        grammar.logicalOperators = ["&&", "||", "??"]
        grammar.jumps = []
        grammar.functionKeywords = ["function"]
        grammar.typeKeywords = typed ? ["class", "interface", "namespace", "enum"] : ["class"]
        grammar.methodsAnywhere = true
        grammar.reportedArrow = "=>"
        return grammar
    }
}
