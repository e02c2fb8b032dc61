import Foundation
import Testing
import TakehomeCore
@testable import TakehomeAnalysis

/// Tokens with the given values, one line per `perLine` tokens starting at `firstLine`.
private func tokens(_ values: [UInt64], firstLine: Int = 1, perLine: Int = 5) -> [CloneToken] {
    values.enumerated().map { CloneToken(value: $0.element, line: firstLine + $0.offset / perLine) }
}

/// `count` distinct values starting at `start` (a stretch that repeats nothing else).
private func distinct(_ start: UInt64, _ count: Int) -> [UInt64] { (0..<UInt64(count)).map { start + $0 } }

@Suite struct CloneDetectorTests {
    @Test func findsACloneAcrossFilesWithBothPlaces() {
        let shared = distinct(1000, 60)
        let a = CloneDetector.Input(path: "a.py", kind: .source, tokens: tokens(distinct(1, 10) + shared + distinct(100, 7)))
        let b = CloneDetector.Input(path: "b.py", kind: .source, tokens: tokens(distinct(200, 25) + shared))
        let result = CloneDetector(minTokens: 50).detect([a, b])
        // a: tokens 10…69 lie on lines 3 (10/5 + 1) to 14 (69/5 + 1); b: tokens 25…84 on lines 6 to 17.
        #expect(result.clones == [ClonePair(tokens: 60, scope: .source, first: CloneLocation(file: "a.py", line: 3, endLine: 14),
                                            second: CloneLocation(file: "b.py", line: 6, endLine: 17))])
        #expect(result.duplicatedTokens == [60, 60])
    }

    @Test func aRunShorterThanTheMinimumIsNotAClone() {
        let shared = distinct(1000, 49)
        let files = [CloneDetector.Input(path: "a.py", kind: .source, tokens: tokens(shared + distinct(1, 5))),
                     CloneDetector.Input(path: "b.py", kind: .source, tokens: tokens(distinct(50, 5) + shared))]
        #expect(CloneDetector(minTokens: 50).detect(files).clones.isEmpty)
        #expect(CloneDetector(minTokens: 50).detect(files).duplicatedTokens == [0, 0])
        #expect(CloneDetector(minTokens: 49).detect(files).clones.map(\.tokens) == [49])
    }

    @Test func aCloneIsExtendedToItsFullLengthAndReportedOnce() {
        let shared = distinct(1000, 130)
        let files = [CloneDetector.Input(path: "a.py", kind: .source, tokens: tokens(shared)),
                     CloneDetector.Input(path: "b.py", kind: .source, tokens: tokens([7] + shared + [8]))]
        let result = CloneDetector(minTokens: 50).detect(files)
        #expect(result.clones.map(\.tokens) == [130])
        #expect(result.duplicatedTokens == [130, 130])
    }

    @Test func clonesWithinOneFileNeverOverlapThemselves() {
        let block = distinct(1000, 55)
        let file = CloneDetector.Input(path: "a.py", kind: .source, tokens: tokens(block + distinct(1, 3) + block))
        let result = CloneDetector(minTokens: 50).detect([file])
        #expect(result.clones == [ClonePair(tokens: 55, scope: .source, first: CloneLocation(file: "a.py", line: 1, endLine: 11),
                                            second: CloneLocation(file: "a.py", line: 12, endLine: 23))])
        #expect(result.duplicatedTokens == [110])
        // A run of one repeated token: copies may not overlap, so 120 equal tokens hold one
        // 50-token clone (tokens 0–49 and 50–99), not a 119-token clone shifted by one.
        let run = CloneDetector.Input(path: "r.py", kind: .source, tokens: tokens(Array(repeating: 5, count: 120)))
        let repeated = CloneDetector(minTokens: 50).detect([run])
        #expect(repeated.clones == [ClonePair(tokens: 50, scope: .source, first: CloneLocation(file: "r.py", line: 1, endLine: 10),
                                              second: CloneLocation(file: "r.py", line: 11, endLine: 20))])
        #expect(repeated.duplicatedTokens == [100])
    }

    @Test func everyLaterCopyIsPairedWithTheFirst() {
        let shared = distinct(1000, 50)
        let files = ["a.py", "b.py", "c.py"].map { CloneDetector.Input(path: $0, kind: .source, tokens: tokens(shared)) }
        let result = CloneDetector(minTokens: 50).detect(files)
        #expect(result.clones.map { "\($0.first.file)-\($0.second.file)" } == ["a.py-b.py", "a.py-c.py"])
        #expect(result.duplicatedTokens == [50, 50, 50])
    }

    @Test func theScopeSaysWhetherTestCodeIsInvolved() {
        let shared = distinct(1000, 50)
        let files = [CloneDetector.Input(path: "a.py", kind: .source, tokens: tokens(shared)),
                     CloneDetector.Input(path: "tests/test_a.py", kind: .test, tokens: tokens(shared)),
                     CloneDetector.Input(path: "tests/test_b.py", kind: .test, tokens: tokens(distinct(1, 10) + shared))]
        let result = CloneDetector(minTokens: 50).detect(files)
        #expect(result.clones.map(\.scope) == [.mixed, .mixed])
        let tests = CloneDetector(minTokens: 50).detect(Array(files.dropFirst()))
        #expect(tests.clones.map(\.scope) == [.test])
    }

    @Test func tinyAndEmptyFilesAreHandled() {
        let files = [CloneDetector.Input(path: "empty.py", kind: .source, tokens: []),
                     CloneDetector.Input(path: "one.py", kind: .source, tokens: tokens([1]))]
        let result = CloneDetector(minTokens: 50).detect(files)
        #expect(result.clones.isEmpty && result.duplicatedTokens == [0, 0])
        #expect(CloneDetector(minTokens: 50).detect([]).clones.isEmpty)
    }
}

