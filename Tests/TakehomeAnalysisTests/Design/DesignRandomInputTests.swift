import Testing
import TakehomeCore
@testable import TakehomeAnalysis

private let pieces = ["class ", "def ", "A", "B", "x", "self", "cls", "(", ")", "[", "]", "{", "}", ":", ",", "=", ".",
                      "@", "return ", "global ", "if ", "import ", "from ", "\n", "\n    ", "\n        ", "\"\"\"", "'", "#",
                      "...", "*", "**", "_instance", "append", "open", "datetime.now()", " as ", "\\\n", "ABC", "Protocol"]

@Suite struct DesignRandomInputTests {
    @Test(.timeLimit(.minutes(5))) func randomPythonishTextGivesPlacesInsideTheFile() {
        for seed in UInt64(1)...300 {
            var random = SplitMix64(seed: seed)  // a failure names a seed that repeats it
            let text = (0..<random.below(400)).map { _ in pieces[random.below(pieces.count)] }.joined()
            let lines = text.split(separator: "\n", omittingEmptySubsequences: false).count
            let file = PythonDesignReader().read(text, path: "r.py", kind: .source)
            let analysis = DesignAnalysis(files: [file], dependencies: [], sourceNloc: lines)
            let places = (analysis.overEngineering().signals + analysis.structural().signals).flatMap(\.places)
            let outside = places.filter { $0.line < 1 || $0.line > lines }
            #expect(outside.isEmpty, "seed \(seed): places outside the file's \(lines) lines: \(outside)")
            #expect(file.functions.allSatisfy { $0.line >= 1 && $0.line <= lines }, "seed \(seed)")
        }
    }

    @Test(.timeLimit(.minutes(5))) func hostileShapesStayBounded() {
        // A chain of 5 000 classes, 3 000 protocols every class conforms to, and 400 nested defs.
        var text = "class C0:\n    pass\n"
        for index in 1..<5_000 { text += "class C\(index)(C\(index - 1)):\n    def f(self, a=1):\n        return a\n" }
        for index in 0..<3_000 { text += "class P\(index)(Protocol):\n    def f(self): ...\n" }
        for depth in 0..<400 { text += String(repeating: " ", count: depth * 4) + "def g\(depth)(x):\n" }
        text += String(repeating: " ", count: 1_600) + "return x\n"
        let file = PythonDesignReader().read(text, path: "big.py", kind: .source)
        let metrics = DesignAnalysis(files: [file], dependencies: [], sourceNloc: 20_000).overEngineering()
        // Every class from C2 on is two or more project classes deep.
        #expect(metrics.signal("deep-inheritance")?.value == 4_998)
        // Nesting past the limit is read as statements: the outer 64 defs are functions.
        #expect(file.functions.filter { $0.name.hasPrefix("g") }.count == PythonDesignReader.nestingLimit)
    }
}
