import Foundation
import Testing
import TakehomeCore
@testable import TakehomeSandbox

extension SandboxTests {
@Suite("Limits")
struct Limits {
    @Test(.timeLimit(.minutes(5))) func wallLimitKillsEverythingIncludingDaemons() async throws {
        let marker = "takehome-daemon-" + UUID().uuidString
        let result = try await runShell("setsid sh -c 'sleep 100; : \(marker)' & sleep 100", limits: .quick(wall: 1))
        #expect(result.limitsHit.contains(.wall))
        #expect(result.signal == SIGKILL)
        #expect(result.enforcement[.wall] == .harness)
        #expect(hostProcesses(containing: marker).isEmpty)
    }

    @Test func daemonsDieWhenTheCommandExits() async throws {
        let marker = "takehome-daemon-" + UUID().uuidString
        let result = try await runShell("setsid sh -c 'sleep 100; : \(marker)' >/dev/null 2>&1 & echo started")
        #expect(result.exitCode == 0)
        #expect(result.limitsHit.isEmpty)
        #expect(hostProcesses(containing: marker).isEmpty)
    }

    @Test func memoryHogIsKilled() async throws {
        let result = try await runShell("python3 -c 'data = b\"x\" * (2 << 30); print(len(data))'",
                                        limits: .quick(wall: 10, memory: 256 << 20))
        #expect(result.limitsHit.contains(.memory))
        #expect(result.exitCode != 0)
        #expect(text(result.stdout).isEmpty)
        #expect((result.peakMemoryBytes ?? 0) <= 300 << 20)
    }

    @Test func forkBombIsBounded() async throws {
        let result = try await runShell("f() { f | f & }; f; sleep 10", limits: .quick(wall: 2, processes: 32))
        #expect(result.limitsHit.contains(.processes))
        #expect(result.wallSeconds < 4)
    }

    @Test func cpuSpinStopsAtTheCPULimit() async throws {
        // A generous wall: on a loaded machine one CPU-second can take several seconds of wall time.
        let result = try await runShell("while :; do :; done", limits: .quick(wall: 30, cpu: 1))
        #expect(result.limitsHit.contains(.cpu))
        #expect(!result.limitsHit.contains(.wall))
        #expect((result.cpuSeconds ?? 0) >= 0.9)
    }

    @Test func outputFloodIsTruncated() async throws {
        let result = try await runShell("yes | head -c 5000000", limits: .quick(output: 64 << 10))
        let marker = Data("[takehome: output truncated, \(5_000_000 - (64 << 10)) more bytes]\n".utf8)
        #expect(result.stdout.count == (64 << 10) + marker.count)
        #expect(result.stdout.suffix(marker.count) == marker)
        #expect(result.stdoutDroppedBytes == 5_000_000 - (64 << 10))
        #expect(result.limitsHit.contains(.output))
    }

    @Test func fileSizeIsLimited() async throws {
        let scratch = try ScratchDirectory()
        let result = try await runShell("head -c 10M /dev/zero > big", limits: .quick(disk: 1 << 20), scratch: scratch)
        #expect(result.exitCode != 0)
        #expect(result.limitsHit.contains(.fileSize) || result.limitsHit.contains(.disk))
        let size = try FileManager.default.attributesOfItem(atPath: scratch.path + "/big")[.size] as? Int
        #expect(size == 1 << 20)
        let tmp = try await runShell("head -c 10M /dev/zero > /tmp/big; echo $?; df -k /tmp | tail -1",
                                     limits: .quick(disk: 1 << 20))
        #expect(!text(tmp.stdout).hasPrefix("0\n"))
    }

    /// Prints the median start-up cost of `true` in the sandbox against a bare posix_spawn.
    /// Not a timed assertion: run with TAKEHOME_SANDBOX_BENCH=1 to see the numbers.
    @Test(.enabled(if: ProcessInfo.processInfo.environment["TAKEHOME_SANDBOX_BENCH"] != nil))
    func overheadOfTrue() async throws {
        let sandbox = try Sandbox.detect()
        func median(_ samples: [Double]) -> Double { samples.sorted()[samples.count / 2] }
        var bare: [Double] = []
        for _ in 0..<50 {
            let start = monotonicSeconds()
            var pid: pid_t = 0
            let argv: [UnsafeMutablePointer<CChar>?] = [strdup("/bin/true"), nil]
            #expect(posix_spawn(&pid, "/bin/true", nil, nil, argv, nil) == 0)
            var status: Int32 = 0
            waitpid(pid, &status, 0)
            bare.append(monotonicSeconds() - start)
            free(argv[0])
        }
        var sandboxed: [Double] = []
        for _ in 0..<50 {
            let start = monotonicSeconds()
            let result = try await sandbox.run(SandboxCommand(arguments: ["true"], limits: .quick()))
            sandboxed.append(monotonicSeconds() - start)
            #expect(result.exitCode == 0)
        }
        var cgroupCost: [Double] = []
        for _ in 0..<50 {
            let start = monotonicSeconds()
            let group = try sandbox.groups.create(limits: .quick(), extraProcesses: 2)
            group?.remove()
            cgroupCost.append(monotonicSeconds() - start)
        }
        let plain = sandbox.variant(groups: ControlGroups(hierarchy: .none))
        var withoutGroups: [Double] = []
        for _ in 0..<50 {
            let start = monotonicSeconds()
            _ = try await plain.run(SandboxCommand(arguments: ["true"], limits: .quick()))
            withoutGroups.append(monotonicSeconds() - start)
        }
        print(String(format: "cgroup create+remove: %.2f ms; run without cgroups: %.2f ms",
                     median(cgroupCost) * 1000, median(withoutGroups) * 1000))
        print(String(format: "bare posix_spawn /bin/true: %.2f ms; sandbox run true: %.2f ms; overhead %.2f ms",
                     median(bare) * 1000, median(sandboxed) * 1000, (median(sandboxed) - median(bare)) * 1000))
    }
}
}
