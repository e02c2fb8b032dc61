import CSandboxSpawn
import Foundation
import TakehomeCore

extension Sandbox {
    /// The blocking body of `run`: spawn bwrap, feed and drain its pipes, enforce the wall and CPU
    /// limits, kill what is left, and read the run's usage.
    func execute(_ command: SandboxCommand, cancellation: CancellationPipe? = nil) throws -> SandboxResult {
        guard let program = command.arguments.first, !program.isEmpty else { throw SandboxError.invalid("no arguments") }
        for mount in command.mounts where access(mount.source, F_OK) != 0 {
            throw SandboxError.invalid("the mount source \(mount.source) does not exist")
        }
        if command.network && profiles[command.phase].network == .never {
            throw SandboxError.invalid("the \(command.phase.rawValue) phase never has the network")
        }
        let environment = try environment(for: command)
        let limits = command.limits
        // bwrap's own two processes (the monitor and pid 1) live in the group too.
        let group = try groups.create(limits: limits, extraProcesses: 2)
        defer { if let group { PreparedGroups.shared.discard(group) } }

        var descriptors = Descriptors()
        defer { descriptors.closeAll() }
        let stdinSource: Int32
        var stdinWriter: Int32 = -1
        if command.stdin != nil {
            let pipe = try descriptors.pipe()
            stdinSource = pipe.read
            stdinWriter = pipe.write
            _ = fcntl(stdinWriter, F_SETFL, O_NONBLOCK)
        } else {
            stdinSource = try descriptors.open("/dev/null")
        }
        let stdout = try descriptors.pipe(), stderr = try descriptors.pipe(), status = try descriptors.pipe()
        let witness = command.witness ? try descriptors.pipe() : nil
        for fd in [stdout.read, stderr.read, status.read, witness?.read ?? -1] where fd >= 0 {
            _ = fcntl(fd, F_SETFL, O_NONBLOCK)
        }
        var sources: [Int32] = [stdinSource, stdout.write, stderr.write, witness?.write ?? -1, status.write]
        for file in Self.generatedFiles { sources.append(try descriptors.filled(with: Data(file.text.utf8))) }
        sources.append(try descriptors.filled(with: seccompProgram))
        let cgroupFDs = try group?.openProcsFiles() ?? []
        defer { cgroupFDs.forEach { close($0) } }

        let start = monotonicSeconds()
        let pid = try spawn(arguments: arguments(for: command), environment: environment,
                            fdSources: sources, cgroupFDs: cgroupFDs, rlimits: rlimits(limits, group: group))
        for fd in [stdinSource, stdout.write, stderr.write, status.write] + (witness.map { [$0.write] } ?? []) {
            descriptors.close(fd)
        }
        for fd in sources.dropFirst(5) { descriptors.close(fd) }

        var monitor = RunMonitor(pid: pid, group: group, limits: limits, start: start, cancellation: cancellation)
        monitor.streams = [
            .init(fd: stdout.read, buffer: OutputBuffer(limit: limits.output.bytes)),
            .init(fd: stderr.read, buffer: OutputBuffer(limit: limits.output.bytes)),
            .init(fd: status.read, buffer: OutputBuffer(limit: 4096)),
        ]
        if let witness { monitor.streams.append(.init(fd: witness.read, buffer: OutputBuffer(limit: max(limits.output.bytes, 16 << 20)))) }
        monitor.stdin = command.stdin.map { RunMonitor.Input(fd: stdinWriter, data: $0) }
        monitor.run()
        // The monitor closed every pipe end it was given.
        descriptors.forget([stdinWriter, stdout.read, stderr.read, status.read, witness?.read ?? -1])

        if monitor.cancelled { throw CancellationError() }
        return try result(of: monitor, command: command, group: group)
    }

    private func rlimits(_ limits: RunLimits, group: RunControlGroup?) -> [th_rlimit] {
        // With a control group counting the run's CPU, the monitor enforces the limit over every
        // process and RLIMIT_CPU is only a per-process backstop a second later. At the same second
        // it raced the group: the kernel charges RLIMIT_CPU by whole scheduler ticks, and on a
        // loaded host a spin was stopped by SIGXCPU after 0.886 s of the group's exact CPU time.
        let backstop: UInt64 = group?.cpuSeconds != nil ? 1 : 0
        let cpu = UInt64(max(1, limits.cpu.seconds.rounded(.up))) + backstop
        var result = [
            th_rlimit(resource: Int32(TH_RLIMIT_CPU), soft: cpu, hard: cpu + 1),
            th_rlimit(resource: Int32(TH_RLIMIT_FSIZE), soft: UInt64(limits.disk.bytes), hard: UInt64(limits.disk.bytes)),
            th_rlimit(resource: Int32(TH_RLIMIT_CORE), soft: 0, hard: 0),
        ]
        if group == nil || !groups.has(.memory) {
            let bytes = UInt64(limits.memory.bytes)
            result.append(th_rlimit(resource: Int32(TH_RLIMIT_AS), soft: bytes, hard: bytes))
        }
        if group == nil || !groups.has(.pids) {
            let count = UInt64(limits.processes + 2)
            result.append(th_rlimit(resource: Int32(TH_RLIMIT_NPROC), soft: count, hard: count))
        }
        return result
    }

