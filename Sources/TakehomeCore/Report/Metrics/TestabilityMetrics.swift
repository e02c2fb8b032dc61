/// How testable the candidate's code is and how well their own tests guard it: their tests run
/// in the sandbox (with coverage), a mutation score, and structural signals read from the code.
/// Each part is nil until its analysis runs ("not measured").
public struct TestabilityMetrics: Codable, Sendable, Equatable {
    /// The candidate's own tests: found, passed, failed, errored, time, and coverage of their
    /// source (the full suite result is `tests.candidate`).
    public var ownTests: OwnTestsMetrics?
    /// Mutants of the candidate's source run against their own tests.
    public var mutation: MutationMetrics?
    /// Global mutable state, I/O mixed with decisions, collaborators built inside logic, singletons.
    public var structural: StructuralTestabilityMetrics?

    public init(ownTests: OwnTestsMetrics? = nil, mutation: MutationMetrics? = nil,
                structural: StructuralTestabilityMetrics? = nil) {
        self.ownTests = ownTests; self.mutation = mutation; self.structural = structural
    }
}
