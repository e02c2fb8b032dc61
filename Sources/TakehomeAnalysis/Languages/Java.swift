/// Java: methods found by their declaration heads, anonymous classes, lambdas nested in their
/// method, text blocks, `<?>` wildcards that are no decisions.
public struct Java: LanguageDescription {
    public init() {}
    public let language = SourceLanguage.java
    public let extensions: Set<String> = ["java"]

    public var lexicon: Lexicon {
        Lexicon(lineComments: ["//"], strings: [StringForm("\"\"\"", multiline: true)] + StringForm.cQuotes,
                operators: [">>>=", ">>>"] + Lexicon.commonOperators)
    }

    public var grammar: Grammar {
        var grammar = Grammar(blocks: .braces, decisions: ["if", "for", "while", "catch", "&&", "||", "case", "?"],
                              keywords: ["abstract", "assert", "boolean", "break", "byte", "case", "catch", "char",
                                         "class", "const", "continue", "default", "do", "double", "else", "enum",
                                         "extends", "final", "finally", "float", "for", "goto", "if", "implements",
                                         "import", "instanceof", "int", "interface", "long", "native", "new", "package",
                                         "private", "protected", "public", "return", "short", "static", "strictfp",
                                         "super", "switch", "synchronized", "this", "throw", "throws", "transient", "try",
                                         "void", "volatile", "while", "true", "false", "null"])
        grammar.typeKeywords = ["class", "interface", "enum", "record"]
        grammar.declarationHeads = true
        grammar.anonymousClasses = true
        grammar.lambdaArrows = ["->"]
        return grammar
    }
}
