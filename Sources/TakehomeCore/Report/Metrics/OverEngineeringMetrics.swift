/// The over-engineering index and the named signals it combines, each against the reference solution.
public struct OverEngineeringMetrics: Codable, Sendable, Equatable {
    public init() {}
}
