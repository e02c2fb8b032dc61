import Foundation
import Testing
import TakehomeCore
@testable import TakehomeSandbox

extension SandboxTests {
@Suite("Isolation")
struct Isolation {
    @Test func hostEnvironmentDoesNotLeak() async throws {
        let secret = "canary-" + UUID().uuidString
        setenv("TAKEHOME_CANARY_SECRET", secret, 1)
        defer { unsetenv("TAKEHOME_CANARY_SECRET") }
        let script = "env; echo ---; cat /proc/1/environ; for f in /proc/[0-9]*/environ; do cat \"$f\"; done"
        let result = try await runShell(script, environment: ["PYTHONGIVEN": "yes"])
        let output = text(result.stdout)
        #expect(result.exitCode == 0)
        #expect(!output.contains(secret))
        #expect(!output.contains("TAKEHOME_CANARY_SECRET"))
        #expect(output.contains("PYTHONGIVEN=yes"))
        #expect(output.contains("PATH=/usr/local/bin:/usr/bin:/bin"))
    }

    @Test func networkIsUnreachable() async throws {
        let listener = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        #expect(listener >= 0)
        defer { close(listener) }
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_addr.s_addr = inet_addr("127.0.0.1")
        var length = socklen_t(MemoryLayout<sockaddr_in>.size)
        let bound = withUnsafeMutablePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { bind(listener, $0, length) == 0 && getsockname(listener, $0, &length) == 0 }
        }
        #expect(bound && listen(listener, 8) == 0)
        let port = UInt16(bigEndian: address.sin_port)

        let result = try await runShell("bash -c 'echo hello > /dev/tcp/127.0.0.1/\(port)' && echo connected || echo refused")
        #expect(text(result.stdout) == "refused\n")
        _ = fcntl(listener, F_SETFL, O_NONBLOCK)
        #expect(accept(listener, nil, nil) < 0)
        let interfaces = try await runShell("cat /proc/net/dev | tail -n +3 | cut -d: -f1 | tr -d ' '")
        #expect(text(interfaces.stdout) == "lo\n")
    }

    @Test func onlySandboxProcessesAreVisible() async throws {
        // Shell built-ins only: bwrap's pid 1 and the shell are the whole pid namespace.
        let result = try await runShell("echo /proc/[0-9]*")
        #expect(text(result.stdout) == "/proc/1 /proc/2\n")
    }

    @Test func hostFilesAreHiddenAndSystemIsReadOnly() async throws {
        let scratch = try ScratchDirectory()
        let script = """
        for p in /root /work /opt; do [ -e "$p" ] && echo "visible $p"; done
        ls /home
        touch /usr/probe 2>/dev/null && echo "usr writable"
        touch /etc/probe 2>/dev/null && echo "etc writable"
        touch /probe 2>/dev/null && echo "root writable"
        echo written > out.txt
        touch /tmp/ok && touch ~/ok && echo private-writable
        """
        let result = try await runShell(script, scratch: scratch)
        #expect(text(result.stdout) == "sandbox\nprivate-writable\n")
        let written = try String(contentsOfFile: scratch.path + "/out.txt", encoding: .utf8)
        #expect(written == "written\n")
    }

    @Test func cannotGainPrivileges() async throws {
        let result = try await runShell("grep CapEff /proc/self/status; unshare -U true 2>/dev/null && echo nested-userns")
        #expect(text(result.stdout) == "CapEff:\t0000000000000000\n")
    }
}
}
