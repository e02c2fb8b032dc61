import ArgumentParser
import Foundation
import TakehomeCore
import TakehomeGrading

/// `takehome grade`: the reviewer's full grading of one submission.
struct Grade: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "grade",
        abstract: "Grade a submission (git URL, repository, folder or archive) with the hidden tests.")

    @Argument(help: "A git URL (file://, git://, http(s)://, ssh://), a repository or folder path, or a .zip/.tar.gz.")
    var source: String

    @Option(help: "The assignment folder (holding assignment.yml).")
    var assignment: String

    @Option(help: "Branch, tag or commit id to grade.")
    var ref: String?

    @Flag(help: "Withhold author names and e-mails from the report.")
    var blind = false

    @OptionGroup var report: ReportOptions

    func run() async throws {
        let definition = try AssignmentLoader.load(directory: URL(fileURLWithPath: assignment))
        let grader = try Grader(assignment: definition)
        let result = try await grader.grade(.init(source: source, ref: ref, mode: .grade, blind: blind))
        try ReportOutput.emit(result, options: report, hiddenPath: definition.hiddenTestsPathInRun,
                              hiddenSources: try definition.hiddenTestSources(), defaultAudience: .reviewer)
    }
}

/// `takehome check`: the candidate's self-check with the public tests; never reads hidden-tests/.
struct Check: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "check",
        abstract: "Check a working folder (committed or not) with the assignment's public tests.")

    @Argument(help: "The folder to check.")
    var path: String = "."

    @Option(help: "The assignment folder (holding assignment.yml).")
    var assignment: String

    @OptionGroup var report: ReportOptions

    func run() async throws {
        let definition = try AssignmentLoader.load(directory: URL(fileURLWithPath: assignment), hiddenTestsRequired: false)
        let grader = try Grader(assignment: definition)
        let result = try await grader.grade(.init(source: path, mode: .check))
        try ReportOutput.emit(result, options: report, hiddenPath: definition.hiddenTestsPathInRun,
                              defaultAudience: .candidate)
    }
}

extension Assignment {
    /// Where hidden tests sit in a run directory, the prefix masked out of candidate reports.
    var hiddenTestsPathInRun: String? {
        hiddenTests.map(pathInSubmission(of:))
    }
}
