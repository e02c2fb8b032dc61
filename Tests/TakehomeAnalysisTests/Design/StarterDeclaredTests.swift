import Foundation
import Testing
import TakehomeCore
@testable import TakehomeAnalysis

/// Types and functions the assignment's starter code declares keep the defaults the prompt asked
/// for: those defaults are not "configuration nobody varies" of the candidate's.
@Suite struct StarterDeclaredTests {
    static let starterModels = """
        from dataclasses import dataclass


        @dataclass(frozen=True)
        class Policy:
            rate: float = 20.0
            night_premium: float = 0.25


        def weekly_pay(shifts, policy=None):
            raise NotImplementedError

        """

    /// The candidate kept the starter's declarations, filled in the function, and added one of
    /// their own with a default nobody sets.
    static let candidateModels = """
        from dataclasses import dataclass


        @dataclass(frozen=True)
        class Policy:
            rate: float = 20.0
            night_premium: float = 0.25


        def weekly_pay(shifts, policy=None):
            policy = policy or Policy()
            return sum(hours * policy.rate for hours in shifts) * rounding()


        def rounding(quantum=0.25):
            return quantum

        """

    @Test func starterDefaultsAreTheAssignmentsNotTheCandidates() throws {
        let root = FileManager.default.temporaryDirectory.appendingPathComponent("takehome-starter-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: root) }
        let starter = root.appendingPathComponent("starter"), submission = root.appendingPathComponent("submission")
        for folder in [starter, submission] { try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true) }
        try Data(Self.starterModels.utf8).write(to: starter.appendingPathComponent("models.py"))
        try Data(Self.candidateModels.utf8).write(to: submission.appendingPathComponent("models.py"))
        try Data("from models import weekly_pay\n\n\ndef test_pay():\n    assert weekly_pay([1]) == 5.0\n".utf8)
            .write(to: submission.appendingPathComponent("test_models.py"))

        let unaware = try MetricsAnalyzer().analyze(submission).overEngineering
        #expect(names(unaware?.signal("unvaried-configuration"))
                == ["Policy.rate", "Policy.night_premium", "weekly_pay.policy", "rounding.quantum"])
        let aware = try MetricsAnalyzer().analyze(submission, starter: StarterFiles(folder: starter)).overEngineering
        #expect(names(aware?.signal("unvaried-configuration")) == ["rounding.quantum"])
    }
}
