import TakehomeCore

/// The signals that need more than one pass over the model.
extension DesignAnalysis {
    /// Source classes with at least two project classes above them (`C(B)`, `B(A)`).
    func deepInheritance(_ source: Source) -> [DesignPlace] {
        var byName: [String: DesignType] = [:]
        byName.reserveCapacity(source.types.count)
        for each in source.types { byName[each.type.name] = each.type }
        // Memoised and counted up to `Self.depthLimit` levels, so a hostile chain of thousands of
        // classes costs one visit each and never a deep recursion; a cycle counts as no parent.
        var memo: [String: Int] = [:]
        memo.reserveCapacity(source.types.count)
        func depth(_ name: String, _ budget: Int) -> Int {
            if let known = memo[name] { return known }
            guard budget > 0, let type = byName[name] else { return 0 }
            memo[name] = 0
            var value = 0
            for base in type.bases where base != name && byName[base] != nil { value = max(value, 1 + depth(base, budget - 1)) }
            memo[name] = value
            return value
        }
        return source.types.compactMap { each in
            let levels = depth(each.type.name, Self.depthLimit)
            return levels >= 2 ? DesignPlace(file: each.file, line: each.type.line, name: each.type.name, note: "\(levels) levels") : nil
        }
    }

    /// Source types named after a pattern that mention at most one project type they could make
    /// (one that is neither abstract nor a value). Implementations of a project abstraction
    /// (`QuarterHourRoundingStrategy(AbstractRoundingStrategy)`) are counted with the abstraction.
    func singleProductPatterns(_ source: Source) -> [DesignPlace] {
        let named = source.types.filter { !$0.type.isAbstraction && Self.patternSuffixes.contains(where: $0.type.name.hasSuffix) }
        guard !named.isEmpty else { return [] }
        let abstractions = Set(source.types.filter { $0.type.isAbstraction }.map { $0.type.name })
        let products = Set(source.types.filter { !$0.type.isAbstraction && !$0.type.isValue }.map { $0.type.name })
        return named.compactMap { each in
            let type = each.type
            guard abstractions.isDisjoint(with: type.bases) else { return nil }
            let made = products.intersection(type.references).subtracting([type.name]).sorted()
            guard made.count <= 1 else { return nil }
            return DesignPlace(file: each.file, line: type.line, name: type.name,
                               note: made.first.map { "only makes \($0)" } ?? "makes no project type")
        }
    }

    /// Unused parameters, except in methods an abstraction of the project declares (their
    /// signature is fixed by it, as for Go's structural interfaces).
    func unusedParameters(_ source: Source) -> [DesignPlace] {
        var declared: Set<String> = []
        for file in files { for type in file.types where type.isAbstraction { declared.formUnion(type.methods) } }
        return source.files.flatMap { file in file.functions.flatMap { function -> [DesignPlace] in
            guard !function.unusedParameters.isEmpty, function.typeName == nil || !declared.contains(function.name) else { return [] }
            return function.unusedParameters.map { DesignPlace(file: file.path, line: function.line, name: "\(qualified(function))(\($0))") }
        } }
    }

    public func structural() -> StructuralTestabilityMetrics {
        let source = Source(files)
        let mixed = source.files.flatMap { file in file.functions.compactMap { function -> DesignPlace? in
            function.decisions > 0 && !function.effects.isEmpty
                ? DesignPlace(file: file.path, line: function.line, name: qualified(function), note: function.effects.joined(separator: ", "))
                : nil
        } }
        let collaborators = Set(source.types.map { $0.type }.filter {
            !$0.isValue && !$0.isAbstraction && !$0.name.hasPrefix("_") && $0.methods.contains { !$0.hasPrefix("__") }
        }.map(\.name))
        let constructed = source.files.flatMap { file in file.instantiations.compactMap { made -> DesignPlace? in
            guard collaborators.contains(made.typeName), let function = made.function, !made.isReturned,
                  function != "main", made.enclosingType != made.typeName else { return nil }
            return DesignPlace(file: file.path, line: made.line, name: made.typeName, note: "built inside \(function)")
        } }
        let state = source.files.flatMap(\.mutableState), singletons = source.files.flatMap(\.singletons)
        let signals = [
            DesignSignal(name: "global-mutable-state", value: Double(state.count), weight: 0,
                         label: "module or class variables that functions change",
                         suggestion: "keep the state in an object that callers create and pass in",
                         places: state),
            DesignSignal(name: "effects-in-decisions", value: Double(mixed.count), weight: 0,
                         label: "functions that decide and also read the clock, randomness, the environment, files or the network",
                         suggestion: "read the outside value in the caller and pass it in, so the decision can be tested with plain values",
                         places: mixed),
            DesignSignal(name: "constructed-collaborators", value: Double(constructed.count), weight: 0,
                         label: "collaborators constructed inside logic",
                         suggestion: "take the collaborator as a parameter (constructor injection) so that a test can pass its own",
                         places: constructed),
            DesignSignal(name: "singletons", value: Double(singletons.count), weight: 0,
                         label: "shared single instances", suggestion: "create the instance once at the entry point and pass it to whoever needs it",
                         places: singletons),
        ]
        return StructuralTestabilityMetrics(signals: signals, languages: languages)
    }
}
