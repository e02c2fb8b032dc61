import TakehomeCore

/// Turns the files' design models into the over-engineering signals and index and the structural
/// testability signals (docs/metrics.md, "Design and over-engineering"). Test files count only as
/// callers and as test doubles; every signal is about the source.
public struct DesignAnalysis {
    public var files: [FileDesign]
    public var dependencies: [DeclaredDependency]
    /// Lines of code of the source files the model read.
    public var sourceNloc: Int
    /// Names of the types and functions the assignment's starter code declares: their shape (the
    /// defaults a prompt asks for, say) is the assignment's choice, not the candidate's.
    public var starterNames: Set<String> = []

    /// Inheritance is followed this many levels up at most.
    static let depthLimit = 16
    /// Structural (protocol, type) pairs compared at most, so that hostile input stays fast.
    static let structuralComparisons = 200_000

    static let patternSuffixes = ["Factory", "Builder", "Manager", "Strategy", "Provider", "Registry", "Visitor",
                                  "Locator", "Adapter", "Facade"]

    public init(files: [FileDesign], dependencies: [DeclaredDependency], sourceNloc: Int) {
        self.files = files; self.dependencies = dependencies; self.sourceNloc = sourceNloc
    }

    var source: [FileDesign] { files.filter { $0.kind == .source } }

    /// Each source type with its file (test code inside source files left out).
    var sourceTypes: [(file: String, type: DesignType)] {
        source.flatMap { file in file.types.filter { !$0.isTest }.map { (file.path, $0) } }
    }

    /// The types (source, test) that implement `abstraction`: name it as a base, or, for a structural
    /// protocol, define every one of its methods. Types in test code of a source file count as tests.
    /// Only types of the abstraction's language count (a Go `Clock` is not implemented in Java).
    func implementers(of abstraction: DesignType, language: SourceLanguage, in kind: CodeKind, index: TypeIndex) -> [DesignType] {
        var found = (index.byBase[kind]?[TypeIndex.key(language, abstraction.name)] ?? []).filter { $0.name != abstraction.name }
        if abstraction.isStructural, let first = abstraction.methods.first {
            let required = Set(abstraction.methods)
            for type in index.byMethod[kind]?[TypeIndex.key(language, first)] ?? [] {
                guard index.spend() else { break }
                if !type.isAbstraction, type.name != abstraction.name, !type.bases.contains(abstraction.name),
                   required.allSatisfy(type.methods.contains) {
                    found.append(type)
                }
            }
        }
        return found
    }

    /// The types of each kind by the names they extend and by the methods they define.
    final class TypeIndex {
        var byBase: [CodeKind: [String: [DesignType]]] = [:]
        var byMethod: [CodeKind: [String: [DesignType]]] = [:]
        private var budget = DesignAnalysis.structuralComparisons

        init(_ files: [FileDesign]) {
            for file in files {
                for type in file.types {
                    let kind: CodeKind = type.isTest ? .test : file.kind
                    for base in Set(type.bases) { byBase[kind, default: [:]][Self.key(file.language, base), default: []].append(type) }
                    for method in Set(type.methods) {
                        byMethod[kind, default: [:]][Self.key(file.language, method), default: []].append(type)
                    }
                }
            }
        }

        static func key(_ language: SourceLanguage, _ name: String) -> String { language.rawValue + ":" + name }

        /// Takes one comparison from the budget; false once it is spent.
        func spend() -> Bool { budget -= 1; return budget >= 0 }
    }

