import ArgumentParser
import Foundation
import TakehomeCore
import TakehomeGrading
import TakehomeReports

/// Options shared by the commands that produce a report.
struct ReportOptions: ParsableArguments {
    @Option(help: "Write report.json, report.md and each --format into this folder.")
    var out: String?

    @Option(help: "Comma-separated formats to print (and write with --out): \(ReportOutput.formatNames).")
    var format: String = "terminal"

    @Option(help: "reviewer (everything) or candidate (hidden tests masked).")
    var audience: Report.Audience?

    @Option(name: .customLong("fail-under"), help: "Exit 1 when the score (percent) is below this.")
    var failUnder: Double?

    @Option(help: "The label of the one-line summary format.")
    var label: String?

    @Option(name: .customLong("signing-key"),
            help: "Sign reports with this ed25519 key file (created on first use; default: the installation's key).")
    var signingKey: String?

    func validate() throws {
        _ = try ReportOutput.formats(format)
        if let failUnder, !(0...100).contains(failUnder) {
            throw ValidationError("--fail-under takes a percentage from 0 to 100")
        }
    }
}

extension Report.Audience: ExpressibleByArgument {}

/// Writes and prints a report in the formats asked for, then applies --fail-under.
enum ReportOutput {
    static let formatNames = (ReportFormat.allCases.map(\.rawValue) + ["summary"]).joined(separator: ",")

    static func formats(_ list: String) throws -> [String] {
        let names = list.split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces) }
        for name in names where name != "summary" && ReportFormat(rawValue: name) == nil {
            throw ValidationError("unknown format '\(name)' (known: \(formatNames))")
        }
        return names
    }

    static func emit(_ report: Report, options: ReportOptions, hiddenPath: String?, hiddenSources: [String] = [],
                     defaultAudience: Report.Audience) throws {
        let audience = options.audience ?? defaultAudience
        let masked = audience == .candidate
            ? CandidateView.mask(report, hiddenPath: hiddenPath, hiddenSources: hiddenSources) : report
        let keyFile = options.signingKey.map { URL(fileURLWithPath: $0) } ?? SigningKey.defaultFile()
        let shown = try SigningKey.loadOrCreate(at: keyFile).sign(masked)
        let colour = isatty(STDOUT_FILENO) == 1 && ProcessInfo.processInfo.environment["NO_COLOR"] == nil
        for name in try formats(options.format) {
            if name == "summary" {
                print(SummaryLine.render(shown, label: options.label ?? shown.submission.source))
            } else if let format = ReportFormat(rawValue: name) {
                FileHandle.standardOutput.write(Data(ReportFormat.renderer(for: format, colour: colour).render(shown).utf8))
            }
        }
        if let out = options.out {
            let folder = URL(fileURLWithPath: out)
            try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
            var written: Set<ReportFormat> = [.json, .md]
            written.formUnion(try formats(options.format).compactMap(ReportFormat.init(rawValue:)))
            for format in written {
                let name = format == .terminal ? "report.txt" : "report.\(format.rawValue)"
                let text = ReportFormat.renderer(for: format, colour: false).render(shown)
                try Data(text.utf8).write(to: folder.appendingPathComponent(name), options: .atomic)
            }
        }
        if let threshold = options.failUnder, shown.score.percent < threshold {
            FileHandle.standardError.write(Data("takehome: score \(shown.score.percent)% is under --fail-under \(threshold)%\n".utf8))
            throw ExitCode(TakehomeCore.ExitCode.failUnder.rawValue)
        }
    }
}
