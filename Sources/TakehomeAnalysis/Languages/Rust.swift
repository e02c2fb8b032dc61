/// Rust: `fn` items (qualified by their `impl` type), closures nested in their function, `match`
/// arms counted as lizard counts them, `let ... else`, raw strings `r#"..."#`, lifetimes, nested comments.
public struct Rust: LanguageDescription {
    public init() {}
    public let language = SourceLanguage.rust
    public let extensions: Set<String> = ["rs"]

    public var lexicon: Lexicon {
        var lexicon = Lexicon(lineComments: ["//"], nestedComments: true, strings: [
            StringForm("br#", "\"", raw: .rustHashes), StringForm("r#", "\"", raw: .rustHashes),
            StringForm("br\"", "\"", escapes: false, multiline: true), StringForm("r\"", "\"", escapes: false, multiline: true),
            StringForm("b\"", "\"", multiline: true), StringForm("\"", multiline: true),
            StringForm("b'", "'"), StringForm("'"),
        ])
        lexicon.lifetimes = true
        return lexicon
    }

    public var grammar: Grammar {
        var grammar = Grammar(blocks: .braces, decisions: ["if", "for", "while", "catch", "&&", "||", "?"],
                              keywords: ["as", "async", "await", "break", "const", "continue", "crate", "dyn", "else",
                                         "enum", "extern", "false", "fn", "for", "if", "impl", "in", "let", "loop",
                                         "match", "mod", "move", "mut", "pub", "ref", "return", "self", "Self", "static",
                                         "struct", "super", "trait", "true", "type", "unsafe", "use", "where", "while"])
        grammar.nestingStructures = ["if", "for", "while", "loop", "match"]
        grammar.ternary = false
        grammar.jumps = []
        grammar.functionKeywords = ["fn"]
        grammar.typeKeywords = ["impl", "trait", "mod"]
        grammar.armCounting = ArmCounting(opener: "match", arm: "=>")
        grammar.letElse = true
        grammar.separator = "::"
        return grammar
    }
}
