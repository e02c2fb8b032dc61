/// "Dependencies the reference does without": once graded, the `dependencies` signal keeps only
/// the candidate's dependencies that the reference solution does not declare, each noted so
/// ("`requests` (requirements.txt:3, the reference does without it)"). The reference's own are
/// by definition none it does without, so its figure is 0 and its index leaves them out too.
extension OverEngineeringMetrics {
    static let dependencySignal = "dependencies"

    mutating func keepDependencies(theReferenceLacks reference: OverEngineeringMetrics) {
        guard let position = signals.firstIndex(where: { $0.name == Self.dependencySignal }) else { return }
        let theirs = reference.signal(Self.dependencySignal)
        let declared = Set(theirs?.places.map(\.name) ?? [])
        var signal = signals[position]
        signal.places = signal.places.filter { !declared.contains($0.name) }.map { place in
            var place = place
            place.note = "the reference does without it"
            return place
        }
        signal.value = Double(signal.places.count)
        signal.reference = 0
        signals[position] = signal
        index = Self.index(of: signals)
        if let theirs { referenceIndex = ((reference.index - theirs.weight * theirs.value) * 100).rounded() / 100 }
    }
}
