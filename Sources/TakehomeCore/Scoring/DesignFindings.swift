/// The findings the design model raises: one per over-engineering or structural signal that is
/// present, naming its first places (and the reference's figure when graded) and what to do.
public enum DesignFindings {
    /// The most places a finding names.
    public static let placeLimit = 5

    public static func findings(overEngineering: OverEngineeringMetrics?, structural: StructuralTestabilityMetrics?) -> [Finding] {
        var findings: [Finding] = []
        for signal in overEngineering?.signals ?? [] where !signal.places.isEmpty && signal.value > (signal.reference ?? 0) {
            findings.append(finding(signal, rule: "design.\(signal.name)"))
        }
        for signal in structural?.signals ?? [] where !signal.places.isEmpty {
            findings.append(finding(signal, rule: "testability.\(signal.name)"))
        }
        return findings
    }

    /// `Abstractions with exactly one implementation: 3 (the reference has 0) — A (a.py:3, only B); ... Suggestion: ...`.
    static func finding(_ signal: DesignSignal, rule: String) -> Finding {
        let count = signal.value == signal.value.rounded() ? String(Int(signal.value)) : DesignScore.number(signal.value)
        let reference = signal.reference.map { " (the reference has \(DesignScore.number($0)))" } ?? ""
        var places = signal.places.prefix(placeLimit).map { place in
            "\(place.name) (\(place.file):\(place.line)\(place.note.map { ", \($0)" } ?? ""))"
        }.joined(separator: "; ")
        if signal.places.count > placeLimit { places += "; and \(signal.places.count - placeLimit) more" }
        let first = signal.places[0]
        return Finding(rule: rule, severity: .warning,
                       message: "\(signal.label.prefix(1).uppercased() + signal.label.dropFirst()): \(count)\(reference) — "
                           + "\(places). Suggestion: \(signal.suggestion).",
                       file: first.file, line: first.line)
    }
}
