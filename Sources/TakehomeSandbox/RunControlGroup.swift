import Foundation

/// The control group(s) of one run: created with its limits, joined by the child before exec,
/// read for usage and limit events, killed as a whole, and removed afterwards.
final class RunControlGroup: @unchecked Sendable {
    enum Version { case v1, v2 }

    let version: Version
    /// One directory per controller (v1), or the single directory under `.memory` (v2).
    let directories: [ControlGroups.Controller: String]
    /// Limits that could not be set on this group, one sentence each.
    var unenforced: [String] = []

    init(version: Version, directories: [ControlGroups.Controller: String]) {
        self.version = version
        self.directories = directories
    }

    private var uniqueDirectories: [String] { Array(Set(directories.values)).sorted() }

    private func path(_ controller: ControlGroups.Controller, _ file: String) -> String? {
        switch version {
        case .v2: return directories[.memory].map { $0 + "/" + file }
        case .v1: return directories[controller].map { $0 + "/" + file }
        }
    }

    func makeDirectories() throws {
        for directory in uniqueDirectories where mkdir(directory, 0o755) != 0 {
            let reason = String(cString: strerror(errno))
            remove()
            throw SandboxError.controlGroup("cannot create \(directory): \(reason)")
        }
    }

    /// Writes one control file; false when the controller is absent or the write failed.
    @discardableResult
    func set(_ controller: ControlGroups.Controller, _ file: String, _ value: String) -> Bool {
        guard let path = path(controller, file) else { return false }
        return ControlFile.write(path, value)
    }

    /// `cgroup.procs` of every directory, opened for the child to write its pid into before exec.
    func openProcsFiles() throws -> [Int32] {
        var fds: [Int32] = []
        for directory in uniqueDirectories {
            let fd = open(directory + "/cgroup.procs", O_WRONLY | O_CLOEXEC)
            guard fd >= 0 else {
                fds.forEach { close($0) }
                throw SandboxError.controlGroup("cannot open \(directory)/cgroup.procs: \(String(cString: strerror(errno)))")
            }
            fds.append(fd)
        }
        return fds
    }

    /// CPU time of every process that ever ran in the group.
    var cpuSeconds: Double? {
        switch version {
        case .v2:
            return path(.memory, "cpu.stat").flatMap { ControlFile.value("usage_usec", in: $0) }.map { Double($0) / 1e6 }
        case .v1:
            return path(.cpuacct, "cpuacct.usage").flatMap(ControlFile.read).flatMap { Int64($0) }.map { Double($0) / 1e9 }
        }
    }

    var peakMemoryBytes: Int64? {
        let file = version == .v2 ? "memory.peak" : "memory.max_usage_in_bytes"
        return path(.memory, file).flatMap(ControlFile.read).flatMap { Int64($0) }
    }

    /// Processes the kernel's OOM killer ended in this group.
    var oomKills: Int64 {
        switch version {
        case .v2: return path(.memory, "memory.events").flatMap { ControlFile.value("oom_kill", in: $0) } ?? 0
        case .v1: return path(.memory, "memory.oom_control").flatMap { ControlFile.value("oom_kill", in: $0) } ?? 0
        }
    }

    /// Times the memory limit was reached (v1 failcnt, v2 max events).
    var memoryLimitEvents: Int64 {
        switch version {
        case .v2: return path(.memory, "memory.events").flatMap { ControlFile.value("max", in: $0) } ?? 0
        case .v1: return path(.memory, "memory.failcnt").flatMap(ControlFile.read).flatMap { Int64($0) } ?? 0
        }
    }

    /// Forks refused because pids.max was reached.
    var processLimitEvents: Int64 {
        path(.pids, "pids.events").flatMap { ControlFile.value("max", in: $0) } ?? 0
    }

    private var members: [pid_t] {
        let procs = path(.memory, "cgroup.procs") ?? path(.pids, "cgroup.procs") ?? uniqueDirectories.first.map { $0 + "/cgroup.procs" }
        guard let procs, let text = ControlFile.read(procs) else { return [] }
        return text.split(separator: "\n").compactMap { pid_t($0) }
    }

    /// SIGKILLs every process in the group (frozen first, so none can fork meanwhile) and waits up
    /// to `timeout` for the group to empty. Returns whether it is empty.
    @discardableResult
    func killAll(timeout: Double = 2) -> Bool {
        let deadline = Date().addingTimeInterval(timeout)
        if version == .v2, let kill = path(.memory, "cgroup.kill"), ControlFile.write(kill, "1") {
            return waitEmpty(until: deadline)
        }
        let freezer = version == .v2 ? path(.memory, "cgroup.freeze") : path(.freezer, "freezer.state")
        let (frozen, thawed) = version == .v2 ? ("1", "0") : ("FROZEN", "THAWED")
        var pause = Self.firstPause
        repeat {
            let pids = members
            if pids.isEmpty { return true }
            if let freezer { ControlFile.write(freezer, frozen) }
            for pid in pids { kill(pid, SIGKILL) }
            if let freezer { ControlFile.write(freezer, thawed) }
            pause = Self.backOff(pause)
        } while Date() < deadline
        return members.isEmpty
    }

    private func waitEmpty(until deadline: Date) -> Bool {
        var pause = Self.firstPause
        while !members.isEmpty {
            if Date() >= deadline { return false }
            pause = Self.backOff(pause)
        }
        return true
    }

    /// Exiting processes usually leave the group within microseconds of the run's end: wait
    /// 50 µs first and double up to 2 ms, rather than a fixed 2 ms on every run.
    private static let firstPause: useconds_t = 50

    private static func backOff(_ pause: useconds_t) -> useconds_t {
        usleep(pause)
        return min(pause * 2, 2_000)
    }

    /// Removes the directories; a group still emptying is retried for up to a second.
    func remove() {
        for directory in uniqueDirectories {
            var attempts = 0
            while rmdir(directory) != 0 && errno == EBUSY && attempts < 1000 {
                attempts += 1
                usleep(1_000)
            }
        }
    }
}
