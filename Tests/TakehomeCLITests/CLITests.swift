import Foundation
import Testing
import TakehomeCore

let packageRoot = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
    .deletingLastPathComponent()
let assignment = packageRoot.appendingPathComponent("Assignments/shift-pay-python")

/// The takehome binary built beside this test bundle (`swift build --build-tests` builds both).
private func binary() throws -> URL {
    if let chosen = ProcessInfo.processInfo.environment["TAKEHOME_BIN"] { return URL(fileURLWithPath: chosen) }
    var directory = URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent()
    for _ in 0..<4 {
        let candidate = directory.appendingPathComponent("takehome")
        if FileManager.default.isExecutableFile(atPath: candidate.path) { return candidate }
        directory.deleteLastPathComponent()
    }
    let fallback = packageRoot.appendingPathComponent(".build/debug/takehome")
    guard FileManager.default.isExecutableFile(atPath: fallback.path) else {
        throw TakehomeError(.unavailable, "build the takehome executable first: swift build --build-tests")
    }
    return fallback
}

struct Run {
    var status: Int32
    var stdout: String
    var stderr: String
    var pid: Int32 = 0
}

/// Runs takehome with a private TMPDIR, so the test can see whether anything was left behind. The
/// wait happens on a thread of its own: a test blocking one of the cooperative pool's few threads
/// for a whole grading would starve every other test's tasks.
func takehome(_ arguments: [String], environment extra: [String: String] = [:], tmp: URL) async throws -> Run {
    try await withCheckedThrowingContinuation { continuation in
        Thread.detachNewThread {
            continuation.resume(with: Result { try runTakehome(arguments, environment: extra, tmp: tmp) })
        }
    }
}

private func runTakehome(_ arguments: [String], environment extra: [String: String], tmp: URL) throws -> Run {
    let process = Process()
    process.executableURL = try binary()
    process.arguments = arguments
    var environment = ProcessInfo.processInfo.environment
    environment["TMPDIR"] = tmp.path
    environment["TAKEHOME_CACHE_DIR"] = tmp.deletingLastPathComponent().appendingPathComponent("cache").path
    environment["TAKEHOME_CONFIG_DIR"] = tmp.deletingLastPathComponent().appendingPathComponent("config").path
    environment.merge(extra) { $1 }
    process.environment = environment
    let out = Pipe(), err = Pipe()
    process.standardOutput = out
    process.standardError = err
    try process.run()
    let stdout = out.fileHandleForReading.readDataToEndOfFile()
    let stderr = err.fileHandleForReading.readDataToEndOfFile()
    process.waitUntilExit()
    return Run(status: process.terminationStatus, stdout: String(decoding: stdout, as: UTF8.self),
               stderr: String(decoding: stderr, as: UTF8.self), pid: process.processIdentifier)
}

