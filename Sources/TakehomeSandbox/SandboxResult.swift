import Foundation
import TakehomeCore

/// A limit of `RunLimits` as seen by the sandbox; `fileSize` is the per-file side of `disk`.
public enum LimitKind: String, Codable, Sendable, CaseIterable {
    case wall, cpu, memory, processes, output, fileSize = "file-size", disk
}

/// The mechanism that applied a limit in one run.
public enum Enforcement: String, Codable, Sendable {
    case cgroupV2 = "cgroup-v2", cgroupV1 = "cgroup-v1", rlimit, harness, none
}

/// What one sandboxed command did: how it ended, what it printed, what it used and which limits
/// stopped it. A crash, a timeout or a limit hit is a result, never an error.
public struct SandboxResult: Sendable {
    /// nil when the command was killed by a signal.
    public var exitCode: Int32?
    /// The signal that ended the command. bwrap reports a signal death of the command as status
    /// 128+N, so an exit status above 128 is read as signal N, as shells do.
    public var signal: Int32?
    /// At most `limits.output` bytes each, with a marker line appended when truncated.
    public var stdout: Data
    public var stderr: Data
    public var stdoutDroppedBytes: Int64
    public var stderrDroppedBytes: Int64
    /// Bytes the command wrote to fd 3 when `SandboxCommand.witness` was set.
    public var witness: Data
    public var wallSeconds: Double
    /// When the command was spawned, in seconds of the monotonic clock (`CLOCK_MONOTONIC`): with
    /// `wallSeconds`, the span the candidate's code ran, for the harness-overhead figure.
    public var startedAt: Double = 0
    public var cpuSeconds: Double?
    public var peakMemoryBytes: Int64?
    /// The limits the run reached, in `LimitKind.allCases` order.
    public var limitsHit: [LimitKind]
    /// Which mechanism applied each limit.
    public var enforcement: [LimitKind: Enforcement]
    /// Limits asked for that this machine could not enforce as asked, one sentence each.
    public var unenforced: [String]

    public init(exitCode: Int32?, signal: Int32?, stdout: Data, stderr: Data, stdoutDroppedBytes: Int64,
                stderrDroppedBytes: Int64, witness: Data, wallSeconds: Double, cpuSeconds: Double?,
                peakMemoryBytes: Int64?, limitsHit: [LimitKind], enforcement: [LimitKind: Enforcement],
                unenforced: [String] = []) {
        self.exitCode = exitCode
        self.signal = signal
        self.stdout = stdout
        self.stderr = stderr
        self.stdoutDroppedBytes = stdoutDroppedBytes
        self.stderrDroppedBytes = stderrDroppedBytes
        self.witness = witness
        self.wallSeconds = wallSeconds
        self.cpuSeconds = cpuSeconds
        self.peakMemoryBytes = peakMemoryBytes
        self.limitsHit = limitsHit
        self.enforcement = enforcement
        self.unenforced = unenforced
    }

    /// A phrase for a report, e.g. "stopped at the 30 s wall limit".
    public func describe(_ limit: LimitKind, limits: RunLimits) -> String {
        switch limit {
        case .wall: return "stopped at the \(limits.wall) wall limit"
        case .cpu: return "stopped at the \(limits.cpu) CPU time limit"
        case .memory: return "killed at the \(limits.memory) memory limit"
        case .processes: return "refused new processes at the limit of \(limits.processes)"
        case .output:
            let dropped = stdoutDroppedBytes + stderrDroppedBytes
            return "output cut at \(limits.output) per stream (\(dropped) bytes dropped)"
        case .fileSize: return "stopped writing a file at the \(limits.disk) file size limit"
        case .disk: return "ran out of its \(limits.disk) of disk space"
        }
    }
}
