import Foundation
import TakehomeCore

extension Sandbox {
    /// Turns what the monitor saw into a result: how the command ended, which limits it reached
    /// and which mechanism applied each. Throws when bwrap never got to run the command.
    func result(of monitor: RunMonitor, command: SandboxCommand, group: RunControlGroup?) throws -> SandboxResult {
        let limits = command.limits
        let stdout = monitor.streams[0].buffer, stderr = monitor.streams[1].buffer
        let statusText = String(decoding: monitor.streams[2].buffer.kept, as: UTF8.self)
        // bwrap 0.8 writes the "exit-code" record only when its setup finished and the command ran.
        let commandRan = statusText.contains("\"exit-code\"")
        var exitCode: Int32?
        var signal: Int32?
        if !commandRan && !monitor.killed {
            let message = String(decoding: stderr.kept, as: UTF8.self)
            guard message.hasPrefix("bwrap: execvp") else {
                throw SandboxError.sandboxFailed(message.split(separator: "\n").first.map(String.init) ?? "bwrap exited early")
            }
            exitCode = 127  // the command was not found in the sandbox: a result, as in a shell
        } else if monitor.status & 0x7f != 0 {
            signal = monitor.status & 0x7f
        } else {
            let code = (monitor.status >> 8) & 0xff
            if code > 128 && code < 128 + 65 { signal = code - 128 } else { exitCode = code }
        }

        let rusageCPU = Double(monitor.usage.ru_utime.tv_sec + monitor.usage.ru_stime.tv_sec)
            + Double(monitor.usage.ru_utime.tv_usec + monitor.usage.ru_stime.tv_usec) / 1e6
        let cpuSeconds = group?.cpuSeconds ?? rusageCPU
        let peakMemory = group?.peakMemoryBytes ?? Int64(monitor.usage.ru_maxrss) * 1024

        var hit = Set<LimitKind>()
        if monitor.wallHit { hit.insert(.wall) }
        if monitor.cpuHit || signal == SIGXCPU || (signal == SIGKILL && cpuSeconds >= limits.cpu.seconds) {
            hit.insert(.cpu)
        }
        if let group, groups.has(.memory),
           group.oomKills > 0 || (signal == SIGKILL && group.memoryLimitEvents > 0) {
            hit.insert(.memory)
        }
        if let group, groups.has(.pids), group.processLimitEvents > 0 { hit.insert(.processes) }
        if stdout.dropped > 0 || stderr.dropped > 0 { hit.insert(.output) }
        if signal == SIGXFSZ || FileSizeScan.reachesLimit(command.mounts.filter(\.writable).map(\.source),
                                                          limit: limits.disk.bytes) {
            hit.insert(.fileSize)
        }

        let cgroup = group.map { _ in groups.enforcement } ?? .none
        let enforcement: [LimitKind: Enforcement] = [
            .wall: .harness,
            .cpu: group?.cpuSeconds != nil ? cgroup : .rlimit,
            .memory: group != nil && groups.has(.memory) ? cgroup : .rlimit,
            .processes: group != nil && groups.has(.pids) ? cgroup : .rlimit,
            .output: .harness,
            .fileSize: .rlimit,
            .disk: .harness,
        ]
        var result = SandboxResult(
            exitCode: exitCode, signal: signal,
            stdout: stdout.finished(), stderr: stderr.finished(),
            stdoutDroppedBytes: stdout.dropped, stderrDroppedBytes: stderr.dropped,
            witness: monitor.streams.count > 3 ? monitor.streams[3].buffer.kept : Data(),
            wallSeconds: (monitor.exitTime ?? monotonicSeconds()) - monitor.start,
            cpuSeconds: cpuSeconds, peakMemoryBytes: peakMemory,
            limitsHit: LimitKind.allCases.filter(hit.contains), enforcement: enforcement,
            unenforced: groups.unenforcedLimits() + (group?.unenforced ?? []))
        result.startedAt = monitor.start
        return result
    }
}

/// Looks for a file that reached the file size limit in the run's writable mounts (RLIMIT_FSIZE
/// stops a write exactly at the limit), walking a bounded number of entries.
enum FileSizeScan {
    static let maximumEntries = 20_000

    static func reachesLimit(_ roots: [String], limit: Int64) -> Bool {
        var budget = maximumEntries
        return roots.contains { walk($0, limit: limit, budget: &budget) }
    }

    private static func walk(_ directory: String, limit: Int64, budget: inout Int) -> Bool {
        guard let handle = opendir(directory) else { return false }
        defer { closedir(handle) }
        while budget > 0, let entry = readdir(handle) {
            budget -= 1
            let name = withUnsafeBytes(of: entry.pointee.d_name) { String(cString: $0.bindMemory(to: CChar.self).baseAddress!) }
            if name == "." || name == ".." { continue }
            let path = directory + "/" + name
            var info = stat()
            guard lstat(path, &info) == 0 else { continue }
            switch info.st_mode & S_IFMT {
            case S_IFREG: if Int64(info.st_size) >= limit { return true }
            case S_IFDIR: if walk(path, limit: limit, budget: &budget) { return true }
            default: continue
            }
        }
        return false
    }
}
