import Foundation
import Testing
import TakehomeCore
@testable import TakehomeSandbox

extension SandboxTests {
@Suite("Running commands")
struct Basics {
    @Test func echoesAndExitsZero() async throws {
        let result = try await runShell("echo hi")
        #expect(result.exitCode == 0)
        #expect(result.signal == nil)
        #expect(text(result.stdout) == "hi\n")
        #expect(result.limitsHit.isEmpty)
    }

    @Test func exitCodePropagates() async throws {
        let result = try await runShell("echo oops >&2; exit 3")
        #expect(result.exitCode == 3)
        #expect(text(result.stderr) == "oops\n")
    }

    @Test func runsAsUnprivilegedUser() async throws {
        let result = try await runShell("id -u; id -g; whoami; hostname; echo $HOME")
        #expect(text(result.stdout) == "1000\n1000\nsandbox\nsandbox\n/home/sandbox\n")
    }

    @Test func stdinReachesTheChild() async throws {
        let small = try await runShell("cat", stdin: Data("hello sandbox\n".utf8))
        #expect(text(small.stdout) == "hello sandbox\n")
        let large = try await runShell("wc -c", stdin: Data(repeating: 65, count: 1 << 20))
        #expect(text(large.stdout).trimmingCharacters(in: .whitespacesAndNewlines) == "1048576")
        let none = try await runShell("cat; echo end")
        #expect(text(none.stdout) == "end\n")
    }

    @Test func witnessBytesComeBack() async throws {
        let result = try await runShell("echo result-data >&3; echo normal", witness: true)
        #expect(text(result.witness) == "result-data\n")
        #expect(text(result.stdout) == "normal\n")
        let without = try await runShell("echo x >&3 2>/dev/null || echo no-fd3")
        #expect(text(without.stdout) == "no-fd3\n")
        #expect(without.witness.isEmpty)
    }

    @Test func missingCommandIsExit127() async throws {
        let sandbox = try Sandbox.detect()
        let result = try await sandbox.run(SandboxCommand(arguments: ["no-such-command-xyz"], limits: .quick()))
        #expect(result.exitCode == 127)
        #expect(text(result.stderr).contains("no-such-command-xyz"))
    }

    @Test func missingBwrapIsUnavailableWithInstallCommand() throws {
        #expect {
            _ = try Sandbox.detect(bwrapPath: "/nonexistent/bin/bwrap", profiles: Sandbox.detect().profiles)
        } throws: { error in
            guard let error = error as? any HarnessError else { return false }
            return error.exitCode == .unavailable && error.description.contains("apt-get install bubblewrap")
        }
    }

    @Test func reportsControlGroupsAndRemovesThem() async throws {
        let sandbox = try Sandbox.detect()
        #expect(!sandbox.controlGroups.isEmpty)
        let result = try await runShell("true")
        #expect(result.exitCode == 0)
        #expect(result.enforcement.count == LimitKind.allCases.count)
        guard case .v1 = sandbox.groups.hierarchy else { return }
        #expect(result.enforcement[.memory] == .cgroupV1)
        // A run's group is handed to the removal queue when the run has been read; once the queue
        // is through (at exit at the latest), its directories are gone. Other suites' runs may be
        // going on meanwhile: this looks at this group only.
        let group = try #require(try sandbox.groups.create(limits: .standard, extraProcesses: 2))
        let directories = Array(group.directories.values)
        #expect(directories.allSatisfy { access($0, F_OK) == 0 })
        PreparedGroups.shared.discard(group)
        PreparedGroups.shared.finish()
        #expect(directories.allSatisfy { access($0, F_OK) != 0 })
    }

    @Test func groupsLeftByAKilledHarnessAreSwept() throws {
        let sandbox = try Sandbox.detect()
        guard case .v1(let parents) = sandbox.groups.hierarchy, let memory = parents[.memory] else { return }
        // A harness that was killed: its pid is gone, its empty group stayed.
        let gone = Process()
        gone.executableURL = URL(fileURLWithPath: "/bin/true")
        try gone.run()
        gone.waitUntilExit()
        let orphan = memory + "/takehome-\(gone.processIdentifier)-0rphan00"
        let living = memory + "/takehome-\(getppid())-living00"
        #expect(mkdir(orphan, 0o755) == 0 && mkdir(living, 0o755) == 0)
        defer { rmdir(orphan); rmdir(living) }
        PreparedGroups.sweepOrphans(in: [memory])
        #expect(access(orphan, F_OK) != 0)
        #expect(access(living, F_OK) == 0)
    }

    @Test func describesLimits() {
        let result = SandboxResult(exitCode: nil, signal: 9, stdout: Data(), stderr: Data(), stdoutDroppedBytes: 0,
                                   stderrDroppedBytes: 0, witness: Data(), wallSeconds: 30, cpuSeconds: nil,
                                   peakMemoryBytes: nil, limitsHit: [.wall], enforcement: [:])
        #expect(result.describe(.wall, limits: RunLimits(wall: TimeSpan(seconds: 30))) == "stopped at the 30 s wall limit")
        #expect(result.describe(.memory, limits: .standard) == "killed at the 1 GiB memory limit")
    }
}
}
