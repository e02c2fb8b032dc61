import Foundation
import TakehomeCore

/// The payload of libgit2's progress callbacks: counts bytes received and stops the transfer when
/// it passes the byte cap, the deadline, or the waiting side gave up. Lives as long as the clone call.
final class TransferGuard: @unchecked Sendable {
    private let maxBytes: Int64
    private let job: FetchJob
    private let lock = NSLock()
    private var bytes: Int64 = 0
    private var reason: FetchError?

    init(maxBytes: Int64, job: FetchJob) {
        self.maxBytes = maxBytes
        self.job = job
    }

    var receivedBytes: Int64 { lock.withLock { bytes } }
    /// Why the transfer was stopped by us, if it was.
    var stopReason: FetchError? { lock.withLock { reason } }

    /// Records the bytes received so far; non-zero tells libgit2 to stop.
    func received(_ total: Int64) -> Int32 {
        lock.withLock { bytes = max(bytes, total) }
        if total > maxBytes {
            return stop(FetchError(.overCap, "the fetch received more than \(Wording.size(maxBytes)), over the assignment's cap of \(ByteSize(bytes: maxBytes)) (fetch.max-bytes)"))
        }
        return tick()
    }

    /// Checks the deadline; non-zero tells libgit2 to stop.
    func tick() -> Int32 {
        if job.isAbandoned || Date() >= job.deadline { return stop(job.timedOutError) }
        return 0
    }

    private func stop(_ error: FetchError) -> Int32 {
        lock.withLock { if reason == nil { reason = error } }
        return -1
    }
}
