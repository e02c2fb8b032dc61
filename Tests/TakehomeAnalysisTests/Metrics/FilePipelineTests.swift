import Foundation
import Testing
@testable import TakehomeAnalysis
import Synchronization

/// The walk hands its files to worker threads as it reads them: every file is analysed once, the
/// results come back in walk order whatever thread finished first, and a walk that fails ends the
/// run with its error instead of leaving workers waiting.
@Suite(.timeLimit(.minutes(1))) struct FilePipelineTests {
    private func file(_ index: Int) -> SourceFile {
        let path = "f\(index).py"
        return SourceFile(path: path, kind: .source, analyzer: LanguageRegistry.standard.analyzer(for: path)!,
                          text: String(repeating: "x = \(index)\n", count: index % 7), notes: [])
    }

    @Test(arguments: [1, 2, 3])
    func everyFileIsAnalysedOnceAndTheResultsKeepWalkOrder(helpers: Int) {
        let analysed = Mutex<[String]>([])
        let pipeline = FilePipeline { file in
            // Uneven work, so that workers finish out of order.
            if file.text.utf8.count % 3 == 0 { usleep(200) }
            analysed.withLock { $0.append(file.path) }
            return file.path
        }
        let (walked, results) = pipeline.run(helpers: helpers) { () -> Int in
            for index in 0..<400 {
                pipeline.add(file(index))
                if index % 50 == 0 { usleep(1_000) }   // a slow folder: workers wait for more files
            }
            return 400
        }
        #expect(walked == 400)
        #expect(results == (0..<400).map { "f\($0).py" })
        #expect(analysed.withLock { $0.sorted() } == results.sorted())
    }

    @Test func aWalkThatFailsEndsTheRunWithItsError() {
        struct Unreadable: Error {}
        let pipeline = FilePipeline { $0.path }
        #expect(throws: Unreadable.self) {
            _ = try pipeline.run(helpers: 2) { () throws -> Int in
                pipeline.add(file(1))
                throw Unreadable()
            }
        }
    }

    @Test func anEmptyWalkGivesNoResults() {
        let pipeline = FilePipeline { $0.path }
        let (_, results) = pipeline.run(helpers: 2) {}
        #expect(results.isEmpty)
    }
}
