import Testing
import TakehomeCore
@testable import TakehomeAnalysis

/// "Dependencies the reference does without", for any ecosystem: the candidate's runtime
/// dependencies that the reference does not declare, each by name and manifest line.
@Suite struct DependencySignalTests {
    let candidate = swiftDesign([("Sources/App.swift", "struct App {}\n")], dependencies: [
        DeclaredDependency(name: "requests", file: "requirements.txt", line: 3),
        DeclaredDependency(name: "numpy", file: "requirements.txt", line: 4),
        DeclaredDependency(name: "pytest", file: "requirements-dev.txt", line: 1, isDevelopment: true),
    ]).overEngineering()
    let reference = swiftDesign([("Sources/App.swift", "struct App {}\n")], dependencies: [
        DeclaredDependency(name: "numpy", file: "pyproject.toml", line: 7),
    ]).overEngineering()

    @Test func withoutAReferenceEveryRuntimeDependencyCountsAndDevelopmentOnesAreOnlyListed() {
        #expect(names(candidate.signal("dependencies")) == ["requests", "numpy"])
        #expect(candidate.signal("dependencies")?.value == 2)
        #expect(names(candidate.signal("development-dependencies")) == ["pytest"])
        #expect(candidate.signal("development-dependencies")?.weight == 0)
    }

    @Test func onceComparedOnlyWhatTheReferenceLacksRemainsWithItsManifestLine() throws {
        var compared = candidate
        compared.compare(with: reference)
        let signal = try #require(compared.signal("dependencies"))
        #expect(signal.places == [DesignPlace(file: "requirements.txt", line: 3, name: "requests", note: "the reference does without it")])
        #expect(signal.value == 1)
        #expect(signal.reference == 0)
        // One dependency fewer in the candidate's index; the reference's own one leaves its index too.
        #expect(compared.index == candidate.index - 1)
        #expect(compared.referenceIndex == reference.index - 1)
        let finding = try #require(DesignFindings.findings(overEngineering: compared, structural: nil)
            .first { $0.rule == "design.dependencies" })
        #expect(finding.message.contains("Dependencies the reference does without: 1 (the reference has 0) — "
                                          + "requests (requirements.txt:3, the reference does without it)"))
        #expect(finding.file == "requirements.txt" && finding.line == 3)
    }

    @Test func aCandidateWithTheReferencesDependenciesHasNoFinding() {
        var compared = reference
        compared.compare(with: reference)
        #expect(compared.signal("dependencies")?.value == 0)
        #expect(DesignFindings.findings(overEngineering: compared, structural: nil).allSatisfy { $0.rule != "design.dependencies" })
    }
}
