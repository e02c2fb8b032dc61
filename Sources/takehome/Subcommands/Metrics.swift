import ArgumentParser
import Foundation
import TakehomeAnalysis
import TakehomeCore
import TakehomeReports

/// `takehome metrics`: static analysis of a folder, without running anything.
struct Metrics: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "metrics",
        abstract: "Measure a folder's code without running it: size, per-function complexity, duplication.")

    enum Format: String, ExpressibleByArgument, CaseIterable { case table, json, csv }

    @Argument(help: "The folder to analyse.")
    var path: String

    @Option(help: "table (aligned, most complex first), json (the report's metrics object) or csv (one row per function).")
    var format: Format = .table

    @Option(name: .customLong("min-tokens"), help: "The shortest run of equal tokens counted as a clone.")
    var minTokens: Int = 50

    func validate() throws {
        guard minTokens >= 10 else { throw ValidationError("--min-tokens must be at least 10") }
    }

    func run() throws {
        let analyzer = MetricsAnalyzer(options: MetricsOptions(minTokens: minTokens))
        // For JSON, sizes and complexity (most of the text) are written while the rest is computed.
        var prewritten: [PrewrittenJSON] = []
        let metrics = try analyzer.analyze(URL(fileURLWithPath: path), whileFinishing: { size, complexity in
            guard format == .json else { return }
            prewritten = [try? PrewrittenJSON(size, depth: 1), try? PrewrittenJSON(complexity, depth: 1)].compactMap { $0 }
        }).report
        switch format {
        case .table: FileHandle.standardOutput.write(Data(MetricsTable.render(metrics).utf8))
        case .json: FileHandle.standardOutput.write(try ReportCoding.encode(metrics: metrics, prewritten: prewritten))
        case .csv: FileHandle.standardOutput.write(Data(MetricsCSV.render(metrics).utf8))
        }
    }
}