    public func overEngineering() -> OverEngineeringMetrics {
        var single: [DesignPlace] = [], unused: [DesignPlace] = []
        let index = TypeIndex(files)
        for design in source { for type in design.types where type.isAbstraction && !type.isTest {
            let file = design.path
            let production = implementers(of: type, language: design.language, in: .source, index: index)
            let doubles = implementers(of: type, language: design.language, in: .test, index: index)
            if production.isEmpty && doubles.isEmpty {
                unused.append(DesignPlace(file: file, line: type.line, name: type.name, note: "no implementation"))
            } else if production.count == 1 && doubles.isEmpty {
                single.append(DesignPlace(file: file, line: type.line, name: type.name, note: "only \(production[0].name)"))
            }
        } }
        let passThrough = source.flatMap { file in file.functions.compactMap { function in
            function.forwardsTo.map { DesignPlace(file: file.path, line: function.line, name: qualified(function), note: "forwards to \($0)") }
        } }
        let total = Double(max(sourceNloc, 1))
        let signals = [
            DesignSignal(name: "single-implementation-abstractions", value: Double(single.count), weight: 3,
                         label: "abstractions with exactly one implementation",
                         suggestion: "use the one implementation directly and add the abstraction when a second one (or a test double) needs it",
                         places: single),
            DesignSignal(name: "unused-abstractions", value: Double(unused.count), weight: 3, label: "abstractions nobody implements",
                         suggestion: "delete the abstraction", places: unused),
            DesignSignal(name: "pass-through-functions", value: Double(passThrough.count), weight: 1,
                         label: "functions that only forward their parameters to another call",
                         suggestion: "call the target directly and remove the layer", places: passThrough),
            DesignSignal(name: "deep-inheritance", value: Double(deepInheritance().count), weight: 2,
                         label: "classes two or more project classes deep",
                         suggestion: "flatten the hierarchy: prefer composition, or one class with the behaviour it needs",
                         places: deepInheritance()),
            DesignSignal(name: "single-product-patterns", value: Double(singleProductPatterns().count), weight: 2,
                         label: "pattern-named types (Factory, Builder, Provider...) with at most one product",
                         suggestion: "construct the one product where it is needed and remove the pattern type",
                         places: singleProductPatterns()),
            DesignSignal(name: "unvaried-configuration", value: Double(unvariedConfiguration().count), weight: 0.5,
                         label: "defaulted parameters or settings that no caller ever sets",
                         suggestion: "make the value a constant (or inline it) until something needs to vary it",
                         places: unvariedConfiguration()),
            DesignSignal(name: "unused-parameters", value: Double(unusedParameters().count), weight: 0.5,
                         label: "parameters the function never reads", suggestion: "remove the parameter",
                         places: unusedParameters()),
            DesignSignal(name: "unused-private-members", value: Double(unusedPrivateMembers().count), weight: 0.5,
                         label: "private fields and methods nothing references",
                         suggestion: "delete the member; add it back when code needs it", places: unusedPrivateMembers()),
            DesignSignal(name: "single-type-generics", value: Double(singleTypeGenerics().count), weight: 1,
                         label: "generic types or functions every use gives the same type arguments",
                         suggestion: "write it for that one type and make it generic when a second type needs it",
                         places: singleTypeGenerics()),
            DesignSignal(name: "dependencies", value: Double(runtimeDependencies.count), weight: 1,
                         label: "dependencies the reference does without",
                         suggestion: "use the standard library where it does the job and drop the dependency",
                         places: runtimeDependencies.map { DesignPlace(file: $0.file, line: $0.line, name: $0.name) }),
            DesignSignal(name: "development-dependencies", value: Double(developmentDependencies.count), weight: 0,
                         label: "development and test dependencies (listed, not counted)",
                         suggestion: "keep only the tools the tests and the build use",
                         places: developmentDependencies.map { DesignPlace(file: $0.file, line: $0.line, name: $0.name) }),
            DesignSignal(name: "types-per-100-nloc", value: rounded(Double(sourceTypes.count) * 100 / total), weight: 1,
                         label: "types per 100 lines of code", suggestion: "merge types that only hold one function or one field",
                         places: []),
            DesignSignal(name: "files-per-100-nloc", value: rounded(Double(source.count) * 100 / total), weight: 1,
                         label: "source files per 100 lines of code", suggestion: "keep code that changes together in one file",
                         places: []),
            DesignSignal(name: "size", value: Double(sourceNloc), weight: 0, label: "lines of source code",
                         suggestion: "solve the task with less code: remove layers nothing needs", places: []),
        ]
        return OverEngineeringMetrics(signals: signals, languages: languages)
    }

    /// Dependencies the solution runs with; those only to develop or test are `developmentDependencies`.
    var runtimeDependencies: [DeclaredDependency] { dependencies.filter { !$0.isDevelopment } }
    var developmentDependencies: [DeclaredDependency] { dependencies.filter(\.isDevelopment) }

    /// The languages of the files read, by name, sorted (`["java", "python"]`).
    var languages: [String] { Set(files.map(\.language.rawValue)).sorted() }

    func qualified(_ function: DesignFunction) -> String { function.typeName.map { "\($0).\(function.name)" } ?? function.name }

    func rounded(_ value: Double) -> Double { (value * 100).rounded() / 100 }
}
