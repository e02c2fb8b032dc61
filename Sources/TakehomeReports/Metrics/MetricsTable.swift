import TakehomeCore

/// `takehome metrics --format table`: every function (most complex first, source before tests)
/// in aligned columns with the thresholds it breaks, then totals per language, complexity and
/// duplication totals, clone pairs, and what was left out or skipped.
public enum MetricsTable {
    public static func render(_ metrics: Report.Metrics) -> String { String(decoding: renderUTF8(metrics), as: UTF8.self) }

    /// The table as UTF-8, which `render` decodes: written out as it is, without a String between
    /// (making one of a table of 5 000 functions, validating its 800 KB, took 1.5 ms).
    public static func renderUTF8(_ metrics: Report.Metrics) -> [UInt8] {
        var sections: [[UInt8]] = []
        if let complexity = metrics.complexity { sections.append(functions(complexity, size: metrics.size)) }
        if let size = metrics.size { sections.append(totals(size)) }
        if let complexity = metrics.complexity { sections.append(joined(complexityTotals(complexity))) }
        if let duplication = metrics.duplication { sections.append(clones(duplication)) }
        if let size = metrics.size { sections += excluded(size) }
        var text: [UInt8] = []
        text.reserveCapacity(sections.reduce(1) { $0 + $1.count + 2 })
        for (index, section) in sections.enumerated() {
            if index > 0 { text.append(contentsOf: "\n\n".utf8) }
            text.append(contentsOf: section)
        }
        text.append(UInt8(ascii: "\n"))
        return text
    }

    /// Lines of text as one block of UTF-8.
    private static func joined(_ lines: [String]) -> [UInt8] { Array(lines.joined(separator: "\n").utf8) }

    private static func functions(_ complexity: ComplexityMetrics, size: SizeMetrics?) -> [UInt8] {
        // Each column read through the order, the functions themselves not copied.
        let groups = [(kind: CodeKind.source, functions: complexity.functions), (.test, complexity.testFunctions)]
        let orders = groups.map { MetricsSummary.mostComplexOrder($0.functions) }
        guard orders.contains(where: { !$0.isEmpty }) else { return Array("No functions found.".utf8) }
        func column<Value>(_ value: (FunctionMetrics) -> Value) -> [Value] {
            zip(groups, orders).flatMap { group, order in order.map { value(group.functions[$0]) } }
        }
        return aligned(["FUNCTION", "PLACE", "NLOC", "CCN", "COGNITIVE", "PARAMS", "NESTING", "KIND", "OVER"], columns: [
            .left(column { safe($0.name) }),
            .left(column { safe($0.file + ":" + String($0.line) + "-" + String($0.endLine)) }),
            .numbers(column(\.nloc)), .numbers(column(\.ccn)), .numbers(column(\.cognitive)),
            .numbers(column(\.params)), .numbers(column(\.maxNesting)),
            .left(zip(groups, orders).flatMap { group, order in repeatElement(group.kind.rawValue, count: order.count) }),
            .left(column { complexity.thresholds.breaches(of: $0).map(\.metric.rawValue).joined(separator: ",") }),
        ])
    }

