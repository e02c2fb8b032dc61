import Testing
import TakehomeCore
@testable import TakehomeAnalysis

private let pieces = ["class ", "interface ", "struct ", "impl ", "trait ", "fn ", "func ", "fun ", "def ", "end", "type ",
                      "A", "B", "x", "self", "this", "new ", "(", ")", "[", "]", "{", "}", "<", ">", ">>", ":", "::", ",",
                      "=", ".", ";", "@", "$", "#", "return ", "static ", "private ", "public:", "if ", "import ", "use ",
                      "\n", "\n    ", "\"", "'", "//", "/*", "*/", "...", "*", "&", "extends ", "implements ", "for ",
                      "template", "typename ", "object ", "module ", "include ", "raise ", "throw ", "virtual ", "= 0"]

/// Random text in every brace and `end` language: the reader never fails and every place lies
/// inside the file; hostile shapes stay bounded.
@Suite struct BraceRandomInputTests {
    static let languages: [SourceLanguage] = [.javascript, .typescript, .java, .kotlin, .csharp, .go, .rust, .ruby, .c, .cpp]

    @Test(.timeLimit(.minutes(5))) func randomTextGivesPlacesInsideTheFile() {
        for language in Self.languages {
            let reader = BraceDesignReader(language: language)!
            for seed in UInt64(1)...60 {
                var random = SplitMix64(seed: seed &* 7919 &+ UInt64(language.rawValue.count))
                let text = (0..<Int(random.next() % 400)).map { _ in pieces[Int(random.next() % UInt64(pieces.count))] }.joined()
                let lines = text.split(separator: "\n", omittingEmptySubsequences: false).count
                let file = reader.read(text, path: "r", kind: .source)
                let analysis = DesignAnalysis(files: [file], dependencies: [], sourceNloc: lines)
                let places = (analysis.overEngineering().signals + analysis.structural().signals).flatMap(\.places)
                let outside = places.filter { $0.line < 1 || $0.line > lines }
                #expect(outside.isEmpty, "\(language) seed \(seed): places outside the file's \(lines) lines: \(outside)")
            }
        }
    }

    @Test(.timeLimit(.minutes(5))) func hostileShapesStayBounded() {
        // 1 000 classes in a chain, one class with 1 000 methods, and 300 nested blocks (a hang guard, not a timing).
        var java = "class C0 {}\n"
        for index in 1..<1_000 { java += "class C\(index) extends C\(index - 1) { int f(int a) { return a; } }\n" }
        java += "class Big {\n" + (0..<1_000).map { "    private int m\($0)(int a) { return a + 1; }\n" }.joined() + "}\n"
        java += "class Deep { void g() {" + String(repeating: "{", count: 300) + String(repeating: "}", count: 300) + "} }\n"
        let file = BraceDesignReader(language: .java)!.read(java, path: "Big.java", kind: .source)
        let metrics = DesignAnalysis(files: [file], dependencies: [], sourceNloc: 10_000).overEngineering()
        // Every class from C2 on is two or more project classes deep.
        #expect(metrics.signal("deep-inheritance")?.value == 998)
        // Each private m is named once: all 1 000 are unused.
        #expect(metrics.signal("unused-private-members")?.value == 1_000)
        var cpp = "class Big {\n" + (0..<1_000).map { "    int m\($0)(int a) { return a + 1; }\n" }.joined() + "public:\n int n; };\n"
        cpp += String(repeating: "namespace n {", count: 200) + String(repeating: "}", count: 200)
        let cppFile = BraceDesignReader(language: .cpp)!.read(cpp, path: "big.cpp", kind: .source)
        #expect(cppFile.types.first?.privateMembers.count == 1_000)
    }
}
