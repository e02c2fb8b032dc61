import Foundation
import Testing
import TakehomeCore

private let corpus = packageRoot.appendingPathComponent("Sandbox/attacks")

@Test(.timeLimit(.minutes(5)))
func auditGradesChosenAttacksAndPrintsTheTable() async throws {
    let workspace = try Workspace()
    let run = try await takehome(["sandbox", "audit", "--attacks", corpus.path, "--only", "network-loopback,setsid-daemon,symlinks-outside"],
                           tmp: workspace.tmp)
    #expect(run.status == 0, "\(run.stdout)\n\(run.stderr)")
    let lines = run.stdout.split(separator: "\n").map(String.init)
    #expect(lines.first?.split(separator: " ", omittingEmptySubsequences: true) == ["attack", "expected", "observed", "contained"])
    for name in ["network-loopback", "setsid-daemon", "symlinks-outside"] {
        #expect(lines.contains { $0.hasPrefix(name) && $0.hasSuffix("yes") }, "\(name) row")
    }
    #expect(lines.last?.hasPrefix("3 of 3 attacks contained; canaries untouched; total wall time ") == true)
    #expect(workspace.leftovers.isEmpty, "\(workspace.leftovers)")
}

/// A corpus of one benign "attack" whose expectation is false: the audit must say so and exit 1.
@Test(.timeLimit(.minutes(5)))
func auditFailsWhenAnExpectationDoesNotHold() async throws {
    let workspace = try Workspace()
    let attacks = workspace.url.appendingPathComponent("attacks")
    try FileManager.default.createDirectory(at: attacks.appendingPathComponent("benign"), withIntermediateDirectories: true)
    for shared in ["_assignment", "_probe"] {
        try FileManager.default.copyItem(at: corpus.appendingPathComponent(shared), to: attacks.appendingPathComponent(shared))
    }
    try Data("def total(a, b):\n    return a + b\n".utf8).write(to: attacks.appendingPathComponent("benign/solution.py"))
    try Data("summary: a correct solution claimed to tamper\ntampering: true\nscore-max: 1\n".utf8)
        .write(to: attacks.appendingPathComponent("benign/expect.yml"))
    let run = try await takehome(["sandbox", "audit", "--attacks", attacks.path], tmp: workspace.tmp)
    #expect(run.status == 1, "\(run.stdout)\n\(run.stderr)")
    #expect(run.stdout.contains("benign was not contained:"))
    #expect(run.stdout.contains("  - the report does not record tampering"))
    #expect(run.stdout.contains("  - earned 2.0 hidden-test points, more than 1.0"))
    #expect(run.stdout.contains("0 of 1 attacks contained"))
}
