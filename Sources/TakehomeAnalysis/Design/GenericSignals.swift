import TakehomeCore

/// Generic types and functions that only ever get one set of type arguments.
extension DesignAnalysis {
    /// Source generics with at least one use that writes its type arguments, every such use
    /// writing the same ones, and no use that leaves them to inference (`Box(1)`, `new Box(1)`),
    /// whose types the model cannot see. Uses naming the generic's own parameters (`Box<T>` inside
    /// `Box`) are left out.
    func singleTypeGenerics() -> [DesignPlace] {
        var written: [String: Set<[String]>] = [:], inferred: Set<String> = []
        for file in files {
            for use in file.genericUses { written[use.name, default: []].insert(use.arguments) }
            for call in file.calls {
                if let arguments = call.typeArguments { if !arguments.isEmpty { written[call.name, default: []].insert(arguments) } }
                else { inferred.insert(call.name) }
            }
            for made in file.instantiations {
                if let arguments = made.typeArguments { if !arguments.isEmpty { written[made.typeName, default: []].insert(arguments) } }
                else { inferred.insert(made.typeName) }
            }
        }
        var declared: [(file: String, line: Int, name: String, parameters: [String])] = []
        for file in source {
            for type in file.types where !type.genericParameters.isEmpty && !type.isTest {
                declared.append((file.path, type.line, type.name, type.genericParameters))
            }
            for function in file.functions where !function.genericParameters.isEmpty {
                declared.append((file.path, function.line, function.name, function.genericParameters))
            }
        }
        return declared.compactMap { generic in
            let uses = (written[generic.name] ?? []).filter { $0 != generic.parameters }
            guard uses.count == 1, let only = uses.first, !inferred.contains(generic.name) else { return nil }
            return DesignPlace(file: generic.file, line: generic.line, name: generic.name,
                               note: "always <\(only.joined(separator: ", "))>")
        }
    }
}
