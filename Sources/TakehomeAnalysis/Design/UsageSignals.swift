import TakehomeCore

/// The signals that weigh declarations against their uses in every file: settings no call sets,
/// private members nothing names. Only the names that could be reported are looked up.
extension DesignAnalysis {
    /// What the calls of one name pass: the most positional arguments, every keyword, any spread.
    struct CallSummary {
        /// Some call has this name.
        var reached = false
        var positional = 0
        var keywords: Set<String> = []
        var spreads = false

        mutating func add(_ call: CallSite) {
            reached = true
            positional = max(positional, call.positional)
            keywords.formUnion(call.keywords)
            spreads = spreads || call.spreads
        }
    }

    /// A type's defaulted fields or a function's defaulted parameters, and the name its callers call.
    private struct DefaultedDeclaration {
        var parameters: [Parameter]
        var callee: String
        var owner: (typeName: String?, name: String)
        var file: String
        var line: Int
    }

    /// Defaulted parameters of source functions and defaulted dataclass fields that some call
    /// reaches and no call sets (by position or by keyword, in source or tests). Types and
    /// functions the starter code declares are left out: their defaults are the assignment's.
    func unvariedConfiguration(_ source: Source) -> [DesignPlace] {
        var declarations: [DefaultedDeclaration] = []
        for file in source.files {
            for type in file.types where type.fields.contains(where: \.hasDefault) && !starterNames.contains(type.name) {
                declarations.append(DefaultedDeclaration(parameters: type.fields, callee: type.name, owner: (nil, type.name),
                                                         file: file.path, line: type.line))
            }
            for index in file.functions.indices {
                let name = file.functions[index].name, typeName = file.functions[index].typeName
                guard !name.hasPrefix("__") || name == "__init__", file.functions[index].parameters.contains(where: \.hasDefault)
                else { continue }
                let callee = ["__init__", "constructor", "initialize"].contains(name) ? (typeName ?? "") : name
                if !starterNames.isEmpty, starterNames.contains(callee) || typeName.map(starterNames.contains) == true { continue }
                declarations.append(DefaultedDeclaration(parameters: file.functions[index].parameters, callee: callee,
                                                         owner: (typeName, name), file: file.path, line: file.functions[index].line))
            }
        }
        guard !declarations.isEmpty else { return [] }
        // Each callee's summary, by index; only these names' calls can matter.
        var callees: [String: Int] = [:]
        callees.reserveCapacity(declarations.count)
        for declaration in declarations where callees[declaration.callee] == nil { callees[declaration.callee] = callees.count }
        var summaries = [CallSummary](repeating: CallSummary(), count: callees.count)
        let filter = NameFilter(callees.keys)
        for file in files {
            for index in file.calls.indices where filter.mayContain(file.calls[index].name) {
                if let summary = callees[file.calls[index].name] { summaries[summary].add(file.calls[index]) }
            }
        }
        var places: [DesignPlace] = []
        for declaration in declarations {
            let sites = summaries[callees[declaration.callee]!]
            guard sites.reached, !sites.spreads else { continue }
            for (position, parameter) in declaration.parameters.enumerated() where parameter.hasDefault {
                guard sites.positional <= position, !sites.keywords.contains(parameter.name) else { continue }
                let owner = declaration.owner.typeName.map { "\($0).\(declaration.owner.name)" } ?? declaration.owner.name
                places.append(DesignPlace(file: declaration.file, line: declaration.line, name: "\(owner).\(parameter.name)",
                                          note: "always the default"))
            }
        }
        return places
    }

    /// Private fields and methods of source types whose name occurs nowhere but in their declaration
    /// (counted over every file, so a name that also means something else is never reported).
    func unusedPrivateMembers(_ source: Source) -> [DesignPlace] {
        // Counted first in the files that declare them, where most are used, then in every other
        // file for the few still at one (per file, over whichever is shorter: its identifiers or
        // those names, so that the count stays linear). Names are looked up by their `Word`, as the
        // files' counts keep them.
        var counts: [Word: Int] = [:]
        var declaredIn: [String: Set<Word>] = [:]   // file path: the private names its types declare
        for each in source.types { for member in each.type.privateMembers { declaredIn[each.file, default: []].insert(Word(member.name)) } }
        guard !declaredIn.isEmpty else { return [] }
        for file in files {
            guard let names = declaredIn[file.path] else { continue }
            for name in names { counts[name, default: 0] += file.identifierCounts[name] ?? 0 }
        }
        let rare = Set(counts.filter { $0.value <= 1 }.keys)
        for file in files where !rare.isEmpty {
            let declared = declaredIn[file.path] ?? []
            if file.identifierCounts.count < rare.count {
                for (name, count) in file.identifierCounts.entries where rare.contains(name) && !declared.contains(name) { counts[name]! += count }
            } else {
                for name in rare where !declared.contains(name) { if let count = file.identifierCounts[name] { counts[name]! += count } }
            }
        }
        return source.types.flatMap { each in
            each.type.privateMembers.compactMap { member -> DesignPlace? in
                guard counts[Word(member.name), default: 0] <= 1 else { return nil }
                return DesignPlace(file: each.file, line: member.line, name: "\(each.type.name).\(member.name)", note: member.kind.rawValue)
            }
        }
    }
}
