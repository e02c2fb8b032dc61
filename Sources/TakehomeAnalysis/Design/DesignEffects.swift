/// Outside-world access in a brace or `end` language, by the patterns of its design description
/// (`DesignDescriptions`): the kinds of effects in a token range, in a fixed order, each once.
struct DesignEffects {
    let patterns: [(kind: DesignDescription.EffectKind, pattern: String)]

    init(_ description: DesignDescription) {
        patterns = DesignDescription.EffectKind.allCases.flatMap { kind in (description.effects[kind] ?? []).map { (kind, $0) } }
    }

    func kinds(in range: Range<Int>, tokens: CodeTokens) -> [String] {
        var found: Set<DesignDescription.EffectKind> = []
        var index = range.lowerBound
        while index < range.upperBound {
            guard tokens.isIdentifier(index), !tokens.isChained(index) else { index += 1; continue }
            let (names, end) = tokens.chain(startingAt: index)
            let called = tokens.text(end + 1) == "("
            let afterNew = tokens.text(index - 1) == "new"
            for (kind, pattern) in patterns where !found.contains(kind) && matches(pattern, names, called: called, afterNew: afterNew) {
                found.insert(kind)
            }
            index = end + 1
        }
        return DesignDescription.EffectKind.allCases.filter(found.contains).map(\.rawValue)
    }

    private func matches(_ pattern: String, _ names: [String], called: Bool, afterNew: Bool) -> Bool {
        if pattern.hasPrefix("new ") {
            return afterNew && names.last == String(pattern.dropFirst(4).dropLast()) && called
        }
        if pattern.hasSuffix("(") { return names.count == 1 && called && names[0] == String(pattern.dropLast()) }
        if pattern.hasSuffix(".") { return names.count > 1 && names[0] == String(pattern.dropLast()) }
        let parts = pattern.split(separator: ".").map(String.init)
        if parts.count == 1 { return names.contains(parts[0]) && (names[0] == parts[0] || names.count > 1) }
        guard names.count >= parts.count else { return false }
        for start in 0...(names.count - parts.count) where Array(names[start..<start + parts.count]) == parts { return true }
        return false
    }
}
