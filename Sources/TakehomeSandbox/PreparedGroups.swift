import Foundation
import TakehomeCore

/// Control-group directories made before they are needed and removed after the run has been read,
/// on a queue of their own. Making a cgroup-v1 memory group costs about half a millisecond of
/// kernel time and removing it a third, which would otherwise sit between asking for a run and its
/// start (`make bench`, sandbox start-up). Every run still gets a group no process has been in.
///
/// What is left at exit (the spare, removals still queued) is removed by an `atexit` handler; what
/// a killed harness left is swept by the next one (`sweepOrphans`).
final class PreparedGroups: Sendable {
    static let shared = PreparedGroups()

    private struct State {
        /// Made and empty, waiting for a run; at most one per hierarchy.
        var spares: [String: RunControlGroup] = [:]
        /// Hierarchies whose spare is being made.
        var preparing: Set<String> = []
        var exitHandlerInstalled = false
    }

    private let state = Locked(State())
    private let queue = DispatchQueue(label: "takehome.sandbox.control-groups")

    /// A fresh group's directories: the spare when one is ready, else made now.
    func take(_ key: String, make: () throws -> RunControlGroup) throws -> RunControlGroup {
        try state.withLock { $0.spares.removeValue(forKey: key) } ?? make()
    }

    /// Makes the next spare on the queue, unless one is ready or on its way.
    func prepare(_ key: String, make: @escaping @Sendable () throws -> RunControlGroup) {
        let start = state.withLock { state in
            Self.installExitHandler(&state)
            guard state.spares[key] == nil, !state.preparing.contains(key) else { return false }
            state.preparing.insert(key)
            return true
        }
        guard start else { return }
        queue.async { [self] in
            let group = try? make()
            state.withLock { state in
                state.preparing.remove(key)
                state.spares[key] = group
            }
        }
    }

    /// Removes a run's group once its processes are gone (they were killed when the run ended).
    func discard(_ group: RunControlGroup) {
        state.withLock { Self.installExitHandler(&$0) }
        queue.async { group.remove() }
    }

    /// The directories of the spares now waiting.
    var spareDirectories: Set<String> {
        state.withLock { Set($0.spares.values.flatMap(\.directories.values)) }
    }

    /// Waits for the queue, then removes the spares: nothing of ours stays in the cgroup tree.
    func finish() {
        queue.sync {}
        let left = state.withLock { state in
            defer { state.spares = [:] }
            return Array(state.spares.values)
        }
        left.forEach { $0.remove() }
    }

    private static func installExitHandler(_ state: inout State) {
        guard !state.exitHandlerInstalled else { return }
        state.exitHandlerInstalled = true
        atexit { PreparedGroups.shared.finish() }
    }

    /// Removes the empty `takehome-<pid>-…` groups under `parents` whose harness process is gone
    /// (killed before its exit handler ran). A group with processes in it cannot be removed and is
    /// left alone.
    static func sweepOrphans(in parents: [String]) {
        for parent in Set(parents) {
            guard let names = try? FileManager.default.contentsOfDirectory(atPath: parent) else { continue }
            for name in names where name.hasPrefix("takehome-") {
                let fields = name.split(separator: "-")
                guard fields.count >= 3, let pid = pid_t(fields[1]), pid != getpid() else { continue }
                if kill(pid, 0) != 0 && errno == ESRCH { rmdir(parent + "/" + name) }
            }
        }
    }
}