    private func spawn(arguments: [String], environment: [String: String], fdSources: [Int32],
                       cgroupFDs: [Int32], rlimits: [th_rlimit]) throws -> pid_t {
        let argv = arguments.map { strdup($0) } + [nil]
        let envp = environment.sorted { $0.key < $1.key }
            .filter { !$0.key.isEmpty && !$0.key.contains("=") && !$0.key.contains("\0") && !$0.value.contains("\0") }
            .map { strdup("\($0.key)=\($0.value)") } + [nil]
        defer { (argv + envp).forEach { free($0) } }
        var pid: pid_t = 0
        var failedStep: UnsafePointer<CChar>?
        let error: Int32 = bwrapPath.withCString { path in
            fdSources.withUnsafeBufferPointer { fds in
                cgroupFDs.withUnsafeBufferPointer { cgroups in
                    rlimits.withUnsafeBufferPointer { limits in
                        argv.withUnsafeBufferPointer { argvPointer in
                            envp.withUnsafeBufferPointer { envpPointer in
                                var request = th_spawn_request(
                                    path: path, argv: argvPointer.baseAddress, envp: envpPointer.baseAddress,
                                    fd_sources: fds.baseAddress, fd_count: Int32(fds.count),
                                    cgroup_fds: cgroups.baseAddress, cgroup_fd_count: Int32(cgroups.count),
                                    limits: limits.baseAddress, limit_count: Int32(limits.count))
                                return th_spawn(&request, &pid, &failedStep)
                            }
                        }
                    }
                }
            }
        }
        guard error != 0 else { return pid }
        let step = failedStep.map { String(cString: $0) } ?? "fork"
        if step == "execve" && (error == ENOENT || error == EACCES) { throw SandboxError.bwrapMissing(bwrapPath) }
        if step == "cgroup" { throw SandboxError.controlGroup("joining it failed: \(String(cString: strerror(error)))") }
        throw SandboxError.sandboxFailed("\(step) failed: \(String(cString: strerror(error)))")
    }
}

/// The descriptors of one run, closed together unless handed over.
struct Descriptors {
    private var open: Set<Int32> = []

    mutating func pipe() throws -> (read: Int32, write: Int32) {
        var pair: [Int32] = [-1, -1]
        guard th_pipe(&pair, O_CLOEXEC) == 0 else {
            throw SandboxError(exitCode: .ioError, message: "Cannot create a pipe: \(String(cString: strerror(errno))).")
        }
        open.formUnion(pair)
        return (pair[0], pair[1])
    }

    /// The read end of a pipe that holds `bytes` (a few KiB at most: a pipe's buffer) and is closed for writing.
    mutating func filled(with bytes: Data) throws -> Int32 {
        let pipe = try pipe()
        let written = bytes.withUnsafeBytes { write(pipe.write, $0.baseAddress, $0.count) }
        close(pipe.write)
        guard written == bytes.count else {
            throw SandboxError(exitCode: .ioError, message: "Cannot fill a pipe for the sandbox: \(String(cString: strerror(errno))).")
        }
        return pipe.read
    }

    mutating func open(_ path: String) throws -> Int32 {
        let fd = Glibc.open(path, O_RDONLY | O_CLOEXEC)
        guard fd >= 0 else {
            throw SandboxError(exitCode: .ioError, message: "Cannot open \(path): \(String(cString: strerror(errno))).")
        }
        open.insert(fd)
        return fd
    }

    mutating func close(_ fd: Int32) {
        if open.remove(fd) != nil { Glibc.close(fd) }
    }

    mutating func forget(_ fds: [Int32]) { open.subtract(fds) }

    mutating func closeAll() {
        open.forEach { Glibc.close($0) }
        open = []
    }
}

/// Seconds of the monotonic clock (`CLOCK_MONOTONIC`), the clock of `SandboxResult.startedAt`.
public func monotonicSeconds() -> Double {
    var now = timespec()
    clock_gettime(CLOCK_MONOTONIC, &now)
    return Double(now.tv_sec) + Double(now.tv_nsec) / 1e9
}
