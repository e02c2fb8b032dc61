import Foundation
import Testing
@testable import TakehomeAudit

/// The audit runs two gradings at once, and each one's host check looks for strays while the other
/// job may be launching its next grading or finishing one. A grading is never a stray: one check
/// in CI read the running set before /proc and SIGKILLed the grading the other job had just started
/// (4 of 41 attacks "not contained", every one a harness exit 9). Here children are launched and
/// finish all through the scans.
@Test func aGradingLaunchedWhileStraysAreSoughtIsNeverOne() throws {
    // A duration no other test passes to sleep, so only this test's children are looked at.
    let marker = "0.3071"
    let running = RunningSet()
    let deadline = Date().addingTimeInterval(2)
    let launcher = DispatchGroup()
    let launched = Counter()
    launcher.enter()
    Thread.detachNewThread {
        defer { launcher.leave() }
        let waits = DispatchGroup()
        while Date() < deadline {
            let process = Process()
            process.executableURL = URL(fileURLWithPath: "/bin/sleep")
            process.arguments = [marker]
            // As the audit does once a grading has been waited for; the handler blocks no thread.
            process.terminationHandler = { running.remove($0.processIdentifier); waits.leave() }
            waits.enter()
            guard (try? running.launch(process)) != nil else { waits.leave(); continue }
            launched.add()
            usleep(500)
        }
        waits.wait()
    }
    var checks = 0
    var mistaken: [ProcessWatch.Entry] = []
    while Date() < deadline {
        // Not `reap`: other tests' children share this process, and reaping them would hide their exits.
        mistaken += ProcessWatch.strays(excluding: running).filter { $0.command.hasSuffix(marker) }
        checks += 1
    }
    launcher.wait()
    #expect(launched.value > 20)
    #expect(checks > 5)
    #expect(mistaken.isEmpty, "launched gradings reported as strays: \(mistaken.map(\.pid))")
}

private final class Counter: @unchecked Sendable {
    private let lock = NSLock()
    private var count = 0
    func add() { lock.withLock { count += 1 } }
    var value: Int { lock.withLock { count } }
}
