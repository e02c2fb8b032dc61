/// The analysers `takehome` uses: one per language. Merged into `[SwiftAnalyzer()] +
/// TokenLanguages.analyzers` once those exist on the same branch.
public enum StandardAnalyzers {
    public static var all: [any LanguageAnalyzer] { [] }
}
