import TakehomeCore

/// The types of each kind (source, test) by the names they extend and the methods they define,
/// for finding an abstraction's implementers, with the budget of structural comparisons. Only the
/// names a source abstraction can ask for are indexed (its own name, a structural protocol's first
/// method), so that building the index costs a set lookup per base and method, not an entry each.
final class DesignTypeIndex {
    /// A name in one language: a Go `Clock` is not a Java `Clock`.
    private struct Name: Hashable { var language: SourceLanguage; var name: String }
    private struct Key: Hashable { var kind: CodeKind; var name: Name }

    private var byBase: [Key: [DesignType]] = [:]
    private var byMethod: [Key: [DesignType]] = [:]
    private var budget = DesignAnalysis.structuralComparisons

    init(_ files: [FileDesign]) {
        var abstractions: Set<Name> = [], firstMethods: Set<Name> = []
        for file in files where file.kind == .source {
            for type in file.types where type.isAbstraction && !type.isTest {
                abstractions.insert(Name(language: file.language, name: type.name))
                if type.isStructural, let first = type.methods.first { firstMethods.insert(Name(language: file.language, name: first)) }
            }
        }
        guard !abstractions.isEmpty else { return }
        for file in files {
            for type in file.types {
                let kind: CodeKind = type.isTest ? .test : file.kind
                Self.add(type, under: type.bases, asked: abstractions, language: file.language, kind: kind, to: &byBase)
                if !firstMethods.isEmpty {
                    Self.add(type, under: type.methods, asked: firstMethods, language: file.language, kind: kind, to: &byMethod)
                }
            }
        }
    }

    /// Files `type` once under each of `names` that is `asked` for (a name written twice counts once).
    private static func add(_ type: DesignType, under names: [String], asked: Set<Name>, language: SourceLanguage,
                            kind: CodeKind, to index: inout [Key: [DesignType]]) {
        var added: Set<Name> = []
        for name in names {
            let key = Name(language: language, name: name)
            guard asked.contains(key), added.insert(key).inserted else { continue }
            index[Key(kind: kind, name: key), default: []].append(type)
        }
    }

    /// The types of `kind` that name `base` among their bases, in file and declaration order.
    func extending(_ base: String, language: SourceLanguage, kind: CodeKind) -> [DesignType] {
        byBase[Key(kind: kind, name: Name(language: language, name: base))] ?? []
    }

    /// The types of `kind` that define `method`, in file and declaration order.
    func defining(_ method: String, language: SourceLanguage, kind: CodeKind) -> [DesignType] {
        byMethod[Key(kind: kind, name: Name(language: language, name: method))] ?? []
    }

    /// Takes one comparison from the budget; false once it is spent.
    func spend() -> Bool { budget -= 1; return budget >= 0 }
}
