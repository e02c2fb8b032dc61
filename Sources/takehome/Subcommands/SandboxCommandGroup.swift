import ArgumentParser
import Foundation
import TakehomeCore
import TakehomeRunners
import TakehomeSandbox

/// `takehome sandbox run`: runs a command in the grading sandbox, for assignment authors.
struct SandboxCommandGroup: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "sandbox", abstract: "The grading sandbox.", subcommands: [Run.self, AuditCommand.self])

    struct Run: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "run",
            abstract: "Run a command in the grading sandbox, with the current folder at /submission (read-only).")

        @Option(help: "Take limits and the runner's toolchain from this assignment.")
        var assignment: String?

        @Argument(parsing: .postTerminator, help: "The command and its arguments, after --.")
        var command: [String]

        func validate() throws {
            guard !command.isEmpty else { throw ValidationError("give the command to run after --") }
        }

        func run() async throws {
            let sandbox = try Sandbox.detect()
            var limits = sandbox.profiles.tests.limits
            var mounts: [SandboxMount] = []
            if let assignment {
                let definition = try AssignmentLoader.load(directory: URL(fileURLWithPath: assignment))
                limits = sandbox.profiles.tests.limits(for: definition)
                mounts = try RunnerProfiles.profile(for: definition).toolchainMounts
            }
            let here = FileManager.default.currentDirectoryPath
            var spec = SandboxCommand(arguments: command, workingDirectory: "/submission", limits: limits)
            spec.mounts = mounts + [SandboxMount(source: here, destination: "/submission", writable: false)]
            let result = try await sandbox.run(spec)
            FileHandle.standardOutput.write(result.stdout)
            FileHandle.standardError.write(result.stderr)
            for note in result.unenforced {
                FileHandle.standardError.write(Data("takehome: warning: limit not enforced as asked: \(note)\n".utf8))
            }
            for limit in result.limitsHit {
                FileHandle.standardError.write(Data("takehome: \(result.describe(limit, limits: limits))\n".utf8))
            }
            if let signal = result.signal { throw ExitCode(128 + signal) }
            if let code = result.exitCode, code != 0 { throw ExitCode(code) }
        }
    }
}
