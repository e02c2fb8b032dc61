import Foundation
import TakehomeCore

/// Reads LCOV tracefiles (`SF:`, `DA:`, `BRDA:` … `end_of_record`), as written by c8/nyc, lcov,
/// grcov, `coverage lcov` and llvm-cov export. Unknown records are ignored; a record outside an
/// `SF:` section or a malformed number is an error naming the line.
public enum LCOVParser {
    /// Parses `text`; paths are made relative to `root` (the run directory inside the sandbox).
    public static func parse(_ text: String, root: String) throws -> CoverageData {
        var data = CoverageData()
        var path: String?
        var file = CoverageData.File()
        for (index, rawLine) in text.split(omittingEmptySubsequences: false, whereSeparator: \.isNewline).enumerated() {
            let line = rawLine.trimmingCharacters(in: .whitespaces)
            if line.isEmpty || line.hasPrefix("TN:") { continue }
            if line == "end_of_record" {
                if let path { data.files[path, default: .init()].merge(file) }
                (path, file) = (nil, .init())
                continue
            }
            guard let colon = line.firstIndex(of: ":") else { throw malformed(index, line) }
            let tag = line[..<colon], value = line[line.index(after: colon)...]
            if tag == "SF" {
                path = CoverageData.relative(String(value), to: root)
                continue
            }
            guard path != nil else {
                if ["DA", "BRDA", "FN", "FNDA", "LF", "LH", "BRF", "BRH", "FNF", "FNH"].contains(String(tag)) {
                    throw TakehomeError(.dataError, "LCOV line \(index + 1): `\(tag):` record before any `SF:` file")
                }
                continue
            }
            let fields = value.split(separator: ",", omittingEmptySubsequences: false)
            switch tag {
            case "DA":
                guard fields.count >= 2, let number = Int(fields[0]), let hits = Int(fields[1]), number > 0, hits >= 0 else {
                    throw malformed(index, line)
                }
                file.lineHits[number, default: 0] += hits
            case "BRDA":
                guard fields.count == 4, Int(fields[0]) != nil else { throw malformed(index, line) }
                file.branchesTotal += 1
                if fields[3] != "-", let taken = Int(fields[3]), taken > 0 { file.branchesCovered += 1 }
            default:
                continue
            }
        }
        if let path { data.files[path, default: .init()].merge(file) }
        return data
    }

    private static func malformed(_ index: Int, _ line: String) -> TakehomeError {
        TakehomeError(.dataError, "LCOV line \(index + 1) is malformed: `\(line.prefix(80))`")
    }
}
