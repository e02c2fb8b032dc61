/// The analysers `takehome` uses: one per language.
public enum StandardAnalyzers {
    public static var all: [any LanguageAnalyzer] { TokenLanguages.analyzers }
}
