/// A language takehome analyses. The raw value is the name used in reports, assignment.yml
/// (`language:`) and `takehome metrics` output.
public enum SourceLanguage: String, Codable, CaseIterable, Sendable, Comparable {
    case swift, python, javascript, typescript, go, java, kotlin, csharp, ruby, rust, c, cpp

    public static func < (lhs: SourceLanguage, rhs: SourceLanguage) -> Bool { lhs.rawValue < rhs.rawValue }
}