/// A scratch folder with `tmp/` for the child's TMPDIR; removed at the end.
final class Workspace {
    let url: URL
    var tmp: URL { url.appendingPathComponent("tmp") }
    init() throws {
        url = FileManager.default.temporaryDirectory.appendingPathComponent("takehome-cli-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: url.appendingPathComponent("tmp"), withIntermediateDirectories: true)
    }
    deinit { try? FileManager.default.removeItem(at: url) }
    var leftovers: [String] { (try? FileManager.default.contentsOfDirectory(atPath: tmp.path)) ?? ["<unreadable>"] }

    func git(_ arguments: [String], in directory: URL) throws {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["git", "-c", "user.name=Candidate", "-c", "user.email=c@example.com"] + arguments
        process.currentDirectoryURL = directory
        process.standardOutput = FileHandle.nullDevice
        process.standardError = FileHandle.nullDevice
        try process.run()
        process.waitUntilExit()
        guard process.terminationStatus == 0 else { throw TakehomeError(.software, "git \(arguments) failed") }
    }

    /// A committed copy of a sample.
    func repository(ofSample name: String) throws -> URL {
        let repo = url.appendingPathComponent(name)
        try FileManager.default.copyItem(at: assignment.appendingPathComponent("samples/\(name)"), to: repo)
        try git(["init", "-q", "-b", "main"], in: repo)
        try git(["add", "-A"], in: repo)
        try git(["commit", "-q", "-m", "Submission"], in: repo)
        return repo
    }

    /// A copy of the bundled assignment whose assignment.yml is `transform`ed.
    func assignmentCopy(_ transform: (String) -> String) throws -> URL {
        let copy = url.appendingPathComponent("assignment")
        try FileManager.default.copyItem(at: assignment, to: copy)
        let file = copy.appendingPathComponent("assignment.yml")
        try transform(try String(contentsOf: file, encoding: .utf8)).write(to: file, atomically: true, encoding: .utf8)
        return copy
    }
}

@Test func unknownFlagIsAUsageError() async throws {
    let workspace = try Workspace()
    let run = try await takehome(["grade", ".", "--assignment", assignment.path, "--frobnicate"], tmp: workspace.tmp)
    #expect(run.status == 64)
    #expect(run.stderr.contains("--frobnicate"))
}

@Test func missingKeyNamesFileLineAndKey() async throws {
    let workspace = try Workspace()
    let broken = try workspace.assignmentCopy { $0.replacingOccurrences(of: "runner: pytest\n", with: "") }
    let run = try await takehome(["assignment", "validate", broken.path], tmp: workspace.tmp)
    #expect(run.status == 65)
    #expect(run.stderr.contains("assignment.yml:1: key 'runner': is required but missing"), "\(run.stderr)")
}

@Test func mistypedKeyNamesFileLineAndKey() async throws {
    let workspace = try Workspace()
    let broken = try workspace.assignmentCopy { $0.replacingOccurrences(of: "time-box: 3h", with: "timebox: 3h") }
    let run = try await takehome(["grade", ".", "--assignment", broken.path], tmp: workspace.tmp)
    #expect(run.status == 65)
    #expect(run.stderr.contains("assignment.yml:6: key 'timebox': unknown key"), "\(run.stderr)")
}

@Test func unreachableURLIsATemporaryFailure() async throws {
    let workspace = try Workspace()
    let run = try await takehome(["grade", "git://127.0.0.1:1/nothing.git", "--assignment", assignment.path], tmp: workspace.tmp)
    #expect(run.status == 75, "\(run.stderr)")
    #expect(run.stderr.hasPrefix("takehome: "))
    #expect(workspace.leftovers.isEmpty, "\(workspace.leftovers)")
}

@Test func repositoryOverACapIsRefusedAndLeavesNothing() async throws {
    let workspace = try Workspace()
    let repo = try workspace.repository(ofSample: "clean")
    let tight = try workspace.assignmentCopy { $0.replacingOccurrences(of: "max-files: 2000", with: "max-files: 2") }
    let run = try await takehome(["grade", "file://\(repo.path)", "--assignment", tight.path, "--out", workspace.url.appendingPathComponent("out").path],
                           tmp: workspace.tmp)
    #expect(run.status == 65, "\(run.stderr)")
    #expect(run.stderr.contains("max-files"), "\(run.stderr)")
    #expect(workspace.leftovers.isEmpty, "\(workspace.leftovers)")
    #expect(!FileManager.default.fileExists(atPath: workspace.url.appendingPathComponent("out").path))
}

@Test func missingBubblewrapNamesTheInstallCommand() async throws {
    let workspace = try Workspace()
    let repo = try workspace.repository(ofSample: "clean")
    let run = try await takehome(["grade", "file://\(repo.path)", "--assignment", assignment.path],
                           environment: ["TAKEHOME_BWRAP": "/nonexistent/bwrap"], tmp: workspace.tmp)
    #expect(run.status == 69)
    #expect(run.stderr.contains("apt-get install"), "\(run.stderr)")
    #expect(workspace.leftovers.isEmpty)
}

/// takehome loads libgit2 when a fetch first needs it: without it, a grade stops with exit 69 and
/// the install command, while metrics (which never fetches) runs as usual.
@Test func missingLibgit2NamesTheInstallCommandAndMetricsRunsWithoutIt() async throws {
    let workspace = try Workspace()
    let repo = try workspace.repository(ofSample: "clean")
    let absent = ["TAKEHOME_LIBGIT2": workspace.url.appendingPathComponent("libgit2.so.1.5").path]
    for source in ["file://\(repo.path)", repo.path] {
        let run = try await takehome(["grade", source, "--assignment", assignment.path], environment: absent, tmp: workspace.tmp)
        #expect(run.status == 69, "\(run.stderr)")
        #expect(run.stderr.contains("libgit2 1.5 cannot be loaded"), "\(run.stderr)")
        #expect(run.stderr.contains("apt-get install libgit2-1.5"), "\(run.stderr)")
    }
    let metrics = try await takehome(["metrics", repo.path, "--format", "json"], environment: absent, tmp: workspace.tmp)
    #expect(metrics.status == 0, "\(metrics.stderr)")
    #expect(metrics.stdout.contains("\"complexity\""))
    #expect(workspace.leftovers.isEmpty, "\(workspace.leftovers)")
}

@Test func gradeWritesReportsAndMasksForCandidates() async throws {
    let workspace = try Workspace()
    let repo = try workspace.repository(ofSample: "buggy")
    let out = workspace.url.appendingPathComponent("out")
    let run = try await takehome(["grade", "file://\(repo.path)", "--assignment", assignment.path, "--out", out.path,
                            "--audience", "candidate", "--format", "md,json"], tmp: workspace.tmp)
    #expect(run.status == 0, "\(run.stderr)")
    let json = try String(contentsOf: out.appendingPathComponent("report.json"), encoding: .utf8)
    let markdown = try String(contentsOf: out.appendingPathComponent("report.md"), encoding: .utf8)
    for text in [json, markdown, run.stdout] {
        #expect(!text.contains("test_rounding_tie_rounds_up"))
        #expect(!text.contains("tests/hidden/test_"))
    }
    #expect(json.contains("\"audience\" : \"candidate\""))
    // The candidate gets the opening's improvements, never the reviewer's interview questions.
    #expect(markdown.contains("## Improve first") && json.contains("\"improvements\""))
    #expect(!markdown.contains("Questions for the review call") && !json.contains("\"questions\""))
    #expect(workspace.leftovers.isEmpty, "\(workspace.leftovers)")
}

@Test func failUnderExitsOneWithTheReportStillWritten() async throws {
    let workspace = try Workspace()
    let repo = try workspace.repository(ofSample: "buggy")
    let out = workspace.url.appendingPathComponent("out")
    let run = try await takehome(["grade", "file://\(repo.path)", "--assignment", assignment.path, "--out", out.path,
                            "--fail-under", "95", "--format", "summary", "--label", "buggy"], tmp: workspace.tmp)
    #expect(run.status == 1, "\(run.stderr)")
    #expect(run.stdout.hasPrefix("buggy"))
    #expect(FileManager.default.fileExists(atPath: out.appendingPathComponent("report.json").path))
}

@Test func sandboxRunPassesTheExitStatusThrough() async throws {
    let workspace = try Workspace()
    let run = try await takehome(["sandbox", "run", "--", "sh", "-c", "id -u; exit 3"], tmp: workspace.tmp)
    #expect(run.status == 3)
    #expect(run.stdout == "1000\n")
    // The run's control group and the spare made ahead for a next run are gone with the process.
    #expect(controlGroups(named: "takehome-\(run.pid)-").isEmpty)
}

/// Control groups under /sys/fs/cgroup (a few levels down) whose names start with `prefix`.
func controlGroups(named prefix: String) -> [String] {
    var found: [String] = []
    func walk(_ directory: String, depth: Int) {
        guard depth > 0, let names = try? FileManager.default.contentsOfDirectory(atPath: directory) else { return }
        for name in names {
            let path = directory + "/" + name
            var isDirectory: ObjCBool = false
            guard FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory), isDirectory.boolValue else { continue }
            if name.hasPrefix(prefix) { found.append(path) } else { walk(path, depth: depth - 1) }
        }
    }
    walk("/sys/fs/cgroup", depth: 4)
    return found
}
