import Dispatch
import Foundation
import TakehomeCore

/// The walk's files on their way to the analysis: the walk adds each file as soon as it has read
/// it, and worker threads take the files in walk order and analyse them while the walk goes on,
/// so that no core waits for the walk to end. Results are kept by each file's place in walk order.
///
/// The thread that runs the walk analyses too once the walk is done, and waits only for files a
/// worker has taken: a worker that has not started yet (or that `PlacedThread` had to hand to a
/// dispatch pool busy with callers that are waiting themselves) is never waited for. Another
/// thread may join at any time (`join`), as `takehome metrics` does once it has parsed its command
/// line.
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
        for _ in 0..<helpers { PlacedThread.start { HugePageHeaps.adviseThisThreadsHeap(); self.drain() } }
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
        while analysed < (abandoned ? taken : files.count) { condition.wait() }
        // The caller owns the results from now on: none is kept here (a pipeline may outlive them).
        let finished = abandoned ? [] : results.map { $0! }
        files = []; results = []
        return (walked, finished)
    }

    /// Analyses files alongside the thread running `run` until every file has been taken: for a
    /// thread that becomes free after the walk has started.
    func join() { drain() }

    /// Hands out no more files, and `run` waits only for those already taken: the results are not
    /// wanted any more. The walk itself runs to its end.
    func abandon() {
        condition.lock(); abandoned = true; condition.broadcast(); condition.unlock()
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
        condition.wait(until: { taken < files.count || finished })
        guard taken < files.count, !abandoned else { return nil }
        taken += 1
        return (taken - 1, files[taken - 1])
    }
}
