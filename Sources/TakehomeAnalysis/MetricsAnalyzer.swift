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

    /// A part of the metrics that is final before the rest: `analyze` hands each one out as soon
    /// as it is, on the thread that made it (a command starts writing it out there).
    public enum FinishedPart: Sendable {
        /// The sizes and the complexity, before clone detection and the design signals.
        case sizeAndComplexity(SizeMetrics, ComplexityMetrics)
        case duplication(DuplicationMetrics)
        /// The design model's signals, when a file is in a language the design model reads.
        case design(OverEngineeringMetrics, StructuralTestabilityMetrics)

        /// This part's values in the report's `metrics` object (as `report` puts them there),
        /// their JSON written now for a member `depth` levels deep.
        public func prewritten(depth: Int) throws -> [PrewrittenJSON] {
            switch self {
            case .sizeAndComplexity(let size, let complexity):
                [try PrewrittenJSON(size, depth: depth), try PrewrittenJSON(complexity, depth: depth)]
            case .duplication(let duplication): [try PrewrittenJSON(duplication, depth: depth)]
            case .design(let overEngineering, let structural):
                [try PrewrittenJSON(overEngineering, depth: depth), try PrewrittenJSON(TestabilityMetrics(structural: structural), depth: depth)]
            }
        }
    }
}

/// How the analysis measures.
public struct MetricsOptions: Sendable, Equatable {
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
    /// `whenFinished` is given each `FinishedPart` as soon as it is final, from the thread that
    /// made it: up to three threads at once.
    public func analyze(_ root: URL, subfolder: String = ".", starter: StarterFiles = StarterFiles(),
                        whenFinished: @Sendable (CodeMetrics.FinishedPart) -> Void = { _ in }) throws -> CodeMetrics {
        // No local keeps the walk's results: `finish` hands the per-file data to a worker to free,
        // and a copy held here would be let go of last, on this thread, after `finish`.
        let pass = PerFilePass(try walkAndAnalyze(root, subfolder: subfolder, starter: starter,
                                                  through: Self.perFilePipeline(minTokens: options.minTokens),
                                                  helpers: max(1, ProcessInfo.processInfo.activeProcessorCount - 1)))
        return finish(pass, starter: starter, whenFinished: whenFinished)
    }

    /// Begins analysing all of `root` (the standard languages, no starter code) on a thread of its
    /// own and returns at once; `BegunAnalysis.finish` waits for it and gives what `analyze` would.
    /// `takehome metrics` begins while it parses its command line: the walk and the first files'
    /// analysis use the CPU that parsing leaves idle.
    public static func begin(_ root: URL, options: MetricsOptions = MetricsOptions()) -> BegunAnalysis {
        let begun = BegunAnalysis(root: root, options: options, pipeline: perFilePipeline(minTokens: options.minTokens))
        PlacedThread.start {
            HugePageHeaps.adviseThisThreadsHeap()
            let analyzer = MetricsAnalyzer(options: options)
            begun.settle(analyzer, Result {
                // Alone until the caller joins: the other CPU is busy with the caller until then.
                try analyzer.walkAndAnalyze(root, subfolder: ".", starter: StarterFiles(), through: begun.pipeline, helpers: 0)
            })
            begun.standby.serve()  // then the steps `finish` hands over
        }
        return begun
    }

    /// Walks `subfolder` of `root` on this thread, handing each file it reads to `pipeline`, whose
    /// `helpers` worker threads (and this thread, once the walk and the manifests are read)
    /// analyse them. The manifests are read here rather than after the pass, where every step
    /// waits for them (listing the folder and reading its manifests took 0.5 ms or more).
    func walkAndAnalyze(_ root: URL, subfolder: String, starter: StarterFiles, through pipeline: FilePipeline<PerFilePass.Result>,
                        helpers: Int) throws -> (PerFilePass.Walked, [PerFilePass.Result]) {
        let walker = SourceTreeWalker(registry: registry, maxFileBytes: options.maxFileBytes, starter: starter)
        let folder = subfolder == "." ? root : root.appendingPathComponent(subfolder)
        return try pipeline.run(helpers: helpers) {
            let tree = try walker.walk(root, subfolder: subfolder, found: pipeline.add)
            return (tree, Manifests.read(in: folder))
        }
    }

    /// Each file's analysis, design model and clone windows (hashed here, in parallel, rather than
    /// by clone detection on one core).
    static func perFilePipeline(minTokens: Int) -> FilePipeline<PerFilePass.Result> {
        let detector = CloneDetector(minTokens: minTokens)
        return FilePipeline { file in
            let (analysis, design) = DesignReading.analyzeAndRead(file)
            return (analysis, design, detector.windows(of: analysis.cloneTokens))
        }
    }

