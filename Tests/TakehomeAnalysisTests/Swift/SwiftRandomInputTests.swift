import Testing
@testable import TakehomeAnalysis
import TakehomeCore

/// A seeded property test: random token soup and mutations of real snippets never crash the
/// analyser, and what it reports stays self-consistent (lines inside the file, CCN at least 1,
/// line counts adding up to the file's lines).
@Suite(.timeLimit(.minutes(5))) struct SwiftRandomInputTests {
    /// SplitMix64, so every run sees the same inputs and a failure can be replayed from its seed.
    typealias SeededGenerator = SplitMix64

    static let fragments = [
        "func f(", "init(", "deinit", "subscript(", "var x: Int", "get", "set", "didSet", "{", "}", "(", ")",
        "[", "]", "<", ">", "if", "else", "guard", "switch", "case", ":", "default", "for", "in", "while",
        "repeat", "do", "catch", "try", "?", "!", "??", "&&", "||", "=", "==", "x", "$0", "1", "2.5", "\"",
        "\"\"\"", "\\(", "/*", "*/", "//", "\n", " ", ",", ".", "#if", "#endif", "struct S", "extension S",
        "{ a in", "return", "break", "continue", "where", "let", "@attr", "`id`", "#\"", "\r\n", "é", "\u{0}",
    ]

    /// The line breaks swift-syntax counts: LF, CR and CRLF (one `Character`).
    static func isLineBreak(_ character: Character) -> Bool {
        character == "\n" || character == "\r" || character == "\r\n"
    }

    static func isConsistent(_ analysis: FileAnalysis, for source: String) -> Bool {
        let lines = source.isEmpty ? 0 : source.split(omittingEmptySubsequences: false, whereSeparator: isLineBreak).count
            - (source.last.map(isLineBreak) == true ? 1 : 0)
        guard analysis.nloc + analysis.commentLines + analysis.blankLines == lines else { return false }
        return analysis.functions.allSatisfy { function in
            function.line >= 1 && function.line <= function.endLine && function.endLine <= max(lines, 1)
                && function.ccn >= 1 && function.cognitive >= 0 && function.maxNesting >= 0
                && function.nloc <= function.endLine - function.line + 1
        }
    }

    @Test func randomTokenSoup() {
        var random = SeededGenerator(seed: 20_240_601)
        for _ in 0..<300 {
            let count = Int.random(in: 0..<200, using: &random)
            let source = (0..<count).map { _ in Self.fragments.randomElement(using: &random)! }.joined(separator: " ")
            let analysis = SwiftAnalyzer().analyze(source, path: "Random.swift")
            let consistent = Self.isConsistent(analysis, for: source)
            #expect(consistent, "\(source.debugDescription)")
        }
    }

    @Test func mutatedSnippets() {
        var random = SeededGenerator(seed: 7)
        let seeds = [SwiftDeclarationTests.cache]
        for round in 0..<300 {
            var characters = Array(seeds[round % seeds.count])
            for _ in 0..<Int.random(in: 1...8, using: &random) {
                let at = Int.random(in: 0...characters.count, using: &random)
                switch Int.random(in: 0..<3, using: &random) {
                case 0 where at < characters.count:
                    characters.removeSubrange(at..<min(characters.count, at + Int.random(in: 1...40, using: &random)))
                case 1:
                    characters.insert(contentsOf: Self.fragments.randomElement(using: &random)!, at: at)
                default:
                    let end = min(characters.count, at + Int.random(in: 1...60, using: &random))
                    characters.insert(contentsOf: characters[at..<end], at: at)
                }
            }
            let source = String(characters)
            let analysis = SwiftAnalyzer().analyze(source, path: "Mutated.swift")
            let consistent = Self.isConsistent(analysis, for: source)
            #expect(consistent, "\(source.debugDescription)")
        }
    }
}
