import Foundation
import TakehomeCore

/// One hostile submission: a folder under Sandbox/attacks/ with its expectation, and either the
/// files to commit or a `build.sh` that makes the repository (for trees a folder cannot hold).
public struct Attack: Sendable, Equatable {
    public var name: String
    public var folder: URL
    public var expectation: AttackExpectation
    /// `build.sh REPO` builds the repository itself; otherwise the folder's files are committed.
    public var buildScript: URL?
}

/// The attack corpus: every folder of the attacks directory whose name does not start with `_`
/// (those hold the audit's assignment and the probe shared by attacks), in name order.
public enum AttackCorpus {
    /// Files of an attack folder that describe it rather than belong to the submission.
    static let descriptionFiles: Set<String> = ["expect.yml", "build.sh", "spec.json"]

    public static func load(_ directory: URL, only: [String] = []) throws -> [Attack] {
        guard let names = try? FileManager.default.contentsOfDirectory(atPath: directory.path) else {
            throw TakehomeError(.dataError, "\(directory.path): no attack corpus there (pass --attacks DIR, e.g. Sandbox/attacks)")
        }
        var attacks: [Attack] = []
        for name in names.sorted() where !name.hasPrefix("_") && !name.hasPrefix(".") {
            let folder = directory.appendingPathComponent(name)
            var isFolder: ObjCBool = false
            guard FileManager.default.fileExists(atPath: folder.path, isDirectory: &isFolder), isFolder.boolValue else { continue }
            guard only.isEmpty || only.contains(name) else { continue }
            let script = folder.appendingPathComponent("build.sh")
            attacks.append(Attack(name: name, folder: folder,
                                  expectation: try AttackExpectation.load(folder.appendingPathComponent("expect.yml")),
                                  buildScript: FileManager.default.fileExists(atPath: script.path) ? script : nil))
        }
        if let missing = only.first(where: { name in !attacks.contains { $0.name == name } }) {
            throw TakehomeError(.usage, "\(directory.path): no attack named '\(missing)'")
        }
        guard !attacks.isEmpty else { throw TakehomeError(.dataError, "\(directory.path): holds no attack folders") }
        return attacks
    }
}
