/// Python: indentation blocks, `def` functions, `#` comments, prefixed and triple-quoted strings
/// (f-strings' `{...}` read as code).
public struct Python: LanguageDescription {
    public init() {}
    public let language = SourceLanguage.python
    public let extensions: Set<String> = ["py", "pyi"]

    public var lexicon: Lexicon {
        var forms: [StringForm] = []
        let prefixes = ["", "r", "u", "b", "f", "br", "rb", "fr", "rf"]
        for prefix in prefixes {
            for spelling in Set([prefix, prefix.uppercased(), prefix.prefix(1).uppercased() + prefix.dropFirst()]) {
                let interpolation: StringForm.Interpolation? = prefix.contains("f") ? .braces : nil
                for quote in ["\"\"\"", "'''"] {
                    forms.append(StringForm(spelling + quote, quote, multiline: true, interpolation: interpolation))
                }
                for quote in ["\"", "'"] { forms.append(StringForm(spelling + quote, quote, interpolation: interpolation)) }
            }
        }
        return Lexicon(lineComments: ["#"], blockComment: nil, strings: forms, operators: [
            "**=", "//=", ">>=", "<<=", "...", "->", ":=", "==", "!=", "<=", ">=", "**", "//", "<<", ">>",
            "+=", "-=", "*=", "/=", "%=", "&=", "|=", "^=", "@=",
        ])
    }

    public var grammar: Grammar {
        var grammar = Grammar(blocks: .indentation,
                              decisions: ["if", "elif", "for", "while", "except", "finally", "and", "or"],
                              keywords: ["False", "None", "True", "and", "as", "assert", "async", "await", "break",
                                         "class", "continue", "def", "del", "elif", "else", "except", "finally", "for",
                                         "from", "global", "if", "import", "in", "is", "lambda", "nonlocal", "not", "or",
                                         "pass", "raise", "return", "try", "while", "with", "yield"])
        grammar.nestingStructures = ["if", "for", "while", "except"]
        grammar.hybrids = ["elif", "else"]
        grammar.logicalOperators = ["and", "or"]
        grammar.ternary = false
        grammar.jumps = []
        grammar.functionKeywords = ["def"]
        grammar.typeKeywords = ["class"]
        return grammar
    }
}
