/// The analysers `takehome` uses: one per language, Swift through swift-syntax and the rest
/// through the token engine.
public enum StandardAnalyzers {
    public static var all: [any LanguageAnalyzer] { [SwiftAnalyzer()] + TokenLanguages.analyzers }
}
