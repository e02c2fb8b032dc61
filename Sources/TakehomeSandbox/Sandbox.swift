import Foundation
import TakehomeCore

/// Runs commands under bubblewrap with namespaces, a read-only system, private /tmp and HOME,
/// and the limits of `RunLimits` (see Sandbox/README.md for what it stops).
public struct Sandbox: Sendable {
    /// The syscall filter every command runs under, for the report (policy: seccomp_filter.c).
    public static let syscallFilterDescription =
        "seccomp: ptrace, process_vm_*, key ring, bpf, perf_event_open, userfaultfd, mount calls, modules, kexec, setns, "
        + "namespace flags of clone/unshare and TIOCSTI/TIOCLINUX denied (EPERM); io_uring and clone3 ENOSYS; other ABIs killed"

    /// HOME inside the sandbox, a private tmpfs.
    public static let home = "/home/sandbox"
    /// The unprivileged user (and group) every command runs as.
    public static let userID = 1000

    public var bwrapPath: String
    /// The control groups used for limits, e.g. "cgroup-v1 (memory, pids, cpuacct, freezer)".
    public var controlGroups: String
    /// What each phase may see and use, from `Sandbox/profiles/`.
    public var profiles: SandboxProfiles

    let groups: ControlGroups
    /// The seccomp program bwrap installs before it execs each command (`SeccompProgram`).
    let seccompProgram: Data
    /// bwrap options that do not change between runs of a phase: namespaces, identity, system mounts.
    let systemArguments: [SandboxPhase: [String]]

    /// Finds bwrap and checks once that it can create the namespaces; throws a `HarnessError`
    /// with exit code 69 and the install command, or the reason namespaces fail.
    public static func detect() throws -> Sandbox {
        try detected.withLock { cached in
            if let cached { return cached }
            let profiles = try SandboxProfileLoader.load(directory: SandboxProfileLoader.locate())
            let sandbox = try detect(bwrapPath: locateBwrap(), profiles: profiles)
            cached = sandbox
            return sandbox
        }
    }

    private static let detected = Locked<Sandbox?>(nil)

    /// Detection with an explicit bwrap path (tests point it at a missing file) and profiles.
    static func detect(bwrapPath: String, profiles: SandboxProfiles) throws -> Sandbox {
        guard access(bwrapPath, X_OK) == 0 else { throw SandboxError.bwrapMissing(bwrapPath) }
        signal(SIGPIPE, SIG_IGN)  // a child closing its stdin must not kill the harness
        let groups = ControlGroups.detect()
        groups.prepareAhead()
        let seccompProgram = try SeccompProgram.build()
        var failure = ""
        for hardened in [true, false] {
            let sandbox = Sandbox(bwrapPath: bwrapPath, groups: groups, disableNestedUserNamespaces: hardened,
                                  profiles: profiles, seccompProgram: seccompProgram)
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

    init(bwrapPath: String, groups: ControlGroups, disableNestedUserNamespaces: Bool, profiles: SandboxProfiles,
         seccompProgram: Data) {
        self.bwrapPath = bwrapPath
        self.groups = groups
        self.controlGroups = groups.summary
        self.profiles = profiles
        self.seccompProgram = seccompProgram
        self.systemArguments = Dictionary(uniqueKeysWithValues: SandboxPhase.allCases.map { phase in
            (phase, Self.systemArguments(profile: profiles[phase], disableNestedUserNamespaces: disableNestedUserNamespaces))
        })
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

    /// The resolver configuration, bound only into phases that have the network (TLS roots are
    /// in the setup profile's `etc` list; the tests profile leaves them out).
    static let networkEtcFiles = ["/etc/resolv.conf"]

    private static func systemArguments(profile: SandboxProfile, disableNestedUserNamespaces: Bool) -> [String] {
        var arguments = ["--unshare-all", "--unshare-user"]
        if disableNestedUserNamespaces { arguments.append("--disable-userns") }
        arguments += ["--cap-drop", "ALL", "--uid", "\(userID)", "--gid", "\(userID)", "--hostname", "sandbox",
                      "--die-with-parent", "--new-session", "--proc", "/proc", "--dev", "/dev"]
        for path in profile.readOnly {
            if let target = try? FileManager.default.destinationOfSymbolicLink(atPath: path) {
                arguments += ["--symlink", target, path]
            } else if FileManager.default.fileExists(atPath: path) {
                arguments += ["--ro-bind", path, path]
            }
        }
        for file in profile.etc where FileManager.default.fileExists(atPath: file) {
            arguments += ["--ro-bind", file, file]
        }
        return arguments
    }

    /// The child's descriptors: 0–2 standard streams, 3 the witness, 4 bwrap's JSON status, then
    /// one pipe per generated /etc file, then the seccomp program.
    static let statusFD = 4
    static var seccompFD: Int { statusFD + 1 + generatedFiles.count }
    static let generatedFiles: [(path: String, text: String)] = [
        ("/etc/passwd", "root:x:0:0:root:/root:/usr/sbin/nologin\nsandbox:x:\(userID):\(userID):sandbox:\(home):/bin/sh\nnobody:x:65534:65534:nobody:/nonexistent:/usr/sbin/nologin\n"),
        ("/etc/group", "root:x:0:\nsandbox:x:\(userID):\nnogroup:x:65534:\n"),
        ("/etc/hosts", "127.0.0.1\tlocalhost sandbox\n::1\tlocalhost ip6-localhost ip6-loopback\n"),
    ]

    /// The whole bwrap argv for one command.
    func arguments(for command: SandboxCommand) -> [String] {
        let profile = profiles[command.phase]
        var arguments = [bwrapPath] + (systemArguments[command.phase] ?? [])
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
        for folder in profile.tmpfs { arguments += ["--size", size, "--tmpfs", folder] }
        for mount in command.mounts {
            arguments += [mount.writable ? "--bind" : "--ro-bind", mount.source, mount.destination]
        }
        arguments += ["--remount-ro", "/", "--chdir", command.workingDirectory,
                      "--json-status-fd", "\(Self.statusFD)", "--seccomp", "\(Self.seccompFD)", "--"]
        return arguments + command.arguments
    }

    /// The environment handed to bwrap (and so to everything inside): the profile's values, the
    /// harness variables it passes, and the command's own, each of which the profile must allow.
    func environment(for command: SandboxCommand,
                     host: [String: String] = ProcessInfo.processInfo.environment) throws -> [String: String] {
        let profile = profiles[command.phase]
        var result = profile.environment
        for name in profile.pass { if let value = host[name] { result[name] = value } }
        for (name, value) in command.environment {
            guard profile.allows(name) else {
                throw SandboxError.invalid("the \(command.phase.rawValue) profile (\(profile.source)) does not allow the variable \(name)")
            }
            result[name] = value
        }
        return result
    }
}
