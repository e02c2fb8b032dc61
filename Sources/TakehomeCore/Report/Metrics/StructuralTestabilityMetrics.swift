/// Structural testability signals read from the code, each a count with places: global mutable
/// state, I/O mixed with decisions, collaborators built inside logic, singletons.
public struct StructuralTestabilityMetrics: Codable, Sendable, Equatable {
    /// The languages whose files were read.
    public var languages: [String]
    public var signals: [DesignSignal]

    public init(signals: [DesignSignal], languages: [String]) {
        self.signals = signals; self.languages = languages
    }

    /// The signal with this name.
    public func signal(_ name: String) -> DesignSignal? { signals.first { $0.name == name } }
}
