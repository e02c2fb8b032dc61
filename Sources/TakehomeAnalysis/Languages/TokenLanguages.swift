/// Every language the shared token engine reads, one analyser each, for the analysis registry.
public enum TokenLanguages {
    /// One analyser per language description, in `SourceLanguage` order.
    public static let analyzers: [any LanguageAnalyzer] = descriptions.map { TokenAnalyzer($0) }

    /// The eleven descriptions, one per language file in this folder.
    public static let descriptions: [any LanguageDescription] = [
        Python(), JavaScript(), TypeScript(), Go(), Java(), Kotlin(), CSharp(), Ruby(), Rust(), C(), CPlusPlus(),
    ]
}
