/// Which analyser reads a file, chosen by its extension. Built from a list of analysers (a value),
/// so tests and the lead's merge can decide which languages exist; the first analyser claiming an
/// extension wins.
public struct LanguageRegistry: Sendable {
    public let analyzers: [any LanguageAnalyzer]
    private let byExtension: [String: Int]

    public init(_ analyzers: [any LanguageAnalyzer]) {
        self.analyzers = analyzers
        var table: [String: Int] = [:]
        for (index, analyzer) in analyzers.enumerated() {
            for fileExtension in analyzer.extensions where table[fileExtension] == nil { table[fileExtension] = index }
        }
        byExtension = table
    }

    /// The registry of every language takehome analyses.
    public static var standard: LanguageRegistry { LanguageRegistry(StandardAnalyzers.all) }

    /// The analyser for a file name or path, or nil for a language takehome does not know.
    public func analyzer(for path: String) -> (any LanguageAnalyzer)? {
        guard let fileExtension = Self.fileExtension(of: path), let index = byExtension[fileExtension] else { return nil }
        return analyzers[index]
    }

    /// The lower-cased text after the last `.` of the last path component; nil without one
    /// (`Makefile`) or for a dot file without another dot (`.gitignore`).
    static func fileExtension(of path: String) -> String? {
        let name = path.split(separator: "/").last.map(String.init) ?? path
        guard let dot = name.lastIndex(of: "."), dot != name.startIndex else { return nil }
        let tail = name[name.index(after: dot)...]
        return tail.isEmpty ? nil : tail.lowercased()
    }
}
