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
    var minTokens: Int = MetricsOptions().minTokens

    /// The shortest `--min-tokens` taken (shorter runs of tokens are everywhere in code).
    static let leastMinTokens = 10

    func validate() throws {
        guard minTokens >= Self.leastMinTokens else { throw ValidationError("--min-tokens must be at least \(Self.leastMinTokens)") }
    }

    /// The analysis `Takehome.main` began before parsing, from the command line's first argument
    /// after `metrics`.
    static let begun = Locked<BegunAnalysis?>(nil)

    func run() throws { _ = try Self.run(path: path, format: format, minTokens: minTokens) }

    /// `metrics PATH` followed by nothing but `--format F` and `--min-tokens N` (each at most once,
    /// as `--name value` or `--name=value`), with a PATH that is no option and values that parse
    /// and pass `validate`: the command line argument-parser would read the same way. Read without
    /// it, because its reflection over the command types costs 2 to 3 ms of a `metrics` run's main
    /// thread (most of it the Swift runtime searching protocol conformances), while the analysis
    /// waits for that thread. Nil for anything else (help, a misspelt or repeated option, a bad
    /// value), which argument-parser then reads and reports as before.
    struct Plain {
        var path: String
        var format = Format.table
        var minTokens = MetricsOptions().minTokens

        init?(_ arguments: some Collection<String>) {
            guard arguments.count >= 2, arguments.first == "metrics" else { return nil }
            let path = arguments.dropFirst().first!
            guard !path.isEmpty, !path.hasPrefix("-"), path != "help" else { return nil }
            self.path = path
            var rest = arguments.dropFirst(2)[...], seenFormat = false, seenMinTokens = false
            while let argument = rest.popFirst() {
                guard argument.hasPrefix("--") else { return nil }
                let option = argument.dropFirst(2), name: Substring, value: String
                if let equals = option.firstIndex(of: "=") {
                    name = option[..<equals]; value = String(option[option.index(after: equals)...])
                } else {
                    guard let next = rest.popFirst() else { return nil }
                    name = option; value = next
                }
                guard !value.hasPrefix("-") else { return nil }
                switch name {
                case "format":
                    guard !seenFormat, let format = Format(rawValue: value) else { return nil }
                    self.format = format; seenFormat = true
                case "min-tokens":
                    guard !seenMinTokens, let minTokens = Int(value), minTokens >= Metrics.leastMinTokens else { return nil }
                    self.minTokens = minTokens; seenMinTokens = true
                default: return nil
                }
            }
        }

        /// Writes the analysis and returns what it wrote from (see `Metrics.run`).
        func run() throws -> Report.Metrics { try Metrics.run(path: path, format: format, minTokens: minTokens) }
    }

    /// Analyses `path` and writes the result in `format`; returns the metrics written, which a
    /// caller about to exit may keep rather than free block by block.
    static func run(path: String, format: Format, minTokens: Int) throws -> Report.Metrics {
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
        case .table: FileHandle.standardOutput.write(Data(MetricsTable.renderUTF8(metrics)))
        case .json: FileHandle.standardOutput.write(try ReportCoding.encode(metrics: metrics, prewritten: prewritten.withLock { $0 }))
        case .csv: FileHandle.standardOutput.write(Data(MetricsCSV.renderUTF8(metrics)))
        }
        return metrics
    }
}
