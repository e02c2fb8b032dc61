import Foundation
import Testing
import TakehomeCore
@testable import TakehomeGrading

/// The bundled samples graded once each, mutation testing on (10 mutants, to keep `make test`
/// light), and the orderings issue 4 asks of them (docs/metrics.md, "Scoring testability" and
/// "Calibration"): the tangle has the lowest testability, the clean sample's tests kill more mutants
/// than the tangle's, the over-engineered sample's index is clearly above the clean sample's and the
/// reference's. One grading per sample serves every check: each runs the samples' own tests once per mutant.
@Test(.timeLimit(.minutes(20)))
func bundledSamplesAreOrderedByTestabilityAndDesign() async throws {
    let scratch = try Scratch()
    let grader = try Grader(assignment: try loadAssignment(mutants: 10))
    var reports: [String: Report] = [:]
    for name in ["clean", "over-engineered", "buggy", "tangle", "endless", "forger"] {
        reports[name] = try await grader.grade(.init(source: try repository(ofSample: name, in: scratch)))
    }
    func part(_ sample: String, _ name: String) throws -> Score.Part {
        try #require(reports[sample]?.score.parts.first { $0.name == name })
    }
    func testability(_ sample: String) throws -> Double { try #require(try part(sample, "testability").earned) }

    let tangle = try testability("tangle")
    for other in ["clean", "over-engineered", "buggy", "endless", "forger"] {
        let explanation = try part(other, "testability").explanation
        #expect(try testability(other) > tangle, "\(other): \(explanation)")
    }

    let cleanMutation = try #require(reports["clean"]?.metrics.testability?.mutation)
    let tangleMutation = try #require(reports["tangle"]?.metrics.testability?.mutation)
    #expect(try #require(cleanMutation.score) > (try #require(tangleMutation.score)))
    // The reference's own tests against its own mutants, with the same budget, are the yardstick.
    let reference = try #require(cleanMutation.reference)
    #expect(reference.run == 10 && tangleMutation.reference == reference)
    let explanation = try part("clean", "testability").explanation
    #expect(explanation.contains("own tests kill \(cleanMutation.killed) of \(cleanMutation.run) mutants ("))
    #expect(explanation.contains("the reference's kill \(reference.killed) of 10 ("))
    // The reference's figure is part of the report's schema; the forger's own-test run is marked tampered.
    #expect(try schemaErrors(try #require(reports["clean"]), in: scratch) == [])
    #expect(try schemaErrors(try #require(reports["forger"]), in: scratch) == [])
    #expect(reports["forger"]?.metrics.testability?.ownTests?.tampered == true)

    // The forger's own-test run was tampered with: its figures are no evidence either way, so the
    // own-tests and mutation terms are left out, said so; the structure term, read from the code, counts.
    let forger = try part("forger", "testability")
    #expect(reports["forger"]?.metrics.testability?.mutation?.score == nil)
    #expect(forger.measured && forger.explanation.hasPrefix("own tests (weight 1): not measured (the run's results were "
        + "tampered with: no evidence either way), left out; mutation (weight 2): not measured (the run's results were tampered"))
    // The endless sample's graded tests hang, but its own tests finish: every term is measured.
    #expect(try !part("endless", "testability").explanation.contains("left out"))

    let engineered = try #require(reports["over-engineered"]?.metrics.overEngineering)
    let clean = try #require(reports["clean"]?.metrics.overEngineering)
    #expect(engineered.index > 3 * clean.index)
    #expect(engineered.index > 3 * (try #require(engineered.referenceIndex)))
    #expect(try #require(try part("over-engineered", "design").earned) < (try #require(try part("clean", "design").earned)))
}
