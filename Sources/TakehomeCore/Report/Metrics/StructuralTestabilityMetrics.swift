/// Structural testability signals read from the code, each a count with places: global mutable
/// state, I/O mixed with decisions, collaborators built inside logic, singletons.
public struct StructuralTestabilityMetrics: Codable, Sendable, Equatable {
    /// The languages whose files were read.
    public var languages: [String]
    public var signals: [DesignSignal]

    public init(signals: [DesignSignal], languages: [String]) {
        self.signals = signals; self.languages = languages
    }

    /// Puts the reference solution's value next to each signal (0 when the reference lacks it).
    public mutating func compare(with reference: StructuralTestabilityMetrics) {
        for index in signals.indices { signals[index].reference = reference.signal(signals[index].name)?.value ?? 0 }
    }

    /// The signal with this name.
    public func signal(_ name: String) -> DesignSignal? { signals.first { $0.name == name } }
}
