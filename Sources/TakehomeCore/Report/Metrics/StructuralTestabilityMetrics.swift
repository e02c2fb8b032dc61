/// Structural testability signals read from the code, each a count with places.
public struct StructuralTestabilityMetrics: Codable, Sendable, Equatable {
    public init() {}
}
