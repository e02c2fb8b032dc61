import Testing
import TakehomeAnalysis

/// Inputs built to break a lexer or a structure pass: each must give figures and a note, never a crash or a hang.
@Suite struct PathologicalInputTests {
    /// A real 10 MB line in every build. The limit is a hang guard, not a timing assertion (`make bench` times the
    /// analysis): a debug build spends about 40 s of CPU here, which on a shared, loaded machine can take minutes.
    @Test(.timeLimit(.minutes(15))) func tenMegabyteMinifiedLine() {
        let unit = "var a=function(b){return b?1:2};"
        let repetitions = 10 * 1_048_576 / unit.utf8.count + 1
        let source = String(repeating: unit, count: repetitions)
        #expect(source.utf8.count > 10 * 1_048_576)
        let file = TokenAnalyzer(JavaScript()).analyze(source, path: "min.js")
        #expect(file.functions.count == repetitions)
        #expect(file.functions.allSatisfy { $0.line == 1 && $0.ccn == 2 })
        #expect(file.nloc == 1)
        #expect(file.notes.contains { $0.contains("bytes long") })
    }

    @Test(.timeLimit(.minutes(5))) func twoThousandNestedBlocks() {
        let depth = 2_000
        let source = "void f(int x) {\n" + String(repeating: "if (x) {\n", count: depth) + String(repeating: "}\n", count: depth) + "}\n"
        let file = TokenAnalyzer(C()).analyze(source, path: "deep.c")
        #expect(file.functions.count == 1)
        #expect(file.functions.first?.ccn == depth + 1)
        #expect(file.functions.first?.maxNesting == depth)
        #expect(file.functions.first?.endLine == 2 * depth + 2)
        #expect(file.notes.contains { $0.contains("nesting deeper than 256") })
    }

    @Test(.timeLimit(.minutes(5))) func twoThousandNestedIndentationLevels() {
        var source = "def f(x):\n"
        for level in 1...2_000 { source += String(repeating: " ", count: level) + "if x:\n" }
        source += String(repeating: " ", count: 2_001) + "pass\n"
        let file = TokenAnalyzer(Python()).analyze(source, path: "deep.py")
        #expect(file.functions.first?.maxNesting == 2_000)
        #expect(file.notes.contains { $0.contains("nesting deeper than 256") })
    }

    @Test(.timeLimit(.minutes(5))) func unbalancedBracketsEverywhere() {
        for description in TokenLanguages.descriptions {
            let source = String(repeating: "(", count: 3_000) + String(repeating: "}", count: 3_000) + String(repeating: "{[", count: 3_000)
            let file = TokenAnalyzer(description).analyze(source, path: "x")
            #expect(file.nloc == 1, "\(description.language)")
        }
    }

    /// An unterminated string and an unterminated comment in every language leave a note naming the line.
    @Test func unterminatedStringsAndComments() {
        let cases: [(any LanguageDescription, string: String, comment: String)] = [
            (Python(), "x = 1\ny = \"abc\n", "x = 1\n# abc"),
            (JavaScript(), "x = 1\ny = `abc ${x}\n", "x = 1\n/* abc\n"),
            (TypeScript(), "x = 1\ny = 'abc\n", "x = 1\n/* abc\n"),
            (Go(), "x := 1\ny := `abc\n", "x := 1\n/* abc\n"),
            (Java(), "int x;\nString y = \"abc\n", "int x;\n/* abc\n"),
            (Kotlin(), "val x = 1\nval y = \"\"\"abc\n", "val x = 1\n/* /* abc */\n"),
            (CSharp(), "int x;\nvar y = @\"abc\n", "int x;\n/* abc\n"),
            (Ruby(), "x = 1\ny = <<~EOS\nabc\n", "x = 1\n=begin abc"),
            (Rust(), "let x = 1;\nlet y = r#\"abc\n", "let x = 1;\n/* /* abc */\n"),
            (C(), "int x;\nchar *y = \"abc\n", "int x;\n/* abc\n"),
            (CPlusPlus(), "int x;\nauto y = R\"(abc\n", "int x;\n/* abc\n"),
        ]
        for (description, string, comment) in cases {
            let stringNotes = TokenAnalyzer(description).analyze(string, path: "s").notes
            #expect(stringNotes.contains { $0.contains("unterminated") && $0.contains("line 2") }, "\(description.language): \(stringNotes)")
            let commentFile = TokenAnalyzer(description).analyze(comment, path: "c")
            if description.language != .python {       // a Python comment always ends with its line
                #expect(commentFile.notes.contains { $0.contains("unterminated") && $0.contains("line 2") },
                        "\(description.language): \(commentFile.notes)")
            }
            #expect(commentFile.commentLines == 1 && commentFile.nloc == 1, "\(description.language)")
        }
    }
}
