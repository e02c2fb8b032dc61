import TakehomeCore

/// `takehome metrics --format table`: every function (most complex first, source before tests)
/// in aligned columns with the thresholds it breaks, then totals per language, complexity and
/// duplication totals, clone pairs, and what was left out or skipped.
public enum MetricsTable {
    public static func render(_ metrics: Report.Metrics) -> String {
        var sections: [[String]] = []
        if let complexity = metrics.complexity { sections.append(functions(complexity, size: metrics.size)) }
        if let size = metrics.size { sections.append(totals(size)) }
        if let complexity = metrics.complexity { sections.append(complexityTotals(complexity)) }
        if let duplication = metrics.duplication { sections.append(clones(duplication)) }
        if let size = metrics.size { sections += excluded(size) }
        return sections.map { $0.joined(separator: "\n") }.joined(separator: "\n\n") + "\n"
    }

    private static func functions(_ complexity: ComplexityMetrics, size: SizeMetrics?) -> [String] {
        let rows = [(CodeKind.source, complexity.functions), (.test, complexity.testFunctions)].flatMap { kind, functions in
            MetricsSummary.mostComplex(functions).map { function in
                let over = complexity.thresholds.breaches(of: function).map(\.metric.rawValue).joined(separator: ",")
                return [safe(function.name), safe("\(function.file):\(function.line)-\(function.endLine)"),
                        "\(function.nloc)", "\(function.ccn)", "\(function.cognitive)", "\(function.params)",
                        "\(function.maxNesting)", kind.rawValue, over]
            }
        }
        guard !rows.isEmpty else { return ["No functions found."] }
        return aligned(["FUNCTION", "PLACE", "NLOC", "CCN", "COGNITIVE", "PARAMS", "NESTING", "KIND", "OVER"],
                       rows: rows, right: [2, 3, 4, 5, 6])
    }

    private static func totals(_ size: SizeMetrics) -> [String] {
        func row(_ name: String, _ kind: CodeKind, _ totals: SizeTotals) -> [String] {
            [name, kind.rawValue, "\(totals.files)", "\(totals.nloc)", "\(totals.commentLines)", "\(totals.blankLines)",
             "\(totals.functions)"]
        }
        var rows: [[String]] = []
        for language in size.languages {
            if language.source.files > 0 { rows.append(row(language.language, .source, language.source)) }
            if language.test.files > 0 { rows.append(row(language.language, .test, language.test)) }
        }
        rows += [row("all", .source, size.source), row("all", .test, size.test)]
        return aligned(["LANGUAGE", "KIND", "FILES", "NLOC", "COMMENTS", "BLANK", "FUNCTIONS"], rows: rows,
                       right: [2, 3, 4, 5, 6])
    }

    private static func complexityTotals(_ complexity: ComplexityMetrics) -> [String] {
        let limits = complexity.thresholds
        var lines = ["Thresholds: ccn \(limits.ccn), cognitive \(limits.cognitive), function-lines \(limits.functionLines), "
            + "params \(limits.params), nesting \(limits.nesting)"]
        for (name, totals) in [("source", complexity.source), ("test", complexity.test)] where totals.functions > 0 {
            lines.append("\(name): \(ReportText.count(totals.functions, "function")), average CCN "
                + "\(ReportText.number(totals.averageCcn)), max CCN \(totals.maxCcn), max cognitive \(totals.maxCognitive), "
                + "\(totals.functionsOverThresholds) over the thresholds (\(totals.breaches) \(totals.breaches == 1 ? "breach" : "breaches"))")
        }
        return lines
    }

    private static func clones(_ duplication: DuplicationMetrics) -> [String] {
        var lines = ["Duplication (clones of at least \(duplication.minTokens) tokens): source "
            + "\(MetricsSummary.percent(duplication.source.ratio)) (\(duplication.source.duplicatedTokens) of "
            + "\(duplication.source.tokens) tokens), test \(MetricsSummary.percent(duplication.test.ratio)) "
            + "(\(duplication.test.duplicatedTokens) of \(duplication.test.tokens) tokens)"]
        if !duplication.clones.isEmpty {
            lines += aligned(["TOKENS", "FIRST", "SECOND", "KIND"], rows: duplication.clones.map {
                ["\($0.tokens)", safe($0.first.description), safe($0.second.description), $0.scope.rawValue]
            }, right: [0]).map { "  " + $0 }
        }
        if duplication.clonesNotListed > 0 { lines.append("  \(duplication.clonesNotListed) more clone pairs not listed") }
        return lines
    }

    private static func excluded(_ size: SizeMetrics) -> [[String]] {
        var sections: [[String]] = []
        for (title, entries) in [("Left out (not the candidate's code)", size.leftOut), ("Skipped", size.skipped)]
        where !entries.isEmpty {
            sections.append(["\(title):"] + aligned(nil, rows: entries.map { [safe($0.path), $0.reason] }, right: [])
                .map { "  " + $0 })
        }
        if !size.notes.isEmpty {
            sections.append(["Notes:"] + size.notes.map { "  \(safe($0.file)): \(safe($0.message))" })
        }
        return sections
    }

    /// Rows padded into columns two spaces apart; `right` columns are right-aligned. A cell's width
    /// is its count of characters (its byte count when it is all ASCII, as names and numbers mostly
    /// are); each line is put together as bytes, its trailing spaces dropped.
    static func aligned(_ header: [String]?, rows: [[String]], right: Set<Int>) -> [String] {
        let all = (header.map { [$0] } ?? []) + rows
        let cellWidths = all.map { $0.map(width) }
        var widths: [Int] = []
        for row in cellWidths {
            for (column, cellWidth) in row.enumerated() {
                if column == widths.count { widths.append(cellWidth) } else { widths[column] = max(widths[column], cellWidth) }
            }
        }
        let rightAligned = widths.indices.map(right.contains)
        let space = UInt8(ascii: " ")
        return zip(all, cellWidths).map { row, rowWidths in
            var line: [UInt8] = []
            line.reserveCapacity(widths.reduce(2 * widths.count, +) + 16)
            for (column, cell) in row.enumerated() {
                if column > 0 { line += [space, space] }
                let padding = repeatElement(space, count: widths[column] - rowWidths[column])
                if rightAligned[column] { line += padding; line += cell.utf8 } else { line += cell.utf8; line += padding }
            }
            while line.last == space { line.removeLast() }
            return String(decoding: line, as: UTF8.self)
        }
    }

    /// How many columns `cell` takes: its characters.
    private static func width(_ cell: String) -> Int { cell.utf8.allSatisfy { $0 < 0x80 } ? cell.utf8.count : cell.count }

    private static func safe(_ text: String) -> String { ReportText.oneLine(text) }
}
