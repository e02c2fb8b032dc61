import Foundation
import Testing
import TakehomeCore
@testable import TakehomeReports

/// The sandbox section's additions: unenforced limits shown as warnings, the syscall filter, and
/// each phase's profile, in every renderer and in the schema.
@Test func unenforcedLimitsAreWarningsInEveryRenderer() throws {
    var report = Fixture.buggy.report
    var sandbox = try #require(report.sandbox)
    sandbox.unenforced = ["processes: not enforced: no pids control group can be created here"]
    sandbox.syscallFilter = "seccomp: ptrace denied"
    sandbox.phases.insert(SandboxInfo.Phase(name: "setup: make", exitCode: 2, signal: nil, wallSeconds: 1.5, limitsHit: [],
                                            network: true, profile: "setup", output: "make: *** [all] Error 2\n"), at: 0)
    report.sandbox = sandbox

    let terminal = TerminalRenderer(colour: false).render(report)
    #expect(terminal.contains("  warning    NOT ENFORCED: processes: not enforced: no pids control group can be"))
    #expect(terminal.contains("  syscalls   seccomp: ptrace denied"))
    #expect(terminal.contains("exit 2, 1.5 s, network on, profile setup"))
    let markdown = MarkdownRenderer().render(report)
    #expect(markdown.contains("> **Warning:** NOT ENFORCED: processes: not enforced"))
    let json = JSONRenderer().render(report)
    #expect(try ReportCoding.decode(Data(json.utf8)) == report)
    #expect(try SchemaTests().validate(json) == [])
}
