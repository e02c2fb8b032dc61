import TakehomeCore

/// `takehome metrics --format csv`: one row per function (source, then tests, each in file and
/// line order) under a header, RFC 4180 quoting; a cell a spreadsheet would run as a formula
/// (`=`, `+`, `-`, `@` first) is prefixed with `'`.
public enum MetricsCSV {
    public static let header = ["file", "name", "line", "endLine", "nloc", "ccn", "cognitive", "params", "maxNesting",
                                "kind", "language"]

    public static func render(_ metrics: Report.Metrics) -> String {
        var languages: [String: String] = [:]
        for file in metrics.size?.files ?? [] { languages[file.path] = file.language }
        var lines = [header.joined(separator: ",")]
        if let complexity = metrics.complexity {
            for (kind, functions) in [(CodeKind.source, complexity.functions), (.test, complexity.testFunctions)] {
                for function in functions {
                    lines.append([function.file, function.name, "\(function.line)", "\(function.endLine)", "\(function.nloc)",
                                  "\(function.ccn)", "\(function.cognitive)", "\(function.params)", "\(function.maxNesting)",
                                  kind.rawValue, languages[function.file] ?? ""].map(cell).joined(separator: ","))
                }
            }
        }
        return lines.joined(separator: "\r\n") + "\r\n"
    }

    static func cell(_ text: String) -> String {
        var text = text
        if let first = text.utf8.first, "=+-@".utf8.contains(first), Int(text) == nil { text = "'" + text }
        guard text.utf8.contains(where: { ",\"\n\r".utf8.contains($0) }) else { return text }
        return "\"" + text.replacingOccurrences(of: "\"", with: "\"\"") + "\""
    }
}
