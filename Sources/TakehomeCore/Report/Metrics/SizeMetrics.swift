/// How much code a submission holds: per file, per language and overall, the candidate's source
/// and test code counted apart, and every file that was left out or skipped with the reason.
/// `metrics.size` of the report.
public struct SizeMetrics: Codable, Hashable, Sendable {
    /// Every analysed file, in walk order (each folder's entries in byte order of their names).
    public var files: [FileSize]
    /// Totals per language, by language name.
    public var languages: [LanguageSize]
    /// Totals over every language.
    public var source: SizeTotals
    public var test: SizeTotals
    /// Files and folders that are not the candidate's code (dependencies, vendored, generated,
    /// build output, starter code), in walk order.
    public var leftOut: [ExcludedPath]
    /// Files that could not be analysed (binary, unknown language, too large, links), in walk order.
    public var skipped: [ExcludedPath]
    /// What the analysers could not read as intended, per file.
    public var notes: [FileNote]

    public init(files: [FileSize] = [], languages: [LanguageSize] = [], source: SizeTotals = SizeTotals(),
                test: SizeTotals = SizeTotals(), leftOut: [ExcludedPath] = [], skipped: [ExcludedPath] = [],
                notes: [FileNote] = []) {
        self.files = files; self.languages = languages; self.source = source; self.test = test
        self.leftOut = leftOut; self.skipped = skipped; self.notes = notes
    }
}

/// Whether a file is the candidate's solution or the candidate's tests.
public enum CodeKind: String, Codable, Hashable, Sendable {
    case source, test
}

/// The size of one analysed file.
public struct FileSize: Codable, Hashable, Sendable {
    /// Path relative to the analysed root, with `/` separators.
    public var path: String
    /// A `SourceLanguage` name: `python`, `swift`, `typescript`...
    public var language: String
    public var kind: CodeKind
    /// Lines holding code, lines holding only a comment, lines holding only whitespace.
    public var nloc: Int
    public var commentLines: Int
    public var blankLines: Int
    public var functions: Int

    public init(path: String, language: String, kind: CodeKind, nloc: Int, commentLines: Int, blankLines: Int,
                functions: Int) {
        self.path = path; self.language = language; self.kind = kind; self.nloc = nloc
        self.commentLines = commentLines; self.blankLines = blankLines; self.functions = functions
    }
}

/// Sums over a set of files.
public struct SizeTotals: Codable, Hashable, Sendable {
    public var files = 0
    public var nloc = 0
    public var commentLines = 0
    public var blankLines = 0
    public var functions = 0

    public init() {}

    /// Adds one file's figures.
    public mutating func add(_ file: FileSize) {
        files += 1; nloc += file.nloc; commentLines += file.commentLines; blankLines += file.blankLines
        functions += file.functions
    }
}

/// The source and test totals of one language.
public struct LanguageSize: Codable, Hashable, Sendable {
    public var language: String
    public var source: SizeTotals
    public var test: SizeTotals

    public init(language: String, source: SizeTotals = SizeTotals(), test: SizeTotals = SizeTotals()) {
        self.language = language; self.source = source; self.test = test
    }
}

/// A file or folder the analysis did not count, and why ("vendored dependencies (node_modules)",
/// "binary", "skipped: unknown language").
public struct ExcludedPath: Codable, Hashable, Sendable {
    /// Path relative to the analysed root; a folder ends with `/`.
    public var path: String
    public var reason: String

    public init(path: String, reason: String) { self.path = path; self.reason = reason }
}

/// A sentence about one file ("not valid UTF-8: read with replacement characters").
public struct FileNote: Codable, Hashable, Sendable {
    public var file: String
    public var message: String

    public init(file: String, message: String) { self.file = file; self.message = message }
}
