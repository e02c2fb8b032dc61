import Foundation
import Testing
@testable import TakehomeCore

/// The project's own Sandbox/profiles folder.
private let profilesFolder = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
    .deletingLastPathComponent().appendingPathComponent("Sandbox/profiles")

/// A copy of the project's profiles with one file's text changed.
private func editedProfiles(_ phase: SandboxPhase, _ edit: (String) -> String) throws -> URL {
    let folder = FileManager.default.temporaryDirectory.appendingPathComponent("takehome-profiles-\(UUID().uuidString)")
    try FileManager.default.copyItem(at: profilesFolder, to: folder)
    let file = folder.appendingPathComponent("\(phase.rawValue).yml")
    try edit(try String(contentsOf: file, encoding: .utf8)).write(to: file, atomically: true, encoding: .utf8)
    return folder
}

@Test func loadsTheProjectsProfiles() throws {
    let profiles = try SandboxProfileLoader.load(directory: profilesFolder)
    #expect(profiles.tests.network == .never)
    #expect(profiles.setup.network == .whenAllowed)
    #expect(profiles.tests.source == profilesFolder.appendingPathComponent("tests.yml").path)
    #expect(profiles.tests.readOnly.first == "/usr")
    #expect(profiles.tests.tmpfs == ["/tmp", "/home/sandbox"])
    #expect(profiles.tests.environment == ["PATH": "/usr/local/bin:/usr/bin:/bin", "HOME": "/home/sandbox",
                                           "LANG": "C.UTF-8", "TMPDIR": "/tmp"])
    #expect(profiles.tests.pass.isEmpty)
    #expect(profiles.tests.allows("PYTEST_DISABLE_PLUGIN_AUTOLOAD") && !profiles.tests.allows("GITHUB_TOKEN"))
    #expect(profiles.setup.pass.contains("HTTPS_PROXY") && !profiles.setup.pass.contains { $0.contains("TOKEN") })
    #expect(profiles.tests.limits == RunLimits.standard)
    #expect(profiles.setup.limits.wall == TimeSpan(seconds: 300))
}

@Test func locatesTheProfilesFromTheExecutable() throws {
    let found = try SandboxProfileLoader.locate(environment: [:])
    #expect(found.standardizedFileURL.path == profilesFolder.standardizedFileURL.path)
    let chosen = try SandboxProfileLoader.locate(environment: ["TAKEHOME_SANDBOX_PROFILES": "/elsewhere"])
    #expect(chosen.path == "/elsewhere")
}

@Test func unknownKeyNamesFileLineAndKey() throws {
    let folder = try editedProfiles(.setup) { $0.replacingOccurrences(of: "  tmpfs:", with: "  scratch: [/x]\n  tmpfs:") }
    defer { try? FileManager.default.removeItem(at: folder) }
    let error = #expect(throws: AssignmentError.self) { try SandboxProfileLoader.load(directory: folder) }
    let line = try String(contentsOf: folder.appendingPathComponent("setup.yml"), encoding: .utf8)
        .split(separator: "\n", omittingEmptySubsequences: false).firstIndex { $0.hasPrefix("  scratch:") }.map { $0 + 1 }
    #expect(error?.file == folder.appendingPathComponent("setup.yml").path)
    #expect(error?.line == line && error?.key == "mounts.scratch")
    #expect(error?.exitCode == .dataError)
}

@Test func testsProfileCannotHaveTheNetwork() throws {
    let folder = try editedProfiles(.tests) { $0.replacingOccurrences(of: "network: never", with: "network: when-allowed") }
    defer { try? FileManager.default.removeItem(at: folder) }
    let error = #expect(throws: AssignmentError.self) { try SandboxProfileLoader.load(directory: folder) }
    #expect(error?.key == "network")
}

@Test func everyLimitMustBeNamed() throws {
    let folder = try editedProfiles(.tests) { $0.replacingOccurrences(of: "processes: 128, ", with: "") }
    defer { try? FileManager.default.removeItem(at: folder) }
    let error = #expect(throws: AssignmentError.self) { try SandboxProfileLoader.load(directory: folder) }
    #expect(error?.key == "limits.processes")
}

@Test func assignmentLimitsOverrideOnlyWhatTheyName() throws {
    let profiles = try SandboxProfileLoader.load(directory: profilesFolder)
    var assignment = Assignment(id: "a", title: "A", language: "python", runner: "pytest", root: ".", timeBox: nil,
                                hiddenTests: nil, publicTests: nil, setup: [], network: NetworkPolicy(),
                                limits: RunLimits(wall: TimeSpan(seconds: 20)), fetch: .standard, mutation: MutationBudget(),
                                rubric: Rubric(), thresholds: Thresholds(), directory: profilesFolder)
    assignment.namedLimits = ["wall"]
    var setupDefaults = profiles.setup
    setupDefaults.limits.wall = TimeSpan(seconds: 999)
    #expect(profiles.tests.limits(for: assignment).wall == TimeSpan(seconds: 20))
    #expect(profiles.tests.limits(for: assignment).memory == profiles.tests.limits.memory)
    #expect(setupDefaults.limits(for: assignment).processes == profiles.setup.limits.processes)
}
