import Foundation
import Testing
@testable import TakehomeCore

/// A scratch assignment folder with hidden-tests/ and public-tests/ present.
private func scratchAssignment(_ yaml: String) throws -> URL {
    let directory = FileManager.default.temporaryDirectory.appendingPathComponent("takehome-core-\(UUID().uuidString)")
    for folder in ["hidden-tests", "public-tests"] {
        try FileManager.default.createDirectory(at: directory.appendingPathComponent(folder), withIntermediateDirectories: true)
    }
    try yaml.write(to: directory.appendingPathComponent("assignment.yml"), atomically: true, encoding: .utf8)
    return directory
}

private let valid = """
id: demo-python
title: Demo
language: python
runner: pytest
root: src
time-box: 3h
tests:
  hidden: { path: hidden-tests, into: tests/hidden, points: { default: 1, "test_burst*": 3 } }
  public: { path: public-tests, into: tests/public }
network: { setup: true, tests: false }
limits: { wall: 30s, cpu: 20s, memory: 512MiB, processes: 64, output: 1MiB, disk: 64MiB }
fetch: { timeout: 30s, max-bytes: 20MiB, max-files: 2000, max-file-size: 2MiB }
mutation: { mutants: 40, seconds: 120 }
rubric: { correctness: 60, testability: 15, complexity: 15, design: 10 }
thresholds: { ccn: 10, cognitive: 15, function-lines: 50, params: 5, nesting: 4 }
"""

@Test func loadsEveryKey() throws {
    let directory = try scratchAssignment(valid)
    defer { try? FileManager.default.removeItem(at: directory) }
    let assignment = try AssignmentLoader.load(directory: directory)
    #expect(assignment.id == "demo-python")
    #expect(assignment.root == "src")
    #expect(assignment.timeBox == TimeSpan(seconds: 3 * 3600))
    #expect(assignment.hiddenTests?.into == "tests/hidden")
    #expect(assignment.hiddenTests?.points.points(forName: "test_burst_refill[3]", id: "x::test_burst_refill[3]") == 3)
    #expect(assignment.hiddenTests?.points.points(forName: "test_other", id: "x::test_other") == 1)
    #expect(assignment.network.setup == true)
    #expect(assignment.limits.wall.seconds == 30)
    #expect(assignment.limits.memory.bytes == 512 << 20)
    #expect(assignment.fetch.maxFiles == 2000)
    #expect(assignment.fetch.maxTreeSize == FetchLimits.standard.maxTreeSize)
    #expect(assignment.rubric.weights.map(\.part) == ["correctness", "testability", "complexity", "design"])
    #expect(assignment.keyLines["runner"] == 4)
    #expect(try assignment.digest().hasPrefix("sha256:"))
}

@Test(arguments: [
    ("title: Demo\n", "key 'id': is required but missing"),
    (valid.replacingOccurrences(of: "memory: 512MiB", with: "memory: lots"), ":11: key 'limits.memory': expected a size"),
    (valid.replacingOccurrences(of: "cpu: 20s", with: "cpu: 20s, gpu: 1"), ":11: key 'limits.gpu': unknown key"),
    (valid.replacingOccurrences(of: "runner: pytest", with: "runner: pytest\nrunnr: x"), ":5: key 'runnr': unknown key"),
    (valid.replacingOccurrences(of: "max-files: 2000", with: "max-files: -3"), ":12: key 'fetch.max-files': -3 is out of range"),
    (valid.replacingOccurrences(of: "path: hidden-tests", with: "path: nowhere"), ":8: key 'tests.hidden.path': names 'nowhere'"),
    (valid.replacingOccurrences(of: "tests: false", with: "tests: true"), ":10: key 'network.tests': tests never get the network"),
    (valid.replacingOccurrences(of: "root: src", with: "root: ../up"), ":5: key 'root': must be a relative path"),
    (valid.replacingOccurrences(of: "time-box: 3h", with: "time-box: [3h"), ":7: is not valid YAML"),
    (valid + "\nid: again\n", ":16: key 'id': duplicate key"),
])
func errorsNameFileLineAndKey(yaml: String, expected: String) throws {
    let directory = try scratchAssignment(yaml)
    defer { try? FileManager.default.removeItem(at: directory) }
    let error = #expect(throws: AssignmentError.self) { try AssignmentLoader.load(directory: directory) }
    #expect(error?.description.contains(expected) == true, "\(error?.description ?? "")")
    #expect(error?.description.hasPrefix(directory.appendingPathComponent("assignment.yml").path) == true)
    #expect(error?.exitCode == .dataError)
}

@Test func missingDefinitionNamesTheFile() {
    let error = #expect(throws: AssignmentError.self) {
        try AssignmentLoader.load(directory: URL(fileURLWithPath: "/nonexistent-takehome"))
    }
    #expect(error?.description == "/nonexistent-takehome/assignment.yml: cannot be read (no such file)")
}

@Test func digestChangesWithHiddenTests() throws {
    let directory = try scratchAssignment(valid)
    defer { try? FileManager.default.removeItem(at: directory) }
    let before = try AssignmentLoader.load(directory: directory).digest()
    try "def test_x(): pass\n".write(to: directory.appendingPathComponent("hidden-tests/test_x.py"), atomically: true, encoding: .utf8)
    let after = try AssignmentLoader.load(directory: directory).digest()
    #expect(before != after)
    #expect(try AssignmentLoader.load(directory: directory).digest() == after)
}
