import Foundation
import TakehomeCore

/// Reads Cobertura XML (`coverage.py xml`, gcovr, JaCoCo converters, dotnet coverlet): each
/// `<class filename=…>` holds `<line number hits [branch condition-coverage="50% (1/2)"]>`.
/// Filenames are joined to the first `<source>` and made relative to the run directory.
public enum CoberturaParser {
    /// Parses `data`; throws when it is not well-formed XML with a `<coverage>` root.
    public static func parse(_ data: Data, root: String) throws -> CoverageData {
        var reading = Reading()
        try XMLReader.read(data, resultFile: "Cobertura coverage file") { reading.take($0) }
        guard reading.sawRoot else { throw XMLReader.notParsed("Cobertura coverage file", "no <coverage> element") }
        var coverage = CoverageData()
        let source = reading.sources.first ?? ""
        for (filename, file) in reading.files {
            let absolute = filename.hasPrefix("/") || source.isEmpty ? filename : source + "/" + filename
            coverage.files[CoverageData.relative(absolute, to: root), default: .init()].merge(file)
        }
        return coverage
    }

    /// "50% (1/2)" → (1, 2).
    static func conditions(_ text: String) -> (covered: Int, total: Int)? {
        guard let open = text.firstIndex(of: "("), let slash = text.firstIndex(of: "/"),
              let close = text.firstIndex(of: ")"), open < slash, slash < close,
              let covered = Int(text[text.index(after: open)..<slash]),
              let total = Int(text[text.index(after: slash)..<close]) else { return nil }
        return (covered, total)
    }

    /// The sources and classes read so far, taking the document's events in order.
    private struct Reading {
        var sawRoot = false
        var sources: [String] = []
        var files: [(String, CoverageData.File)] = []
        private var current: (name: String, file: CoverageData.File)?
        private var inSource = false
        private var text = ""

        mutating func take(_ event: XMLReader.Event) {
            switch event {
            case .start(let element, let attributes): start(element, attributes: attributes)
            case .text(let string): if inSource { text += string }
            case .end(let element): end(element)
            }
        }

        private mutating func start(_ element: String, attributes: [String: String]) {
            switch element {
            case "coverage": sawRoot = true
            case "source": inSource = true; text = ""
            case "class": current = (attributes["filename"] ?? "", .init())
            case "line":
                guard current != nil, let number = Int(attributes["number"] ?? ""), let hits = Int(attributes["hits"] ?? "") else { return }
                current?.file.lineHits[number, default: 0] += max(0, hits)
                if attributes["branch"] == "true", let (covered, total) = attributes["condition-coverage"].flatMap(CoberturaParser.conditions) {
                    current?.file.branchesCovered += covered
                    current?.file.branchesTotal += total
                }
            default: break
            }
        }

        private mutating func end(_ element: String) {
            if element == "source" {
                inSource = false
                let trimmed = text.trimmingCharacters(in: .whitespacesAndNewlines)
                if !trimmed.isEmpty { sources.append(trimmed.hasSuffix("/") ? String(trimmed.dropLast()) : trimmed) }
            } else if element == "class", let current {
                files.append((current.name, current.file))
                self.current = nil
            }
        }
    }
}
