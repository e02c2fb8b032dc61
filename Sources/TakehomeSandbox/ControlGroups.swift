import Foundation
import TakehomeCore

/// The control groups this process can create children in, found once by `Sandbox.detect()`.
struct ControlGroups: Sendable {
    enum Controller: String, Sendable, CaseIterable {
        case memory, pids, cpuacct, freezer
    }

    enum Hierarchy: Sendable {
        /// A cgroup v2 directory with memory and pids delegated to its children.
        case v2(parent: String)
        /// One parent directory per cgroup v1 controller that is mounted and writable.
        case v1(parents: [Controller: String])
        case none
    }

    var hierarchy: Hierarchy

    /// "cgroup-v1 (memory, pids, cpuacct, freezer)" or "none (rlimits only)".
    var summary: String {
        switch hierarchy {
        case .v2: return "cgroup-v2 (memory, pids, cpu)"
        case .v1(let parents):
            let names = Controller.allCases.filter { parents[$0] != nil }.map(\.rawValue)
            return "cgroup-v1 (\(names.joined(separator: ", ")))"
        case .none: return "none (rlimits only)"
        }
    }

    var enforcement: Enforcement {
        switch hierarchy {
        case .v2: return .cgroupV2
        case .v1: return .cgroupV1
        case .none: return .none
        }
    }

    func has(_ controller: Controller) -> Bool {
        switch hierarchy {
        case .v2: return true
        case .v1(let parents): return parents[controller] != nil
        case .none: return false
        }
    }

    /// Finds where this process may create control groups: a delegated v2 subtree first, then
    /// writable v1 controllers (root on a v1 host), else none.
    static func detect() -> ControlGroups {
        let membership = (try? String(contentsOfFile: "/proc/self/cgroup", encoding: .utf8)) ?? ""
        let mounts = (try? String(contentsOfFile: "/proc/self/mountinfo", encoding: .utf8)) ?? ""
        var v1Mounts: [Controller: String] = [:]
        var v2Mount: String?
        for line in mounts.split(separator: "\n") {
            let halves = line.components(separatedBy: " - ")
            guard halves.count == 2 else { continue }
            let fields = halves[0].split(separator: " ")
            let tail = halves[1].split(separator: " ")
            guard fields.count >= 5, tail.count >= 3 else { continue }
            let mountPoint = String(fields[4])
            if tail[0] == "cgroup2" { v2Mount = v2Mount ?? mountPoint }
            if tail[0] == "cgroup" {
                let options = Set(tail[2].split(separator: ",").map(String.init))
                for controller in Controller.allCases where options.contains(controller.rawValue) {
                    v1Mounts[controller] = mountPoint
                }
            }
        }
        var v1Paths: [Controller: String] = [:]
        var v2Path: String?
        for line in membership.split(separator: "\n") {
            let parts = line.split(separator: ":", maxSplits: 2, omittingEmptySubsequences: false)
            guard parts.count == 3 else { continue }
            if parts[0] == "0" && parts[1].isEmpty { v2Path = String(parts[2]) }
            for name in parts[1].split(separator: ",") {
                if let controller = Controller(rawValue: String(name)) { v1Paths[controller] = String(parts[2]) }
            }
        }
        if let mount = v2Mount, let path = v2Path, let parent = delegatedV2(mount + path) {
            return ControlGroups(hierarchy: .v2(parent: parent))
        }
        var parents: [Controller: String] = [:]
        for controller in Controller.allCases {
            guard let mount = v1Mounts[controller], let path = v1Paths[controller] else { continue }
            let parent = path == "/" ? mount : mount + path
            if canCreateChild(in: parent) { parents[controller] = parent }
        }
        guard parents[.memory] != nil || parents[.pids] != nil else { return ControlGroups(hierarchy: .none) }
        return ControlGroups(hierarchy: .v1(parents: parents))
    }

    /// A v2 cgroup whose children get memory and pids control, enabling them when allowed.
    private static func delegatedV2(_ directory: String) -> String? {
        let available = ControlFile.read(directory + "/cgroup.controllers")?.split(separator: " ") ?? []
        guard available.contains("memory"), available.contains("pids") else { return nil }
        let enabled = ControlFile.read(directory + "/cgroup.subtree_control")?.split(separator: " ") ?? []
        if !(enabled.contains("memory") && enabled.contains("pids")) {
            guard ControlFile.write(directory + "/cgroup.subtree_control", "+memory +pids +cpu") ||
                  ControlFile.write(directory + "/cgroup.subtree_control", "+memory +pids") else { return nil }
        }
        return canCreateChild(in: directory) ? directory : nil
    }

    private static func canCreateChild(in directory: String) -> Bool {
        let probe = directory + "/takehome-probe-\(getpid())"
        guard mkdir(probe, 0o755) == 0 || errno == EEXIST else { return false }
        rmdir(probe)
        return true
    }

