import Foundation
import TakehomeCore
@testable import TakehomeGrading

/// The bundled assignment, found from this file's path.
let assignmentDirectory = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
    .deletingLastPathComponent().appendingPathComponent("Assignments/shift-pay-python")

/// The bundled assignment; mutation testing is off (`mutants: 0`) unless a test asks for mutants, so
/// that tests about other stages do not run dozens of sandboxed suites each.
func loadAssignment(wall: Double? = nil, mutants: Int = 0) throws -> Assignment {
    var assignment = try AssignmentLoader.load(directory: assignmentDirectory)
    if let wall { assignment.limits.wall = TimeSpan(seconds: wall) }
    assignment.mutation.mutants = mutants
    return assignment
}

/// A scratch folder removed when the value goes away.
final class Scratch {
    let url: URL
    init() throws {
        url = FileManager.default.temporaryDirectory.appendingPathComponent("takehome-grading-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
    }
    deinit { try? FileManager.default.removeItem(at: url) }
}

@discardableResult
func shell(_ arguments: [String], in directory: URL) throws -> String {
    let process = Process()
    process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
    process.arguments = arguments
    process.currentDirectoryURL = directory
    process.environment = ProcessInfo.processInfo.environment.merging(
        ["GIT_AUTHOR_NAME": "Test Candidate", "GIT_AUTHOR_EMAIL": "candidate@example.com",
         "GIT_COMMITTER_NAME": "Test Candidate", "GIT_COMMITTER_EMAIL": "candidate@example.com",
         "GIT_AUTHOR_DATE": "2026-01-02T03:04:05Z", "GIT_COMMITTER_DATE": "2026-01-02T03:04:05Z"]) { $1 }
    let pipe = Pipe()
    process.standardOutput = pipe
    process.standardError = pipe
    try process.run()
    let output = String(decoding: pipe.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
    process.waitUntilExit()
    guard process.terminationStatus == 0 else { throw TakehomeError(.software, "\(arguments) failed: \(output)") }
    return output
}

/// Turns a sample folder into a git repository (one commit) and returns its file:// URL.
func repository(ofSample name: String, in scratch: Scratch) throws -> String {
    let source = name == "reference" ? assignmentDirectory.appendingPathComponent("reference")
        : assignmentDirectory.appendingPathComponent("samples/\(name)")
    let repo = scratch.url.appendingPathComponent(name)
    try FileManager.default.copyItem(at: source, to: repo)
    try shell(["git", "init", "-q", "-b", "main"], in: repo)
    try shell(["git", "add", "-A"], in: repo)
    try shell(["git", "commit", "-q", "-m", "Submission"], in: repo)
    return "file://\(repo.path)"
}
