import Foundation
import Testing
@testable import TakehomeAnalysis
import Synchronization

/// The walk hands its files to worker threads as it reads them: every file is analysed once, the
/// results come back in walk order whatever thread finished first, and a walk that fails ends the
/// run with its error instead of leaving workers waiting. A thread may join the walking one late,
/// and an abandoned run stops handing out files. With every dispatch thread blocked (a grade of many
/// submissions at once), the caller does all the work rather than wait for a worker.
/// The limit is a hang guard, as in the other suites: each test takes under a second alone, but its
/// limit also counts whatever time the test waits for one of the cooperative pool's threads.
@Suite(.timeLimit(.minutes(5))) struct FilePipelineTests {
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

    @Test func aThreadThatJoinsLateAnalysesAlongsideTheWalkingThread() {
        // The walking thread analyses nothing until its walk ends, and its walk ends only once the
        // joining thread has analysed a file (or after 10 s).
        let joiner = Mutex<pthread_t?>(nil), byJoiner = Mutex(0), results = Mutex<[String]>([])
        let done = DispatchSemaphore(value: 0)
        let pipeline = FilePipeline { file in
            if joiner.withLock({ $0.map { pthread_equal($0, pthread_self()) != 0 } ?? false }) { byJoiner.withLock { $0 += 1 } }
            return file.path
        }
        Thread.detachNewThread {
            let (_, walked) = pipeline.run(helpers: 0) {
                for index in 0..<200 { pipeline.add(file(index)) }
                for _ in 0..<10_000 where byJoiner.withLock({ $0 == 0 }) { usleep(1_000) }
            }
            results.withLock { $0 = walked }
            done.signal()
        }
        joiner.withLock { $0 = pthread_self() }
        pipeline.join()
        done.wait()
        #expect(results.withLock { $0 } == (0..<200).map { "f\($0).py" })
        #expect(byJoiner.withLock { $0 } > 0)
    }

    @Test func anAbandonedRunHandsOutNoMoreFiles() {
        let analysed = Mutex(0)
        let pipeline = FilePipeline { file in analysed.withLock { $0 += 1 }; return file.path }
        let (walked, results) = pipeline.run(helpers: 0) { () -> Int in
            for index in 0..<30 { pipeline.add(file(index)) }
            pipeline.abandon()
            return 30
        }
        // No helper, so nothing was taken while the walk ran, and nothing after.
        #expect(walked == 30 && results.isEmpty && analysed.withLock { $0 } == 0)
    }

    @Test func aPlacedThreadMayRunOnEveryCPUTheProcessMay() async {
        @Sendable func allowedCPUs() -> String {
            let status = (try? String(contentsOfFile: "/proc/thread-self/status", encoding: .utf8)) ?? ""
            return status.split(separator: "\n").first { $0.hasPrefix("Cpus_allowed_list:") }.map(String.init) ?? "none"
        }
        let onThread = await withCheckedContinuation { continuation in
            PlacedThread.start { continuation.resume(returning: (allowedCPUs(), Thread.isMainThread)) }
        }
        #expect(onThread.0 == allowedCPUs() && onThread.0 != "none" && !onThread.1)
    }

    /// The begun thread, its pass over, stands by for the steps after it.
    @Test func aStandbyThreadRunsWhatItIsHandedInOrderUntilClosed() {
        let standby = StandbyThread(), order = Mutex<[Int]>([]), threads = Mutex<Set<String>>([])
        let served = DispatchSemaphore(value: 0)
        Thread.detachNewThread { standby.serve(); served.signal() }
        for job in 0..<20 {
            #expect(standby.hand {
                order.withLock { $0.append(job) }
                threads.withLock { _ = $0.insert("\(pthread_self())") }
            })
            if job % 5 == 0 { usleep(3_000) }   // the thread has gone to sleep waiting for more
        }
        standby.close()
        #expect(!standby.hand { order.withLock { $0.append(-1) } })
        #expect(served.wait(timeout: .now() + 10) == .success)
        #expect(order.withLock { $0 } == Array(0..<20))
        #expect(threads.withLock { $0.count } == 1 && !threads.withLock { $0.contains("\(pthread_self())") })
    }

    /// The steps after the pass take the standby thread instead of a new one when it is given.
    @Test func theFinishingStepsRunOnAStandbyThread() {
        let standby = StandbyThread(), standing = Mutex<String?>(nil)
        Thread.detachNewThread { standing.withLock { $0 = "\(pthread_self())" }; standby.serve() }
        defer { standby.close() }
        let ranOn = Mutex<[String]>([])
        let (first, second) = MetricsAnalyzer.concurrently({
            usleep(20_000)   // long enough that the caller finishes the others meanwhile
            ranOn.withLock { $0.append("\(pthread_self())") }
            return 1
        }, { "two" }, alongside: { usleep(5_000) }, standby: standby)
        #expect(first == 1 && second == "two")
        #expect(ranOn.withLock { $0 } == [standing.withLock { $0 } ?? "none"])
    }

    /// Languages compile their lexer and grammar on first use, from whichever thread asks first.
    @Test func aLanguageFirstUsedFromManyThreadsAtOnceAnalysesAsWhenUsedAlone() {
        let text = "class A:\n    def f(self, x):\n        return [y for y in x if y and not y.z]\n" + "def g():\n    pass\n"
        let alone = TokenAnalyzer(Python()).analyze(text, path: "a.py")
        for _ in 0..<5 {
            let shared = TokenAnalyzer(Python()), results = Mutex<[FileAnalysis]>([])
            DispatchQueue.concurrentPerform(iterations: 8) { _ in
                let analysis = shared.analyze(text, path: "a.py")
                results.withLock { $0.append(analysis) }
            }
            #expect(results.withLock { $0.count } == 8 && results.withLock { $0.allSatisfy { $0 == alone } })
        }
        #expect(alone.functions.map(\.name) == ["A.f", "g"])
    }

    @Test func anEmptyWalkGivesNoResults() {
        let pipeline = FilePipeline { $0.path }
        let (_, results) = pipeline.run(helpers: 2) {}
        #expect(results.isEmpty)
    }

    /// Occupies every thread the dispatch pool will give global-queue work (blocked until `release`).
    private func exhaustTheDispatchPool() -> (release: () -> Void, started: Int) {
        let gate = DispatchSemaphore(value: 0), started = Mutex(0)
        for _ in 0..<300 { DispatchQueue.global().async { started.withLock { $0 += 1 }; gate.wait() } }
        usleep(300_000)
        return ({ for _ in 0..<300 { gate.signal() } }, started.withLock { $0 })
    }

    @Test func withNoDispatchThreadFreeTheCallerAnalysesEveryFile() {
        let (release, _) = exhaustTheDispatchPool()
        defer { release() }
        let pipeline = FilePipeline { $0.path }
        let (_, results) = pipeline.run(helpers: 2) { for index in 0..<50 { pipeline.add(file(index)) } }
        #expect(results == (0..<50).map { "f\($0).py" })
    }

    @Test func withNoDispatchThreadFreeTheFinishingStepsRunOnTheCaller() {
        let (release, _) = exhaustTheDispatchPool()
        defer { release() }
        var alongside = false
        let (first, second) = MetricsAnalyzer.concurrently({ 1 }, { "two" }, alongside: { alongside = true })
        #expect(first == 1 && second == "two" && alongside)
    }
}
