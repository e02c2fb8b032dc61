import TakehomeCore

/// The short "Code" section of the terminal and Markdown reports: size, the most complex
/// functions and duplication, in sentences built from `report.metrics` only.
struct MetricsSummary {
    /// A function as the section lists it.
    struct Row {
        var place: String
        var name: String
        var figures: String
    }

    /// How many of the most complex functions the section names.
    static let worstCount = 3

    var size: String?
    var complexity: String?
    var worst: [Row] = []
    var duplication: String?
    /// The over-engineering index and its heaviest signals.
    var design: String?
    /// The structural testability signals that are present.
    var structure: String?
    /// The mutation score of the candidate's own tests, the reference's, and the budget.
    var mutation: String?

    var isEmpty: Bool {
        size == nil && complexity == nil && duplication == nil && design == nil && structure == nil && mutation == nil
    }

    init(_ metrics: Report.Metrics) {
        if let size = metrics.size { self.size = Self.sentence(size) }
        if let complexity = metrics.complexity {
            self.complexity = Self.sentence(complexity)
            worst = Self.mostComplex(complexity.functions).prefix(Self.worstCount).filter { $0.cognitive > 0 || $0.ccn > 1 }
                .map { Row(place: "\($0.file):\($0.line)", name: $0.name, figures: Self.figures($0)) }
        }
        if let duplication = metrics.duplication { self.duplication = Self.sentence(duplication) }
        if let design = metrics.overEngineering { self.design = Self.sentence(design) }
        if let structural = metrics.testability?.structural { structure = Self.sentence(structural) }
        if let mutation = metrics.testability?.mutation { self.mutation = Self.sentence(mutation) }
    }

    /// `own tests kill 34 of 40 mutants (85%; the reference's: 36 of 40, 90%); budget 40 mutants, 120 s`.
    private static func sentence(_ mutation: MutationMetrics) -> String {
        let budget = "budget \(ReportText.count(mutation.budget.mutants, "mutant")), \(ReportText.number(mutation.budget.seconds)) s"
        guard let score = mutation.score else { return "not measured: \(mutation.notMeasured ?? "no mutant ran"); \(budget)" }
        var text = "own tests kill \(mutation.killed) of \(ReportText.count(mutation.run, "mutant")) (\(percent(score))"
        if let reference = mutation.reference {
            text += "; the reference's: \(reference.killed) of \(reference.run), \(percent(reference.score))"
        }
        text += "); \(budget)"
        if mutation.notRun > 0 { text += ", \(mutation.notRun) not run within it" }
        return text
    }

    /// `over-engineering index 52.06 (the reference's: 6.96); abstractions with ...: 7 (the reference: 0), ...`.
    private static func sentence(_ design: OverEngineeringMetrics) -> String {
        var text = "over-engineering index \(ReportText.number(design.index))"
        if let reference = design.referenceIndex { text += " (the reference's: \(ReportText.number(reference)))" }
        let heaviest = design.signals.filter { $0.weight * $0.value > 0 && !$0.places.isEmpty }
            .sorted { ($0.weight * $0.value, $1.name) > ($1.weight * $1.value, $0.name) }.prefix(3)
        if !heaviest.isEmpty {
            text += "; " + heaviest.map { signal in
                "\(signal.label): \(ReportText.number(signal.value))"
                    + (signal.reference.map { " (the reference: \(ReportText.number($0)))" } ?? "")
            }.joined(separator: ", ")
        }
        return text
    }

    /// `functions that decide and also read ...: 2; shared single instances: 1`, or that none was seen.
    private static func sentence(_ structural: StructuralTestabilityMetrics) -> String {
        let present = structural.signals.filter { $0.value > 0 }
        guard !present.isEmpty else { return "no global mutable state, effects mixed with decisions, built-in collaborators or singletons" }
        return present.map { "\($0.label): \(ReportText.number($0.value))" }.joined(separator: "; ")
    }

