import TakehomeAnalysis
import TakehomeCore

/// One function's figures in the order the hand-worked tables list them, so a failing
/// expectation prints both tables side by side.
struct Measured: Equatable, CustomStringConvertible {
    var name: String, line: Int, endLine: Int, nloc: Int, ccn: Int, cognitive: Int, params: Int, maxNesting: Int

    init(_ name: String, line: Int, endLine: Int, nloc: Int, ccn: Int, cognitive: Int, params: Int, maxNesting: Int) {
        self.name = name; self.line = line; self.endLine = endLine; self.nloc = nloc; self.ccn = ccn
        self.cognitive = cognitive; self.params = params; self.maxNesting = maxNesting
    }

    init(_ function: FunctionMetrics) {
        self.init(function.name, line: function.line, endLine: function.endLine, nloc: function.nloc, ccn: function.ccn,
                  cognitive: function.cognitive, params: function.params, maxNesting: function.maxNesting)
    }

    var description: String {
        "\(name) \(line)-\(endLine) nloc=\(nloc) ccn=\(ccn) cog=\(cognitive) params=\(params) nest=\(maxNesting)"
    }

    /// Analyses `source` with the language's token analyser and returns its functions.
    static func of(_ description: some LanguageDescription, _ source: String, path: String = "sample") -> [Measured] {
        TokenAnalyzer(description).analyze(source, path: path).functions.map(Measured.init)
    }
}