    private static func totals(_ size: SizeMetrics) -> [UInt8] {
        var rows: [(name: String, kind: CodeKind, totals: SizeTotals)] = []
        for language in size.languages {
            if language.source.files > 0 { rows.append((language.language, .source, language.source)) }
            if language.test.files > 0 { rows.append((language.language, .test, language.test)) }
        }
        rows += [("all", .source, size.source), ("all", .test, size.test)]
        return aligned(["LANGUAGE", "KIND", "FILES", "NLOC", "COMMENTS", "BLANK", "FUNCTIONS"], columns: [
            .left(rows.map(\.name)), .left(rows.map(\.kind.rawValue)), .numbers(rows.map(\.totals.files)),
            .numbers(rows.map(\.totals.nloc)), .numbers(rows.map(\.totals.commentLines)), .numbers(rows.map(\.totals.blankLines)),
            .numbers(rows.map(\.totals.functions)),
        ])
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

    private static func clones(_ duplication: DuplicationMetrics) -> [UInt8] {
        var text = Array(("Duplication (clones of at least \(duplication.minTokens) tokens): source "
            + "\(MetricsSummary.percent(duplication.source.ratio)) (\(duplication.source.duplicatedTokens) of "
            + "\(duplication.source.tokens) tokens), test \(MetricsSummary.percent(duplication.test.ratio)) "
            + "(\(duplication.test.duplicatedTokens) of \(duplication.test.tokens) tokens)").utf8)
        if !duplication.clones.isEmpty {
            let clones = duplication.clones
            text.append(UInt8(ascii: "\n"))
            text += aligned(["TOKENS", "FIRST", "SECOND", "KIND"], columns: [
                .numbers(clones.map(\.tokens)), .left(clones.map { safe($0.first.description) }),
                .left(clones.map { safe($0.second.description) }), .left(clones.map(\.scope.rawValue)),
            ], indent: 2)
        }
        if duplication.clonesNotListed > 0 { text += "\n  \(duplication.clonesNotListed) more clone pairs not listed".utf8 }
        return text
    }

    private static func excluded(_ size: SizeMetrics) -> [[UInt8]] {
        var sections: [[UInt8]] = []
        for (title, entries) in [("Left out (not the candidate's code)", size.leftOut), ("Skipped", size.skipped)]
        where !entries.isEmpty {
            sections.append(Array("\(title):\n".utf8)
                + aligned(nil, columns: [.left(entries.map { safe($0.path) }), .left(entries.map(\.reason))], indent: 2))
        }
        if !size.notes.isEmpty {
            sections.append(joined(["Notes:"] + size.notes.map { "  \(safe($0.file)): \(safe($0.message))" }))
        }
        return sections
    }

    /// A table's column: text aligned left or right, or numbers (aligned right).
    enum Column {
        case left([String]), right([String]), numbers([Int])

        var count: Int {
            switch self { case .left(let cells), .right(let cells): cells.count; case .numbers(let values): values.count }
        }
        var isRightAligned: Bool { if case .left = self { false } else { true } }
    }

    /// The columns' cells in rows, two spaces apart, each line `indent` spaces in, under `header`
    /// if there is one. A cell's width is its count of characters (its byte count when it is all
    /// ASCII, as names and numbers mostly are). The lines, their trailing spaces dropped, joined
    /// by newlines, as UTF-8: written into one buffer, column by column of each row (with an array
    /// of Strings per row and a String per line, `--format table` took 14.5 ms more than `--format
    /// json` on the bench corpus's 5 248 functions; now 5.3 to 8.6 ms more, over two sets of 30 runs).
    static func aligned(_ header: [String]?, columns: [Column], indent: Int = 0) -> [UInt8] {
        let rowCount = columns.map(\.count).max() ?? 0
        let cellWidths: [[Int]] = columns.map { column in
            switch column {
            case .left(let cells), .right(let cells): cells.map(width)
            case .numbers(let values): values.map(digitCount)
            }
        }
        var widths = cellWidths.map { $0.max() ?? 0 }
        for (column, title) in (header ?? []).enumerated() where column < widths.count { widths[column] = max(widths[column], width(title)) }
        var text = TextLines(indent: indent, capacity: (rowCount + 1) * (indent + widths.reduce(2 * widths.count + 1, +)))
        if let header {
            text.startLine()
            for (column, title) in header.enumerated() where column < columns.count {
                text.cell(title, padding: widths[column] - width(title), first: column == 0, right: columns[column].isRightAligned)
            }
            text.endLine()
        }
        for row in 0..<rowCount {
            text.startLine()
            for (column, cells) in columns.enumerated() where row < cells.count {
                let padding = widths[column] - cellWidths[column][row]
                switch cells {
                case .left(let cells), .right(let cells):
                    text.cell(cells[row], padding: padding, first: column == 0, right: columns[column].isRightAligned)
                case .numbers(let values): text.number(values[row], padding: padding, first: column == 0)
                }
            }
            text.endLine()
        }
        return text.bytes
    }

    /// The lines of a table as bytes. A value with mutating methods, not closures over a buffer:
    /// a buffer captured by closures is checked for exclusive access at every write.
    private struct TextLines {
        var bytes: [UInt8] = []
        let indent: Int
        private var lineStart = 0
        static let space = UInt8(ascii: " ")

        init(indent: Int, capacity: Int) { self.indent = indent; bytes.reserveCapacity(capacity) }

        mutating func startLine() {
            if !bytes.isEmpty { bytes.append(UInt8(ascii: "\n")) }
            pad(indent)
            lineStart = bytes.count
        }

        /// Drops the line's trailing spaces (never its indent).
        mutating func endLine() {
            while bytes.count > lineStart, bytes.last == Self.space { bytes.removeLast() }
        }

        mutating func cell(_ text: String, padding: Int, first: Bool, right: Bool) {
            separate(first)
            if right { pad(padding) }
            var text = text
            text.withUTF8 { bytes.append(contentsOf: $0) }
            if !right { pad(padding) }
        }

        mutating func number(_ value: Int, padding: Int, first: Bool) {
            separate(first)
            pad(padding)
            if value < 0 { bytes.append(UInt8(ascii: "-")) }
            let start = bytes.count
            var magnitude = value.magnitude
            repeat { bytes.append(UInt8(ascii: "0") + UInt8(magnitude % 10)); magnitude /= 10 } while magnitude > 0
            bytes[start...].reverse()
        }

        /// Two spaces before every cell but a row's first.
        private mutating func separate(_ first: Bool) { if !first { pad(2) } }

        private mutating func pad(_ count: Int) { bytes.append(contentsOf: repeatElement(Self.space, count: count)) }
    }

    /// How many characters `value` takes in decimal.
    private static func digitCount(_ value: Int) -> Int {
        var count = value < 0 ? 2 : 1, magnitude = value.magnitude
        while magnitude >= 10 { magnitude /= 10; count += 1 }
        return count
    }

    /// How many columns `cell` takes: its characters.
    private static func width(_ cell: String) -> Int {
        var cell = cell
        return cell.withUTF8 { bytes in bytes.allSatisfy { $0 < 0x80 } } ? cell.utf8.count : cell.count
    }

    private static func safe(_ text: String) -> String { ReportText.oneLine(text) }
}
