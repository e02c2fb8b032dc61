import Foundation
import TakehomeCore

/// Runs commands under bubblewrap with namespaces, a read-only system, private /tmp and HOME,
/// and the limits of `RunLimits` (see Sandbox/README.md for what it stops).
public struct Sandbox: Sendable {
    /// HOME inside the sandbox, a private tmpfs.
    public static let home = "/home/sandbox"
    /// The unprivileged user (and group) every command runs as.
    public static let userID = 1000

    public var bwrapPath: String
    /// The control groups used for limits, e.g. "cgroup-v1 (memory, pids, cpuacct, freezer)".
    public var controlGroups: String

    let groups: ControlGroups
    /// bwrap options that do not change between runs: namespaces, identity, system mounts.
    let systemArguments: [String]

    /// Finds bwrap and checks once that it can create the namespaces; throws a `HarnessError`
    /// with exit code 69 and the install command, or the reason namespaces fail.
    public static func detect() throws -> Sandbox {
        try detected.withLock { cached in
            if let cached { return cached }
            let sandbox = try detect(bwrapPath: locateBwrap())
            cached = sandbox
            return sandbox
        }
    }

    private static let detected = Locked<Sandbox?>(nil)

    /// Detection with an explicit bwrap path (tests point it at a missing file).
    static func detect(bwrapPath: String) throws -> Sandbox {
        guard access(bwrapPath, X_OK) == 0 else { throw SandboxError.bwrapMissing(bwrapPath) }
        signal(SIGPIPE, SIG_IGN)  // a child closing its stdin must not kill the harness
        let groups = ControlGroups.detect()
        var failure = ""
        for hardened in [true, false] {
            let sandbox = Sandbox(bwrapPath: bwrapPath, groups: groups, disableNestedUserNamespaces: hardened)
            let probe = SandboxCommand(arguments: ["true"], workingDirectory: "/",
                                       limits: RunLimits(wall: TimeSpan(seconds: 10)))
            do {
                let result = try sandbox.execute(probe)
                if result.exitCode == 0 { return sandbox }
                failure = String(decoding: result.stderr, as: UTF8.self)
            } catch let error as SandboxError {
                failure = error.message
            }
        }
        let reason = failure.split(separator: "\n").first.map(String.init) ?? "bwrap exited without a reason"
        throw SandboxError.sandboxFailed(reason)
    }

    /// `TAKEHOME_BWRAP` when set (a bwrap of the user's choosing), else the first bwrap on the PATH.
    static func locateBwrap() -> String {
        if let chosen = ProcessInfo.processInfo.environment["TAKEHOME_BWRAP"], !chosen.isEmpty { return chosen }
        let path = ProcessInfo.processInfo.environment["PATH"] ?? ""
        let candidates = ["/usr/bin", "/usr/local/bin"] + path.split(separator: ":").map(String.init)
        return candidates.map { $0 + "/bwrap" }.first { access($0, X_OK) == 0 } ?? "/usr/bin/bwrap"
    }

    init(bwrapPath: String, groups: ControlGroups, disableNestedUserNamespaces: Bool) {
        self.bwrapPath = bwrapPath
        self.groups = groups
        self.controlGroups = groups.summary
        self.systemArguments = Self.systemArguments(disableNestedUserNamespaces: disableNestedUserNamespaces)
    }

    /// Runs the command in a fresh sandbox and returns what it did. Limit hits, crashes and
    /// timeouts are results; errors are the sandbox failing (exit 69) or the harness (70, 74).
    public func run(_ command: SandboxCommand) async throws -> SandboxResult {
        let cancellation = try CancellationPipe()
        return try await withTaskCancellationHandler {
            try await withCheckedThrowingContinuation { continuation in
                // One worker thread forks and waits for the whole run: PR_SET_PDEATHSIG follows
                // the forking thread, so it must outlive the child; blocking work stays off the
                // cooperative pool. A private queue gets an overcommit thread of its own.
                DispatchQueue(label: "takehome.sandbox.run").async {
                    continuation.resume(with: Result { try execute(command, cancellation: cancellation) })
                }
            }
        } onCancel: {
            cancellation.signal()
        }
    }

