/// Ruby: `def` ... `end` methods (and endless `def x = ...`), classes and modules, modifier
/// `if`/`unless`, heredocs, `%w[...]` literals, `#{...}` interpolation read as code.
public struct Ruby: LanguageDescription {
    public init() {}
    public let language = SourceLanguage.ruby
    public let extensions: Set<String> = ["rb", "rake", "gemspec"]

    public var lexicon: Lexicon {
        var lexicon = Lexicon(lineComments: ["#"], blockComment: nil, strings: [
            StringForm("\"", multiline: true, interpolation: .hashBraces), StringForm("'", multiline: true),
            StringForm("`", multiline: true, interpolation: .hashBraces),
        ], operators: ["**=", "<=>", "===", "...", "||=", "&&=", "<<=", ">>=", "::", "->", "=>", "&&", "||", "==", "!=",
                       "=~", "!~", "<=", ">=", "<<", ">>", "**", "+=", "-=", "*=", "/=", "%=", "|=", "&=", "..", "&."])
        lexicon.regexLiterals = true
        lexicon.rubyLiterals = true
        lexicon.identifierBytes = [UInt8(ascii: "@"), UInt8(ascii: "$")]
        lexicon.identifierSuffixes = [UInt8(ascii: "?"), UInt8(ascii: "!")]
        return lexicon
    }

    public var grammar: Grammar {
        var grammar = Grammar(blocks: .keywordEnd,
                              decisions: ["if", "elsif", "unless", "until", "for", "while", "rescue", "ensure", "when",
                                          "and", "or", "&&", "||", "?", "||=", "&&="],
                              keywords: ["alias", "and", "begin", "break", "case", "class", "def", "defined?", "do",
                                         "else", "elsif", "end", "ensure", "false", "for", "if", "in", "module", "next",
                                         "nil", "not", "or", "redo", "rescue", "retry", "return", "self", "super",
                                         "then", "true", "undef", "unless", "until", "when", "while", "yield"])
        grammar.nestingStructures = ["if", "unless", "while", "until", "for", "case", "rescue"]
        grammar.hybrids = ["else", "elsif"]
        grammar.logicalOperators = ["&&", "||", "and", "or"]
        grammar.jumps = []
        grammar.functionKeywords = ["def"]
        grammar.typeKeywords = ["class", "module"]
        return grammar
    }
}
