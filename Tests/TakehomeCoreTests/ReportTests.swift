import Foundation
import Testing
@testable import TakehomeCore

func sampleReport() -> Report {
    var hidden = TestSuiteResult(cases: [
        TestCase(id: "tests.hidden.test_pay::test_night", name: "test_night", status: .passed, points: 2, earned: 2),
        TestCase(id: "tests.hidden.test_pay::test_week", name: "test_week", status: .failed, points: 1, earned: 0,
                 message: "assert Decimal('10') == Decimal('12') in tests/hidden/test_pay.py:12"),
    ])
    hidden.output = "FAILED tests/hidden/test_pay.py::test_week"
    hidden.recount()
    let scorer = RubricScorer(rubric: Rubric())
    return Report(tool: .init(version: "0.1.0"), mode: .grade, generatedAt: Date(timeIntervalSince1970: 0),
                  assignment: .init(id: "a", title: "A", language: "python", runner: "pytest", digest: "sha256:00"),
                  submission: .init(source: "file:///x", kind: "git"), tests: .init(hidden: hidden),
                  findings: [Finding(rule: "r", severity: .warning, message: "m", file: "tests/hidden/test_pay.py"),
                             Finding(rule: "r", severity: .info, message: "ok", file: "shiftpay.py", line: 3)],
                  score: scorer.score(correctness: hidden, suiteName: "hidden"))
}

@Test func scoresOnlyMeasuredParts() {
    let score = sampleReport().score
    #expect(score.max == 60)
    #expect(score.total == 40)
    #expect(score.percent == 66.67)
    #expect(score.parts.filter(\.measured).map(\.name) == ["correctness"])
    #expect(score.parts.first { $0.name == "design" }?.earned == nil)
    #expect(score.parts[0].explanation.hasPrefix("2 of 3 test points on the hidden tests (1/2 passed)"))
}

@Test func candidateViewMasksHiddenTests() throws {
    let masked = CandidateView.mask(sampleReport(), hiddenPath: "tests/hidden")
    #expect(masked.audience == .candidate)
    #expect(masked.tests.hidden?.cases.map(\.name) == ["hidden test 1", "hidden test 2"])
    #expect(masked.tests.hidden?.cases.allSatisfy { $0.message == nil } == true)
    #expect(masked.tests.hidden?.output == nil)
    #expect(masked.tests.hidden?.passed == 1)
    #expect(masked.findings.map(\.file) == ["shiftpay.py"])
    let json = String(decoding: try ReportCoding.encode(masked), as: UTF8.self)
    #expect(!json.contains("test_night") && !json.contains("test_pay.py"))
}

@Test func reportRoundTripsAndRefusesUnknownMajor() throws {
    let report = sampleReport()
    let data = try ReportCoding.encode(report)
    #expect(try ReportCoding.decode(data) == report)
    #expect(try ReportCoding.encode(try ReportCoding.decode(data)) == data)
    let future = String(decoding: data, as: UTF8.self).replacingOccurrences(of: "\"schemaVersion\" : 1", with: "\"schemaVersion\" : 2")
    let error = #expect(throws: TakehomeError.self) { try ReportCoding.decode(Data(future.utf8)) }
    #expect(error?.message.contains("schemaVersion 2 is not supported") == true)
}
