import CSandboxSpawn
import Foundation
import TakehomeCore

/// Watches one spawned bwrap: feeds stdin, drains the output pipes with poll, stops the run at
/// the wall limit (and at the CPU limit summed over the control group), then reaps it.
struct RunMonitor {
    struct Stream {
        var fd: Int32
        var buffer: OutputBuffer
        var open = true
    }

    struct Input {
        var fd: Int32
        var data: Data
        var offset = 0
    }

    let pid: pid_t
    let group: RunControlGroup?
    let limits: RunLimits
    let start: Double
    let cancellation: CancellationPipe?
    /// stdout, stderr, bwrap's JSON status, then the witness when requested.
    var streams: [Stream] = []
    var stdin: Input?

    private(set) var status: Int32 = 0
    private(set) var usage = rusage()
    private(set) var exitTime: Double?
    private(set) var wallHit = false
    private(set) var cpuHit = false
    private(set) var killed = false
    private(set) var cancelled = false

    /// How long output may keep arriving after bwrap exited (its namespace is being torn down).
    private static let drainGrace = 1.0
    private static let cpuCheckInterval = 0.05

    init(pid: pid_t, group: RunControlGroup?, limits: RunLimits, start: Double, cancellation: CancellationPipe?) {
        self.pid = pid
        self.group = group
        self.limits = limits
        self.start = start
        self.cancellation = cancellation
    }

    mutating func run() {
        let pidfd = th_pidfd_open(pid)
        defer { if pidfd >= 0 { close(pidfd) } }
        let chunk = UnsafeMutableRawBufferPointer.allocate(byteCount: 1 << 16, alignment: 16)
        defer { chunk.deallocate() }
        let deadline = start + limits.wall.seconds
        let watchCPU = group?.cpuSeconds != nil
        var nextCPUCheck = start + Self.cpuCheckInterval

        while true {
            let now = monotonicSeconds()
            if let exitTime {
                if streams.allSatisfy({ !$0.open }) || now >= exitTime + Self.drainGrace { break }
            } else {
                if now >= deadline && !killed { wallHit = true; stop() }
                if cancellation?.isSignalled == true && !killed { cancelled = true; stop() }
                if watchCPU && now >= nextCPUCheck && !killed {
                    if let used = group?.cpuSeconds, used >= limits.cpu.seconds { cpuHit = true; stop() }
                    nextCPUCheck = now + Self.cpuCheckInterval
                }
            }

            var polled: [pollfd] = []
            for stream in streams where stream.open { polled.append(pollfd(fd: stream.fd, events: Int16(POLLIN), revents: 0)) }
            if let stdin, exitTime == nil { polled.append(pollfd(fd: stdin.fd, events: Int16(POLLOUT), revents: 0)) }
            if exitTime == nil {
                if pidfd >= 0 { polled.append(pollfd(fd: pidfd, events: Int16(POLLIN), revents: 0)) }
                if let cancellation { polled.append(pollfd(fd: cancellation.readEnd, events: Int16(POLLIN), revents: 0)) }
            }
            var wait = exitTime.map { $0 + Self.drainGrace - now } ?? (deadline - now)
            if exitTime == nil {
                if watchCPU { wait = min(wait, nextCPUCheck - now) }
                if pidfd < 0 { wait = min(wait, 0.01) }
                if killed { wait = min(wait, 0.01) }
            }
            let timeout = Int32(max(0, min(wait, 1) * 1000).rounded(.up))
            let ready = poll(&polled, nfds_t(polled.count), timeout)
            if ready < 0 && errno != EINTR { usleep(1_000) }

            for entry in polled where entry.revents != 0 {
                if let index = streams.firstIndex(where: { $0.fd == entry.fd && $0.open }) {
                    drain(index, chunk)
                } else if entry.fd == stdin?.fd {
                    feedStdin()
                }
            }
            if exitTime == nil { reap() }
        }
        for index in streams.indices where streams[index].open {
            close(streams[index].fd)
            streams[index].open = false
        }
        if let stdin { close(stdin.fd); self.stdin = nil }
    }

    /// Kills bwrap (its pid 1 then takes the namespace down) and everything in the control group.
    private mutating func stop() {
        killed = true
        kill(pid, SIGKILL)
        group?.killAll(timeout: 0.5)
    }

    private mutating func reap() {
        var status: Int32 = 0
        var usage = rusage()
        guard wait4(pid, &status, WNOHANG, &usage) == pid else { return }
        self.status = status
        self.usage = usage
        exitTime = monotonicSeconds()
        // Nothing may outlive the run: a setsid daemon in the group is killed here too.
        group?.killAll()
        if let stdin { close(stdin.fd); self.stdin = nil }
    }

    private mutating func drain(_ index: Int, _ chunk: UnsafeMutableRawBufferPointer) {
        // A few reads per wake-up keep a flood from starving the timers.
        for _ in 0..<16 {
            let count = read(streams[index].fd, chunk.baseAddress, chunk.count)
            if count > 0 {
                streams[index].buffer.append(UnsafeRawBufferPointer(rebasing: chunk[0..<count]))
                if count < chunk.count { return }
                continue
            }
            if count < 0 && (errno == EINTR || errno == EAGAIN) { return }
            close(streams[index].fd)
            streams[index].open = false
            return
        }
    }

    private mutating func feedStdin() {
        guard var input = stdin else { return }
        while input.offset < input.data.count {
            let written = input.data.withUnsafeBytes { bytes in
                write(input.fd, bytes.baseAddress! + input.offset, min(bytes.count - input.offset, 1 << 16))
            }
            if written > 0 { input.offset += written; continue }
            if written < 0 && (errno == EAGAIN || errno == EINTR) { stdin = input; return }
            break  // EPIPE: the child closed its stdin
        }
        close(input.fd)
        stdin = nil
    }
}
