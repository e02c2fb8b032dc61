import Foundation
import TakehomeCore

/// The dependencies a solution declares, from the manifests at the top of its folder in every
/// ecosystem the design model knows: `requirements*.txt`, `pyproject.toml`, `package.json`,
/// `go.mod`, `Package.swift`, `pom.xml`, `build.gradle(.kts)`, `Cargo.toml`, `Gemfile`. A manifest
/// that cannot be read as its format gives a note, never an error; linked manifests are not followed.
public enum Manifests {
    /// What the manifests declare, and a note per manifest that could not be read (in file name order).
    public struct Reading: Sendable, Equatable {
        public var dependencies: [DeclaredDependency] = []
        public var notes: [FileNote] = []
    }

    /// What one format's reader found in one file.
    struct FileReading {
        var dependencies: [DeclaredDependency] = []
        /// Why the file could not be read as its format, in a few words; nil when it could.
        var problem: String?
    }

    /// The readers by exact file name; `requirements*.txt` is matched apart.
    static let readers: [String: @Sendable (String, String) -> FileReading] = [
        "pyproject.toml": { FileReading(dependencies: PythonManifests.pyproject($0, file: $1)) },
        "package.json": NodeManifest.read,
        "go.mod": GoManifest.read,
        "Package.swift": SwiftPackageManifest.read,
        "pom.xml": MavenManifest.read,
        "build.gradle": GradleManifest.read,
        "build.gradle.kts": GradleManifest.read,
        "Cargo.toml": CargoManifest.read,
        "Gemfile": GemfileManifest.read,
    ]

    /// Reads the manifests at the top of `folder`; paths in the result are relative to it.
    public static func read(in folder: URL) -> Reading {
        let names = ((try? FileManager.default.contentsOfDirectory(atPath: folder.path)) ?? []).sorted()
        var reading = Reading()
        for name in names {
            let reader: ((String, String) -> FileReading)?
            if PythonManifests.isRequirementsFile(name) {
                reader = { FileReading(dependencies: PythonManifests.requirements($0, file: $1)) }
            } else {
                reader = readers[name]
            }
            guard let reader, let text = regularFileText(folder.appendingPathComponent(name)) else { continue }
            let found = reader(text, name)
            reading.dependencies += found.dependencies
            if let problem = found.problem {
                reading.notes.append(FileNote(file: name, message: "manifest not read as intended: \(problem)"))
            }
        }
        return reading
    }

    /// The largest manifest read.
    static let maxBytes = 1 << 20

    /// The file's text when it is a regular file (a link to elsewhere is never followed) of at most `maxBytes`.
    static func regularFileText(_ url: URL) -> String? {
        guard let attributes = try? FileManager.default.attributesOfItem(atPath: url.path),
              attributes[.type] as? FileAttributeType == .typeRegular,
              let size = attributes[.size] as? Int, size <= maxBytes,
              let data = FileManager.default.contents(atPath: url.path) else { return nil }
        return String(decoding: data, as: UTF8.self)
    }

    /// The file's lines, numbered from 1, each with what follows `comment` removed and trimmed.
    static func lines(_ text: String, comment: String?) -> [(number: Int, text: String)] {
        text.split(separator: "\n", omittingEmptySubsequences: false).enumerated().map { index, raw in
            var line = Substring(raw)
            if let comment, let range = line.range(of: comment) { line = line[..<range.lowerBound] }
            return (index + 1, line.trimmingCharacters(in: .whitespaces))
        }
    }

    /// The text between the first pair of `quote`s on a line (`gem "rails", "~> 7"` gives `rails`).
    static func firstQuoted(_ line: some StringProtocol, quotes: Set<Character> = ["\"", "'"]) -> String? {
        guard let open = line.firstIndex(where: quotes.contains) else { return nil }
        let rest = line[line.index(after: open)...]
        guard let close = rest.firstIndex(of: line[open]) else { return nil }
        return String(rest[..<close])
    }
}
