import Foundation
import Testing
import TakehomeCore
@testable import TakehomeGrading

@Test func cleanSampleEarnsFullCorrectness() async throws {
    let scratch = try Scratch()
    let url = try repository(ofSample: "clean", in: scratch)
    let report = try await Grader(assignment: try loadAssignment()).grade(.init(source: url))
    let hidden = try #require(report.tests.hidden)
    #expect(hidden.total == 33 && hidden.passed == 33)
    #expect(hidden.tampering.isEmpty && hidden.limitsHit.isEmpty)
    #expect(report.score.parts.first { $0.name == "correctness" }?.earned == 60)
    // Complexity is measured exactly when the analysis found functions in the candidate's source,
    // design when the design model read its Python source.
    let complexityMeasured = !(report.metrics.complexity?.functions.isEmpty ?? true)
    let designMeasured = report.metrics.overEngineering != nil
    #expect(report.score.parts.filter { !$0.measured }.map(\.name)
            == (complexityMeasured ? [] : ["complexity"]) + (designMeasured ? [] : ["design"]))
    #expect(report.score.max == 60 + 15 + (complexityMeasured ? 15 : 0) + (designMeasured ? 10 : 0))
    #expect(designMeasured)
    // The clean sample is about as lean as the reference, so it keeps most of the design points.
    let design = try #require(report.score.parts.first { $0.name == "design" })
    #expect((design.earned ?? 0) >= 8)
    #expect(design.explanation.contains("the reference's is"))
    // Its own 21 tests pass and cover every line and branch of shiftpay.py, as the reference's do.
    #expect(report.tests.candidate?.total == 21 && report.tests.candidate?.passed == 21)
    #expect(report.tests.candidate?.coverage == Coverage(lines: 1, branches: 1))
    #expect(report.score.parts.first { $0.name == "testability" }?.earned == 15)
    #expect(report.submission.commit?.count == 40)
    #expect(report.submission.authors.map(\.name) == ["Test Candidate"])
    #expect(report.submission.commitTime == ISO8601DateFormatter().date(from: "2026-01-02T03:04:05Z"))
}

@Test func buggySampleLosesExactlyTheTestsItsBugBreaks() async throws {
    let scratch = try Scratch()
    let url = try repository(ofSample: "buggy", in: scratch)
    let report = try await Grader(assignment: try loadAssignment()).grade(.init(source: url))
    let hidden = try #require(report.tests.hidden)
    let failing = hidden.cases.filter { $0.status != .passed }.map(\.name).sorted()
    #expect(failing == ["test_night_premium_hours_are_rounded", "test_rounding_tie_rounds_up",
                        "test_weekly_overtime_not_double_counted"])
    #expect(hidden.pointsEarned == hidden.pointsPossible - 6)
    #expect(!hidden.tampered)
}

@Test func forgerIsFlaggedAndEarnsNothing() async throws {
    let scratch = try Scratch()
    let url = try repository(ofSample: "forger", in: scratch)
    let report = try await Grader(assignment: try loadAssignment()).grade(.init(source: url))
    let hidden = try #require(report.tests.hidden)
    #expect(hidden.tampered)
    #expect(hidden.pointsEarned == 0)
    #expect(report.findings.contains { $0.rule == "tests.tampering" })
    #expect(report.findings.contains { $0.rule == "tests.tampering-attempt" && $0.file == "conftest.py" })
}

@Test func endlessSampleIsStoppedAtTheWallLimitAndStillReported() async throws {
    let scratch = try Scratch()
    let url = try repository(ofSample: "endless", in: scratch)
    let report = try await Grader(assignment: try loadAssignment(wall: 4)).grade(.init(source: url))
    let hidden = try #require(report.tests.hidden)
    #expect(hidden.limitsHit == ["stopped at the 4 s wall limit"])
    #expect(!hidden.tampered)
    #expect(hidden.errored > 0)
    #expect(hidden.cases.allSatisfy { $0.status != .passed || $0.earned == $0.points })
    #expect(report.sandbox?.phases.first?.limitsHit == ["stopped at the 4 s wall limit"])
}

