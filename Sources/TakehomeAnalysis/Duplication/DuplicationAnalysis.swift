import Dispatch
import TakehomeCore

/// Duplication over a whole submission: clone detection runs once per language (tokens of two
/// languages are never compared; the languages are detected side by side), then the
/// duplicated-token ratios of source and test code and the clone pairs, longest first, at most
/// `ClonePair.reportLimit` of them.
public enum DuplicationAnalysis {
    /// One analysed file, as duplication needs it; `windows` as `CloneDetector.Input` takes them.
    public struct File: Sendable {
        public var path: String
        public var language: SourceLanguage
        public var kind: CodeKind
        public var tokens: [CloneToken]
        public var windows: [UInt64]?
        public init(path: String, language: SourceLanguage, kind: CodeKind, tokens: [CloneToken], windows: [UInt64]? = nil) {
            self.path = path; self.language = language; self.kind = kind; self.tokens = tokens; self.windows = windows
        }
    }

    /// `files` in walk order.
    public static func measure(_ files: [File], minTokens: Int) -> DuplicationMetrics {
        let detector = CloneDetector(minTokens: minTokens)
        let groups = Dictionary(grouping: files, by: \.language)
        let languages = groups.keys.sorted()
        let results = ResultSlots<CloneDetector.Result>(count: languages.count)
        DispatchQueue.concurrentPerform(iterations: languages.count) { index in
            let group = groups[languages[index]]!
            results.store(detector.detect(group.map { .init(path: $0.path, kind: $0.kind, tokens: $0.tokens, windows: $0.windows) }),
                          at: index)
        }
        var clones: [ClonePair] = []
        var tokens: [CodeKind: Int] = [:], duplicated: [CodeKind: Int] = [:]
        for (language, result) in zip(languages, results.values) {
            clones += result.clones
            for (file, count) in zip(groups[language]!, result.duplicatedTokens) {
                tokens[file.kind, default: 0] += file.tokens.count
                duplicated[file.kind, default: 0] += count
            }
        }
        clones.sort(by: longestFirst)
        return DuplicationMetrics(
            minTokens: detector.minTokens,
            source: DuplicationTotals(tokens: tokens[.source] ?? 0, duplicatedTokens: duplicated[.source] ?? 0),
            test: DuplicationTotals(tokens: tokens[.test] ?? 0, duplicatedTokens: duplicated[.test] ?? 0),
            clones: Array(clones.prefix(ClonePair.reportLimit)),
            clonesNotListed: max(0, clones.count - ClonePair.reportLimit))
    }

    /// Longest first, then by the places, so that the order never depends on the scan.
    static func longestFirst(_ a: ClonePair, _ b: ClonePair) -> Bool {
        if a.tokens != b.tokens { return a.tokens > b.tokens }
        let left = (a.first.file, a.first.line, a.second.file, a.second.line)
        let right = (b.first.file, b.first.line, b.second.file, b.second.line)
        return left < right
    }
}
