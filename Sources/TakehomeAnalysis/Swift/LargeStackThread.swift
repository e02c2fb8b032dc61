import Foundation

/// Runs a recursive computation on a fresh thread whose stack is large enough for the deepest
/// tree the parser can build, and waits for its result. The stack is reserved address space; only
/// the pages a computation touches are ever backed by memory.
enum LargeStackThread {
    /// 1 GiB: a chain of 100 000 `.member` accesses or `else if`s parses and walks in a debug build.
    static let stackSize = 1 << 30

    static func run<T: Sendable>(_ body: @escaping @Sendable () -> T) -> T {
        let box = ResultBox<T>()
        let done = DispatchSemaphore(value: 0)
        let thread = Thread {
            box.value = body()
            done.signal()
        }
        thread.stackSize = stackSize
        thread.start()
        done.wait()
        return box.value!
    }

    /// Hands the result from the worker thread to the waiting one; the semaphore orders the accesses.
    private final class ResultBox<T>: @unchecked Sendable {
        var value: T?
    }
}
