import TakehomeCore
import Foundation
import TakehomeRunners
import TakehomeSandbox

/// The test ids a suite must produce, obtained by running the reference solution through the same
/// sandbox and runner. Cached by (assignment digest, suite, harness version): the reference must
/// pass every test once, after which its ids are the manifest every submission is held to.
public struct ReferenceManifest: Sendable {
    public var ids: [String]
    public var result: TestSuiteResult

    /// Where manifests are cached: `$XDG_CACHE_HOME/takehome` or `~/.cache/takehome`.
    public static var cacheDirectory: URL {
        let environment = ProcessInfo.processInfo.environment
        if let base = environment["TAKEHOME_CACHE_DIR"], !base.isEmpty { return URL(fileURLWithPath: base) }
        if let base = environment["XDG_CACHE_HOME"], !base.isEmpty {
            return URL(fileURLWithPath: base).appendingPathComponent("takehome")
        }
        return FileManager.default.homeDirectoryForCurrentUser.appendingPathComponent(".cache/takehome")
    }

    /// The reference's run of `suite`, from the cache or by running it; throws exit 65 when the
    /// reference does not pass every test (the assignment is broken, not the submission).
    public static func obtain(_ suite: TestSuiteSpec, name: String, assignment: Assignment, digest: String,
                              runner: SuiteRunner, useCache: Bool = true) async throws -> ReferenceManifest {
        let key = "\(digest.replacingOccurrences(of: "sha256:", with: "").prefix(32))-\(name)-\(HarnessVersion.current).json"
        let cacheFile = cacheDirectory.appendingPathComponent("manifests").appendingPathComponent(key)
        if useCache, let data = try? Data(contentsOf: cacheFile),
           let ids = try? JSONDecoder().decode([String].self, from: data), !ids.isEmpty {
            return ReferenceManifest(ids: ids, result: TestSuiteResult())
        }
        let reference = assignment.referenceDirectory
        guard FileManager.default.fileExists(atPath: reference.path) else {
            throw AssignmentError(file: assignment.definitionPath, key: "reference",
                                  problem: "the assignment has no reference/ folder; it is needed to know which tests to expect")
        }
        let workspace = try RunWorkspace.create()
        defer { workspace.remove() }
        try FileManager.default.copyItem(at: reference, to: workspace.run)
        let setup = try await SetupPhase(sandbox: runner.sandbox, toolchainMounts: runner.profile.toolchainMounts)
            .run(assignment, workspace: workspace)
        if let failure = SetupPhase.finding(for: setup, of: assignment) {
            throw AssignmentError(file: assignment.definitionPath, line: assignment.keyLines["setup"], key: "setup",
                                  problem: "fails for the reference solution: \(failure.message)")
        }
        _ = try runner.stage(suite, assignment: assignment, workspace: workspace)
        let outcome = try await runner.run(suite, assignment: assignment, workspace: workspace, manifest: nil)
        let result = outcome.result
        let failing = result.cases.filter { $0.status != .passed && $0.status != .skipped }
        guard result.total > 0, failing.isEmpty, !result.tampered, result.loadFailure == nil, result.limitsHit.isEmpty else {
            var problem = "the reference solution does not pass every \(name) test"
            if let failure = result.loadFailure { problem += ": it cannot be loaded (\(failure.message))" }
            if result.total == 0 { problem += ": no test ran" }
            if !failing.isEmpty {
                problem += ": " + failing.prefix(5).map { "\($0.id) \($0.status.rawValue)" + ($0.message.map { " (\($0))" } ?? "") }
                    .joined(separator: "; ")
            }
            if !result.limitsHit.isEmpty { problem += ": " + result.limitsHit.joined(separator: "; ") }
            if result.tampered { problem += ": " + result.tampering.joined(separator: "; ") }
            throw AssignmentError(file: reference.path, problem: problem)
        }
        let ids = result.cases.map(\.id)
        if useCache {
            try? FileManager.default.createDirectory(at: cacheFile.deletingLastPathComponent(), withIntermediateDirectories: true)
            try? JSONEncoder().encode(ids).write(to: cacheFile, options: .atomic)
        }
        return ReferenceManifest(ids: ids, result: result)
    }
}
