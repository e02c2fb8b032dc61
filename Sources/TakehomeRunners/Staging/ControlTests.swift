import Foundation
import TakehomeCore

/// Two tests the harness plants beside each suite with names drawn fresh for every run: one that
/// must fail and one that must pass. Code running inside the test process can rewrite how the
/// runner reports results (patching pytest's report class, registering a hook) so that the JUnit
/// file and the witness agree on a lie; it then has to tell the controls apart from the real tests
/// to keep the lie hidden. A control reported the wrong way, or missing, marks the whole run as
/// tampered with. The controls never count as tests of the assignment.
public struct ControlTests: Sendable, Equatable {
    /// The file written into the suite's folder, e.g. `test_ledger_4f2a.py`.
    public var fileName: String
    /// The function that must be reported failed, and the one that must be reported passed.
    public var mustFail: String
    public var mustPass: String

    /// Names drawn from a random source; `seed` makes them reproducible in tests.
    public init(seed: UInt64 = UInt64.random(in: .min ... .max)) {
        var generator = SplitMix64(seed: seed)
        let words = ["balance", "ledger", "window", "bucket", "record", "entry", "period", "total", "limit", "rounding",
                     "boundary", "average", "schedule", "summary", "overflow", "interval"]
        func word() -> String { words[Int(generator.next() % UInt64(words.count))] }
        func tag() -> String { String(generator.next() % 0xFFFF, radix: 16) }
        // `zz` sorts the module after every test file of the suite, so the controls run last and
        // their two progress characters can be taken off the end of pytest's `-q` progress line.
        fileName = "test_zz_\(word())_\(tag()).py"
        mustFail = "test_\(word())_\(word())_\(tag())"
        mustPass = "test_\(word())_\(word())_\(tag())"
        if mustPass == mustFail { mustPass += "_b" }
    }

    /// The Python source of the control module: plain asserts over values computed at run time,
    /// like any hidden test, with nothing that names the harness.
    public var pythonSource: String {
        """
        import math


        def \(mustFail)():
            values = [math.floor(x / 3) for x in range(1, 10)]
            assert sum(values) == \(Int.random(in: 100...999))


        def \(mustPass)():
            values = [math.floor(x / 3) for x in range(1, 10)]
            assert sum(values) == 12

        """
    }

    /// The runner's console output with every trace of the controls taken out: lines naming them,
    /// the failing control's traceback block, and the two of them from the closing counts
    /// ("= 1 failed, 34 passed in 0.4s =" becomes "= 33 passed in 0.4s ="). Reports show the
    /// result; candidates running `check` never see the controls.
    public func scrub(output: String) -> String {
        var kept: [Substring] = []
        let output = Self.dropLastProgress(2, from: output)
        var skippingBlock = false
        let stem = fileName.hasSuffix(".py") ? String(fileName.dropLast(3)) : fileName
        for line in output.split(separator: "\n", omittingEmptySubsequences: false) {
            // `-q` prints the closing counts without `=` around them; they end a failure block too.
            let isCounts = line.range(of: #"^[0-9]+ (failed|passed|error|errors|skipped)\b.* in [0-9.]+s"#,
                                      options: .regularExpression) != nil
            let isHeader = line.hasPrefix("____") || line.hasPrefix("====") || isCounts
            if isHeader { skippingBlock = false }
            if line.contains(mustFail) || line.contains(mustPass) || line.contains(stem) {
                if isHeader && line.hasPrefix("____") { skippingBlock = true }
                continue
            }
            if skippingBlock { continue }
            kept.append(isHeader ? Substring(Self.uncount(String(line))) : line)
        }
        // A section left empty (only the control failed) loses its header too.
        let sections = ["FAILURES", "short test summary info"]
        let tidy = kept.indices.filter { index in
            guard sections.contains(where: { kept[index].contains($0) }) else { return true }
            return !(index + 1 < kept.count && kept[index + 1].hasPrefix("===="))
        }.map { kept[$0] }
        return tidy.joined(separator: "\n")
    }

    /// Takes the last `count` characters off pytest's `-q` progress (`....F.` lines, wrapped at the
    /// terminal width), where the controls, run last, put theirs; the lines are re-wrapped.
    static func dropLastProgress(_ count: Int, from output: String) -> String {
        var lines = output.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        let progress = Set(".FEsxX")
        func isProgress(_ line: String) -> Bool { !line.isEmpty && line.allSatisfy { progress.contains($0) } }
        guard let first = lines.firstIndex(where: isProgress) else { return output }
        var last = first
        while last + 1 < lines.count, isProgress(lines[last + 1]) { last += 1 }
        let width = lines[first].count
        var characters = Array(lines[first...last].joined())
        characters.removeLast(min(count, characters.count))
        let wrapped = stride(from: 0, to: characters.count, by: max(width, 1)).map {
            String(characters[$0..<min($0 + max(width, 1), characters.count)])
        }
        lines.replaceSubrange(first...last, with: wrapped)
        return lines.joined(separator: "\n")
    }

    /// Takes one failure and one pass out of pytest's closing counts line, when it is one.
    static func uncount(_ line: String) -> String {
        guard line.contains(" in "), line.contains("passed") || line.contains("failed") else { return line }
        var text = line
        for word in ["failed", "passed"] {
            guard let range = text.range(of: #"[0-9]+ \#(word)"#, options: .regularExpression),
                  let count = Int(text[range].split(separator: " ")[0]) else { continue }
            text.replaceSubrange(range, with: "\(count - 1) \(word)")
        }
        return text.replacingOccurrences(of: "0 failed, ", with: "").replacingOccurrences(of: ", 0 passed", with: "")
            .replacingOccurrences(of: "0 passed, ", with: "")
    }

    /// Whether `id` (`module.path::name`, as JUnit and the witness write it) is one of the controls.
    public func isControl(_ id: String) -> Bool {
        id.hasSuffix("::" + mustFail) || id.hasSuffix("::" + mustPass)
    }
}
