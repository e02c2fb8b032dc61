/// The candidate's own tests as run in the sandbox, and the coverage of their source by them.
public struct OwnTestsMetrics: Codable, Sendable, Equatable {
    public init() {}
}
