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

    /// The source files and their types (test code inside source files left out), gathered once
    /// per `overEngineering()` or `structural()` and read by every signal.
    struct Source {
        let files: [FileDesign]
        let types: [SourceType]

        init(_ all: [FileDesign]) {
            files = all.filter { $0.kind == .source }
            var types: [SourceType] = []
            for file in files { for type in file.types where !type.isTest { types.append(SourceType(file: file.path, type: type)) } }
            self.types = types
        }
    }

    /// A source type with its file's path.
    struct SourceType {
        let file: String
        let type: DesignType
    }

    /// The types (source, test) that implement `abstraction`: name it as a base, or, for a structural
    /// protocol, define every one of its methods. Types in test code of a source file count as tests.
    /// Only types of the abstraction's language count (a Go `Clock` is not implemented in Java).
    func implementers(of abstraction: DesignType, language: SourceLanguage, in kind: CodeKind, index: DesignTypeIndex) -> [DesignType] {
        var found = index.extending(abstraction.name, language: language, kind: kind).filter { $0.name != abstraction.name }
        if abstraction.isStructural, let first = abstraction.methods.first {
            let required = Set(abstraction.methods)
            for type in index.defining(first, language: language, kind: kind) {
                guard index.spend() else { break }
                if !type.isAbstraction, type.name != abstraction.name, !type.bases.contains(abstraction.name),
                   required.allSatisfy(type.methods.contains) {
                    found.append(type)
                }
            }
        }
        return found
    }

    public func overEngineering() -> OverEngineeringMetrics {
        let source = Source(files)
        var single: [DesignPlace] = [], unused: [DesignPlace] = []
        let index = DesignTypeIndex(files)
        for design in source.files { for type in design.types where type.isAbstraction && !type.isTest {
            let file = design.path
            let production = implementers(of: type, language: design.language, in: .source, index: index)
            let doubles = implementers(of: type, language: design.language, in: .test, index: index)
            if production.isEmpty && doubles.isEmpty {
                unused.append(DesignPlace(file: file, line: type.line, name: type.name, note: "no implementation"))
            } else if production.count == 1 && doubles.isEmpty {
                single.append(DesignPlace(file: file, line: type.line, name: type.name, note: "only \(production[0].name)"))
            }
        } }
        let passThrough = source.files.flatMap { file in file.functions.compactMap { function in
            function.forwardsTo.map { DesignPlace(file: file.path, line: function.line, name: qualified(function), note: "forwards to \($0)") }
        } }
        let deep = deepInheritance(source), patterns = singleProductPatterns(source)
        let unvaried = unvariedConfiguration(source), unusedParameters = unusedParameters(source)
        let unusedPrivate = unusedPrivateMembers(source), generics = singleTypeGenerics(source)
        let runtime = runtimeDependencies, development = developmentDependencies
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
            DesignSignal(name: "deep-inheritance", value: Double(deep.count), weight: 2,
                         label: "classes two or more project classes deep",
                         suggestion: "flatten the hierarchy: prefer composition, or one class with the behaviour it needs",
                         places: deep),
            DesignSignal(name: "single-product-patterns", value: Double(patterns.count), weight: 2,
                         label: "pattern-named types (Factory, Builder, Provider...) with at most one product",
                         suggestion: "construct the one product where it is needed and remove the pattern type",
                         places: patterns),
            DesignSignal(name: "unvaried-configuration", value: Double(unvaried.count), weight: 0.5,
                         label: "defaulted parameters or settings that no caller ever sets",
                         suggestion: "make the value a constant (or inline it) until something needs to vary it",
                         places: unvaried),
            DesignSignal(name: "unused-parameters", value: Double(unusedParameters.count), weight: 0.5,
                         label: "parameters the function never reads", suggestion: "remove the parameter",
                         places: unusedParameters),
            DesignSignal(name: "unused-private-members", value: Double(unusedPrivate.count), weight: 0.5,
                         label: "private fields and methods nothing references",
                         suggestion: "delete the member; add it back when code needs it", places: unusedPrivate),
            DesignSignal(name: "single-type-generics", value: Double(generics.count), weight: 1,
                         label: "generic types or functions every use gives the same type arguments",
                         suggestion: "write it for that one type and make it generic when a second type needs it",
                         places: generics),
            DesignSignal(name: "dependencies", value: Double(runtime.count), weight: 1,
                         label: "dependencies the reference does without",
                         suggestion: "use the standard library where it does the job and drop the dependency",
                         places: runtime.map { DesignPlace(file: $0.file, line: $0.line, name: $0.name) }),
            DesignSignal(name: "development-dependencies", value: Double(development.count), weight: 0,
                         label: "development and test dependencies (listed, not counted)",
                         suggestion: "keep only the tools the tests and the build use",
                         places: development.map { DesignPlace(file: $0.file, line: $0.line, name: $0.name) }),
            DesignSignal(name: "types-per-100-nloc", value: rounded(Double(source.types.count) * 100 / total), weight: 1,
                         label: "types per 100 lines of code", suggestion: "merge types that only hold one function or one field",
                         places: []),
            DesignSignal(name: "files-per-100-nloc", value: rounded(Double(source.files.count) * 100 / total), weight: 1,
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
    var languages: [String] { Set(files.map(\.language)).map(\.rawValue).sorted() }

    func qualified(_ function: DesignFunction) -> String { function.typeName.map { "\($0).\(function.name)" } ?? function.name }

    func rounded(_ value: Double) -> Double { (value * 100).rounded() / 100 }
}
