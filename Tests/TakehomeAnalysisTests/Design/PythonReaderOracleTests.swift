import Foundation
import Testing
import TakehomeCore
@testable import TakehomeAnalysis

private let pieces = ["class ", "def ", "async ", "A", "B", "x", "_y", "__init__", "self", "cls", "(", ")", "[", "]", "{", "}",
                      ":", ",", "=", "+=", ".", "@", "@dataclass\n", "@staticmethod\n", "@classmethod\n", "return ", "global ",
                      "if ", "elif ", "and ", "import ", "from ", " as ", "\n", "\n    ", "\n        ", "\t", "\"\"\"", "'s'",
                      "#", "...", "pass", "*", "**", "_instance", "append", "open", "datetime.now()", "os.environ",
                      "random", "(Generic[T])", "(ABC)", "(Protocol)", "\\\n", "Box[int]", "[]", "{}", "ünï", "1"]

/// The Python reader reads a file's blocks in one pass over facts it gathers once; the oracle
/// (`OraclePythonReader`, the reader as it was before) derives each block on its own. Both must
/// give the same `FileDesign` on every bundled Python file, on those files cut and shuffled, and
/// on random Python-like text.
@Suite struct PythonReaderOracleTests {
    private func expectSame(_ text: String, label: String) {
        let new = PythonDesignReader().read(text, path: "f.py", kind: .source)
        let old = OraclePythonReader().read(text, path: "f.py", kind: .source)
        // A difference is reported by the parts that differ (printing both designs whole would bury it).
        if new != old { reportDifference(new, old, label: label) }
    }

    /// Names the first part that differs, so a failure says where to look.
    private func reportDifference(_ new: FileDesign, _ old: FileDesign, label: String) {
        let parts: [(String, Bool)] = [
            ("types", new.types == old.types), ("functions", new.functions == old.functions), ("calls", new.calls == old.calls),
            ("instantiations", new.instantiations == old.instantiations), ("imports", new.imports == old.imports),
            ("identifierCounts", new.identifierCounts == old.identifierCounts), ("mutableState", new.mutableState == old.mutableState),
            ("singletons", new.singletons == old.singletons), ("genericUses", new.genericUses == old.genericUses),
        ]
        Issue.record("\(label): differs in \(parts.filter { !$0.1 }.map(\.0))")
    }

    private static func bundledPythonFiles() throws -> [(String, String)] {
        let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("../../..")
        let files = FileManager.default.enumerator(atPath: root.path)?.compactMap { $0 as? String }
            .filter { $0.hasSuffix(".py") && !$0.hasPrefix(".build") } ?? []
        return try files.sorted().map { ($0, try String(contentsOf: root.appendingPathComponent($0), encoding: .utf8)) }
    }

    @Test func everyBundledPythonFileReadsAsTheOracleReadsIt() throws {
        let files = try Self.bundledPythonFiles()
        #expect(files.count >= 10)
        for (path, text) in files { expectSame(text, label: path) }
    }

    @Test(.timeLimit(.minutes(5))) func cutAndShuffledFilesReadAsTheOracleReadsThem() throws {
        for (path, text) in try Self.bundledPythonFiles() {
            let lines = text.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
            for seed in UInt64(1)...6 {
                var random = SplitMix64(seed: seed &* 7_919 &+ UInt64(lines.count))
                var mutated = lines
                for _ in 0..<(1 + random.below(6)) where !mutated.isEmpty {
                    let at = random.below(mutated.count)
                    switch random.below(5) {
                    case 0: mutated.remove(at: at)
                    case 1: mutated.insert(mutated[random.below(mutated.count)], at: at)
                    case 2: mutated[at] = String(repeating: " ", count: random.below(3) * 4) + mutated[at].drop { $0 == " " }
                    case 3: mutated[at] += pieces[random.below(pieces.count)]
                    default: mutated.swapAt(at, random.below(mutated.count))
                    }
                }
                expectSame(mutated.joined(separator: "\n"), label: "\(path) seed \(seed)")
            }
        }
    }

    @Test(.timeLimit(.minutes(5))) func randomPythonLikeTextReadsAsTheOracleReadsIt() {
        for seed in UInt64(1)...600 {
            var random = SplitMix64(seed: seed)
            let text = (0..<random.below(500)).map { _ in pieces[random.below(pieces.count)] }.joined()
            expectSame(text, label: "seed \(seed)")
        }
    }
}
