import CThreadPlacement
import Dispatch
import Foundation

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

/// A thread that has finished its own work and waits to be handed more, so that the next steps
/// need no new thread: `takehome metrics`'s beginning thread, once its pass over the files has
/// ended, runs the steps after it (making a thread took 0.2 to 0.6 ms of the caller's time on
/// this project's virtual machines, and the new thread started later still).
final class StandbyThread: @unchecked Sendable {
    private let condition = NSCondition()
    private var jobs: [() -> Void] = []
    private var closed = false

    /// Runs the jobs handed over, in order, until `close` and the last of them; on the thread
    /// that stands by.
    func serve() {
        while let job = next() { job() }
    }

    /// Hands `job` to the waiting thread. False once closed: the caller must run it elsewhere.
    func hand(_ job: @escaping () -> Void) -> Bool {
        condition.lock(); defer { condition.unlock() }
        guard !closed else { return false }
        jobs.append(job)
        condition.signal()
        return true
    }

    /// No more jobs: the thread ends once it has run those handed over.
    func close() {
        condition.lock(); closed = true; condition.signal(); condition.unlock()
    }

    private func next() -> (() -> Void)? {
        condition.lock(); defer { condition.unlock() }
        condition.wait(until: { !jobs.isEmpty || closed })
        return jobs.isEmpty ? nil : jobs.removeFirst()
    }
}

extension NSCondition {
    /// Waits, the condition locked, until `satisfied`: first yielding the CPU a few thousand times
    /// (about a millisecond where nothing else wants it) with the lock released, then asleep. The
    /// analysis's threads wait only briefly, for the next file or the next step, and a thread that
    /// does not sleep keeps its CPU; a thread woken from sleep can be put on its waker's CPU while
    /// its own stands idle, and both then share one until the load balancer moves one. Measured on
    /// `takehome metrics` once its main thread joined the pass at once (and so waited for the
    /// walk's first file): without the yields the pass ended anywhere from 28 to 40 ms over 30
    /// runs; with them, 80 alternating runs had a lower median and quartiles than before.
    func wait(until satisfied: () -> Bool) {
        var yields = 0
        while !satisfied() {
            if yields < 4000 {
                yields += 1
                unlock(); sched_yield(); lock()
            } else {
                wait()
            }
        }
    }
}