@Suite struct DuplicationAnalysisTests {
    @Test func ratiosAreComputedPerKindAndLanguagesAreNeverCompared() {
        let shared = distinct(1000, 60)
        let files = [
            DuplicationAnalysis.File(path: "a.py", language: .python, kind: .source, tokens: tokens(shared + distinct(1, 40))),
            DuplicationAnalysis.File(path: "b.py", language: .python, kind: .source, tokens: tokens(shared)),
            DuplicationAnalysis.File(path: "c.rb", language: .ruby, kind: .source, tokens: tokens(shared)),
            DuplicationAnalysis.File(path: "test_a.py", language: .python, kind: .test, tokens: tokens(distinct(500, 80))),
        ]
        let metrics = DuplicationAnalysis.measure(files, minTokens: 50)
        #expect(metrics.clones.map { "\($0.first.file)-\($0.second.file)" } == ["a.py-b.py"])
        // Source: 100 + 60 + 60 = 220 tokens, 120 of them in the clone: 0.5455.
        #expect(metrics.source == DuplicationTotals(tokens: 220, duplicatedTokens: 120))
        #expect(metrics.source.ratio == 0.5455)
        #expect(metrics.test == DuplicationTotals(tokens: 80, duplicatedTokens: 0))
        #expect(metrics.test.ratio == 0)
        #expect(metrics.minTokens == 50 && metrics.clonesNotListed == 0)
    }

    @Test func clonesAreListedLongestFirstAndCapped() {
        var files: [DuplicationAnalysis.File] = []
        for index in 0..<(ClonePair.reportLimit + 2) {
            // Each pair of files shares its own run; longer runs for later pairs.
            let shared = distinct(UInt64(10_000 * (index + 1)), 50 + index)
            files.append(.init(path: String(format: "f%03d-a.py", index), language: .python, kind: .source, tokens: tokens(shared)))
            files.append(.init(path: String(format: "f%03d-b.py", index), language: .python, kind: .source, tokens: tokens(shared)))
        }
        let metrics = DuplicationAnalysis.measure(files, minTokens: 50)
        #expect(metrics.clones.count == ClonePair.reportLimit)
        #expect(metrics.clonesNotListed == 2)
        #expect(metrics.clones.first?.tokens == 50 + ClonePair.reportLimit + 1)
        #expect(metrics.clones.map(\.tokens) == metrics.clones.map(\.tokens).sorted(by: >))
    }
}