    // MARK: - bwrap arguments

    /// Host /etc files bound read-only when they exist: what the dynamic loader, `alternatives`
    /// links, local time and name lookups need. Every mount costs start-up time, so the rest of
    /// /etc stays out.
    static let etcFiles = ["/etc/ld.so.cache", "/etc/alternatives", "/etc/localtime", "/etc/nsswitch.conf"]
    /// TLS roots and resolver configuration, bound only into phases that have the network.
    static let networkEtcFiles = ["/etc/ssl", "/etc/ca-certificates", "/etc/resolv.conf"]

    private static func systemArguments(disableNestedUserNamespaces: Bool) -> [String] {
        var arguments = ["--unshare-all", "--unshare-user"]
        if disableNestedUserNamespaces { arguments.append("--disable-userns") }
        arguments += ["--cap-drop", "ALL", "--uid", "\(userID)", "--gid", "\(userID)", "--hostname", "sandbox",
                      "--die-with-parent", "--new-session", "--proc", "/proc", "--dev", "/dev",
                      "--ro-bind", "/usr", "/usr"]
        for top in ["/bin", "/sbin", "/lib", "/lib32", "/lib64", "/libx32"] {
            if let target = try? FileManager.default.destinationOfSymbolicLink(atPath: top) {
                arguments += ["--symlink", target, top]
            } else if FileManager.default.fileExists(atPath: top) {
                arguments += ["--ro-bind", top, top]
            }
        }
        for file in etcFiles where FileManager.default.fileExists(atPath: file) {
            arguments += ["--ro-bind", file, file]
        }
        return arguments
    }

    /// The child's descriptors: 0–2 standard streams, 3 the witness, 4 bwrap's JSON status, then
    /// one pipe per generated /etc file.
    static let statusFD = 4
    static let generatedFiles: [(path: String, text: String)] = [
        ("/etc/passwd", "root:x:0:0:root:/root:/usr/sbin/nologin\nsandbox:x:\(userID):\(userID):sandbox:\(home):/bin/sh\nnobody:x:65534:65534:nobody:/nonexistent:/usr/sbin/nologin\n"),
        ("/etc/group", "root:x:0:\nsandbox:x:\(userID):\nnogroup:x:65534:\n"),
        ("/etc/hosts", "127.0.0.1\tlocalhost sandbox\n::1\tlocalhost ip6-localhost ip6-loopback\n"),
    ]

    /// The whole bwrap argv for one command.
    func arguments(for command: SandboxCommand) -> [String] {
        var arguments = [bwrapPath] + systemArguments
        for (index, file) in Self.generatedFiles.enumerated() {
            arguments += ["--ro-bind-data", "\(Self.statusFD + 1 + index)", file.path]
        }
        if command.network {
            arguments.append("--share-net")
            for file in Self.networkEtcFiles where FileManager.default.fileExists(atPath: file) {
                arguments += ["--ro-bind", file, file]
            }
        }
        let size = "\(max(command.limits.disk.bytes, 4096))"
        arguments += ["--size", size, "--tmpfs", "/tmp", "--size", size, "--tmpfs", Self.home]
        for mount in command.mounts {
            arguments += [mount.writable ? "--bind" : "--ro-bind", mount.source, mount.destination]
        }
        arguments += ["--remount-ro", "/", "--chdir", command.workingDirectory,
                      "--json-status-fd", "\(Self.statusFD)", "--"]
        return arguments + command.arguments
    }
}

/// A value behind a lock, for the one-time detection.
final class Locked<Value>: @unchecked Sendable {
    private let lock = NSLock()
    private var value: Value

    init(_ value: Value) { self.value = value }

    func withLock<Result>(_ body: (inout Value) throws -> Result) rethrows -> Result {
        lock.lock()
        defer { lock.unlock() }
        return try body(&value)
    }
}
