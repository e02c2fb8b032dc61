import TakehomeCore
import TakehomeRunners

/// Turns a run of the candidate's own tests into the report's figures: counts and time from the
/// suite result, coverage of the candidate's source files only (the analysis decides which files
/// those are: not tests, not starter, generated or left-out files), and the functions and lines
/// their tests never reach.
enum OwnTestsSummary {
    /// `sourceFiles`: paths (relative to the solution's root) of the candidate's source;
    /// `functions`: their functions, to name the ones no test entered.
    static func metrics(_ result: TestSuiteResult, coverage: CoverageData?, coverageNote: String?, tool: String?,
                        sourceFiles: Set<String>, functions: [FunctionMetrics]) -> OwnTestsMetrics {
        var metrics = OwnTestsMetrics(found: result.total, passed: result.passed, failed: result.failed,
                                      errored: result.errored, skipped: result.skipped, durationMs: result.durationMs)
        metrics.coverageTool = tool
        if result.tampered { metrics.tampered = true }
        guard result.total > 0 else {
            metrics.coverageNote = "no tests of the candidate's own were found"
            return metrics
        }
        guard let coverage else {
            metrics.coverageNote = coverageNote ?? "not measured"
            return metrics
        }
        let source = coverage.filtered { sourceFiles.contains($0) }
        metrics.coverage = source.summary
        if metrics.coverage == nil { metrics.coverageNote = "no executable line of the candidate's source was measured" }
        metrics.files = source.files.map { path, file in
            OwnTestsMetrics.FileCoverage(file: path, lines: file.lineHits.count,
                                         linesCovered: file.lineHits.values.filter { $0 > 0 }.count,
                                         branches: file.branchesTotal, branchesCovered: file.branchesCovered,
                                         uncoveredLines: ranges(file.uncoveredLines))
        }.sorted { a, b in
            let left = a.lines == 0 ? 1 : Double(a.linesCovered) / Double(a.lines)
            let right = b.lines == 0 ? 1 : Double(b.linesCovered) / Double(b.lines)
            return left != right ? left < right : a.file < b.file
        }
        let uncovered = functions.filter { function in
            guard let file = source.files[function.file] else { return false }
            // The `def` line runs when the module is imported; the body is what a test must reach.
            let body = file.lineHits.filter { $0.key > function.line && $0.key <= function.endLine }
            return !body.isEmpty && body.values.allSatisfy { $0 == 0 }
        }
        metrics.uncoveredFunctions = uncovered.prefix(OwnTestsMetrics.listLimit).map {
            OwnTestsMetrics.UncoveredFunction(file: $0.file, name: $0.name, line: $0.line)
        }
        metrics.uncoveredFunctionsNotListed = max(0, uncovered.count - OwnTestsMetrics.listLimit)
        return metrics
    }

    /// The candidate's run as the report's `tests.candidate`: the suite result with its source coverage.
    static func suite(_ result: TestSuiteResult, metrics: OwnTestsMetrics) -> TestSuiteResult {
        var suite = result
        suite.coverage = metrics.coverage
        return suite
    }

    /// `[3, 4, 5, 9]` → `3-5, 9`; at most 20 ranges, then `…`.
    static func ranges(_ lines: [Int]) -> String {
        var parts: [String] = []
        var index = 0
        while index < lines.count {
            var end = index
            while end + 1 < lines.count, lines[end + 1] == lines[end] + 1 { end += 1 }
            parts.append(end == index ? "\(lines[index])" : "\(lines[index])-\(lines[end])")
            index = end + 1
        }
        return parts.prefix(20).joined(separator: ", ") + (parts.count > 20 ? ", …" : "")
    }
}
