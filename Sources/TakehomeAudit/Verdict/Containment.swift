import Foundation
import TakehomeCore
import TakehomeReports

/// Judges one attack's grading: what was observed, and every way it was not contained.
struct Containment {
    /// What a candidate must never see and a report must never hold.
    struct Secrets {
        /// Canary values: in no output at all, reviewer's included.
        var canaries: [String]
        /// Hidden-test source lines, test names and the hidden file's marker: in no candidate output.
        var hiddenSource: [String]
        /// Where hidden tests sit in the run folder, and their files' text: what `grade` hands the
        /// candidate view, so the audit checks exactly what a candidate would be shown.
        var hiddenPath: String?
        var hiddenFiles: [String]
        /// The public key every report must be signed with.
        var signingKey: String
    }

    /// Facts from outside the report: the host's canaries after the run.
    struct HostFacts {
        var changedPaths: [String] = []
        var listenerConnections: [String] = []
        var strays: [String] = []
    }

    /// The verdict on one attack.
    struct Verdict: Sendable {
        var observed: String
        var problems: [String]
        var contained: Bool { problems.isEmpty }
    }

    var expectation: AttackExpectation
    var secrets: Secrets

    func judge(_ run: AttackRun.Observation, host: HostFacts) -> Verdict {
        var problems: [String] = []
        var observed: [String] = ["exit \(run.exitStatus)"]
        if run.timedOut { problems.append("takehome did not finish within its time bound and was killed") }
        if run.exitStatus != expectation.exitCode {
            problems.append("takehome exited \(run.exitStatus), not \(expectation.exitCode): \(run.stderr.split(separator: "\n").last ?? "")")
        }
        let everything = run.stdout + run.stderr + String(decoding: run.reportData ?? Data(), as: UTF8.self)
        if everything.contains(Canaries.escapeMarker) {
            let line = everything.split(separator: "\n").first { $0.contains(Canaries.escapeMarker) } ?? ""
            problems.append("the attack reported an escape: \(line.prefix(200))")
        }
        for canary in secrets.canaries where everything.contains(canary) {
            problems.append("a canary value (\(canary.prefix(26))…) appears in takehome's output")
        }
        problems += host.changedPaths.map { "host path changed: \($0)" }
        problems += host.listenerConnections.map { "the loopback listener saw \($0)" }
        problems += host.strays.map { "left running: \($0)" }

        if expectation.exitCode == 0 {
            if let data = run.reportData {
                let (notes, reportProblems) = judgeReport(data)
                observed += notes
                problems += reportProblems
            } else {
                problems.append("no report.json was written")
            }
        } else if run.reportData != nil {
            problems.append("a report was written although the submission had to be refused")
        } else if let reason = run.stderr.split(separator: "\n").last {
            observed.append("refused: \(reason.replacingOccurrences(of: "takehome: ", with: "").prefix(60))")
        }
        return Verdict(observed: observed.joined(separator: "; "), problems: problems)
    }

    /// What the report shows and where it falls short of the expectation.
    private func judgeReport(_ data: Data) -> (notes: [String], problems: [String]) {
        var problems: [String] = []
        do {
            _ = try ReportSigning.verify(data, file: "report.json", trustedKeys: [secrets.signingKey])
        } catch {
            problems.append("the report's signature does not verify: \(error)")
        }
        let report: Report
        do { report = try ReportCoding.decode(data) } catch { return ([], problems + ["report.json does not decode: \(error)"]) }
        let hidden = report.tests.hidden
        var notes = ["\(AttackExpectation.points(hidden?.pointsEarned ?? 0))/\(AttackExpectation.points(hidden?.pointsPossible ?? 0)) pts"]
        let limits = Self.limitNames(hidden?.limitsHit ?? [])
        if !limits.isEmpty { notes.append("limit " + limits.joined(separator: ",")) }
        let tampered = (hidden?.tampered ?? false) || report.findings.contains { $0.rule.hasPrefix("tests.tampering") }
        if tampered { notes.append("tampering") }
        let rules = Set(report.findings.map(\.rule)).filter { $0.hasPrefix("fetch.") }
        notes += rules.sorted()

        if !expectation.limits.isEmpty, Set(expectation.limits).isDisjoint(with: limits) {
            problems.append("no limit among \(expectation.limits.joined(separator: ", ")) was reported (observed: \(limits.isEmpty ? "none" : limits.joined(separator: ", ")))")
        }
        if expectation.tampering, !tampered { problems.append("the report does not record tampering") }
        if let scoreMax = expectation.scoreMax, let earned = hidden?.pointsEarned, earned > scoreMax {
            problems.append("earned \(earned) hidden-test points, more than \(scoreMax)")
        }
        for rule in expectation.findings where !report.findings.contains(where: { $0.rule == rule }) {
            problems.append("the report has no \(rule) finding")
        }
        problems += candidateLeaks(report)
        return (notes, problems)
    }

    /// Hidden-test source or canaries in any candidate-audience rendering of the report.
    private func candidateLeaks(_ report: Report) -> [String] {
        let masked = CandidateView.mask(report, hiddenPath: secrets.hiddenPath, hiddenSources: secrets.hiddenFiles)
        var leaks: [String] = []
        for format in ReportFormat.allCases {
            let text = ReportFormat.renderer(for: format, colour: false).render(masked)
            if let leaked = (secrets.hiddenSource + secrets.canaries).first(where: { text.contains($0) }) {
                leaks.append("the candidate's \(format.rawValue) report shows hidden material: \(leaked.prefix(60))")
            }
        }
        return leaks
    }

    /// The limit names behind the sandbox's sentences (SandboxResult.describe).
    static func limitNames(_ sentences: [String]) -> [String] {
        let phrases: [(String, String)] = [("wall limit", "wall"), ("CPU time limit", "cpu"), ("memory limit", "memory"),
                                           ("new processes", "processes"), ("output cut", "output"),
                                           ("file size limit", "file-size"), ("of disk space", "disk")]
        return phrases.filter { phrase in sentences.contains { $0.contains(phrase.0) } }.map(\.1)
    }
}
