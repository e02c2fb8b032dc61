import TakehomeCore

/// The signals that need more than one pass over the model.
extension DesignAnalysis {
    /// Source classes with at least two project classes above them (`C(B)`, `B(A)`).
    func deepInheritance() -> [DesignPlace] {
        var byName: [String: DesignType] = [:]
        for (_, type) in sourceTypes { byName[type.name] = type }
        // Memoised and counted up to `Self.depthLimit` levels, so a hostile chain of thousands of
        // classes costs one visit each and never a deep recursion; a cycle counts as no parent.
        var memo: [String: Int] = [:]
        func depth(_ name: String, _ budget: Int) -> Int {
            if let known = memo[name] { return known }
            guard budget > 0, let type = byName[name] else { return 0 }
            memo[name] = 0
            let value = type.bases.filter { byName[$0] != nil && $0 != name }.map { 1 + depth($0, budget - 1) }.max() ?? 0
            memo[name] = value
            return value
        }
        return sourceTypes.compactMap { file, type in
            let levels = depth(type.name, Self.depthLimit)
            return levels >= 2 ? DesignPlace(file: file, line: type.line, name: type.name, note: "\(levels) levels") : nil
        }
    }

    /// Source types named after a pattern that mention at most one project type they could make
    /// (one that is neither abstract nor a value). Implementations of a project abstraction
    /// (`QuarterHourRoundingStrategy(AbstractRoundingStrategy)`) are counted with the abstraction.
    func singleProductPatterns() -> [DesignPlace] {
        let abstractions = Set(sourceTypes.filter { $0.type.isAbstraction }.map { $0.type.name })
        let products = Set(sourceTypes.filter { !$0.type.isAbstraction && !$0.type.isValue }.map { $0.type.name })
        return sourceTypes.compactMap { file, type in
            guard !type.isAbstraction, Self.patternSuffixes.contains(where: { type.name.hasSuffix($0) }),
                  abstractions.isDisjoint(with: type.bases) else { return nil }
            let made = products.intersection(type.references).subtracting([type.name]).sorted()
            guard made.count <= 1 else { return nil }
            return DesignPlace(file: file, line: type.line, name: type.name,
                               note: made.first.map { "only makes \($0)" } ?? "makes no project type")
        }
    }

    /// Defaulted parameters of source functions and defaulted dataclass fields that some call
    /// reaches and no call sets (by position or by keyword, in source or tests). Types and
    /// functions the starter code declares are left out: their defaults are the assignment's.
    func unvariedConfiguration() -> [DesignPlace] {
        // Per called name: the most positional arguments any call passes, every keyword, any spread.
        var calls: [String: (positional: Int, keywords: Set<String>, spreads: Bool)] = [:]
        for call in files.flatMap(\.calls) {
            var summary = calls[call.name] ?? (0, [], false)
            summary.positional = max(summary.positional, call.positional)
            summary.keywords.formUnion(call.keywords)
            summary.spreads = summary.spreads || call.spreads
            calls[call.name] = summary
        }
        var places: [DesignPlace] = []
        func check(_ parameters: [Parameter], callee: String, owner: String, file: String, line: Int) {
            guard let sites = calls[callee], !sites.spreads else { return }
            for (position, parameter) in parameters.enumerated() where parameter.hasDefault {
                let set = sites.positional > position || sites.keywords.contains(parameter.name)
                if !set { places.append(DesignPlace(file: file, line: line, name: "\(owner).\(parameter.name)", note: "always the default")) }
            }
        }
        for file in source {
            for type in file.types where !type.fields.isEmpty && !starterNames.contains(type.name) {
                check(type.fields, callee: type.name, owner: type.name, file: file.path, line: type.line)
            }
            for function in file.functions where !function.name.hasPrefix("__") || function.name == "__init__" {
                let isConstructor = ["__init__", "constructor", "initialize"].contains(function.name)
                let callee = isConstructor ? (function.typeName ?? "") : function.name
                if starterNames.contains(callee) || function.typeName.map(starterNames.contains) == true { continue }
                check(function.parameters, callee: callee, owner: qualified(function), file: file.path, line: function.line)
            }
        }
        return places
    }

    /// Unused parameters, except in methods an abstraction of the project declares (their
    /// signature is fixed by it, as for Go's structural interfaces).
    func unusedParameters() -> [DesignPlace] {
        let declared = Set(files.flatMap { $0.types.filter(\.isAbstraction).flatMap(\.methods) })
        return source.flatMap { file in file.functions.flatMap { function -> [DesignPlace] in
            guard function.typeName == nil || !declared.contains(function.name) else { return [] }
            return function.unusedParameters.map { DesignPlace(file: file.path, line: function.line, name: "\(qualified(function))(\($0))") }
        } }
    }

    /// Private fields and methods of source types whose name occurs nowhere but in their declaration
    /// (counted over every file, so a name that also means something else is never reported).
    func unusedPrivateMembers() -> [DesignPlace] {
        var counts: [String: Int] = [:]
        for file in files { for (name, count) in file.identifierCounts { counts[name, default: 0] += count } }
        return source.flatMap { file in file.types.filter { !$0.isTest }.flatMap { type in
            type.privateMembers.compactMap { member -> DesignPlace? in
                guard counts[member.name, default: 0] <= 1 else { return nil }
                return DesignPlace(file: file.path, line: member.line, name: "\(type.name).\(member.name)", note: member.kind.rawValue)
            }
        } }
    }

    public func structural() -> StructuralTestabilityMetrics {
        let mixed = source.flatMap { file in file.functions.compactMap { function -> DesignPlace? in
            function.decisions > 0 && !function.effects.isEmpty
                ? DesignPlace(file: file.path, line: function.line, name: qualified(function), note: function.effects.joined(separator: ", "))
                : nil
        } }
        let collaborators = Set(sourceTypes.map { $0.type }.filter {
            !$0.isValue && !$0.isAbstraction && !$0.name.hasPrefix("_") && $0.methods.contains { !$0.hasPrefix("__") }
        }.map(\.name))
        let constructed = source.flatMap { file in file.instantiations.compactMap { made -> DesignPlace? in
            guard collaborators.contains(made.typeName), let function = made.function, !made.isReturned,
                  function != "main", made.enclosingType != made.typeName else { return nil }
            return DesignPlace(file: file.path, line: made.line, name: made.typeName, note: "built inside \(function)")
        } }
        let signals = [
            DesignSignal(name: "global-mutable-state", value: Double(source.flatMap(\.mutableState).count), weight: 0,
                         label: "module or class variables that functions change",
                         suggestion: "keep the state in an object that callers create and pass in",
                         places: source.flatMap(\.mutableState)),
            DesignSignal(name: "effects-in-decisions", value: Double(mixed.count), weight: 0,
                         label: "functions that decide and also read the clock, randomness, the environment, files or the network",
                         suggestion: "read the outside value in the caller and pass it in, so the decision can be tested with plain values",
                         places: mixed),
            DesignSignal(name: "constructed-collaborators", value: Double(constructed.count), weight: 0,
                         label: "collaborators constructed inside logic",
                         suggestion: "take the collaborator as a parameter (constructor injection) so that a test can pass its own",
                         places: constructed),
            DesignSignal(name: "singletons", value: Double(source.flatMap(\.singletons).count), weight: 0,
                         label: "shared single instances", suggestion: "create the instance once at the entry point and pass it to whoever needs it",
                         places: source.flatMap(\.singletons)),
        ]
        return StructuralTestabilityMetrics(signals: signals, languages: languages)
    }
}