    /// Creates the control group(s) of one run with its limits set, or nil when there are none.
    /// The directories come ready-made when `PreparedGroups` has a spare; the next spare is made
    /// on its queue while this run goes on.
    func create(limits: RunLimits, extraProcesses: Int) throws -> RunControlGroup? {
        guard let key = preparationKey else { return nil }
        let group = try PreparedGroups.shared.take(key) { try makeGroup() }
        PreparedGroups.shared.prepare(key) { [self] in try makeGroup() }
        switch group.version {
        case .v2:
            group.set(.memory, "memory.max", "\(limits.memory.bytes)")
            if !group.set(.memory, "memory.swap.max", "0") && Self.swapConfigured {
                group.unenforced.append(Self.swapNote("memory.swap.max"))
            }
            group.set(.memory, "pids.max", "\(limits.processes + extraProcesses)")
        case .v1:
            group.set(.memory, "memory.limit_in_bytes", "\(limits.memory.bytes)")
            if has(.memory) && !group.set(.memory, "memory.memsw.limit_in_bytes", "\(limits.memory.bytes)") && Self.swapConfigured {
                group.unenforced.append(Self.swapNote("memory.memsw.limit_in_bytes"))
            }
            group.set(.pids, "pids.max", "\(limits.processes + extraProcesses)")
        }
        return group
    }

    /// Sweeps the groups a killed harness left and makes the first spare, so that the first run
    /// finds its group ready. Called once per process by `Sandbox.detect()`.
    func prepareAhead() {
        guard let key = preparationKey else { return }
        PreparedGroups.sweepOrphans(in: parentDirectories)
        PreparedGroups.shared.prepare(key) { [self] in try makeGroup() }
    }

    /// Names what a spare group fits: the parent directories it is made in.
    private var preparationKey: String? { parentDirectories.isEmpty ? nil : parentDirectories.joined(separator: ":") }

    private var parentDirectories: [String] {
        switch hierarchy {
        case .v2(let parent): return [parent]
        case .v1(let parents): return Array(Set(parents.values)).sorted()
        case .none: return []
        }
    }

    /// A new, empty group with no limits set yet.
    private func makeGroup() throws -> RunControlGroup {
        let name = "takehome-\(getpid())-\(UUID().uuidString.prefix(8).lowercased())"
        let group: RunControlGroup
        switch hierarchy {
        case .v2(let parent): group = RunControlGroup(version: .v2, directories: [.memory: parent + "/" + name])
        case .v1(let parents): group = RunControlGroup(version: .v1, directories: parents.mapValues { $0 + "/" + name })
        case .none: throw SandboxError.controlGroup("no control group hierarchy")
        }
        try group.makeDirectories()
        return group
    }

    /// Whether the machine has any swap device (/proc/swaps lists one below its header).
    static let swapConfigured: Bool = (ControlFile.read("/proc/swaps")?.split(separator: "\n").count ?? 0) > 1

    private static func swapNote(_ file: String) -> String {
        "memory: swap is not bounded (\(file) cannot be set: swap accounting is off), so the run may use swap beyond the memory limit"
    }

    /// The limits this machine cannot enforce as asked, one sentence each; empty when every limit
    /// holds for the run as a whole.
    func unenforcedLimits(runningAsRoot: Bool = getuid() == 0) -> [String] {
        var notes: [String] = []
        if !has(.memory) {
            notes.append("memory: enforced per process as address space (RLIMIT_AS), not for the run as a whole: no memory control group can be created here")
        }
        if !has(.pids) {
            notes.append(runningAsRoot
                ? "processes: not enforced: no pids control group can be created here, and RLIMIT_NPROC does not apply to a harness running as root"
                : "processes: counted for the whole user (RLIMIT_NPROC), not for the run: no pids control group can be created here")
        }
        if case .v1(let parents) = hierarchy, parents[.cpuacct] == nil {
            notes.append("cpu: enforced per process (RLIMIT_CPU), not summed over the run: no cpuacct control group can be created here")
        } else if case .none = hierarchy {
            notes.append("cpu: enforced per process (RLIMIT_CPU), not summed over the run: no control group can be created here")
        }
        return notes
    }
}

/// Small reads and writes of control files, without Foundation's file machinery.
enum ControlFile {
    static func read(_ path: String) -> String? {
        let fd = open(path, O_RDONLY | O_CLOEXEC)
        guard fd >= 0 else { return nil }
        defer { close(fd) }
        var buffer = [UInt8](repeating: 0, count: 8192)
        var text = [UInt8]()
        while true {
            let count = buffer.withUnsafeMutableBytes { Glibc.read(fd, $0.baseAddress, $0.count) }
            if count < 0 && errno == EINTR { continue }
            if count <= 0 { break }
            text.append(contentsOf: buffer[0..<count])
        }
        return String(decoding: text, as: UTF8.self).trimmingCharacters(in: .whitespacesAndNewlines)
    }

    @discardableResult
    static func write(_ path: String, _ text: String) -> Bool {
        let fd = open(path, O_WRONLY | O_CLOEXEC)
        guard fd >= 0 else { return false }
        defer { close(fd) }
        let bytes = Array(text.utf8)
        return bytes.withUnsafeBytes { Glibc.write(fd, $0.baseAddress, $0.count) } == bytes.count
    }

    /// The number after `key` in a flat keyed file such as memory.events or pids.events.
    static func value(_ key: String, in path: String) -> Int64? {
        guard let text = read(path) else { return nil }
        for line in text.split(separator: "\n") {
            let parts = line.split(separator: " ")
            if parts.count == 2, parts[0] == key { return Int64(parts[1]) }
        }
        return nil
    }
}
