import Foundation
import TakehomeCore

/// Grades one attack with the real `takehome grade` executable, as a reviewer would, bounded in
/// time, and keeps everything it printed and wrote for the verdict.
struct AttackRun {
    /// What one grading of an attack left behind.
    struct Observation: Sendable {
        var exitStatus: Int32
        var timedOut: Bool
        var stdout: String
        var stderr: String
        /// report.json as written, when there is one.
        var reportData: Data?
        var seconds: Double
    }

    var harness: URL
    var assignment: URL
    var environment: [String: String]
    var timeout: Double

    /// Runs `takehome grade file://REPO` into `out`, registering the child's pid while it runs.
    func grade(repository: URL, out: URL, scratch: URL, running: RunningSet) throws -> Observation {
        let process = Process()
        process.executableURL = harness
        process.arguments = ["grade", "file://\(repository.path)", "--assignment", assignment.path, "--out", out.path,
                             "--format", "json"]
        var environment = self.environment
        environment["TMPDIR"] = scratch.path
        process.environment = environment
        let stdoutFile = scratch.appendingPathComponent("stdout"), stderrFile = scratch.appendingPathComponent("stderr")
        _ = FileManager.default.createFile(atPath: stdoutFile.path, contents: nil)
        _ = FileManager.default.createFile(atPath: stderrFile.path, contents: nil)
        let stdoutHandle = try FileHandle(forWritingTo: stdoutFile), stderrHandle = try FileHandle(forWritingTo: stderrFile)
        defer { try? stdoutHandle.close(); try? stderrHandle.close() }
        process.standardOutput = stdoutHandle
        process.standardError = stderrHandle
        process.standardInput = FileHandle.nullDevice
        let started = Date()
        let pid = try running.launch(process)
        let finished = DispatchSemaphore(value: 0)
        DispatchQueue.global().async { process.waitUntilExit(); finished.signal() }
        let timedOut = finished.wait(timeout: .now() + timeout) == .timedOut
        if timedOut {
            _ = kill(pid, SIGKILL)
            finished.wait()
        }
        running.remove(pid)
        let report = out.appendingPathComponent("report.json")
        return Observation(exitStatus: process.terminationStatus, timedOut: timedOut,
                           stdout: Self.text(stdoutFile), stderr: Self.text(stderrFile),
                           reportData: FileManager.default.contents(atPath: report.path),
                           seconds: Date().timeIntervalSince(started))
    }

    private static func text(_ file: URL) -> String {
        String(decoding: FileManager.default.contents(atPath: file.path) ?? Data(), as: UTF8.self)
    }
}
