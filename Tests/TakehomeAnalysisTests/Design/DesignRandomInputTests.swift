import Testing
import TakehomeCore
@testable import TakehomeAnalysis

/// A small deterministic generator (SplitMix64), so that a failure names a seed that repeats it.
private struct SplitMix { var state: UInt64
    mutating func next(_ bound: Int) -> Int {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return Int((z ^ (z >> 31)) % UInt64(bound))
    }
}

private let pieces = ["class ", "def ", "A", "B", "x", "self", "cls", "(", ")", "[", "]", "{", "}", ":", ",", "=", ".",
                      "@", "return ", "global ", "if ", "import ", "from ", "\n", "\n    ", "\n        ", "\"\"\"", "'", "#",
                      "...", "*", "**", "_instance", "append", "open", "datetime.now()", " as ", "\\\n", "ABC", "Protocol"]

@Suite struct DesignRandomInputTests {
    @Test(.timeLimit(.minutes(5))) func randomPythonishTextGivesPlacesInsideTheFile() {
        for seed in UInt64(1)...300 {
            var random = SplitMix(state: seed)
            let text = (0..<random.next(400)).map { _ in pieces[random.next(pieces.count)] }.joined()
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
