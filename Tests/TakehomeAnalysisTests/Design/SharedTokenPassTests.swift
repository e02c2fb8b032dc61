import Foundation
import Testing
import TakehomeCore
@testable import TakehomeAnalysis

private let pythonPieces = ["class ", "def ", "A", "B", "x", "self", "(", ")", "[", "]", "{", "}", ":", ",", "=", ".", "@",
                            "return ", "if ", "import ", "\n", "\n    ", "\n        ", "\"\"\"", "'", "#", "...", "*", "0",
                            "datetime.now()", "open(", "os.environ", "global ", "_x", "lambda ", "match ", "case "]
private let bracePieces = ["class ", "interface ", "fn ", "func ", "fun ", "def ", "end", "A", "B", "x", "this", "new ",
                           "(", ")", "{", "}", "<", ">", ":", "::", ",", "=", ".", ";", "@", "return ", "private ",
                           "\n", "\n    ", "\"", "'", "//", "/*", "*/", "`${", "extends ", "impl ", "for ", "#include "]

/// The metrics pass hands its tokens and functions to the design readers (`DesignReading.analyzeAndRead`):
/// what it gives must be exactly what the analyser and the reader give on their own.
@Suite struct SharedTokenPassTests {
    static let extensions: [SourceLanguage: String] = [
        .python: "py", .javascript: "js", .typescript: "ts", .java: "java", .kotlin: "kt", .csharp: "cs", .go: "go",
        .rust: "rs", .ruby: "rb", .c: "c", .cpp: "cpp",
    ]

    private func expectSharedEqualsAlone(_ text: String, language: SourceLanguage, label: String) {
        let path = "f." + Self.extensions[language]!
        guard let analyzer = LanguageRegistry.standard.analyzer(for: path) else {
            Issue.record("no analyser for \(path)"); return
        }
        let file = SourceFile(path: path, kind: .source, analyzer: analyzer, text: text, notes: [])
        let (analysis, design) = DesignReading.analyzeAndRead(file)
        #expect(analysis == analyzer.analyze(text, path: path), "\(label): analysis")
        #expect(design == DesignReading.reader(for: language)!.read(text, path: path, kind: .source), "\(label): design")
    }

    @Test(.timeLimit(.minutes(5))) func randomTextReadsTheSameInEveryTokenLanguage() {
        for language in Self.extensions.keys.sorted() {
            let pieces = language == .python ? pythonPieces : bracePieces
            for seed in UInt64(1)...40 {
                var random = SplitMix64(seed: seed &* 31 &+ UInt64(language.rawValue.count))
                let text = (0..<random.below(300)).map { _ in pieces[random.below(pieces.count)] }.joined()
                expectSharedEqualsAlone(text, language: language, label: "\(language) seed \(seed)")
            }
        }
    }

    @Test func theBundledPythonSamplesReadTheSame() throws {
        let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("../../../Assignments")
        let files = FileManager.default.enumerator(atPath: root.path)?.compactMap { $0 as? String }.filter { $0.hasSuffix(".py") } ?? []
        #expect(files.count >= 10)
        for relative in files {
            let text = try String(contentsOf: root.appendingPathComponent(relative), encoding: .utf8)
            expectSharedEqualsAlone(text, language: .python, label: relative)
        }
    }
}

/// The hashed words and the tally the design readers compare and count tokens with.
@Suite struct WordTallyTests {
    @Test func aWordIsTheHashOfItsText() {
        #expect(Word("(") == "(")
        #expect(Word("self").hash == CloneToken.hash("self"))
        let tokens = PythonTokens("x = y\n")
        #expect(tokens.word(0) == "x" && tokens.word(1) == "=" && tokens.word(2) == "y")
        #expect(tokens.word(-1) == "" && tokens.word(99) == "")
        // Numbers keep their own text. Every string literal is the one word `Lexer.stringHash`, so
        // that no literal reads as punctuation (JavaScript's template piece `}` is no closing brace).
        #expect(PythonTokens("'a' 12").word(0) == Word(hash: Lexer.stringHash) && PythonTokens("'a' 12").word(1) == "12")
        #expect(PythonTokens("'a' '}'").word(0) == PythonTokens("'a' '}'").word(1))
    }

    @Test func theTallyCountsLikeADictionary() {
        for seed in UInt64(1)...50 {
            var random = SplitMix64(seed: seed)
            let vocabulary = (0..<(1 + random.below(400))).map { "w\($0)" }
            var tally = WordTally(), expected: [String: Int] = [:], order: [String] = []
            for position in 0..<random.below(3_000) {
                let word = vocabulary[random.below(vocabulary.count)]
                tally.add(Word(word), at: position)
                if expected[word] == nil { order.append(word) }
                expected[word, default: 0] += 1
            }
            #expect(tally.count == expected.count, "seed \(seed)")
            #expect(tally.counts == order.map { expected[$0]! }, "seed \(seed)")
            #expect(vocabulary.allSatisfy { tally.contains(Word($0)) == (expected[$0] != nil) }, "seed \(seed)")
        }
    }

    @Test func unusedParametersAreFoundInShortAndLongLists() {
        let short = "def f(a, b, c):\n    return a + c\n"
        #expect(PythonDesignReader().read(short, path: "s.py", kind: .source).functions[0].unusedParameters == ["b"])
        let names = (0..<12).map { "p\($0)" }
        let long = "def g(\(names.joined(separator: ", "))):\n    return p1 + p3 + p11\n"
        let unused = PythonDesignReader().read(long, path: "l.py", kind: .source).functions[0].unusedParameters
        #expect(unused == names.filter { !["p1", "p3", "p11"].contains($0) })
    }

    @Test func subscriptsByNameAreGenericUsesAndOthersAreNot() {
        let text = "a = x[0]\nb = d['k']\nc = Box[int]\ne = m[ünï]\n"
        let uses = PythonDesignReader().read(text, path: "g.py", kind: .source).genericUses
        #expect(uses.map(\.name) == ["Box", "m"])
        #expect(uses.map(\.arguments) == [["int"], ["ünï"]])
    }
}
