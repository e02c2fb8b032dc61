import Dispatch
import Foundation

/// The walk's files on their way to the analysis: the walk adds each file as soon as it has read
/// it, and worker threads take the files in walk order and analyse them while the walk goes on,
/// so that no core waits for the walk to end. Results are kept by each file's place in walk order.
final class FilePipeline<Result>: @unchecked Sendable {
    private let condition = NSCondition()
    private var files: [SourceFile] = []
    private var results: [Result?] = []
    private var taken = 0
    private var finished = false
    private let work: (SourceFile) -> Result

    init(_ work: @escaping (SourceFile) -> Result) { self.work = work }

    /// Runs `walk`, which calls `add` for each file it finds, on this thread while `helpers` threads
    /// analyse the files added so far; then this thread analyses too until none is left. Returns
    /// what the walk returned and every file's result, in walk order.
    func run<Walked>(helpers: Int, walk: () throws -> Walked) rethrows -> (Walked, [Result]) {
        let group = DispatchGroup()
        for _ in 0..<helpers { DispatchQueue.global().async(group: group) { self.drain() } }
        let walked: Walked
        do {
            walked = try walk()
        } catch {
            finish()
            group.wait()
            throw error
        }
        finish()
        drain()
        group.wait()
        return (walked, results.map { $0! })
    }

    /// Hands a file the walk has read to the workers.
    func add(_ file: SourceFile) {
        condition.lock(); defer { condition.unlock() }
        files.append(file)
        results.append(nil)
        condition.signal()
    }

    private func finish() {
        condition.lock(); defer { condition.unlock() }
        finished = true
        condition.broadcast()
    }

    /// Takes and analyses files until the walk has finished and every file has been taken.
    private func drain() {
        while let (index, file) = take() {
            let result = work(file)
            condition.lock()
            results[index] = result
            condition.unlock()
        }
    }

    /// The next file nobody has taken, waiting for the walk to add one; nil once it has finished.
    private func take() -> (Int, SourceFile)? {
        condition.lock(); defer { condition.unlock() }
        while taken == files.count, !finished { condition.wait() }
        guard taken < files.count else { return nil }
        taken += 1
        return (taken - 1, files[taken - 1])
    }
}
