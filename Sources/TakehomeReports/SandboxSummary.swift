import TakehomeCore

/// The sandbox section's facts for reviewers: each limit with its value and the mechanism that
/// enforced it, and what each phase did.
enum SandboxSummary {
    struct LimitRow {
        var name: String
        var value: String
        var enforcement: String?
    }

    /// The limits in a fixed order, then any other enforced limit the sandbox reported.
    static func rows(_ sandbox: SandboxInfo) -> [LimitRow] {
        let limits = sandbox.limits
        var known: [(String, String)] = [
            ("wall", TimeSpan(seconds: limits.wallSeconds).description),
            ("cpu", TimeSpan(seconds: limits.cpuSeconds).description),
            ("memory", ByteSize(bytes: limits.memoryBytes).description),
            ("processes", String(limits.processes)),
            ("output", ByteSize(bytes: limits.outputBytes).description + " per stream"),
            ("disk", ByteSize(bytes: limits.diskBytes).description),
        ]
        if sandbox.enforcement["file-size"] != nil {
            known.insert(("file-size", ByteSize(bytes: limits.diskBytes).description), at: 5)
        }
        let names = Set(known.map(\.0))
        let others = sandbox.enforcement.keys.filter { !names.contains($0) }.sorted().map { ($0, "") }
        return (known + others).map { name, value in
            LimitRow(name: name, value: value, enforcement: sandbox.enforcement[name])
        }
    }

    /// `exit 0`, `4.2 s`, `limits hit: wall`, `network on`.
    static func phaseSummary(_ phase: SandboxInfo.Phase) -> [String] {
        var parts: [String] = [exit(phase), ReportText.seconds(phase.wallSeconds)]
        if !phase.limitsHit.isEmpty { parts.append("limits hit: " + phase.limitsHit.joined(separator: ", ")) }
        parts.append(phase.network ? "network on" : "no network")
        if let profile = phase.profile { parts.append("profile \(profile)") }
        return parts
    }

    /// One warning per limit that was asked for but not enforced as asked.
    static func warnings(_ sandbox: SandboxInfo) -> [String] {
        (sandbox.unenforced ?? []).map { "NOT ENFORCED: \($0)" }
    }

    /// `exit 0`, `killed by signal 9`, or `no exit status`.
    static func exit(_ phase: SandboxInfo.Phase) -> String {
        if let signal = phase.signal { return "killed by signal \(signal)" }
        if let code = phase.exitCode { return "exit \(code)" }
        return "no exit status"
    }
}
