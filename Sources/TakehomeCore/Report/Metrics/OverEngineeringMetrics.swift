/// The over-engineering index and the named signals it combines, each against the reference
/// solution (`metrics.overEngineering`). The index is the weighted sum of the signals' values
/// (docs/metrics.md, "Design and over-engineering"), computed the same way for the reference.
public struct OverEngineeringMetrics: Codable, Sendable, Equatable {
    /// Σ weight × value over `signals`, two decimals.
    public var index: Double
    /// The reference solution's index under the same formula; absent outside grading.
    public var referenceIndex: Double?
    /// The languages whose files the design model read (`python`).
    public var languages: [String]
    public var signals: [DesignSignal]

    public init(signals: [DesignSignal], languages: [String], referenceIndex: Double? = nil) {
        self.signals = signals
        self.languages = languages
        self.referenceIndex = referenceIndex
        index = Self.index(of: signals)
    }

    /// Σ weight × value, two decimals.
    public static func index(of signals: [DesignSignal]) -> Double {
        (signals.reduce(0) { $0 + $1.weight * $1.value } * 100).rounded() / 100
    }

    /// The signal with this name.
    public func signal(_ name: String) -> DesignSignal? { signals.first { $0.name == name } }

    /// Sets the reference's index and each signal's `reference` from the reference's own metrics.
    public mutating func compare(with reference: OverEngineeringMetrics) {
        referenceIndex = reference.index
        for index in signals.indices { signals[index].reference = reference.signal(signals[index].name)?.value ?? 0 }
        keepDependencies(theReferenceLacks: reference)
    }
}

/// One named design signal: a figure with the places it comes from and what to do about it.
public struct DesignSignal: Codable, Sendable, Equatable {
    /// Stable name, e.g. `single-implementation-abstractions`.
    public var name: String
    /// A count, or a density for the per-100-NLOC signals.
    public var value: Double
    /// The reference solution's value; absent outside grading.
    public var reference: Double?
    /// Its weight in the over-engineering index (0: shown, not in the index).
    public var weight: Double
    /// What is counted, in a few words ("abstractions with exactly one implementation").
    public var label: String
    /// What the candidate can do, as an imperative.
    public var suggestion: String
    public var places: [DesignPlace]

    public init(name: String, value: Double, weight: Double, label: String, suggestion: String,
                places: [DesignPlace], reference: Double? = nil) {
        self.name = name; self.value = value; self.weight = weight; self.label = label
        self.suggestion = suggestion; self.places = places; self.reference = reference
    }
}

/// Where a design signal was seen: a file, a line and the name of the thing there.
public struct DesignPlace: Codable, Sendable, Hashable {
    public var file: String
    public var line: Int
    public var name: String
    /// A few words on this place ("clock, environment", "1 product").
    public var note: String?

    public init(file: String, line: Int, name: String, note: String? = nil) {
        self.file = file; self.line = line; self.name = name; self.note = note
    }
}
