import Foundation
import Testing
import TakehomeCore
@testable import TakehomeRunners

private func scratch() throws -> URL {
    let url = FileManager.default.temporaryDirectory.appendingPathComponent("takehome-stage-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
    return url
}

@Test func hiddenTestsWinOverCandidateSymlinksAndFiles() throws {
    let base = try scratch()
    defer { try? FileManager.default.removeItem(at: base) }
    let run = base.appendingPathComponent("run"), suite = base.appendingPathComponent("suite"), elsewhere = base.appendingPathComponent("elsewhere")
    for folder in [run, suite, elsewhere] { try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true) }
    try "def test_real(): pass\n".write(to: suite.appendingPathComponent("test_real.py"), atomically: true, encoding: .utf8)
    // The candidate made `tests` a symlink to a folder of theirs, hoping the tests land there.
    try FileManager.default.createSymbolicLink(atPath: run.appendingPathComponent("tests").path, withDestinationPath: elsewhere.path)
    let findings = try HiddenTestStager.place(suite: suite, into: "tests/hidden", solutionRoot: ".", runDirectory: run)
    let attributes = try FileManager.default.attributesOfItem(atPath: run.appendingPathComponent("tests").path)
    #expect(attributes[.type] as? FileAttributeType == .typeDirectory)
    #expect(FileManager.default.fileExists(atPath: run.appendingPathComponent("tests/hidden/test_real.py").path))
    #expect(try FileManager.default.contentsOfDirectory(atPath: elsewhere.path).isEmpty)
    #expect(findings.map(\.rule) == ["tests.tampering-attempt"])
}

@Test func candidateCopyOfTheHiddenFolderIsReplaced() throws {
    let base = try scratch()
    defer { try? FileManager.default.removeItem(at: base) }
    let run = base.appendingPathComponent("run"), suite = base.appendingPathComponent("suite")
    try FileManager.default.createDirectory(at: run.appendingPathComponent("src/tests/hidden"), withIntermediateDirectories: true)
    try FileManager.default.createDirectory(at: suite, withIntermediateDirectories: true)
    try "fake".write(to: run.appendingPathComponent("src/tests/hidden/test_real.py"), atomically: true, encoding: .utf8)
    try "real".write(to: suite.appendingPathComponent("test_real.py"), atomically: true, encoding: .utf8)
    try HiddenTestStager.place(suite: suite, into: "tests/hidden", solutionRoot: "src", runDirectory: run)
    #expect(try String(contentsOf: run.appendingPathComponent("src/tests/hidden/test_real.py"), encoding: .utf8) == "real")
}

@Test func pytestNeutralisesConftestOutsideTheSuite() throws {
    let run = try scratch()
    defer { try? FileManager.default.removeItem(at: run) }
    try FileManager.default.createDirectory(at: run.appendingPathComponent("tests/hidden"), withIntermediateDirectories: true)
    try "import pytest\n@pytest.hookimpl(hookwrapper=True)\ndef pytest_runtest_makereport(item, call):\n    yield\n"
        .write(to: run.appendingPathComponent("conftest.py"), atomically: true, encoding: .utf8)
    try "import os\n".write(to: run.appendingPathComponent("sitecustomize.py"), atomically: true, encoding: .utf8)
    try "# fixtures\n".write(to: run.appendingPathComponent("tests/hidden/conftest.py"), atomically: true, encoding: .utf8)
    try "[pytest]\naddopts = -p no:junitxml\n".write(to: run.appendingPathComponent("pytest.ini"), atomically: true, encoding: .utf8)
    let profile = PytestProfile(python: "/usr/bin/python3", prefixes: [])
    let findings = try profile.neutralise(runDirectory: run, keep: "tests/hidden")
    #expect(!FileManager.default.fileExists(atPath: run.appendingPathComponent("conftest.py").path))
    #expect(!FileManager.default.fileExists(atPath: run.appendingPathComponent("sitecustomize.py").path))
    #expect(FileManager.default.fileExists(atPath: run.appendingPathComponent("tests/hidden/conftest.py").path))
    #expect(findings.first { $0.file == "conftest.py" }?.rule == "tests.tampering-attempt")
    #expect(findings.first { $0.file == "pytest.ini" }?.rule == "tests.neutralised")
    #expect(findings.count == 3)
}
