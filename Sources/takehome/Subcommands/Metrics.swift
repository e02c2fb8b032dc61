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

    /// The analysis `Takehome.main` began before parsing, from the command line's first argument
    /// after `metrics`.
    static let begun = Locked<BegunAnalysis?>(nil)

    func run() throws {
        let root = URL(fileURLWithPath: path), options = MetricsOptions(minTokens: minTokens)
        // For JSON, each part of the metrics is written as soon as it is final, on the thread
        // that made it, while the rest is computed; the document splices them in.
        let prewritten = Locked([PrewrittenJSON]()), writesJSON = format == .json
        let whenFinished: @Sendable (CodeMetrics.FinishedPart) -> Void = { part in
            guard writesJSON else { return }
            let written = (try? part.prewritten(depth: 1)) ?? []
            prewritten.withLock { $0 += written }
        }
        let begun = Self.begun.withLock { begun in defer { begun = nil }; return begun }
        let metrics: Report.Metrics
        if let begun, begun.root == root, begun.options == options {
            metrics = try begun.finish(whenFinished: whenFinished).report
        } else {
            begun?.cancel()
            metrics = try MetricsAnalyzer(options: options).analyze(root, whenFinished: whenFinished).report
        }
        switch format {
        case .table: FileHandle.standardOutput.write(Data(MetricsTable.render(metrics).utf8))
        case .json: FileHandle.standardOutput.write(try ReportCoding.encode(metrics: metrics, prewritten: prewritten.withLock { $0 }))
        case .csv: FileHandle.standardOutput.write(Data(MetricsCSV.render(metrics).utf8))
        }
    }
}
