import Foundation

/// Compares the host with its state before the attacks, after each grading and at the end; a
/// change is blamed on the attack that just finished (or, for a stray process, on the attack
/// whose run folder its mounts name).
final class HostWatch: @unchecked Sendable {
    private let canaries: Canaries
    private let scratch: URL
    private let lock = NSLock()
    private var baseline: [String: String]
    private var connectionsSeen = 0
    /// Strays found while their own attack was still running, kept for its verdict.
    private var pending: [String: [String]] = [:]

    init(canaries: Canaries, scratch: URL) {
        self.canaries = canaries
        self.scratch = scratch
        baseline = canaries.fingerprint()
    }

    /// What changed on the host since the last check, blamed on `attack`.
    func check(after attack: String, running: RunningSet) -> Containment.HostFacts {
        lock.withLock {
            var facts = Containment.HostFacts()
            let now = canaries.fingerprint()
            for path in Set(now.keys).union(baseline.keys).sorted() where now[path] != baseline[path] {
                facts.changedPaths.append("\(path) (\(baseline[path] == nil ? "created" : now[path] == nil ? "removed" : "modified"))")
            }
            canaries.removeMarkers()
            baseline = canaries.fingerprint()
            let connections = canaries.listener.connections
            facts.listenerConnections = Array(connections.dropFirst(connectionsSeen))
            connectionsSeen = connections.count
            let strays = ProcessWatch.settledStrays(excluding: running)
            let folder = scratch.appendingPathComponent("runs").path + "/"
            facts.strays = pending.removeValue(forKey: attack) ?? []
            for stray in strays {
                let mounts = ProcessWatch.mounts(of: stray.pid)
                let owner = mounts.range(of: folder).map { mounts[$0.upperBound...].prefix { $0 != "/" } }.map(String.init)
                let note = "pid \(stray.pid) `\(stray.command.prefix(80))`"
                if let owner, owner != attack { pending[owner, default: []].append(note) } else { facts.strays.append(note) }
            }
            ProcessWatch.kill(strays, reap: true)
            return facts
        }
    }

    /// Problems left once every grading has finished: processes still running, connections.
    func finish(running: RunningSet) -> [String] {
        lock.withLock {
            let strays = ProcessWatch.settledStrays(excluding: running)
            ProcessWatch.kill(strays, reap: true)
            var problems = pending.flatMap { owner, notes in notes.map { "left running by \(owner): \($0)" } }
            problems += strays.map { "still running after the audit: pid \($0.pid) `\($0.command.prefix(80))`" }
            problems += canaries.listener.connections.dropFirst(connectionsSeen).map { "the loopback listener saw \($0)" }
            if FileManager.default.contents(atPath: canaries.secretFile.path) != Data((canaries.secret + "\n").utf8) {
                problems.append("the secret canary file \(canaries.secretFile.path) was changed")
            }
            return problems
        }
    }
}
