import TakehomeCore
import Foundation

/// The scratch folders of one grading: `run/` (the copy of the submission the tests run in),
/// `results/` (where the runner writes its result file) and `support/` (the harness's own files,
/// mounted read-only). Removed as a whole when grading ends.
public struct RunWorkspace: Sendable {
    public let base: URL
    public var run: URL { base.appendingPathComponent("run") }
    public var results: URL { base.appendingPathComponent("results") }
    public var support: URL { base.appendingPathComponent("support") }

    /// Creates a fresh workspace under `parent` (the system's temporary folder by default).
    public static func create(in parent: URL? = nil) throws -> RunWorkspace {
        let parent = parent ?? FileManager.default.temporaryDirectory
        let base = parent.appendingPathComponent("takehome-\(UUID().uuidString.prefix(12).lowercased())")
        try FileManager.default.createDirectory(at: base, withIntermediateDirectories: true,
                                                attributes: [.posixPermissions: 0o700])
        for folder in ["results", "support"] {
            try FileManager.default.createDirectory(at: base.appendingPathComponent(folder), withIntermediateDirectories: false)
        }
        return RunWorkspace(base: base)
    }

    /// Empties the results folder before a suite runs, so no earlier file can pass for a result.
    func resetResults() throws {
        try? FileManager.default.removeItem(at: results)
        try FileManager.default.createDirectory(at: results, withIntermediateDirectories: false,
                                                attributes: [.posixPermissions: 0o777])
    }

    /// Writes a profile's support files, read-only.
    func writeSupport(_ files: [String: String]) throws {
        for (name, content) in files {
            let url = support.appendingPathComponent(name)
            try? FileManager.default.removeItem(at: url)
            try Data(content.utf8).write(to: url)
            try FileManager.default.setAttributes([.posixPermissions: 0o444], ofItemAtPath: url.path)
        }
    }

    public func remove() {
        try? FileManager.default.removeItem(at: base)
    }
}
