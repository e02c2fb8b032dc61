import Foundation

/// The audit's printed result: one row per attack (attack, expected, observed, contained), the
/// reasons for every uncontained one, and the total wall time.
public enum AuditTable {
    public static func render(_ outcome: SandboxAudit.Outcome) -> String {
        let header = ["attack", "expected", "observed", "contained"]
        let cells = outcome.rows.map { [$0.attack, $0.expected, $0.observed, $0.contained ? "yes" : "NO"] }
        let widths = (0..<header.count).map { column in ([header] + cells).map { $0[column].count }.max() ?? 0 }
        func line(_ row: [String]) -> String {
            zip(row, widths).map { $0.padding(toLength: $1, withPad: " ", startingAt: 0) }.joined(separator: "  ")
                .trimmingCharacters(in: .whitespaces)
        }
        var lines = [line(header), line(widths.map { String(repeating: "-", count: $0) })] + cells.map(line)
        for row in outcome.rows where !row.contained {
            lines.append("")
            lines.append("\(row.attack) was not contained:")
            lines += row.problems.map { "  - \($0)" }
        }
        if !outcome.general.isEmpty {
            lines.append("")
            lines.append("The host after the audit:")
            lines += outcome.general.map { "  - \($0)" }
        }
        let contained = outcome.rows.filter(\.contained).count
        lines.append("")
        lines.append("\(contained) of \(outcome.rows.count) attacks contained" + (outcome.general.isEmpty ? "; canaries untouched" : "")
                     + String(format: "; total wall time %.1f s", outcome.seconds))
        return lines.joined(separator: "\n") + "\n"
    }
}
