import Dispatch
import Foundation
import TakehomeAnalysis
import TakehomeCore

/// The grading's static-analysis stage: measures the candidate's code at the solution's root
/// (starter code left out), measures the reference solution the same way for the relative
/// figures, and turns threshold breaches and clones into findings. Reads files; runs nothing.
struct CodeAnalysis: Sendable {
    var assignment: Assignment
    var registry: LanguageRegistry = .standard

    /// What the stage gives the report.
    struct Outcome: Sendable {
        var metrics: Report.Metrics
        var findings: [Finding]
        var seconds: Double
    }

    /// Runs off the cooperative pool (the analysis blocks while its workers use the cores).
    func run(_ tree: URL, withReference: Bool) async -> Outcome {
        await withCheckedContinuation { continuation in
            DispatchQueue.global().async { continuation.resume(returning: measure(tree, withReference: withReference)) }
        }
    }

    func measure(_ tree: URL, withReference: Bool) -> Outcome {
        let started = Date()
        let starter = (try? StarterFiles(folder: assignment.starterDirectory)) ?? StarterFiles()
        let analyzer = MetricsAnalyzer(registry: registry, options: MetricsOptions(thresholds: assignment.thresholds))
        let candidate: CodeMetrics
        do {
            candidate = try analyzer.analyze(tree, subfolder: assignment.root, starter: starter)
        } catch {
            let finding = Finding(rule: "metrics.not-analysed", severity: .info,
                                  message: "The solution's folder could not be analysed: \(error).")
            return Outcome(metrics: Report.Metrics(), findings: [finding], seconds: Date().timeIntervalSince(started))
        }
        var metrics = candidate.report
        if withReference, let reference = try? analyzer.analyze(assignment.referenceDirectory, subfolder: assignment.root,
                                                                starter: starter) {
            metrics.complexity?.reference = reference.complexity.source
            if let designReference = reference.overEngineering { metrics.overEngineering?.compare(with: designReference) }
            if let structural = reference.structural { metrics.testability?.structural?.compare(with: structural) }
        }
        let findings = MetricFindings.findings(complexity: metrics.complexity, duplication: metrics.duplication)
            + DesignFindings.findings(overEngineering: metrics.overEngineering, structural: metrics.testability?.structural)
        return Outcome(metrics: metrics, findings: findings, seconds: Date().timeIntervalSince(started))
    }
}
