import TakehomeCore
@testable import TakehomeAnalysis

/// One hand-worked row of expected function figures, compared field by field so that a failure
/// names the function and the figure that differs.
struct Expected: Equatable, CustomStringConvertible {
    var name: String, line: Int, endLine: Int, nloc: Int, ccn: Int, cognitive: Int, params: Int, nesting: Int

    init(_ name: String, line: Int, endLine: Int, nloc: Int, ccn: Int, cognitive: Int, params: Int, nesting: Int) {
        self.name = name; self.line = line; self.endLine = endLine; self.nloc = nloc; self.ccn = ccn
        self.cognitive = cognitive; self.params = params; self.nesting = nesting
    }

    init(_ metrics: FunctionMetrics) {
        self.init(metrics.name, line: metrics.line, endLine: metrics.endLine, nloc: metrics.nloc, ccn: metrics.ccn,
                  cognitive: metrics.cognitive, params: metrics.params, nesting: metrics.maxNesting)
    }

    var description: String {
        "\(name) \(line)-\(endLine) nloc \(nloc) ccn \(ccn) cognitive \(cognitive) params \(params) nesting \(nesting)"
    }
}

/// Analyses `source` as `Sample.swift` and returns its functions as comparable rows.
func swiftFunctions(_ source: String) -> [Expected] {
    SwiftAnalyzer().analyze(source, path: "Sample.swift").functions.map(Expected.init)
}
