import Foundation
import Testing
import TakehomeCore
@testable import TakehomeGrading

/// The errors of a report's JSON against docs/report.schema.json (python3's jsonschema).
func schemaErrors(_ report: Report, in scratch: Scratch) throws -> [String] {
    let schema = assignmentDirectory.deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("docs/report.schema.json")
    let document = scratch.url.appendingPathComponent("report.json")
    try ReportCoding.encode(report).write(to: document)
    let script = """
        import json, sys, jsonschema
        validator = jsonschema.Draft202012Validator(json.load(open(sys.argv[1])))
        for error in validator.iter_errors(json.load(open(sys.argv[2]))):
            print("/".join(str(p) for p in error.absolute_path) + ": " + error.message)
        """
    return try shell(["python3", "-c", script, schema.path, document.path], in: scratch.url)
        .split(separator: "\n").map(String.init)
}

@Test func gradedReportHoldsTheMetricsOfTheCandidatesOwnCode() async throws {
    let scratch = try Scratch()
    // The clean sample, plus what is not the candidate's: the starter's unchanged files and a
    // dependency folder.
    let repo = scratch.url.appendingPathComponent("candidate")
    try FileManager.default.copyItem(at: assignmentDirectory.appendingPathComponent("samples/clean"), to: repo)
    let starter = assignmentDirectory.appendingPathComponent("starter")
    try FileManager.default.copyItem(at: starter.appendingPathComponent("tests/test_example.py"),
                                     to: repo.appendingPathComponent("tests/test_example.py"))
    try FileManager.default.copyItem(at: starter.appendingPathComponent("README.md"), to: repo.appendingPathComponent("STARTER.md"))
    try FileManager.default.createDirectory(at: repo.appendingPathComponent("node_modules/pad"), withIntermediateDirectories: true)
    try Data("module.exports = 1\n".utf8).write(to: repo.appendingPathComponent("node_modules/pad/index.js"))
    try shell(["git", "init", "-q", "-b", "main"], in: repo)
    try shell(["git", "add", "-A"], in: repo)
    try shell(["git", "commit", "-q", "-m", "Submission"], in: repo)

    let report = try await Grader(assignment: try loadAssignment()).grade(.init(source: "file://\(repo.path)"))
    let size = try #require(report.metrics.size)
    #expect(size.leftOut.contains(ExcludedPath(path: "node_modules/", reason: "dependencies (node_modules)")))
    #expect(size.leftOut.contains(ExcludedPath(path: "tests/test_example.py",
                                               reason: "starter code, unchanged from starter/tests/test_example.py")))
    #expect(size.leftOut.contains(ExcludedPath(path: "STARTER.md", reason: "starter code, unchanged from starter/README.md")))
    // The hidden tests are placed in the run directory, never in what is analysed.
    let analysed = size.files.map(\.path) + size.skipped.map(\.path) + size.leftOut.map(\.path)
    #expect(!analysed.contains { $0.hasPrefix("tests/hidden") })
    #expect(analysed.contains("shiftpay.py"))
    let complexity = try #require(report.metrics.complexity)
    #expect(complexity.thresholds == Thresholds(ccn: 10, cognitive: 15, functionLines: 50, params: 5, nesting: 4))
    if !complexity.functions.isEmpty {
        #expect(complexity.reference != nil, "the reference solution is analysed for the relative score")
    }
    #expect(report.metrics.duplication?.minTokens == 50)
    #expect(report.metrics.overEngineering?.referenceIndex != nil, "the reference's index is the design yardstick")
    #expect(report.metrics.testability?.structural?.languages == ["python"])
    #expect(report.timings["analysis"] != nil)
    #expect(try schemaErrors(report, in: scratch) == [])
}

@Test func aSolutionRootThatCannotBeAnalysedIsAFindingNotAFailure() throws {
    let scratch = try Scratch()
    try FileManager.default.createDirectory(at: scratch.url.appendingPathComponent("tree"), withIntermediateDirectories: true)
    var assignment = try loadAssignment()
    assignment.root = "src"
    let outcome = CodeAnalysis(assignment: assignment).measure(scratch.url.appendingPathComponent("tree"), withReference: true)
    #expect(outcome.metrics == Report.Metrics())
    #expect(outcome.findings.map(\.rule) == ["metrics.not-analysed"])
    #expect(outcome.findings.first?.message.hasSuffix("/tree/src: no such folder.") == true, "\(outcome.findings)")
}

@Test func theOverEngineeredSampleLosesDesignPointsWithFindingsThatNameThePlaces() throws {
    let assignment = try loadAssignment()
    let analysis = CodeAnalysis(assignment: assignment)
    let over = analysis.measure(assignmentDirectory.appendingPathComponent("samples/over-engineered"), withReference: true)
    let clean = analysis.measure(assignmentDirectory.appendingPathComponent("samples/clean"), withReference: true)
    let overMetrics = try #require(over.metrics.overEngineering), cleanMetrics = try #require(clean.metrics.overEngineering)
    #expect(overMetrics.referenceIndex == cleanMetrics.referenceIndex)
    let overPart = DesignScore.part(overMetrics, weight: 10), cleanPart = DesignScore.part(cleanMetrics, weight: 10)
    #expect((overPart.earned ?? 10) < 5 && (cleanPart.earned ?? 0) >= 8)
    let single = try #require(over.findings.first { $0.rule == "design.single-implementation-abstractions" })
    #expect(single.message.hasPrefix("Abstractions with exactly one implementation: 7 (the reference has 0) — AbstractRoundingStrategy "))
    #expect(single.file == "shiftpay_core/interfaces.py" && single.line == 13)
    #expect(!clean.findings.contains { $0.rule == "design.single-implementation-abstractions" })
}
