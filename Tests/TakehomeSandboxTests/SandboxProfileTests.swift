import Foundation
import Testing
import TakehomeCore
@testable import TakehomeSandbox

/// A TCP listener on 127.0.0.1 of the host, to see whether sandboxed code can reach it.
final class LoopbackListener {
    let fd: Int32
    let port: UInt16

    init() {
        let fd = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_addr.s_addr = inet_addr("127.0.0.1")
        var length = socklen_t(MemoryLayout<sockaddr_in>.size)
        _ = withUnsafeMutablePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { bind(fd, $0, length) == 0 && getsockname(fd, $0, &length) == 0 }
        }
        listen(fd, 8)
        _ = fcntl(fd, F_SETFL, O_NONBLOCK)
        self.fd = fd
        port = UInt16(bigEndian: address.sin_port)
    }

    /// Whether a connection is waiting (accepting it).
    var accepted: Bool {
        let client = accept(fd, nil, nil)
        if client >= 0 { close(client) }
        return client >= 0
    }

    deinit { close(fd) }
}

extension SandboxTests {
@Suite("Profiles")
struct Profiles {
    let connect = "python3 -c 'import socket,sys; socket.create_connection((\"127.0.0.1\", int(sys.argv[1])), 2); print(\"connected\")' "

    @Test func setupPhaseReachesTheNetworkOnlyWhenAsked() async throws {
        let sandbox = try Sandbox.detect()
        let listener = LoopbackListener()
        let allowed = try await sandbox.run(SandboxCommand(arguments: ["sh", "-c", connect + "\(listener.port)"],
                                                           phase: .setup, network: true, limits: .quick()))
        #expect(text(allowed.stdout) == "connected\n")
        #expect(listener.accepted)
        let closed = try await sandbox.run(SandboxCommand(arguments: ["sh", "-c", connect + "\(listener.port) 2>/dev/null || echo refused"],
                                                          phase: .setup, network: false, limits: .quick()))
        #expect(text(closed.stdout) == "refused\n")
        #expect(!listener.accepted)
    }

    @Test func testsPhaseNeverHasTheNetwork() async throws {
        let sandbox = try Sandbox.detect()
        #expect(sandbox.profiles.tests.network == .never)
        await #expect(throws: SandboxError.self) {
            _ = try await sandbox.run(SandboxCommand(arguments: ["true"], phase: .tests, network: true, limits: .quick()))
        }
    }

    @Test func environmentIsTheProfilesAllowlist() throws {
        let sandbox = try Sandbox.detect()
        let host = ["GITHUB_TOKEN": "canary", "HTTPS_PROXY": "http://proxy.example:3128", "HOME": "/root", "PATH": "/opt/bin"]
        let tests = try sandbox.environment(for: SandboxCommand(arguments: ["true"], environment: ["PYTHONHASHSEED": "0"]),
                                            host: host)
        #expect(tests == ["PATH": "/usr/local/bin:/usr/bin:/bin", "HOME": "/home/sandbox", "LANG": "C.UTF-8", "TMPDIR": "/tmp",
                          "PYTHONHASHSEED": "0"])
        let setup = try sandbox.environment(for: SandboxCommand(arguments: ["true"], phase: .setup), host: host)
        #expect(setup["HTTPS_PROXY"] == "http://proxy.example:3128")
        #expect(setup["GITHUB_TOKEN"] == nil && setup["HOME"] == "/home/sandbox")
        #expect(throws: SandboxError.self) {
            _ = try sandbox.environment(for: SandboxCommand(arguments: ["true"], environment: ["GITHUB_TOKEN": "x"]), host: host)
        }
    }

    @Test(arguments: [SandboxPhase.tests, .setup])
    func ciTokensNeverEnterTheSandbox(phase: SandboxPhase) async throws {
        let canary = "canary-" + UUID().uuidString
        for name in ["GITHUB_TOKEN", "CI_JOB_TOKEN", "HTTPS_PROXY"] { setenv(name, name == "HTTPS_PROXY" ? "http://proxy.invalid" : canary, 1) }
        defer { for name in ["GITHUB_TOKEN", "CI_JOB_TOKEN", "HTTPS_PROXY"] { unsetenv(name) } }
        let sandbox = try Sandbox.detect()
        let script = "env; for f in /proc/[0-9]*/environ; do cat \"$f\"; echo; done"
        let result = try await sandbox.run(SandboxCommand(arguments: ["sh", "-c", script], phase: phase, limits: .quick()))
        let output = text(result.stdout)
        #expect(result.exitCode == 0)
        #expect(output.contains("PATH=/usr/local/bin:/usr/bin:/bin"))
        #expect(!output.contains(canary) && !output.contains("GITHUB_TOKEN") && !output.contains("CI_JOB_TOKEN"))
        #expect(output.contains("HTTPS_PROXY=http://proxy.invalid") == (phase == .setup))
    }

    @Test func mountsComeFromTheProfile() async throws {
        let sandbox = try Sandbox.detect()
        var profiles = sandbox.profiles
        profiles.tests.etc = []
        profiles.tests.tmpfs = ["/tmp", "/home/sandbox", "/scratch"]
        let script = "test -e /etc/nsswitch.conf && echo etc; touch /scratch/x 2>/dev/null && echo scratch"
        let standard = try await sandbox.run(SandboxCommand(arguments: ["sh", "-c", script], limits: .quick()))
        let changed = try await sandbox.variant(profiles: profiles).run(SandboxCommand(arguments: ["sh", "-c", script], limits: .quick()))
        #expect(text(standard.stdout) == "etc\n")
        #expect(text(changed.stdout) == "scratch\n")
    }

    @Test func unenforceableLimitsAreNamed() async throws {
        let sandbox = try Sandbox.detect()
        let plain = try await sandbox.variant(groups: ControlGroups(hierarchy: .none)).run(SandboxCommand(arguments: ["true"], limits: .quick()))
        #expect(plain.unenforced.contains { $0.hasPrefix("memory:") })
        #expect(plain.unenforced.contains { $0.hasPrefix("processes:") })
        #expect(plain.unenforced.contains { $0.hasPrefix("cpu:") })
        let detected = try await sandbox.run(SandboxCommand(arguments: ["true"], limits: .quick()))
        #expect(detected.unenforced.isEmpty == (sandbox.groups.has(.memory) && sandbox.groups.has(.pids) && sandbox.groups.has(.cpuacct)))
    }
}
}