    /// What follows the per-file pass: the sizes and complexity, clone detection and the design
    /// model's signals, at the same time. A `standby` thread, if given, takes one of the steps and
    /// then frees the per-file data; its owner closes it afterwards.
    func finish(_ pass: consuming PerFilePass, starter: StarterFiles, standby: StandbyThread? = nil,
                whenFinished: @Sendable (CodeMetrics.FinishedPart) -> Void) -> CodeMetrics {
        let manifests = pass.manifests
        // The design model's signals, clone detection, and the sizes and complexity (with the
        // caller's work on them) need each other's nothing. The design signals take longest: first,
        // so that a worker starts on them at once; this thread measures.
        var measured: (size: SizeMetrics, complexity: ComplexityMetrics)?
        let (design, duplication) = Self.concurrently({
            let design = DesignReading.read(pass.tree, designs: pass.designs, nloc: pass.analyses.map(\.nloc),
                                            dependencies: manifests.dependencies).map { design in
                var design = design
                design.starterNames = DesignReading.declaredNames(in: starter, registry: registry)
                return (design.overEngineering(), design.structural())
            }
            if let design { whenFinished(.design(design.0, design.1)) }
            return design
        }, {
            let duplication = DuplicationAnalysis.measure(Self.duplicationInput(pass.tree, analyses: pass.analyses, windows: pass.windows),
                                                          minTokens: options.minTokens)
            whenFinished(.duplication(duplication))
            return duplication
        }, alongside: {
            let sizeAndComplexity = measure(pass.tree, analyses: pass.analyses)
            var size = sizeAndComplexity.size
            size.notes += manifests.notes
            measured = (size, sizeAndComplexity.complexity)
            whenFinished(.sizeAndComplexity(size, sizeAndComplexity.complexity))
        }, standby: standby)
        // The per-file data is hundreds of thousands of objects: a worker frees them (about 2 ms on
        // the bench corpus) while the caller goes on with the result.
        Self.releaseAside(consume pass, on: standby)
        let (size, complexity) = measured!
        var metrics = CodeMetrics(size: size, complexity: complexity, duplication: duplication)
        metrics.overEngineering = design?.0
        metrics.structural = design?.1
        return metrics
    }

    /// Drops `value` on another thread (`standby` if it takes it, else a dispatch worker): given
    /// the last references to it, the frees happen there.
    static func releaseAside<T>(_ value: consuming T, on standby: StandbyThread? = nil) {
        let box = UncheckedBox(value)
        if standby?.hand({ withExtendedLifetime(box) {} }) == true { return }
        DispatchQueue.global(qos: .utility).async { withExtendedLifetime(box) {} }
    }

    /// Runs `first`, `second` and `third` at the same time, on this thread and one worker thread
    /// per other CPU (two at most; `standby`, if it takes the work, is one of them), and returns
    /// the first two results. This thread runs `third`, then whichever of the others no worker
    /// thread has started: it never waits on a worker that did not get a thread. No more threads
    /// than CPUs: a step sharing its CPU with another would end later (on two CPUs the first, the
    /// longest, has one to itself).
    static func concurrently<A, B>(_ first: () -> A, _ second: () -> B, alongside third: () -> Void = {},
                                   standby: StandbyThread? = nil) -> (A, B) {
        var firstResult: A?, secondResult: B?
        withoutActuallyEscaping({ firstResult = first() }) { runFirst in
            withoutActuallyEscaping({ secondResult = second() }) { runSecond in
                let tasks = ClaimableTasks([runFirst, runSecond])
                var workers = min(2, ProcessInfo.processInfo.activeProcessorCount - 1)
                if workers > 0, let standby, standby.hand({ tasks.claimAndRun() }) { workers -= 1 }
                for _ in 0..<workers {
                    PlacedThread.start { HugePageHeaps.adviseThisThreadsHeap(); tasks.claimAndRun() }
                }
                HugePageHeaps.adviseThisThreadsHeap()  // on the main thread: what its heap grew by in the per-file pass
                third()
                tasks.claimAndRun()
                tasks.waitForAll()
            }
        }
        return (firstResult!, secondResult!)
    }

    /// Sizes and complexity of the analysed files.
    func measure(_ tree: SourceTree, analyses: [FileAnalysis]) -> (size: SizeMetrics, complexity: ComplexityMetrics) {
        var size = SizeMetrics(leftOut: tree.leftOut, skipped: tree.skipped)
        var languages: [String: LanguageSize] = [:]
        var sourceFunctions: [FunctionMetrics] = [], testFunctions: [FunctionMetrics] = []
        var fileComplexity: [FileComplexity] = []
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
        }
        size.languages = languages.keys.sorted().compactMap { languages[$0] }
        let complexity = ComplexityMetrics(thresholds: options.thresholds, functions: sourceFunctions,
                                           testFunctions: testFunctions, files: fileComplexity)
        return (size, complexity)
    }

    /// The analysed files' tokens as clone detection takes them, with the windows hashed ahead.
    static func duplicationInput(_ tree: SourceTree, analyses: [FileAnalysis], windows: [[UInt64]]) -> [DuplicationAnalysis.File] {
        zip(tree.files, analyses).enumerated().map { index, pair in
            DuplicationAnalysis.File(path: pair.0.path, language: pair.0.analyzer.language, kind: pair.0.kind,
                                     tokens: pair.1.cloneTokens, windows: windows[index])
        }
    }
}

/// Closures that any thread may claim and run, each once. Once all have run, none is held any
/// more (`withoutActuallyEscaping` checks that nothing holds them), even by a worker thread that
/// starts only later and finds nothing left to claim.
private final class ClaimableTasks: @unchecked Sendable {
    private let condition = NSCondition()
    private var tasks: [(() -> Void)?]
    private var next = 0, done = 0

    init(_ tasks: [() -> Void]) { self.tasks = tasks }

    func claimAndRun() {
        while var task = claim() {
            task?()
            task = nil   // let go of it before the caller can learn that it ran
            condition.lock()
            done += 1
            if done == tasks.count { tasks = tasks.map { _ in nil } }
            condition.broadcast()
            condition.unlock()
        }
    }

    func waitForAll() {
        condition.lock(); defer { condition.unlock() }
        while done < tasks.count { condition.wait() }
    }

    private func claim() -> (() -> Void)?? {
        condition.lock(); defer { condition.unlock() }
        guard next < tasks.count else { return nil }
        next += 1
        return .some(tasks[next - 1])
    }
}

/// A value handed to another thread to be dropped there.
private final class UncheckedBox<Value>: @unchecked Sendable {
    let value: Value
    init(_ value: consuming Value) { self.value = value }
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
