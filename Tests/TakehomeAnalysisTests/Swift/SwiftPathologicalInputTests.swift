import Testing
@testable import TakehomeAnalysis

/// Input a candidate controls must never crash or hang the analyser: deep nesting, unterminated
/// literals and comments, long chains the parser does not limit, and random or mutated text.
@Suite(.timeLimit(.minutes(5))) struct SwiftPathologicalInputTests {
    let analyzer = SwiftAnalyzer()

    @Test func twoThousandNestedIfsBecomeANote() {
        let depth = 2000
        let source = "func deep(_ x: Bool) {\n" + String(repeating: "if x {\n", count: depth)
            + String(repeating: "}\n", count: depth) + "}\n"
        let analysis = analyzer.analyze(source, path: "Deep.swift")
        #expect(analysis.nloc == 2 * depth + 2)
        #expect(analysis.notes.contains { $0.hasPrefix("nesting deeper than 128 brackets from line ") })
        #expect(analysis.functions.first?.name == "deep")
        // `func deep ( _ x : Bool ) {` is 9 tokens, each level `if x {` and `}` 4, the last `}` 1.
        #expect(analysis.cloneTokens.count == 9 + 4 * depth + 1)
    }

    @Test(arguments: ["(", "[", "{", "<", "#if x\n"])
    func unclosedBracketsBeyondTheLimitBecomeANote(_ opener: String) {
        // 600 is well past the parser's limit of 128; nested `#if` costs quadratic time below it.
        let source = "let a = " + String(repeating: opener, count: 600) + "\nfunc after() {}\n"
        let analysis = analyzer.analyze(source, path: "Open.swift")
        #expect(!analysis.notes.isEmpty)
        #expect(analysis.nloc >= 2)
    }

    /// The parser's time is exponential in nested `[`: 40 levels would never finish unlimited.
    @Test func deeplyNestedArrayLiteralsAreReadAsParentheses() {
        let source = "func f() -> Any {\n    return " + String(repeating: "[", count: 40) + "x ? 1 : 2"
            + String(repeating: "]", count: 40) + "\n}\n"
        let analysis = analyzer.analyze(source, path: "A.swift")
        #expect(analysis.notes == ["square brackets nested deeper than 10 from line 2: the deeper ones are read as parentheses"])
        #expect(analysis.functions.map(\.ccn) == [2])
        #expect(analysis.cloneTokens.count == 8 + 80 + 5 + 1)
    }

    @Test func longChainsTheParserDoesNotLimitAreWalked() {
        let count = 3_000
        let elseIfs = "func f(_ x: Int) -> Int {\n if x == 0 { return 0 }"
            + String(repeating: " else if x == 1 { return 1 }", count: count) + "\n return 2\n}\n"
        let members = "func g() { _ = a" + String(repeating: ".b", count: count) + " }\n"
        let prefixes = "func h() { _ = " + String(repeating: "!", count: count) + "x }\n"
        let sums = "func k() { _ = 1" + String(repeating: " + 1", count: count) + " }\n"
        let f = analyzer.analyze(elseIfs, path: "F.swift").functions.first
        #expect(f?.ccn == count + 2)
        #expect(f?.cognitive == count + 1)
        #expect(analyzer.analyze(members, path: "G.swift").functions.first?.name == "g")
        #expect(analyzer.analyze(prefixes, path: "H.swift").functions.count == 1)
        #expect(analyzer.analyze(sums, path: "K.swift").functions.first?.ccn == 1)
    }

    @Test func unterminatedStringIsANote() {
        let source = "func f() {\n    let s = \"never closed\n    if s.isEmpty { print(1) }\n}\n"
        let analysis = analyzer.analyze(source, path: "S.swift")
        #expect(analysis.notes == ["parse errors from line 2: figures approximate"])
        #expect(analysis.nloc == 4)
    }

    @Test func unterminatedMultilineStringIsANote() {
        let source = "func f() {\n    let s = \"\"\"\n    text\n\n    more\n"
        let analysis = analyzer.analyze(source, path: "S.swift")
        #expect(analysis.notes.first?.hasPrefix("parse errors from line 2") == true)
        #expect(analysis.nloc + analysis.commentLines + analysis.blankLines == 5)
    }

    @Test func unterminatedBlockCommentIsANote() {
        let source = "func f() { if true { } }\n/* never\nclosed\n\n"
        let analysis = analyzer.analyze(source, path: "C.swift")
        #expect(analysis.functions.map(\.ccn) == [2])
        #expect(analysis.nloc == 1)
        #expect(analysis.commentLines == 3)
        #expect(analysis.notes == ["parse errors from line 2: figures approximate"])
    }

    @Test func emptyAndWhitespaceOnlyFiles() {
        #expect(analyzer.analyze("", path: "E.swift") == FileAnalysis())
        let blank = analyzer.analyze("\n  \n\t\n", path: "B.swift")
        #expect(blank.blankLines == 3 && blank.nloc == 0 && blank.functions.isEmpty)
    }
}
