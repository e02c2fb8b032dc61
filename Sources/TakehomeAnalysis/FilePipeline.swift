import Dispatch
import Foundation
import TakehomeCore

/// The walk's files on their way to the analysis: the walk adds each file as soon as it has read
/// it, and worker threads take the files in walk order and analyse them while the walk goes on,
/// so that no core waits for the walk to end. Results are kept by each file's place in walk order.
///
/// The thread that runs the walk analyses too once the walk is done, and waits only for files a
/// worker has taken: a worker that never got a thread (the dispatch pool busy with callers that
/// are waiting themselves, as in a test run or a grade of many submissions) is never waited for.
final class FilePipeline<Result>: @unchecked Sendable {
    private let condition = NSCondition()
    private var files: [SourceFile] = []
    private var results: [Result?] = []
    private var taken = 0, analysed = 0
    private var finished = false, abandoned = false
    private let work: (SourceFile) -> Result

    init(_ work: @escaping (SourceFile) -> Result) { self.work = work }

    /// Runs `walk`, which calls `add` for each file it finds, on this thread while up to `helpers`
    /// worker threads analyse the files added so far; then this thread analyses what is left.
    /// Returns what the walk returned and every file's result, in walk order.
    func run<Walked>(helpers: Int, walk: () throws -> Walked) rethrows -> (Walked, [Result]) {
        for _ in 0..<helpers { DispatchQueue.global().async { HugePageHeaps.adviseThisThreadsHeap(); self.drain() } }
        let walked: Walked
        do {
            walked = try walk()
        } catch {
            condition.lock(); abandoned = true; finished = true; condition.broadcast(); condition.unlock()
            throw error
        }
        condition.lock(); finished = true; condition.broadcast(); condition.unlock()
        drain()
        condition.lock(); defer { condition.unlock() }
        while analysed < files.count { condition.wait() }
        return (walked, results.map { $0! })
    }

    /// Hands a file the walk has read to the workers.
    func add(_ file: SourceFile) {
        condition.lock(); defer { condition.unlock() }
        files.append(file)
        results.append(nil)
        condition.signal()
    }

    /// Takes and analyses files until the walk has finished and every file has been taken.
    private func drain() {
        while let (index, file) = take() {
            let result = work(file)
            condition.lock()
            results[index] = result
            analysed += 1
            condition.broadcast()
            condition.unlock()
        }
    }

    /// The next file nobody has taken, waiting for the walk to add one; nil once it has finished.
    private func take() -> (Int, SourceFile)? {
        condition.lock(); defer { condition.unlock() }
        while taken == files.count, !finished { condition.wait() }
        guard taken < files.count, !abandoned else { return nil }
        taken += 1
        return (taken - 1, files[taken - 1])
    }
}
