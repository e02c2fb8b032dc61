import Testing
import TakehomeAnalysis
import TakehomeCore

/// A property test over random and mutated inputs for every language: whatever the bytes, the analyser
/// returns, and its figures are consistent (lines inside the file, CCN at least 1, line counts adding up).
/// Seeds are fixed, so a failure reproduces.
@Suite struct RandomInputTests {
    typealias Generator = SplitMix64

    static let fragments = [
        "if", "else", "for", "while", "do", "switch", "case", "match", "when", "def", "fn", "func", "fun", "function",
        "class", "struct", "impl", "end", "begin", "unless", "elif", "except", "try", "catch", "return", "lambda",
        "=>", "->", "&&", "||", "??", "?.", "?", ":", ";", ",", ".", "::", "(", ")", "[", "]", "{", "}", "<", ">",
        "=", "\"", "'", "`", "\"\"\"", "${", "#{", "f\"{", "r#\"", "R\"(", "@\"", "$\"{", "/*", "*/", "//", "#",
        "#if ", "<<~EOS", "EOS", "%w[", "/re/", "\\", "\n", "\n    ", "\t", " ", "x", "name", "42", "0x1F", "'a",
        "=begin", "=end", "\u{00E9}", "\u{1F600}",
    ]

    static let samples: [String] = [
        PythonTests.source, JavaScriptTests.source, TypeScriptTests.source, GoTests.source, JavaTests.source,
        KotlinTests.source, CSharpTests.source, RubyTests.source, RustTests.source, CTests.source, CPlusPlusTests.source,
    ]

    static func randomText(_ random: inout Generator) -> String {
        var text = ""
        for _ in 0..<random.below(300) {
            if random.below(10) == 0 {
                text += String(decoding: (0..<random.below(6)).map { _ in UInt8(truncatingIfNeeded: random.next()) }, as: UTF8.self)
            } else {
                text += fragments[random.below(fragments.count)]
                if random.below(3) == 0 { text += " " }
            }
        }
        return text
    }

    static func mutated(_ sample: String, _ random: inout Generator) -> String {
        var bytes = Array(sample.utf8)
        for _ in 0..<(1 + random.below(8)) where !bytes.isEmpty {
            let at = random.below(bytes.count)
            switch random.below(4) {
            case 0: bytes.removeSubrange(at..<min(bytes.count, at + random.below(40)))
            case 1: bytes.insert(contentsOf: Array(fragments[random.below(fragments.count)].utf8), at: at)
            case 2: let end = min(bytes.count, at + random.below(60)); bytes.insert(contentsOf: bytes[at..<end], at: at)
            default: bytes[at] = UInt8(truncatingIfNeeded: random.next())
            }
        }
        return String(decoding: bytes, as: UTF8.self)
    }

    static func checkInvariants(_ file: FileAnalysis, _ text: String, _ label: String) {
        let newlines = text.utf8.reduce(0) { $0 + ($1 == 10 ? 1 : 0) }
        let lineCount = text.isEmpty ? 0 : newlines + (text.utf8.last == 10 ? 0 : 1)
        #expect(file.nloc + file.commentLines + file.blankLines == lineCount, "\(label)")
        for function in file.functions {
            let consistent = function.line >= 1 && function.line <= function.endLine && function.endLine <= max(1, lineCount)
                && function.ccn >= 1 && function.cognitive >= 0 && function.params >= 0 && function.maxNesting >= 0
                && function.nloc <= function.endLine - function.line + 1
            #expect(consistent, "\(label): \(function)")
            if !consistent { return }
        }
        #expect(file.cloneTokens.allSatisfy { $0.line >= 1 && $0.line <= max(1, lineCount) }, "\(label)")
    }

    @Test(.timeLimit(.minutes(5)), arguments: Array(TokenLanguages.descriptions.indices))
    func randomAndMutatedInputs(languageIndex: Int) {
        let description = TokenLanguages.descriptions[languageIndex]
        let analyzer = TokenAnalyzer(description)
        var random = Generator(seed: 0x5EED_0000 + UInt64(languageIndex))
        for round in 0..<150 {
            let text = round % 2 == 0 ? RandomInputTests.randomText(&random)
                : RandomInputTests.mutated(RandomInputTests.samples[random.below(RandomInputTests.samples.count)], &random)
            RandomInputTests.checkInvariants(analyzer.analyze(text, path: "fuzz"), text, "\(description.language) round \(round)")
        }
    }
}
