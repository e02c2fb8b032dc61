import Testing
@testable import TakehomeAnalysis
import TakehomeCore

/// The lexer's fast core against the reference lexer it replaced (`Reference/`): on random text,
/// mutated samples and edge-case fragments in all eleven languages, both must yield the same tokens
/// (kind, range, line, column, hash, first-on-line), line marks, line count and notes.
@Suite struct LexerOracleTests {
    typealias Generator = SplitMix64

    /// Fragments aimed at the rewritten paths: whitespace runs and columns, continuations, numbers,
    /// prefixed and interpolated strings, operators, comments and Ruby's literals.
    static let edgeFragments = [
        "\t", "\t\t", " \t ", "\r\n", "\u{0C}", "\u{0B}", "\\\n", "\\\r\n", ".5", "1e+5", "0x1p-3", "0xE+1", "1'000", "1_000",
        "r\"", "b'", "rb'''", "f'{x!r:>{w}}'", "F\"{{", "}}", "u8R\"x(", ")x\"", "L'", "@\"", "$@\"", "\"\"\"", "'''",
        "%q(", "%w[", "$'", "$?", "?", "!", "@x", "#x", ":if", "if:", "<<-X", "<<~'Y'", "X", "Y", "/* /* */ */",
        ">>>=", "<=>", "...", "..", "?.", "??=", "::", "'a'", "'\\n'", "b\"", "r#\"", "\"#", "#define X \\\n  1",
        "/[/]/g", "x /y/ z", "=begin\n", "\n=end", "${", "#{", "`", "\u{00E9}t\u{00E9}", "\u{1F600}", "\0", "\u{7F}",
    ]

    static func text(_ round: Int, _ random: inout Generator) -> String {
        switch round % 3 {
        case 0: return RandomInputTests.randomText(&random)
        case 1: return RandomInputTests.mutated(RandomInputTests.samples[random.below(RandomInputTests.samples.count)], &random)
        default:
            var text = ""
            for _ in 0..<random.below(200) {
                let pool = random.below(2) == 0 ? edgeFragments : RandomInputTests.fragments
                text += pool[random.below(pool.count)]
                if random.below(4) == 0 { text += ["\n", " ", "\n\t  ", "\t"][random.below(4)] }
            }
            return text
        }
    }

    /// The first difference between the two lexers' readings of `text`, or nil when they agree.
    static func difference(_ lexer: Lexer, _ reference: ReferenceLexer, _ text: String) -> String? {
        var text = text
        return text.withUTF8 { bytes -> String? in
            let new = lexer.lex(bytes), old = reference.lex(bytes)
            let tokens = new.tokens
            if tokens.count != old.raw.count { return "token count \(tokens.count) != \(old.raw.count)" }
            for (index, expected) in old.raw.enumerated() {
                let got = RawToken(hash: tokens.hashes[index], start: tokens.starts[index], end: tokens.ends[index],
                                   line: tokens.lines[index], column: tokens.columns[index], kind: tokens.kinds[index],
                                   startsLine: tokens.startsLine[index])
                if got != expected { return "token \(index): \(got) != \(expected)" }
            }
            if new.marks.flags != old.marks.flags { return "line marks differ" }
            if new.lineCount != old.lineCount { return "line count \(new.lineCount) != \(old.lineCount)" }
            if new.notes != old.notes { return "notes \(new.notes) != \(old.notes)" }
            return nil
        }
    }

    @Test(.timeLimit(.minutes(5)), arguments: Array(TokenLanguages.descriptions.indices))
    func sameTokensAsTheReference(languageIndex: Int) {
        let description = TokenLanguages.descriptions[languageIndex]
        let lexer = Lexer(description.lexicon), reference = ReferenceLexer(description.lexicon)
        var random = Generator(seed: 0x0AC1_E000 + UInt64(languageIndex))
        for round in 0..<600 {
            let text = LexerOracleTests.text(round, &random)
            let difference = LexerOracleTests.difference(lexer, reference, text)
            #expect(difference == nil, "\(description.language) round \(round): \(difference ?? "")\n\(text.debugDescription)")
            if difference != nil { return }
        }
    }

    @Test(arguments: Array(TokenLanguages.descriptions.indices))
    func sameTokensOnTheLanguageSamples(languageIndex: Int) {
        let description = TokenLanguages.descriptions[languageIndex]
        let lexer = Lexer(description.lexicon), reference = ReferenceLexer(description.lexicon)
        for (sampleIndex, sample) in RandomInputTests.samples.enumerated() {
            let difference = LexerOracleTests.difference(lexer, reference, sample)
            #expect(difference == nil, "\(description.language) sample \(sampleIndex): \(difference ?? "")")
        }
    }
}

extension RawToken: Equatable, CustomStringConvertible {
    public static func == (a: RawToken, b: RawToken) -> Bool {
        a.hash == b.hash && a.start == b.start && a.end == b.end && a.line == b.line && a.column == b.column
            && a.kind == b.kind && a.startsLine == b.startsLine
    }

    public var description: String {
        "\(kind) \(start)..<\(end) line \(line) column \(column) first \(startsLine) hash \(String(hash, radix: 16))"
    }
}
