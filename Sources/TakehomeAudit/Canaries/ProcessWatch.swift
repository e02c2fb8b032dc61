import CSubreaper
import Foundation

/// Finds processes a grading left running. The audit makes itself a child subreaper, so anything
/// that outlives its sandbox (a setsid daemon, a double fork that escaped the pid namespace) is
/// re-parented to the audit instead of vanishing under the host's init.
public enum ProcessWatch {
    /// Makes this process the subreaper of its descendants (Linux PR_SET_CHILD_SUBREAPER).
    public static func adoptOrphans() {
        _ = takehome_become_subreaper()
    }

    /// One live process: its id, state and command line.
    public struct Entry: Sendable, Equatable {
        public var pid: Int32
        public var parent: Int32
        public var state: Character
        public var command: String
    }

    /// Every process on the host, read from /proc.
    public static func all() -> [Entry] {
        let names = (try? FileManager.default.contentsOfDirectory(atPath: "/proc")) ?? []
        return names.compactMap { name -> Entry? in
            guard let pid = Int32(name), let stat = try? String(contentsOfFile: "/proc/\(name)/stat", encoding: .utf8),
                  let close = stat.lastIndex(of: ")") else { return nil }
            let fields = stat[stat.index(after: close)...].split(separator: " ")
            guard fields.count > 2, let state = fields[0].first, let parent = Int32(fields[1]) else { return nil }
            let raw = FileManager.default.contents(atPath: "/proc/\(name)/cmdline") ?? Data()
            let command = String(decoding: raw.map { $0 == 0 ? 0x20 : $0 }, as: UTF8.self).trimmingCharacters(in: .whitespaces)
            return Entry(pid: pid, parent: parent, state: state, command: command)
        }
    }

    /// This process's live descendants except the gradings in `running` and what runs under them.
    /// A process counts as a grading when it was registered at any moment of the /proc scan: one
    /// launched while the table was read, or one that finished meanwhile, is never a stray. (A
    /// snapshot taken before the scan let one job's check SIGKILL the grading the other job had
    /// just launched: 4 of 41 attacks failed in CI with the harness's exit 9.)
    /// With `reap`, exited orphans re-parented to this process are collected too; only a process
    /// whose every other child is in `running` may ask for it.
    public static func strays(excluding running: RunningSet, reap: Bool = false) -> [Entry] {
        let (table, registered) = running.registered(during: all)
        var children: [Int32: [Entry]] = [:]
        for entry in table { children[entry.parent, default: []].append(entry) }
        var found: [Entry] = []
        var queue = (children[getpid()] ?? []).filter { !registered.contains($0.pid) }
        while let entry = queue.popLast() {
            if entry.state != "Z" { found.append(entry) }
            queue += children[entry.pid] ?? []
        }
        if reap { reapZombies(among: children[getpid()] ?? [], excluding: registered) }
        return found
    }

    /// `strays`, after giving the ones found up to `seconds` to finish exiting: a sandbox's last
    /// process can still be tearing down (its command line already empty) when its grading
    /// returns. Whatever is still there afterwards is a real stray; a daemon outlives the wait.
    public static func settledStrays(excluding running: RunningSet, within seconds: Double = 1) -> [Entry] {
        var found = strays(excluding: running, reap: true)
        let deadline = Date().addingTimeInterval(seconds)
        var pause: useconds_t = 1_000
        while !found.isEmpty && Date() < deadline {
            usleep(pause)
            pause = min(pause * 2, 100_000)
            let earlier = Set(found.map(\.pid))
            found = strays(excluding: running, reap: true).filter { earlier.contains($0.pid) }
        }
        return found
    }

    /// The text of /proc/PID/mountinfo, which names the run folder a sandboxed process came from.
    public static func mounts(of pid: Int32) -> String {
        (try? String(contentsOfFile: "/proc/\(pid)/mountinfo", encoding: .utf8)) ?? ""
    }

    /// SIGKILLs the given processes; with `reap`, waits for those that are this process's children.
    public static func kill(_ entries: [Entry], reap: Bool = false) {
        for entry in entries { _ = Glibc.kill(entry.pid, SIGKILL) }
        for entry in entries where reap && entry.parent == getpid() {
            var status: Int32 = 0
            _ = waitpid(entry.pid, &status, 0)
        }
    }

    private static func reapZombies(among children: [Entry], excluding running: Set<Int32>) {
        for child in children where child.state == "Z" && !running.contains(child.pid) {
            var status: Int32 = 0
            _ = waitpid(child.pid, &status, WNOHANG)
        }
    }
}

/// The processes the audit launched on purpose (the gradings in progress): neither they nor what
/// runs under them are strays while they run.
public final class RunningSet: @unchecked Sendable {
    private let lock = NSLock()
    private var pids: Set<Int32> = []
    /// Every pid ever launched, in order, so a scan can ask which were launched while it ran.
    private var launched: [Int32] = []

    public init() {}

    /// Starts `process` and registers it in one step, under the lock `registered(during:)` takes
    /// after its scan: a pid the scan saw is registered by the time that lock is had.
    public func launch(_ process: Process) throws -> Int32 {
        try lock.withLock {
            try process.run()
            pids.insert(process.processIdentifier)
            launched.append(process.processIdentifier)
            return process.processIdentifier
        }
    }

    public func remove(_ pid: Int32) { lock.withLock { _ = pids.remove(pid) } }

    /// What `scan` returns, with every pid that was registered at some moment while it ran: those
    /// registered before it (finished since or not) and those launched during it.
    public func registered<T>(during scan: () -> T) -> (T, Set<Int32>) {
        let (before, mark) = lock.withLock { (pids, launched.count) }
        let result = scan()
        return (result, lock.withLock { before.union(launched[mark...]) })
    }
}
