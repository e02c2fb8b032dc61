/// C: functions found by their declaration heads, preprocessor `#if`/`#ifdef`/`#elif` branches
/// counted in the function that holds them, as lizard counts them.
public struct C: LanguageDescription {
    public init() {}
    public let language = SourceLanguage.c
    public let extensions: Set<String> = ["c", "h"]

    public var lexicon: Lexicon {
        var lexicon = Lexicon(lineComments: ["//"], strings: StringForm.cQuotes + [
            StringForm("L\"", "\""), StringForm("u8\"", "\""), StringForm("u\"", "\""), StringForm("U\"", "\""),
        ])
        lexicon.preprocessor = true
        return lexicon
    }

    public var grammar: Grammar { C.grammar(plusPlus: false) }

    static func grammar(plusPlus: Bool) -> Grammar {
        var keywords = ["auto", "break", "case", "char", "const", "continue", "default", "do", "double", "else", "enum",
                        "extern", "float", "for", "goto", "if", "inline", "int", "long", "register", "restrict",
                        "return", "short", "signed", "sizeof", "static", "struct", "switch", "typedef", "union",
                        "unsigned", "void", "volatile", "while"]
        if plusPlus {
            keywords += ["catch", "class", "constexpr", "decltype", "delete", "explicit", "friend", "mutable",
                         "namespace", "new", "noexcept", "private", "protected", "public", "template", "this", "throw",
                         "try", "typename", "using", "virtual", "co_await", "co_return", "co_yield", "true", "false"]
        }
        var grammar = Grammar(blocks: .braces,
                              decisions: ["if", "for", "while", "catch", "&&", "||", "case", "?", "#if", "#ifdef", "#elif"],
                              keywords: keywords)
        grammar.typeKeywords = plusPlus ? ["class", "struct", "union", "namespace", "enum"] : ["struct", "union", "enum"]
        grammar.declarationHeads = true
        grammar.separator = plusPlus ? "::" : "."
        return grammar
    }
}
