import TakehomeCore

/// Generic types and functions that only ever get one set of type arguments.
extension DesignAnalysis {
    /// Source generics with at least one use that writes its type arguments, every such use
    /// writing the same ones, and no use that leaves them to inference (`Box(1)`, `new Box(1)`),
    /// whose types the model cannot see. Uses naming the generic's own parameters (`Box<T>` inside
    /// `Box`) are left out.
    func singleTypeGenerics(_ source: Source) -> [DesignPlace] {
        var declared: [(file: String, line: Int, name: String, parameters: [String])] = []
        for file in source.files {
            for type in file.types where !type.genericParameters.isEmpty && !type.isTest {
                declared.append((file.path, type.line, type.name, type.genericParameters))
            }
            for function in file.functions where !function.genericParameters.isEmpty {
                declared.append((file.path, function.line, function.name, function.genericParameters))
            }
        }
        guard !declared.isEmpty else { return [] }
        // Only the uses of a declared generic's name can matter.
        let names = Set(declared.map(\.name)), filter = NameFilter(names)
        var written: [String: Set<[String]>] = [:], inferred: Set<String> = []
        func use(_ name: String, _ arguments: [String]?) {
            guard filter.mayContain(name), names.contains(name) else { return }
            if let arguments { if !arguments.isEmpty { written[name, default: []].insert(arguments) } } else { inferred.insert(name) }
        }
        for file in files {
            for generic in file.genericUses where names.contains(generic.name) { written[generic.name, default: []].insert(generic.arguments) }
            for call in file.calls { use(call.name, call.typeArguments) }
            for made in file.instantiations { use(made.typeName, made.typeArguments) }
        }
        return declared.compactMap { generic in
            let uses = (written[generic.name] ?? []).filter { $0 != generic.parameters }
            guard uses.count == 1, let only = uses.first, !inferred.contains(generic.name) else { return nil }
            return DesignPlace(file: generic.file, line: generic.line, name: generic.name,
                               note: "always <\(only.joined(separator: ", "))>")
        }
    }
}
