/// The findings static analysis raises: one per threshold breach of a function of the candidate's
/// source code (most excessive first) and one per clone pair involving source code (longest
/// first). Each list is capped, and a last finding says how many more there are and where to
/// find them, so a tangled submission does not bury the rest of the report.
public enum MetricFindings {
    /// The most threshold breaches and clone pairs listed as findings.
    public static let breachLimit = 15, cloneLimit = 10

    public static func findings(complexity: ComplexityMetrics?, duplication: DuplicationMetrics?) -> [Finding] {
        var findings: [Finding] = []
        if let complexity { findings += breaches(complexity) }
        if let duplication { findings += clones(duplication) }
        return findings
    }

    static func breaches(_ complexity: ComplexityMetrics) -> [Finding] {
        let all = complexity.functions.flatMap { complexity.thresholds.breaches(of: $0) }.sorted { a, b in
            if a.excess != b.excess { return a.excess > b.excess }
            return (a.function.file, a.function.line, a.metric.rawValue) < (b.function.file, b.function.line, b.metric.rawValue)
        }
        var findings = all.prefix(breachLimit).map { breach in
            Finding(rule: breach.metric.rule, severity: .warning,
                    message: breach.metric.sentence(function: breach.function.name, value: breach.value, limit: breach.limit)
                        + ": " + breach.metric.suggestion + ".",
                    file: breach.function.file, line: breach.function.line)
        }
        if all.count > breachLimit {
            findings.append(Finding(rule: "complexity.more", severity: .info,
                                    message: "\(all.count - breachLimit) more threshold breaches are not listed here; "
                                        + "metrics.complexity.functions holds every function's figures."))
        }
        return findings
    }

    static func clones(_ duplication: DuplicationMetrics) -> [Finding] {
        let relevant = duplication.clones.filter { $0.scope != .test }
        var findings = relevant.prefix(cloneLimit).map { clone in
            let advice = clone.scope == .source
                ? "extract the shared code into one function and call it from both places"
                : "the test repeats code of the solution; test the solution's function instead of a copy of it"
            return Finding(rule: "duplication.clone", severity: clone.scope == .source ? .warning : .info,
                           message: "Lines \(clone.second.line)–\(clone.second.endLine) repeat "
                               + "\(clone.first.file) lines \(clone.first.line)–\(clone.first.endLine) "
                               + "(\(clone.tokens) tokens): \(advice).",
                           file: clone.second.file, line: clone.second.line)
        }
        let more = max(0, relevant.count - cloneLimit) + duplication.clonesNotListed
        if more > 0 {
            findings.append(Finding(rule: "duplication.more", severity: .info,
                                    message: "\(more) more clone pairs are not listed here; metrics.duplication.clones lists them."))
        }
        return findings
    }
}
