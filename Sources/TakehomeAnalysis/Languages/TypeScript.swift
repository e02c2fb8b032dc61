/// TypeScript, TSX and JSX: JavaScript's description plus type syntax (interfaces, return types,
/// optional members `x?: T` that are no decisions).
public struct TypeScript: LanguageDescription {
    public init() {}
    public let language = SourceLanguage.typescript
    public let extensions: Set<String> = ["ts", "tsx", "mts", "cts", "jsx"]
    public var lexicon: Lexicon { JavaScript.sharedLexicon }
    public var grammar: Grammar { JavaScript.sharedGrammar(typed: true) }
}
