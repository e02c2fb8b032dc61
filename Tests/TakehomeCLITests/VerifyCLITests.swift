import Foundation
import Testing
import TakehomeCore

/// Grades a sample into `out` with the workspace's own signing key; returns report.json's path.
private func signedReport(_ workspace: Workspace, sample: String = "clean", extra: [String] = []) async throws -> URL {
    let repo = try workspace.repository(ofSample: sample)
    let out = workspace.url.appendingPathComponent("out-\(UUID().uuidString)")
    let run = try await takehome(["grade", "file://\(repo.path)", "--assignment", assignment.path, "--out", out.path,
                            "--format", "summary"] + extra, tmp: workspace.tmp)
    #expect(run.status == 0, "\(run.stderr)")
    return out.appendingPathComponent("report.json")
}

@Test func gradeSignsItsReportAndVerifyAcceptsIt() async throws {
    let workspace = try Workspace()
    let report = try await signedReport(workspace)
    let json = try String(contentsOf: report, encoding: .utf8)
    #expect(json.contains("\"algorithm\" : \"ed25519\""))
    let run = try await takehome(["verify", report.path], tmp: workspace.tmp)
    #expect(run.status == 0, "\(run.stderr)")
    #expect(run.stdout.contains("intact, signed by trusted key"))
    let publicKey = workspace.url.appendingPathComponent("config/signing-key.pub")
    #expect(try await takehome(["verify", report.path, "--public-key", publicKey.path], tmp: workspace.tmp).status == 0)
}

@Test func verifyRejectsAOneByteEdit() async throws {
    let workspace = try Workspace()
    let report = try await signedReport(workspace)
    var data = try Data(contentsOf: report)
    let score = try #require(data.range(of: Data("\"passed\" : ".utf8)))
    data[score.upperBound] = data[score.upperBound] == UInt8(ascii: "9") ? UInt8(ascii: "8") : UInt8(ascii: "9")
    try data.write(to: report)
    let run = try await takehome(["verify", report.path], tmp: workspace.tmp)
    #expect(run.status == 65)
    #expect(run.stderr == "takehome: \(report.path): was edited after it was signed (the ed25519 signature does not match its content)\n")
}

@Test func verifyRejectsAReportSignedWithAnotherKey() async throws {
    let workspace = try Workspace()
    let ownKey = workspace.url.appendingPathComponent("candidate-key")
    let report = try await signedReport(workspace, extra: ["--signing-key", ownKey.path])
    let trusted = try await takehome(["verify", report.path, "--public-key", ownKey.path + ".pub"], tmp: workspace.tmp)
    #expect(trusted.status == 0, "\(trusted.stderr)")
    _ = try await signedReport(workspace, sample: "buggy")  // creates the grader's own key in the workspace's config folder
    let grader = workspace.url.appendingPathComponent("config/signing-key.pub")
    let run = try await takehome(["verify", report.path, "--public-key", grader.path], tmp: workspace.tmp)
    #expect(run.status == 65)
    #expect(run.stderr.contains("which is not a trusted key"), "\(run.stderr)")
    #expect(try await takehome(["verify", report.path, "--trust-local"], tmp: workspace.tmp).status == 65)
}

@Test func checkSignsItsReportToo() async throws {
    let workspace = try Workspace()
    let folder = workspace.url.appendingPathComponent("work")
    try FileManager.default.copyItem(at: assignment.appendingPathComponent("samples/clean"), to: folder)
    let out = workspace.url.appendingPathComponent("out")
    let run = try await takehome(["check", folder.path, "--assignment", assignment.path, "--out", out.path, "--format", "summary"],
                           tmp: workspace.tmp)
    #expect(run.status == 0, "\(run.stderr)")
    let verify = try await takehome(["verify", out.appendingPathComponent("report.json").path], tmp: workspace.tmp)
    #expect(verify.status == 0, "\(verify.stderr)")
    #expect(verify.stdout.contains("commit none"))
}
