import TakehomeCore

/// Analyses the text of one source file of one language, without running anything.
/// One conforming type per parsing strategy: swift-syntax for Swift, the shared token engine (with
/// one small description per language) for every other language.
public protocol LanguageAnalyzer: Sendable {
    /// The language this analyser reads.
    var language: SourceLanguage { get }
    /// File extensions it claims, lower-case and without the dot (`py`, `tsx`, `h`).
    var extensions: Set<String> { get }
    /// Analyses one file. `path` is relative to the analysed root and is copied into every
    /// `FunctionMetrics.file`. Must not crash, and must stay linear in the size of `text`, for any
    /// input: unterminated strings or comments, deep nesting and huge lines become notes.
    func analyze(_ text: String, path: String) -> FileAnalysis
}

/// What one language analyser found in one file.
public struct FileAnalysis: Sendable, Equatable {
    /// Functions in source order (by `line`, then by `endLine` descending so that an enclosing
    /// function comes before the ones nested in it).
    public var functions: [FunctionMetrics]
    /// Lines of code: lines holding at least one token that is not a comment.
    public var nloc: Int
    /// Lines holding a comment and no code.
    public var commentLines: Int
    /// Lines holding only whitespace.
    public var blankLines: Int
    /// The token stream for clone detection, comments dropped, identifiers and literals normalised.
    public var cloneTokens: [CloneToken]
    /// One sentence each on what the analyser could not read as intended ("unterminated string
    /// from line 12", "nesting deeper than 256 levels from line 40: not measured below it").
    public var notes: [String]

    public init(functions: [FunctionMetrics] = [], nloc: Int = 0, commentLines: Int = 0, blankLines: Int = 0,
                cloneTokens: [CloneToken] = [], notes: [String] = []) {
        self.functions = functions; self.nloc = nloc; self.commentLines = commentLines
        self.blankLines = blankLines; self.cloneTokens = cloneTokens; self.notes = notes
    }
}

/// One token as clone detection sees it, in the style of PMD CPD and jscpd: identifiers all hash
/// to one value, literals of one kind (number, string) to one value per kind, keywords and
/// operators to their own text. Two stretches of code are clones when their values match.
public struct CloneToken: Hashable, Sendable {
    /// The normalised token, hashed (stable across runs: FNV-1a of the normalised text).
    public var value: UInt64
    /// The 1-based line the token starts on.
    public var line: Int

    public init(value: UInt64, line: Int) { self.value = value; self.line = line }

    /// FNV-1a over the UTF-8 of a normalised token text; every analyser uses it so that values
    /// are comparable across files of one language.
    public static func hash<S: StringProtocol>(_ normalised: S) -> UInt64 {
        var hash: UInt64 = 0xcbf2_9ce4_8422_2325
        for byte in normalised.utf8 { hash = (hash ^ UInt64(byte)) &* 0x0000_0100_0000_01b3 }
        return hash
    }

    /// The normalised text every analyser uses for an identifier, a number and a string literal.
    public static let identifier = "$id", number = "$num", string = "$str"
}
