import Foundation
import Testing
import TakehomeCore
@testable import TakehomeGrading

/// The feedback of a real grading: its improvements and questions name places that exist in the
/// graded repository, and the costliest comes first.
@Test func overEngineeredFeedbackNamesRealPlacesAndAsksAboutThem() async throws {
    let scratch = try Scratch()
    let url = try repository(ofSample: "over-engineered", in: scratch)
    let report = try await Grader(assignment: try loadAssignment()).grade(.init(source: url))
    let feedback = try #require(report.feedback)
    let root = scratch.url.appendingPathComponent("over-engineered")
    /// The file's text when `file` is a file of the repository and `line` lies inside it.
    func text(of file: String?, line: Int?) -> String? {
        guard let file, let data = FileManager.default.contents(atPath: root.appendingPathComponent(file).path) else { return nil }
        let text = String(decoding: data, as: UTF8.self)
        return (line ?? 1) <= text.split(separator: "\n", omittingEmptySubsequences: false).count ? text : nil
    }

    #expect(feedback.strengths.map(\.message).contains("all 33 hidden tests pass"))
    #expect((3...Feedback.improvementLimit).contains(feedback.improvements.count))
    #expect(feedback.improvements.map(\.points) == feedback.improvements.map(\.points).sorted(by: >))
    #expect(feedback.improvements[0].points > 0)
    #expect(feedback.improvements.contains { $0.rule == "design.single-implementation-abstractions" })
    for improvement in feedback.improvements {
        let source = try #require(text(of: improvement.file, line: improvement.line), "\(improvement.rule) names no real place")
        if let name = improvement.name?.split(separator: ".").last {
            #expect(source.contains(name), "\(improvement.file ?? "") does not hold \(name)")
        }
        #expect(improvement.impact.hasPrefix("costs "))
    }
    #expect(feedback.moreFindings == report.findings.count - report.findings.filter { finding in
        feedback.improvements.contains { $0.rule == finding.rule }
            || feedback.improvements.contains { $0.rule == "complexity.function" && finding.rule.hasPrefix("complexity.")
                && $0.file == finding.file && $0.line == finding.line }
    }.count)

    let questions = try #require(feedback.questions)
    #expect((3...6).contains(questions.count))
    #expect(Set(questions.map(\.area)).count >= 2)
    // Every question names a file of the repository; only a failing test's may lack one.
    for question in questions where question.file != nil || question.rule != "tests.failing" {
        #expect(text(of: question.file, line: question.line) != nil, "\(question.question) is tied to no file")
        #expect(question.question.contains(question.file ?? "?"))
    }
    #expect(CandidateView.mask(report).feedback?.questions == nil)
}
