/// C#: methods by declaration heads, expression-bodied members (`=> expr;`), lambdas nested in
/// their method, verbatim (`@"..."`), interpolated (`$"{x}"`) and raw (`"""`) strings, `#if` branches.
public struct CSharp: LanguageDescription {
    public init() {}
    public let language = SourceLanguage.csharp
    public let extensions: Set<String> = ["cs"]

    public var lexicon: Lexicon {
        var lexicon = Lexicon(lineComments: ["//"], strings: [
            StringForm("$@\"", "\"", escapes: false, multiline: true, interpolation: .braces, doubledQuote: true),
            StringForm("@$\"", "\"", escapes: false, multiline: true, interpolation: .braces, doubledQuote: true),
            StringForm("$\"\"\"", "\"\"\"", escapes: false, multiline: true, interpolation: .braces),
            StringForm("\"\"\"", escapes: false, multiline: true),
            StringForm("@\"", "\"", escapes: false, multiline: true, doubledQuote: true),
            StringForm("$\"", "\"", interpolation: .braces),
        ] + StringForm.cQuotes)
        lexicon.preprocessor = true
        lexicon.identifierBytes = [UInt8(ascii: "@")]   // `@null`, `@class`: verbatim identifiers
        return lexicon
    }

    public var grammar: Grammar {
        var grammar = Grammar(blocks: .braces,
                              decisions: ["if", "for", "foreach", "while", "catch", "&&", "||", "case", "?", "??", "??=", "#if", "#elif"],
                              keywords: ["abstract", "as", "base", "bool", "break", "byte", "case", "catch", "char",
                                         "checked", "class", "const", "continue", "decimal", "default", "delegate", "do",
                                         "double", "else", "enum", "event", "explicit", "extern", "false", "finally",
                                         "fixed", "float", "for", "foreach", "goto", "if", "implicit", "in", "int",
                                         "interface", "internal", "is", "lock", "long", "namespace", "new", "null",
                                         "object", "operator", "out", "override", "params", "private", "protected",
                                         "public", "readonly", "ref", "return", "sbyte", "sealed", "short", "sizeof",
                                         "stackalloc", "static", "string", "struct", "switch", "this", "throw", "true",
                                         "try", "typeof", "uint", "ulong", "unchecked", "unsafe", "ushort", "using",
                                         "virtual", "void", "volatile", "while"])
        grammar.nestingStructures = ["if", "for", "foreach", "while", "do", "switch", "catch"]
        grammar.logicalOperators = ["&&", "||", "??"]
        grammar.typeKeywords = ["class", "struct", "interface", "enum", "record", "namespace"]
        grammar.declarationHeads = true
        grammar.lambdaArrows = ["=>"]
        grammar.expressionBodyMarkers = ["=>"]
        return grammar
    }
}
