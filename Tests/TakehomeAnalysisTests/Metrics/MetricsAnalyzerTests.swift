import Foundation
import Testing
import TakehomeCore
@testable import TakehomeAnalysis
import Synchronization

private let registry = LanguageRegistry([LineAnalyzer(), LineAnalyzer.ruby])

private let shiftpay = """
    # Shift pay
    def pay(shifts, rate):
        total = 0
        for s in shifts:
            if s:
                total = total
        return total

    def other(a):
        pass

    """

/// A small submission: Python source and test, a Ruby file, a README and a dependency folder.
private func submission() throws -> ScratchTree {
    let scratch = try ScratchTree()
    try scratch.write("shiftpay.py", shiftpay)
    try scratch.write("tests/test_pay.py", "def test_pay():\n    assert pay([], 1) == 0\n")
    try scratch.write("lib.rb", "def go(x):\n    pass\n")
    try scratch.write("README.md", "# Shift pay\n")
    try scratch.write("node_modules/left/x.py", "def hidden():\n    pass\n")
    return scratch
}

@Suite struct MetricsAnalyzerTests {
    @Test func sizeIsCountedPerFilePerLanguageAndOverallWithTestsApart() throws {
        let scratch = try submission()
        let size = try MetricsAnalyzer(registry: registry).analyze(scratch.url).size
        #expect(size.files == [
            FileSize(path: "lib.rb", language: "ruby", kind: .source, nloc: 2, commentLines: 0, blankLines: 0, functions: 1),
            FileSize(path: "shiftpay.py", language: "python", kind: .source, nloc: 8, commentLines: 1, blankLines: 1, functions: 2),
            FileSize(path: "tests/test_pay.py", language: "python", kind: .test, nloc: 2, commentLines: 0, blankLines: 0, functions: 1),
        ])
        #expect(size.languages.map(\.language) == ["python", "ruby"])
        #expect(size.languages[0].source.nloc == 8 && size.languages[0].test.nloc == 2 && size.languages[1].test.files == 0)
        let source: [Int] = [size.source.files, size.source.nloc, size.source.commentLines, size.source.blankLines,
                             size.source.functions]
        #expect(source == [2, 10, 1, 1, 3])
        let test: [Int] = [size.test.files, size.test.nloc, size.test.functions]
        #expect(test == [1, 2, 1])
        #expect(size.leftOut == [ExcludedPath(path: "node_modules/", reason: "dependencies (node_modules)")])
        #expect(size.skipped == [ExcludedPath(path: "README.md", reason: "skipped: unknown language")])
    }

    @Test func complexitySeparatesSourceFromTestFunctionsAndTotalsThem() throws {
        let scratch = try submission()
        let complexity = try MetricsAnalyzer(registry: registry).analyze(scratch.url).complexity
        #expect(complexity.functions.map(\.name) == ["go", "pay", "other"])
        #expect(complexity.testFunctions.map(\.name) == ["test_pay"])
        let pay = try #require(complexity.functions.first { $0.name == "pay" })
        #expect(pay == FunctionMetrics(file: "shiftpay.py", name: "pay", line: 2, endLine: 7, nloc: 6, ccn: 3, cognitive: 2,
                                       params: 2, maxNesting: 2))
        let source = complexity.source
        let figures: [Int] = [source.functions, source.ccn, source.cognitive, source.nloc, source.maxCcn,
                              source.maxCognitive, source.maxNesting, source.maxParams, source.maxNloc,
                              source.functionsOverThresholds, source.breaches]
        #expect(figures == [3, 5, 2, 10, 3, 2, 2, 2, 6, 0, 0])
        #expect(source.averageCcn == 1.67)
        #expect(complexity.test.functions == 1 && complexity.reference == nil)
        #expect(complexity.files.map(\.file) == ["lib.rb", "shiftpay.py", "tests/test_pay.py"])
        #expect(complexity.files[1].ccn == 4 && complexity.files[1].maxCcn == 3 && complexity.files[2].kind == .test)
    }

    @Test func thresholdsDecideWhichFunctionsBreakThem() throws {
        let scratch = try submission()
        let options = MetricsOptions(thresholds: Thresholds(ccn: 2, nesting: 1))
        let complexity = try MetricsAnalyzer(registry: registry, options: options).analyze(scratch.url).complexity
        #expect(complexity.thresholds == Thresholds(ccn: 2, nesting: 1))
        #expect(complexity.source.functionsOverThresholds == 1 && complexity.source.breaches == 2)
        let pay = try #require(complexity.functions.first { $0.name == "pay" })
        #expect(complexity.thresholds.breaches(of: pay).map(\.metric) == [.ccn, .nesting])
    }

    @Test func clonesAcrossRealFilesAreFoundWithTheirLines() throws {
        let scratch = try ScratchTree()
        try scratch.write("a.py", toyFunction("first", lines: 10))
        try scratch.write("b.py", "# a copy, renamed\n" + toyFunction("second", lines: 10) + toyFunction("third", lines: 10, seed: 50))
        let duplication = try MetricsAnalyzer(registry: registry).analyze(scratch.url).duplication
        // Each function: 8 header tokens + 7 per line = 78 tokens.
        #expect(duplication.clones == [ClonePair(tokens: 78, scope: .source, first: CloneLocation(file: "a.py", line: 1, endLine: 11),
                                                 second: CloneLocation(file: "b.py", line: 2, endLine: 12))])
        #expect(duplication.source == DuplicationTotals(tokens: 234, duplicatedTokens: 156))
        #expect(duplication.source.ratio == 0.6667)
    }

    @Test func theMinimumCloneLengthIsAnOption() throws {
        let scratch = try ScratchTree()
        try scratch.write("a.py", toyFunction("first", lines: 6))   // 50 tokens
        try scratch.write("b.py", toyFunction("second", lines: 6))
        #expect(try MetricsAnalyzer(registry: registry).analyze(scratch.url).duplication.clones.map(\.tokens) == [50])
        let strict = MetricsAnalyzer(registry: registry, options: MetricsOptions(minTokens: 51))
        #expect(try strict.analyze(scratch.url).duplication.clones.isEmpty)
    }

    @Test func readingNotesAndAnalyserNotesReachTheReport() throws {
        let scratch = try ScratchTree()
        try scratch.write("latin.py", bytes: Array("x = 'caf".utf8) + [0xE9] + Array("'\n".utf8))
        let size = try MetricsAnalyzer(registry: registry).analyze(scratch.url).size
        #expect(size.notes == [FileNote(file: "latin.py", message: "not valid UTF-8: read with replacement characters")])
    }

    @Test func manyFilesAnalysedInParallelComeBackInWalkOrderAndTheSameEveryTime() throws {
        let scratch = try ScratchTree()
        for index in 0..<64 {
            try scratch.write(String(format: "pkg%02d/notes%02d.txt", index % 8, index), "x = 1\n")
            try scratch.write(String(format: "pkg%02d/m%02d.py", index % 8, index), toyFunction("f\(index)", lines: 3, seed: index))
        }
        let analyzer = MetricsAnalyzer(registry: registry)
        let first = try analyzer.analyze(scratch.url)
        let second = try analyzer.analyze(scratch.url)
        #expect(first == second)
        #expect(first.size.files.count == 64)
        #expect(first.size.files.map(\.path) == first.size.files.map(\.path).sorted())
        #expect(first.complexity.functions.map(\.file) == first.size.files.map(\.path))
        #expect(first.size.skipped.count == 64)
    }

    /// `takehome metrics PATH` begins the analysis before its command line is parsed. The walking
    /// thread reads the manifests too, and then stands by for one of the steps after the pass.
    @Test func aBegunAnalysisFinishesWithWhatAnalyzeGives() throws {
        let scratch = try submission()
        for index in 0..<40 { try scratch.write("pkg/m\(index).py", toyFunction("f\(index)", lines: 8, seed: index % 3)) }
        try scratch.write("requirements.txt", "requests==2.31\n")
        try scratch.write("package.json", "[1]\n")
        let begun = MetricsAnalyzer.begin(scratch.url)
        usleep(2_000)   // the caller parses: the walk and the first files are the begun thread's
        let parts = Mutex<[String]>([])
        let finished = try begun.finish(whenFinished: { part in
            parts.withLock { $0.append("\(part)".prefix { $0 != "(" }.description) }
        })
        #expect(finished == (try MetricsAnalyzer().analyze(scratch.url)))
        #expect(finished.complexity.functions.count == 43 && finished.duplication.clones.count > 0)
        #expect(parts.withLock { $0.sorted() } == ["design", "duplication", "sizeAndComplexity"])
        #expect(begun.root == scratch.url && begun.options == MetricsOptions())
        #expect(finished.size.notes.map(\.file) == ["package.json"])
        let dependencies = finished.overEngineering?.signals.first { $0.name == "dependencies" }
        #expect(dependencies?.value == 1, "\(String(describing: dependencies))")
        #expect(!begun.standby.hand {}, "finish closes the standby thread")
    }

    @Test func aBegunAnalysisOfAFolderThatCannotBeOpenedThrowsWhatAnalyzeThrows() throws {
        let scratch = try ScratchTree()
        let missing = scratch.url.appendingPathComponent("nowhere"), file = try scratch.write("notes.txt", "x\n")
        for root in [missing, file] {
            let expected = #expect(throws: TakehomeError.self) { try MetricsAnalyzer().analyze(root) }
            let begun = #expect(throws: TakehomeError.self) { try MetricsAnalyzer.begin(root).finish() }
            #expect(begun != nil && begun == expected && begun?.exitCode == .dataError)
        }
    }

    @Test func aCancelledBegunAnalysisLeavesTheFolderToAnotherAnalysis() throws {
        let scratch = try submission()
        let begun = MetricsAnalyzer.begin(scratch.url)
        begun.cancel()
        let strict = try MetricsAnalyzer(options: MetricsOptions(minTokens: 80)).analyze(scratch.url)
        #expect(strict.duplication.minTokens == 80 && strict.size.files.count == 3)
    }
}
