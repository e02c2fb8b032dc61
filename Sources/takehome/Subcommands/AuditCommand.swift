import ArgumentParser
import Foundation
import TakehomeAudit
import TakehomeCore

/// `takehome sandbox audit`: grades the attack corpus and prints whether each attack was contained.
struct AuditCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "audit",
        abstract: "Grade every hostile submission of the attack corpus and print a table; exit 0 only if all are contained.")

    @Option(help: "The attack corpus (default: Sandbox/attacks under the current folder).")
    var attacks: String = "Sandbox/attacks"

    @Option(help: "The assignment the attacks are graded against (default: the corpus's _assignment/).")
    var assignment: String?

    @Option(help: "Attacks graded at once (default: up to 2, bounded by cores).")
    var jobs: Int = min(2, ProcessInfo.processInfo.activeProcessorCount)

    @Option(help: "Grade only these attacks (comma-separated names).")
    var only: String?

    func validate() throws {
        guard jobs >= 1 else { throw ValidationError("--jobs takes 1 or more") }
    }

    func run() throws {
        let harness = URL(fileURLWithPath: "/proc/self/exe").resolvingSymlinksInPath()
        let audit = SandboxAudit(attacks: URL(fileURLWithPath: attacks), assignment: assignment.map { URL(fileURLWithPath: $0) },
                                 harness: harness, jobs: jobs)
        let names = only?.split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces) } ?? []
        let outcome = try audit.run(only: names) { row in
            let line = String(format: "%@: %@ (%.1f s)\n", row.attack, row.contained ? "contained" : "NOT contained", row.seconds)
            FileHandle.standardError.write(Data(line.utf8))
        }
        print(AuditTable.render(outcome), terminator: "")
        if !outcome.allContained { throw ExitCode(TakehomeCore.ExitCode.failUnder.rawValue) }
    }
}
