import Foundation
import TakehomeCore
import TakehomeSandbox

/// Runs the `setup:` commands of assignment.yml (dependency installs, builds: candidate-controlled
/// code) in the sandbox with the setup profile, before any assignment test is placed in the run
/// directory. The network is on only when `network.setup: true`. A failing command is a result:
/// the remaining commands are skipped, the failure becomes a finding, and the tests run anyway, so
/// the report shows what the submission does without its setup.
public struct SetupPhase: Sendable {
    public var sandbox: Sandbox
    /// The runner's toolchain mounts (the interpreter outside /usr).
    public var toolchainMounts: [SandboxMount]
    public var layout = SandboxLayout()

    public init(sandbox: Sandbox, toolchainMounts: [SandboxMount]) {
        self.sandbox = sandbox
        self.toolchainMounts = toolchainMounts
    }

    /// What one setup command did.
    public struct Step: Sendable {
        public var command: String
        public var result: SandboxResult
        public var limits: RunLimits
        public var network: Bool

        /// True when the command exited 0 within its limits.
        public var succeeded: Bool { result.exitCode == 0 && result.limitsHit.filter { $0 != .output }.isEmpty }

        /// The sandbox section's record of this command.
        public var phase: SandboxInfo.Phase {
            SandboxInfo.Phase(name: "setup: \(command)", exitCode: result.exitCode, signal: result.signal,
                              wallSeconds: (result.wallSeconds * 1000).rounded() / 1000,
                              limitsHit: result.limitsHit.map { result.describe($0, limits: limits) },
                              network: network, profile: SandboxPhase.setup.rawValue,
                              output: SetupPhase.tail(result.stdout + result.stderr))
        }
    }

    /// Runs each command with `sh -c` in the solution's root, stopping at the first failure.
    public func run(_ assignment: Assignment, workspace: RunWorkspace) async throws -> [Step] {
        let root = assignment.root == "." ? layout.submission : "\(layout.submission)/\(assignment.root)"
        let limits = sandbox.profiles.setup.limits
        var steps: [Step] = []
        for line in assignment.setup {
            var command = SandboxCommand(arguments: ["sh", "-c", line], workingDirectory: root, mounts: toolchainMounts,
                                         phase: .setup, network: assignment.network.setup, limits: limits)
            command.mounts.append(SandboxMount(source: workspace.run.path, destination: layout.submission, writable: true))
            let step = Step(command: line, result: try await sandbox.run(command), limits: limits, network: command.network)
            steps.append(step)
            if !step.succeeded { break }
        }
        return steps
    }

    /// The finding for a failed setup, or nil when every command succeeded.
    public static func finding(for steps: [Step], of assignment: Assignment) -> Finding? {
        guard let failed = steps.first(where: { !$0.succeeded }) else { return nil }
        let how = failed.result.limitsHit.filter { $0 != .output }.first.map { failed.result.describe($0, limits: failed.limits) }
            ?? failed.result.signal.map { "was killed by signal \($0)" }
            ?? "exited with status \(failed.result.exitCode ?? -1)"
        let skipped = assignment.setup.count - steps.count
        return Finding(rule: "setup.failed", severity: .error,
                       message: "The setup command `\(failed.command)` \(how)"
                           + (skipped > 0 ? "; the \(skipped) after it did not run" : "")
                           + ". The tests ran without the rest of the setup.")
    }

    /// The last 8 KiB of a command's output, the part that names what went wrong.
    static func tail(_ data: Data) -> String? {
        guard !data.isEmpty else { return nil }
        return String(decoding: data.suffix(8 << 10), as: UTF8.self)
    }
}
