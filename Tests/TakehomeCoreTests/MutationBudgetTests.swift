import Foundation
import Testing
@testable import TakehomeCore

/// Loads an assignment.yml made of the required keys plus `extra`, with hidden-tests/ present.
private func load(_ extra: String) throws -> Assignment {
    let directory = FileManager.default.temporaryDirectory.appendingPathComponent("takehome-mutation-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: directory.appendingPathComponent("hidden-tests"), withIntermediateDirectories: true)
    defer { try? FileManager.default.removeItem(at: directory) }
    try ("id: demo\ntitle: Demo\nlanguage: python\nrunner: pytest\n" + extra)
        .write(to: directory.appendingPathComponent("assignment.yml"), atomically: true, encoding: .utf8)
    return try AssignmentLoader.load(directory: directory, hiddenTestsRequired: false)
}

@Test func mutationBudgetDefaultsAndOverrides() throws {
    let defaults = try load("")
    #expect(defaults.mutation == MutationBudget(mutants: 40, seconds: TimeSpan(seconds: 120)))
    let set = try load("mutation: { mutants: 12, seconds: 2m }\n")
    #expect(set.mutation == MutationBudget(mutants: 12, seconds: TimeSpan(seconds: 120)))
    #expect(try load("mutation: { mutants: 0 }\n").mutation.mutants == 0)
}

@Test(arguments: [
    ("mutation: { mutants: lots }\n", ":5: key 'mutation.mutants': expected a whole number, found 'lots'"),
    ("mutation: { mutants: -1 }\n", ":5: key 'mutation.mutants': -1 is out of range (0…10000)"),
    ("mutation: { seconds: 0s }\n", ":5: key 'mutation.seconds': must be longer than zero"),
    ("mutation: { mutants: 4, minutes: 3 }\n", ":5: key 'mutation.minutes': unknown key"),
])
func mutationBudgetErrorsNameLineAndKey(yaml: String, expected: String) throws {
    let error = #expect(throws: AssignmentError.self) { try load(yaml) }
    #expect(error?.description.contains(expected) == true, "\(error?.description ?? "")")
    #expect(error?.exitCode == .dataError)
}
