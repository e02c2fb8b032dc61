import CSandboxSpawn
import Foundation

/// Wakes a run's poll loop when its task is cancelled; safe to signal after the run has ended.
final class CancellationPipe: @unchecked Sendable {
    private let lock = NSLock()
    private var fds: [Int32]
    private var signalled = false

    init() throws {
        var pair: [Int32] = [-1, -1]
        guard th_pipe(&pair, O_CLOEXEC | O_NONBLOCK) == 0 else {
            throw SandboxError.controlGroup("cannot create a pipe: \(String(cString: strerror(errno)))")
        }
        fds = pair
    }

    var readEnd: Int32 { fds[0] }

    var isSignalled: Bool { lock.withLock { signalled } }

    func signal() {
        lock.withLock {
            signalled = true
            if fds[1] >= 0 { _ = write(fds[1], "x", 1) }
        }
    }

    deinit {
        fds.forEach { close($0) }
    }
}
