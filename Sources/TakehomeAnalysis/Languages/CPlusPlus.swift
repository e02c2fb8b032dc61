/// C++: C's description plus classes and namespaces (names `ns::Type::method`), out-of-line
/// `A::f` definitions, operators, lambdas nested in their function, raw strings `R"x(...)x"`.
public struct CPlusPlus: LanguageDescription {
    public init() {}
    public let language = SourceLanguage.cpp
    public let extensions: Set<String> = ["cpp", "cc", "cxx", "c++", "hpp", "hh", "hxx", "h++", "ipp"]

    public var lexicon: Lexicon {
        var lexicon = Lexicon(lineComments: ["//"], strings: [
            StringForm("u8R\"", "", raw: .cppDelimiter), StringForm("uR\"", "", raw: .cppDelimiter),
            StringForm("UR\"", "", raw: .cppDelimiter), StringForm("LR\"", "", raw: .cppDelimiter),
            StringForm("R\"", "", raw: .cppDelimiter),
            StringForm("L\"", "\""), StringForm("u8\"", "\""), StringForm("u\"", "\""), StringForm("U\"", "\""),
        ] + StringForm.cQuotes)
        lexicon.preprocessor = true
        lexicon.digitSeparators = true
        return lexicon
    }

    public var grammar: Grammar { C.grammar(plusPlus: true) }
}
