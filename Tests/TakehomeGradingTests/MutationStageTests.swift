import Foundation
import Testing
import TakehomeCore
import TakehomeRunners
@testable import TakehomeGrading

/// A tiny project whose tests catch every mutant of `double` but miss the boundary of `is_adult`.
private func tinyProject(in scratch: Scratch) throws -> URL {
    let project = scratch.url.appendingPathComponent("tiny")
    try FileManager.default.createDirectory(at: project.appendingPathComponent("tests"), withIntermediateDirectories: true)
    try Data("def is_adult(age):\n    return age >= 18\n\n\ndef double(x):\n    return x * 2\n".utf8)
        .write(to: project.appendingPathComponent("calc.py"))
    try Data("""
    from calc import double, is_adult


    def test_adult():
        assert is_adult(30)
        assert not is_adult(5)


    def test_double():
        assert double(3) == 6

    """.utf8).write(to: project.appendingPathComponent("tests/test_calc.py"))
    return project
}

/// The stage with a budget of its own (a generous default, so that a loaded machine runs every mutant).
private func stage(mutants: Int = 40, seconds: Double = 900) throws -> MutationStage {
    let grader = try Grader(assignment: try loadAssignment(mutants: mutants))
    var assignment = grader.assignment
    assignment.mutation = MutationBudget(mutants: mutants, seconds: TimeSpan(seconds: seconds))
    return MutationStage(assignment: assignment, runner: grader.runner)
}

