import Foundation
import Testing
import TakehomeCore
@testable import TakehomeSandbox

extension SandboxTests {
@Suite("Seccomp")
struct Seccomp {
    /// The probe compiled into a scratch folder, which the sandbox tests mount at /sandbox/run.
    static func probe() throws -> (scratch: ScratchDirectory, binary: String) {
        let scratch = try ScratchDirectory()
        return (scratch, try SeccompProbe.compile(into: scratch.path))
    }

    @Test func filterMakesEachDenialOnTheHost() throws {
        // As root on the host, without the filter, every probe gets the kernel's own answer; with
        // it, the filter's. Each must differ, so the filter is what denies it.
        let (scratch, binary) = try Self.probe()
        let filterPath = scratch.path + "/filter.bpf"
        try SeccompProgram.build().write(to: URL(fileURLWithPath: filterPath))
        let plain = SeccompProbe.parse(try SeccompProbe.runOnHost(binary, []).output)
        let filtered = SeccompProbe.parse(try SeccompProbe.runOnHost(binary, ["--filter", filterPath]).output)
        #expect(filtered == SeccompProbe.expected)
        if getuid() == 0 {
            for (name, code) in SeccompProbe.expected where name != "clone_plain" {
                #expect(plain[name] != nil && plain[name] != code, "\(name) gives \(code) without the filter too")
            }
        }
    }

    @Test func sandboxedProcessesRunUnderTheFilter() async throws {
        let (scratch, _) = try Self.probe()
        let result = try await runShell("grep -E '^(Seccomp|NoNewPrivs):' /proc/self/status; ./probe", scratch: scratch)
        #expect(result.exitCode == 0)
        let output = text(result.stdout)
        #expect(output.contains("Seccomp:\t2\n"))
        #expect(output.contains("NoNewPrivs:\t1\n"))
        #expect(SeccompProbe.parse(output) == SeccompProbe.expected)
    }

    @Test(arguments: ["i386", "x32"])
    func otherSyscallABIsKillTheProcess(abi: String) async throws {
        let (scratch, binary) = try Self.probe()
        let host = try SeccompProbe.runOnHost(binary, [abi])
        #expect(host.status == 0 && !host.signalled && host.output.hasPrefix("\(abi) getpid"))
        let result = try await runShell("./probe \(abi)", scratch: scratch)
        #expect(result.signal == SIGSYS)
        #expect(text(result.stdout).isEmpty)
    }

    @Test(.timeLimit(.minutes(5))) func ordinaryWorkStillRuns() async throws {
        // Threads and child processes go through clone3 first; glibc falls back to clone on ENOSYS.
        // (pytest itself runs under the filter in every grading test.)
        let scratch = try ScratchDirectory()
        try """
        import subprocess, sys, threading
        results = []
        worker = threading.Thread(target=lambda: results.append("thread"))
        worker.start(); worker.join()
        child = subprocess.run([sys.executable, "-c", "print('child')"], capture_output=True, text=True)
        print(results[0], child.stdout.strip(), sep=",")
        """.write(toFile: scratch.path + "/work.py", atomically: true, encoding: .utf8)
        try "int main(void) { return 0; }\n".write(toFile: scratch.path + "/main.c", atomically: true, encoding: .utf8)
        let result = try await runShell("python3 work.py && gcc -o /tmp/main main.c && /tmp/main && echo compiled",
                                        limits: .quick(wall: 20, cpu: 20), scratch: scratch)
        #expect(text(result.stdout) == "thread,child\ncompiled\n")
        #expect(result.exitCode == 0)
    }
}
}
