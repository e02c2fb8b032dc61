import Foundation
import Testing

/// Compares rendered text with a file in Golden/, or records it when `TAKEHOME_RECORD_GOLDEN=1`
/// (the test then passes, and the diff is reviewed in git).
enum GoldenFile {
    static let directory = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("Golden")
    static var recording: Bool { ProcessInfo.processInfo.environment["TAKEHOME_RECORD_GOLDEN"] == "1" }

    static func check(_ actual: String, named name: String, sourceLocation: SourceLocation = #_sourceLocation) throws {
        let url = directory.appendingPathComponent(name)
        if recording {
            try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
            try Data(actual.utf8).write(to: url)
            return
        }
        guard let data = FileManager.default.contents(atPath: url.path) else {
            Issue.record("Golden/\(name) is missing; record it with TAKEHOME_RECORD_GOLDEN=1", sourceLocation: sourceLocation)
            return
        }
        let expected = String(decoding: data, as: UTF8.self)
        if expected != actual {
            let diff = difference(expected: expected, actual: actual)
            Issue.record("Golden/\(name) differs (re-record with TAKEHOME_RECORD_GOLDEN=1 if intended):\n\(diff)",
                         sourceLocation: sourceLocation)
        }
    }

    /// The first differing line with a little context, as `-expected` / `+actual` lines.
    static func difference(expected: String, actual: String) -> String {
        let old = expected.components(separatedBy: "\n"), new = actual.components(separatedBy: "\n")
        let first = zip(old, new).enumerated().first { $0.element.0 != $0.element.1 }?.offset ?? min(old.count, new.count)
        var lines = ["first difference at line \(first + 1) (expected \(old.count) lines, got \(new.count)):"]
        for index in max(0, first - 2)..<first { lines.append("  " + old[index]) }
        for index in first..<min(old.count, first + 3) { lines.append("- " + old[index].debugDescription) }
        for index in first..<min(new.count, first + 3) { lines.append("+ " + new[index].debugDescription) }
        return lines.joined(separator: "\n")
    }
}