/// One mutation run at a time: each already runs as many sandboxed suites at once as there are cores.
@Suite(.serialized) struct MutationStageTests {
    @Test(.timeLimit(.minutes(10))) func sandboxedTestsKillSomeMutantsAndMissOthers() async throws {
        let scratch = try Scratch()
        let outcome = try #require(try await stage().run(try tinyProject(in: scratch), seed: "tiny"))
        let metrics = outcome.metrics
        #expect(metrics.notMeasured == nil)
        #expect(metrics.generated == 6 && metrics.selected == 6 && metrics.run == 6 && metrics.notRun == 0)
        #expect(metrics.killed == 4 && metrics.survived == 2 && metrics.score == 4.0 / 6.0)
        #expect(metrics.survivors.map { "\($0.file):\($0.line) \($0.original) → \($0.mutated)" }
            == ["calc.py:2 >= → >", "calc.py:2 18 → 19"])
        #expect(outcome.findings.map(\.rule) == ["testability.surviving-mutant", "testability.surviving-mutant"])
        #expect(outcome.findings.first?.message
            == "A bug your tests would not catch: changing `>=` to `>` in `is_adult` at calc.py:2 passes every test of yours.")
        #expect(metrics.mutantTimeoutSeconds >= 2 && metrics.seconds > 0 && metrics.baselineSeconds > 0)
    }

    @Test(.timeLimit(.minutes(10))) func aSmallSecondsBudgetLeavesMutantsNotRun() async throws {
        let scratch = try Scratch()
        let outcome = try #require(try await stage(seconds: 1).run(try tinyProject(in: scratch), seed: "tiny"))
        #expect(outcome.metrics.selected == 6)
        #expect(outcome.metrics.notRun > 0)
        #expect(outcome.metrics.run + outcome.metrics.notRun == 6)
        #expect(outcome.metrics.budget == .init(mutants: 40, seconds: 1))
    }

    @Test(.timeLimit(.minutes(10))) func theMutantCountBudgetBoundsTheSample() async throws {
        let scratch = try Scratch()
        let outcome = try #require(try await stage(mutants: 2).run(try tinyProject(in: scratch), seed: "tiny"))
        #expect(outcome.metrics.generated == 6 && outcome.metrics.selected == 2 && outcome.metrics.run == 2)
    }

    @Test(.timeLimit(.minutes(10))) func onlyTestsThatPassUnmutatedJudgeMutants() async throws {
        let scratch = try Scratch()
        let project = try tinyProject(in: scratch)
        // A test that fails unmutated catches nothing; the two that pass judge the mutants as before.
        try Data("def test_broken():\n    assert False\n".utf8).write(to: project.appendingPathComponent("tests/test_broken.py"))
        let outcome = try #require(try await stage().run(project, seed: "tiny"))
        #expect(outcome.metrics.notMeasured == nil)
        #expect(outcome.metrics.run == 6 && outcome.metrics.killed == 4 && outcome.metrics.survived == 2)
        // With no test passing unmutated there is nothing to judge a mutant by.
        try FileManager.default.removeItem(at: project.appendingPathComponent("tests/test_calc.py"))
        let failing = try #require(try await stage().run(project, seed: "tiny"))
        #expect(failing.metrics.notMeasured == "no test of the candidate's passes before any mutant is made (1 found)")
        #expect(failing.metrics.run == 0 && failing.findings.isEmpty)
        try FileManager.default.removeItem(at: project.appendingPathComponent("tests"))
        #expect(try await stage().run(project, seed: "tiny") == nil)
    }

    /// `n - 1` → `n + 1` makes the loop endless: its run is stopped by the timeout (of CPU time), and counts
    /// as killed.
    @Test(.timeLimit(.minutes(10))) func anEndlessMutantTimesOutAndIsKilled() async throws {
        let scratch = try Scratch()
        let project = scratch.url.appendingPathComponent("loop")
        try FileManager.default.createDirectory(at: project.appendingPathComponent("tests"), withIntermediateDirectories: true)
        try Data("def countdown(n):\n    while n > 0:\n        n = n - 1\n    return n\n".utf8)
            .write(to: project.appendingPathComponent("loop.py"))
        try Data("from loop import countdown\n\n\ndef test_countdown():\n    assert countdown(3) == 0\n".utf8)
            .write(to: project.appendingPathComponent("tests/test_loop.py"))
        let outcome = try #require(try await stage().run(project, seed: "loop"))
        let metrics = outcome.metrics
        #expect(metrics.notMeasured == nil && metrics.run == metrics.selected && metrics.notRun == 0)
        #expect(metrics.timedOut >= 1 && metrics.timedOut <= metrics.killed)
        #expect(!metrics.survivors.contains { $0.original == "-" && $0.mutated == "+" })
    }

    @Test(.timeLimit(.minutes(10))) func theCleanSamplesTestsKillMoreThanTheTangles() async throws {
        let stage = try stage(mutants: 10)
        let clean = try #require(try await stage.run(assignmentDirectory.appendingPathComponent("samples/clean"), seed: "s"))
        let tangle = try #require(try await stage.run(assignmentDirectory.appendingPathComponent("samples/tangle"), seed: "s"))
        #expect(clean.metrics.notMeasured == nil && tangle.metrics.notMeasured == nil)
        #expect(clean.metrics.run == 10 && tangle.metrics.run == 10)
        #expect(clean.metrics.killed > tangle.metrics.killed)
    }

    @Test(.timeLimit(.minutes(10))) func theGraderReportsMutationAndItsSurvivors() async throws {
        let scratch = try Scratch()
        var assignment = try loadAssignment(mutants: 40)
        assignment.mutation.seconds = TimeSpan(seconds: 900)
        let report = try await Grader(assignment: assignment).grade(.init(source: try tinyProject(in: scratch).path))
        let mutation = try #require(report.metrics.testability?.mutation)
        #expect(mutation.run == 6 && mutation.killed == 4 && mutation.survivors.map(\.line) == [2, 2])
        #expect(report.findings.filter { $0.rule == "testability.surviving-mutant" }.map(\.line) == [2, 2])
        // Candidate code ran during the tests, the own tests and mutation, at times at once: its
        // time is at least the mutation stage's and the test command's, at most the whole grading's.
        let timings = report.timings
        let candidateCode = try #require(timings["candidateCode"])
        #expect(candidateCode >= max(timings["mutation"] ?? 0, timings["testCommand"] ?? 0, timings["ownTestsCommand"] ?? 0))
        #expect(candidateCode <= timings["total"] ?? 0)
    }
}