@Test func gradingTwiceGivesTheSameReportApartFromTimings() async throws {
    let scratch = try Scratch()
    let url = try repository(ofSample: "buggy", in: scratch)
    let grader = try Grader(assignment: try loadAssignment(mutants: 8))
    func normalised(_ report: Report) throws -> String {
        var copy = report
        copy.generatedAt = Date(timeIntervalSince1970: 0)
        copy.timings = [:]
        if var mutation = copy.metrics.testability?.mutation {
            (mutation.seconds, mutation.baselineSeconds, mutation.mutantTimeoutSeconds) = (0, 0, 0)
            copy.metrics.testability?.mutation = mutation
        }
        func untimed(_ suite: TestSuiteResult?) -> TestSuiteResult? {
            guard var suite else { return nil }
            suite.durationMs = 0
            suite.cases = suite.cases.map { var testCase = $0; testCase.durationMs = 0; return testCase }
            suite.output = suite.output?.replacingOccurrences(of: #"in [0-9.]+s"#, with: "in Ns", options: .regularExpression)
            return suite
        }
        copy.tests.hidden = untimed(copy.tests.hidden)
        copy.tests.candidate = untimed(copy.tests.candidate)
        copy.metrics.testability?.ownTests?.durationMs = 0
        if var sandbox = copy.sandbox {
            sandbox.phases = sandbox.phases.map { var phase = $0; phase.wallSeconds = 0; return phase }
            copy.sandbox = sandbox
        }
        return String(decoding: try ReportCoding.encode(copy), as: UTF8.self)
    }
    let first = try normalised(try await grader.grade(.init(source: url)))
    let second = try normalised(try await grader.grade(.init(source: url)))
    let (a, b) = (first.split(separator: "\n"), second.split(separator: "\n"))
    if let line = (0..<min(a.count, b.count)).first(where: { a[$0] != b[$0] }) ?? (a.count == b.count ? nil : min(a.count, b.count)) {
        Issue.record("the reports differ first at line \(line + 1): \(line < a.count ? a[line] : "(end)") | \(line < b.count ? b[line] : "(end)")")
    }
}

@Test func checkUsesPublicTestsOnlyOnAnUncommittedFolder() async throws {
    let scratch = try Scratch()
    let folder = scratch.url.appendingPathComponent("work")
    try FileManager.default.copyItem(at: assignmentDirectory.appendingPathComponent("samples/clean"), to: folder)
    let report = try await Grader(assignment: try loadAssignment()).grade(.init(source: folder.path, mode: .check))
    #expect(report.tests.hidden == nil)
    let publicSuite = try #require(report.tests.public)
    #expect(publicSuite.total == 5 && publicSuite.passed == 5)
    #expect(report.mode == .check)
    #expect(report.submission.kind == "folder")
    #expect(report.metrics.size != nil && report.metrics.complexity != nil && report.metrics.duplication != nil)
}

@Test func solutionInTheWrongFolderIsOneLoadFailure() async throws {
    let scratch = try Scratch()
    let repo = scratch.url.appendingPathComponent("nested")
    try FileManager.default.createDirectory(at: repo, withIntermediateDirectories: true)
    try FileManager.default.copyItem(at: assignmentDirectory.appendingPathComponent("samples/clean"),
                                     to: repo.appendingPathComponent("solution"))
    try shell(["git", "init", "-q", "-b", "main"], in: repo)
    try shell(["git", "add", "-A"], in: repo)
    try shell(["git", "commit", "-q", "-m", "Submission"], in: repo)
    let report = try await Grader(assignment: try loadAssignment()).grade(.init(source: "file://\(repo.path)"))
    let hidden = try #require(report.tests.hidden)
    let failure = try #require(hidden.loadFailure)
    #expect(failure.message.contains("No module named 'shiftpay'"))
    #expect(failure.expectedPath == "shiftpay.py")
    #expect(!hidden.tampered)
    #expect(report.findings.first?.rule == "tests.load-failure")
    #expect(report.score.total == 0)
}

@Test func checkNeverNeedsHiddenTestsOrTheReference() async throws {
    let scratch = try Scratch()
    // What a candidate holds: the assignment without hidden-tests/ and reference/.
    let bundle = scratch.url.appendingPathComponent("bundle")
    try FileManager.default.copyItem(at: assignmentDirectory, to: bundle)
    try FileManager.default.removeItem(at: bundle.appendingPathComponent("hidden-tests"))
    try FileManager.default.removeItem(at: bundle.appendingPathComponent("reference"))
    let assignment = try AssignmentLoader.load(directory: bundle, hiddenTestsRequired: false)
    let folder = scratch.url.appendingPathComponent("work")
    try FileManager.default.copyItem(at: assignmentDirectory.appendingPathComponent("samples/buggy"), to: folder)
    let report = try await Grader(assignment: assignment).grade(.init(source: folder.path, mode: .check))
    let publicSuite = try #require(report.tests.public)
    #expect(publicSuite.total == 5 && publicSuite.passed == 5 && !publicSuite.tampered)
    #expect(throws: AssignmentError.self) { try AssignmentLoader.load(directory: bundle) }
}
