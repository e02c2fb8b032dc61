import Foundation

/// One fetch running on its own thread (libgit2 and file I/O block), raced against its deadline.
/// The waiting side gives up at the deadline even when the thread is stuck in `connect`, and then
/// removes the temporaries; the thread removes them again whenever it ends without publishing.
final class FetchJob: @unchecked Sendable {
    enum State { case running, published, abandoned }

    let deadline: Date
    let timeout: TimeInterval
    /// Paths that must not survive a failed fetch (the temporary bare repository, the staging tree).
    let temporaries: [URL]
    private let lock = NSLock()
    private var state = State.running
    private var continuation: CheckedContinuation<FetchedSubmission, Error>?
    private var pendingResult: Result<FetchedSubmission, Error>?

    init(timeout: TimeInterval, temporaries: [URL]) {
        self.timeout = timeout
        self.deadline = Date(timeIntervalSinceNow: timeout)
        self.temporaries = temporaries
    }

    var timedOutError: FetchError {
        FetchError(.timedOut, "the fetch took longer than \(Wording.seconds(timeout)), the assignment's cap (fetch.timeout)")
    }

    /// True once the waiting side has given up; long work checks it to stop early.
    var isAbandoned: Bool { lock.withLock { state == .abandoned } }

    /// Throws once the deadline has passed or the waiting side has given up.
    func checkpoint() throws {
        if isAbandoned || Date() >= deadline { throw timedOutError }
    }

    /// Runs `publish` (the final rename) only while the waiting side still waits for the result.
    func publish(_ publish: () throws -> Void) throws {
        try lock.withLock {
            guard state == .running else { throw timedOutError }
            try publish()
            state = .published
        }
    }

    /// Runs `work` on a dedicated thread and waits for it, or for the deadline, or for cancellation.
    func run(_ work: @escaping @Sendable (FetchJob) throws -> FetchedSubmission) async throws -> FetchedSubmission {
        try await withTaskCancellationHandler {
            try await withCheckedThrowingContinuation { continuation in
                let early: Result<FetchedSubmission, Error>? = lock.withLock {
                    if let pendingResult { return pendingResult }
                    self.continuation = continuation
                    return nil
                }
                if let early { continuation.resume(with: early); return }
                let thread = Thread { [self] in
                    let result = Result { try work(self) }
                    if case .failure = result { removeTemporaries() }
                    resume(with: result)
                }
                thread.stackSize = 16 << 20
                thread.start()
                DispatchQueue.global().asyncAfter(deadline: .now() + timeout) { [self] in abandon(with: timedOutError) }
            }
        } onCancel: {
            abandon(with: CancellationError())
        }
    }

    private func resume(with result: Result<FetchedSubmission, Error>) {
        let waiting: CheckedContinuation<FetchedSubmission, Error>? = lock.withLock {
            defer { continuation = nil }
            if continuation == nil, pendingResult == nil { pendingResult = result }
            return continuation
        }
        waiting?.resume(with: result)
    }

    private func abandon(with error: Error) {
        let waiting: CheckedContinuation<FetchedSubmission, Error>? = lock.withLock {
            guard state == .running else { return nil }
            state = .abandoned
            defer { continuation = nil }
            if continuation == nil, pendingResult == nil { pendingResult = .failure(error) }
            return continuation
        }
        guard let waiting else { return }
        removeTemporaries()
        waiting.resume(throwing: error)
    }

    func removeTemporaries() {
        for url in temporaries { removeTree(at: url) }
    }
}

extension Wording {
    static func seconds(_ value: TimeInterval) -> String {
        value == value.rounded() ? "\(Int(value)) s" : String(format: "%.1f s", value)
    }
}