    /// Most cognitive complexity first, then cyclomatic, then by place (file, line, name). The
    /// places are ranked first: the analysis lists functions file by file, top down, so one pass
    /// usually finds them in order already, and the sort then compares numbers only, where most
    /// functions tie on both figures and paths and names were compared again and again.
    static func mostComplex(_ functions: [FunctionMetrics]) -> [FunctionMetrics] { mostComplexOrder(functions).map { functions[$0] } }

    /// The indices of `functions` in `mostComplex`'s order.
    static func mostComplexOrder(_ functions: [FunctionMetrics]) -> [Int] {
        func precedes(_ a: Int, _ b: Int) -> Bool {
            (functions[a].file, functions[a].line, functions[a].name) < (functions[b].file, functions[b].line, functions[b].name)
        }
        var byPlace = Array(functions.indices)
        if functions.indices.dropFirst().contains(where: { precedes($0, $0 - 1) }) { byPlace.sort(by: precedes) }
        var rank = [Int](repeating: 0, count: functions.count)
        for (place, index) in byPlace.enumerated() { rank[index] = place }
        return functions.indices.sorted { a, b in
            if functions[a].cognitive != functions[b].cognitive { return functions[a].cognitive > functions[b].cognitive }
            if functions[a].ccn != functions[b].ccn { return functions[a].ccn > functions[b].ccn }
            return rank[a] < rank[b]
        }
    }

    /// `cognitive 34, CCN 14, 72 lines, 3 parameters, nesting 5`.
    static func figures(_ function: FunctionMetrics) -> String {
        "cognitive \(function.cognitive), CCN \(function.ccn), \(ReportText.count(function.nloc, "line")), "
            + "\(ReportText.count(function.params, "parameter")), nesting \(function.maxNesting)"
    }

    private static func sentence(_ size: SizeMetrics) -> String {
        var parts = size.languages.map { language in
            var text = "\(language.language): \(ReportText.count(language.source.nloc, "line")) of code in "
                + ReportText.count(language.source.files, "source file")
            if language.test.files > 0 {
                text += ", \(language.test.nloc) in \(ReportText.count(language.test.files, "test file"))"
            }
            return text
        }
        if parts.isEmpty { parts.append("no code in a language takehome analyses") }
        var text = parts.joined(separator: "; ")
        var excluded: [String] = []
        if !size.leftOut.isEmpty { excluded.append("\(size.leftOut.count) left out") }
        if !size.skipped.isEmpty { excluded.append("\(size.skipped.count) skipped") }
        if !excluded.isEmpty { text += " (" + excluded.joined(separator: ", ") + ")" }
        return text
    }

    private static func sentence(_ complexity: ComplexityMetrics) -> String {
        let source = complexity.source
        var text = "\(ReportText.count(source.functions, "function")), average CCN \(ReportText.number(source.averageCcn)), "
            + "max CCN \(source.maxCcn), max cognitive \(source.maxCognitive)"
        if let reference = complexity.reference {
            text += " (the reference's: average CCN \(ReportText.number(reference.averageCcn)), max cognitive \(reference.maxCognitive))"
        }
        text += source.functionsOverThresholds == 0 ? "; none over the thresholds"
            : "; \(source.functionsOverThresholds) over the thresholds"
        return text
    }

    private static func sentence(_ duplication: DuplicationMetrics) -> String {
        let pairs = duplication.clones.count + duplication.clonesNotListed
        var text = "\(percent(duplication.source.ratio)) of source tokens duplicated"
        if duplication.test.tokens > 0 { text += ", \(percent(duplication.test.ratio)) of test tokens" }
        text += "; \(ReportText.count(pairs, "clone pair")) of at least \(duplication.minTokens) tokens"
        return text
    }

    /// `4.2%`.
    static func percent(_ ratio: Double) -> String { ReportText.number((ratio * 1000).rounded() / 10) + "%" }
}
