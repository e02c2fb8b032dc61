import ArgumentParser
import Foundation
import TakehomeCore
import TakehomeGrading

/// `takehome assignment validate`: checks an assignment's definition and that its reference passes.
struct AssignmentCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "assignment", abstract: "Work with assignment definitions.", subcommands: [Validate.self])

    struct Validate: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "validate",
            abstract: "Check assignment.yml and that the reference solution passes every hidden and public test.")

        @Argument(help: "The assignment folder.")
        var directory: String

        func run() async throws {
            let definition = try AssignmentLoader.load(directory: URL(fileURLWithPath: directory))
            let grader = try Grader(assignment: definition)
            let digest = try definition.digest()
            var lines = ["\(definition.id): assignment.yml is valid (digest \(digest.prefix(19))…)"]
            for (name, suite) in [("hidden", definition.hiddenTests), ("public", definition.publicTests)] {
                guard let suite else { continue }
                let manifest = try await ReferenceManifest.obtain(suite, name: name, assignment: definition, digest: digest,
                                                                  runner: grader.runner, useCache: false)
                lines.append("\(definition.id): the reference passes all \(manifest.ids.count) \(name) tests")
            }
            print(lines.joined(separator: "\n"))
        }
    }
}
