/// Mutation testing of the candidate's own tests: mutants made on the token stream, killed / total,
/// and the surviving ones with their place in the code.
public struct MutationMetrics: Codable, Sendable, Equatable {
    public init() {}
}
