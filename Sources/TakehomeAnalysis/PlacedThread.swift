import CThreadPlacement
import Dispatch

/// Starts work on a thread of its own that runs at once on an idle CPU. Linux queues a new thread
/// on the CPU of the thread that made it and moves it to an idle one only when the load balancer
/// next looks; on this project's 2-CPU virtual machines that left the new thread waiting 1.5 to 3 ms
/// while the other CPU idled (a C probe: 26 of 30 runs of two 10 ms halves took 10.5 ms or more,
/// 13.1 ms on average, against 10.1 ms placed). The thread is placed on a CPU its maker is not
/// on, then allowed on all of the process's CPUs again.
enum PlacedThread {
    /// The stack of a placed thread: as a dispatch worker's, for the same analyses.
    static let stackSize = 8 << 20

    /// Runs `body` on a new placed thread; on a dispatch worker if no thread can be made.
    static func start(_ body: @escaping @Sendable () -> Void) {
        let context = Unmanaged.passRetained(Work(body)).toOpaque()
        let result = takehome_start_thread_elsewhere(stackSize, { context in
            Unmanaged<Work>.fromOpaque(context!).takeRetainedValue().body()
            return nil
        }, context)
        if result != 0 {
            Unmanaged<Work>.fromOpaque(context).release()
            DispatchQueue.global().async(execute: body)
        }
    }

    /// The closure handed to the new thread through C.
    private final class Work {
        let body: @Sendable () -> Void
        init(_ body: @escaping @Sendable () -> Void) { self.body = body }
    }
}
