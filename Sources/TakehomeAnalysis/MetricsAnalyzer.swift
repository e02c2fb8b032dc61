import Dispatch
import Foundation
import TakehomeCore

/// The static analysis of one folder: size, per-function complexity and duplication of the
/// candidate's code, and what was left out or skipped. The value `metrics` of a report holds.
public struct CodeMetrics: Sendable, Equatable {
    public var size: SizeMetrics
    public var complexity: ComplexityMetrics
    public var duplication: DuplicationMetrics
    /// The design model's signals; nil when no file is in a language the design model reads.
    public var overEngineering: OverEngineeringMetrics? = nil
    public var structural: StructuralTestabilityMetrics? = nil

    /// The report's `metrics` object (own tests and mutation testing are other analyses').
    public var report: Report.Metrics {
        var metrics = Report.Metrics(size: size, complexity: complexity, duplication: duplication)
        metrics.overEngineering = overEngineering
        if let structural { metrics.testability = TestabilityMetrics(structural: structural) }
        return metrics
    }
}

/// How the analysis measures.
public struct MetricsOptions: Sendable {
    /// The shortest run of equal tokens reported as a clone.
    public var minTokens = 50
    /// Files larger than this are skipped with a note.
    public var maxFileBytes = 2 << 20
    public var thresholds = Thresholds()

    public init(minTokens: Int = 50, maxFileBytes: Int = 2 << 20, thresholds: Thresholds = Thresholds()) {
        self.minTokens = minTokens; self.maxFileBytes = maxFileBytes; self.thresholds = thresholds
    }
}

/// Analyses a folder without running anything: walks it (links never followed), analyses each of
/// the candidate's files with its language's analyser in parallel (bounded by the cores), and puts
/// the results together in path order, so that the same folder always gives the same value.
public struct MetricsAnalyzer: Sendable {
    public var registry: LanguageRegistry
    public var options: MetricsOptions

    public init(registry: LanguageRegistry = .standard, options: MetricsOptions = MetricsOptions()) {
        self.registry = registry; self.options = options
    }

    /// Analyses `subfolder` of `root`. Throws (exit 65) when that folder cannot be opened.
    public func analyze(_ root: URL, subfolder: String = ".", starter: StarterFiles = StarterFiles()) throws -> CodeMetrics {
        let walker = SourceTreeWalker(registry: registry, maxFileBytes: options.maxFileBytes, starter: starter)
        let tree = try walker.walk(root, subfolder: subfolder)
        let (analyses, designs) = Self.analyzeInParallel(tree.files)
        let measured = measure(tree, analyses: analyses)
        var size = measured.size
        let folder = subfolder == "." ? root : root.appendingPathComponent(subfolder)
        let manifests = Manifests.read(in: folder)
        size.notes += manifests.notes
        // Clone detection and the design model's signals need each other's nothing: one core each.
        let (duplication, design) = Self.concurrently({
            DuplicationAnalysis.measure(measured.duplicationInput, minTokens: options.minTokens)
        }, {
            DesignReading.read(tree, designs: designs, sizes: size, dependencies: manifests.dependencies).map { design in
                var design = design
                design.starterNames = DesignReading.declaredNames(in: starter, registry: registry)
                return (design.overEngineering(), design.structural())
            }
        })
        var metrics = CodeMetrics(size: size, complexity: measured.complexity, duplication: duplication)
        metrics.overEngineering = design?.0
        metrics.structural = design?.1
        return metrics
    }

    /// Runs `first` and `second` at the same time and returns both results.
    static func concurrently<A, B>(_ first: () -> A, _ second: () -> B) -> (A, B) {
        withoutActuallyEscaping(first) { first in
            withoutActuallyEscaping(second) { second in
                let firsts = ResultSlots<A>(count: 1), seconds = ResultSlots<B>(count: 1)
                let work = UncheckedPair(first: first, second: second)
                DispatchQueue.concurrentPerform(iterations: 2) { index in
                    if index == 0 { firsts.store(work.first(), at: 0) } else { seconds.store(work.second(), at: 0) }
                }
                return (firsts.values[0], seconds.values[0])
            }
        }
    }

    /// Each file's analysis and design model, in the files' order.
    static func analyzeInParallel(_ files: [SourceFile]) -> (analyses: [FileAnalysis], designs: [FileDesign?]) {
        let results = ResultSlots<(FileAnalysis, FileDesign?)>(count: files.count)
        DispatchQueue.concurrentPerform(iterations: files.count) { index in
            let file = files[index]
            results.store(DesignReading.analyzeAndRead(file), at: index)
        }
        let values = results.values
        return (values.map(\.0), values.map(\.1))
    }

    /// Sizes and complexity of the analysed files, and their tokens as clone detection takes them.
    func measure(_ tree: SourceTree, analyses: [FileAnalysis])
        -> (size: SizeMetrics, complexity: ComplexityMetrics, duplicationInput: [DuplicationAnalysis.File]) {
        var size = SizeMetrics(leftOut: tree.leftOut, skipped: tree.skipped)
        var languages: [String: LanguageSize] = [:]
        var sourceFunctions: [FunctionMetrics] = [], testFunctions: [FunctionMetrics] = []
        var fileComplexity: [FileComplexity] = []
        var duplicationInput: [DuplicationAnalysis.File] = []
        for (file, analysis) in zip(tree.files, analyses) {
            let language = file.analyzer.language
            let entry = FileSize(path: file.path, language: language.rawValue, kind: file.kind, nloc: analysis.nloc,
                                 commentLines: analysis.commentLines, blankLines: analysis.blankLines,
                                 functions: analysis.functions.count)
            size.files.append(entry)
            var totals = languages[language.rawValue] ?? LanguageSize(language: language.rawValue)
            if file.kind == .source {
                size.source.add(entry); totals.source.add(entry); sourceFunctions += analysis.functions
            } else {
                size.test.add(entry); totals.test.add(entry); testFunctions += analysis.functions
            }
            languages[language.rawValue] = totals
            size.notes += (file.notes + analysis.notes).map { FileNote(file: file.path, message: $0) }
            fileComplexity.append(FileComplexity(file: file.path, kind: file.kind, functions: analysis.functions))
            duplicationInput.append(.init(path: file.path, language: language, kind: file.kind, tokens: analysis.cloneTokens))
        }
        size.languages = languages.keys.sorted().compactMap { languages[$0] }
        let complexity = ComplexityMetrics(thresholds: options.thresholds, functions: sourceFunctions,
                                           testFunctions: testFunctions, files: fileComplexity)
        return (size, complexity, duplicationInput)
    }
}

/// Two closures handed to worker threads that each run one of them once, while the caller waits.
private struct UncheckedPair<A, B>: @unchecked Sendable {
    let first: () -> A
    let second: () -> B
}

/// A fixed number of result slots that parallel workers fill, each its own index; read once all
/// workers are done.
final class ResultSlots<Value>: @unchecked Sendable {
    private var slots: [Value?]
    private let lock = NSLock()

    init(count: Int) { slots = Array(repeating: nil, count: count) }

    func store(_ value: Value, at index: Int) {
        lock.lock(); defer { lock.unlock() }
        slots[index] = value
    }

    var values: [Value] {
        lock.lock(); defer { lock.unlock() }
        return slots.map { $0! }
    }
}
