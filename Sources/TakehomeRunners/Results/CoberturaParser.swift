import Foundation
import TakehomeCore
#if canImport(FoundationXML)
import FoundationXML
#endif

/// Reads Cobertura XML (`coverage.py xml`, gcovr, JaCoCo converters, dotnet coverlet): each
/// `<class filename=…>` holds `<line number hits [branch condition-coverage="50% (1/2)"]>`.
/// Filenames are joined to the first `<source>` and made relative to the run directory.
public enum CoberturaParser {
    /// Parses `data`; throws when it is not well-formed XML with a `<coverage>` root.
    public static func parse(_ data: Data, root: String) throws -> CoverageData {
        let delegate = Delegate()
        let parser = XMLParser(data: data)
        parser.shouldResolveExternalEntities = false
        parser.delegate = delegate
        guard parser.parse(), delegate.sawRoot else {
            let reason = parser.parserError.map { "\($0.localizedDescription)" } ?? "no <coverage> element"
            throw TakehomeError(.dataError, "the Cobertura coverage file does not parse: \(reason)")
        }
        var coverage = CoverageData()
        let source = delegate.sources.first ?? ""
        for (filename, file) in delegate.files {
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

    private final class Delegate: NSObject, XMLParserDelegate {
        var sawRoot = false
        var sources: [String] = []
        var files: [(String, CoverageData.File)] = []
        private var current: (name: String, file: CoverageData.File)?
        private var inSource = false
        private var text = ""

        func parser(_ parser: XMLParser, didStartElement element: String, namespaceURI: String?,
                    qualifiedName: String?, attributes: [String: String] = [:]) {
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

        func parser(_ parser: XMLParser, foundCharacters string: String) {
            if inSource { text += string }
        }

        func parser(_ parser: XMLParser, didEndElement element: String, namespaceURI: String?, qualifiedName: String?) {
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
