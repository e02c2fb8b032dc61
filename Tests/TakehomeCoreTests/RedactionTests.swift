import Foundation
import Testing
@testable import TakehomeCore

private let hiddenSource = """
import pytest
from shiftpay import pay, Shift

def test_weekly_overtime():
    shift = Shift(start="2024-01-01T09:00", end="2024-01-01T21:30")
    assert pay([shift], rate=12.5) == 123.45
    assert pay([], rate=12.5, currency="EUR-hidden") == 0
"""

@Test func redactsQuotedHiddenLinesAndExpectedValues() {
    let redaction = HiddenTestRedaction(sources: [hiddenSource])
    let pytestOutput = """
    >       assert pay([shift], rate=12.5) == 123.45
    E       assert 120.0 == 123.45
    E        +  where 120.0 = pay([Shift(...)], rate=12.5)
    expected 123.45, got 1123.456 for EUR-hidden
    import pytest
    """
    #expect(Set(HiddenTestRedaction.literals(in: "assert pay([], currency=\"EUR\") == approx(7.25)")) == ["7.25"])
    #expect(HiddenTestRedaction.literals(in: "expected_total = 'Monday night'") == ["Monday night"])
    let redacted = redaction.redact(pytestOutput)
    #expect(redacted == """
    [hidden test source removed]
    E       assert 120.0 == [hidden value]
    E        +  where 120.0 = pay([Shift(...)], rate=12.5)
    expected [hidden value], got 1123.456 for EUR-hidden
    import pytest
    """)
    #expect(redaction.redact("nothing hidden here: 12.5") == "nothing hidden here: 12.5")
}

@Test func candidateViewRedactsEveryCandidateFacingText() throws {
    var report = sampleReport()
    report.tests.public = TestSuiteResult(cases: [
        TestCase(id: "tests.public.test_pay::test_one", name: "test_one", status: .failed, points: 1, earned: 0,
                 message: "assert 120.0 == 123.45"),
    ], output: ">       assert pay([shift], rate=12.5) == 123.45\nok line")
    report.findings.append(Finding(rule: "tests.tampering", severity: .error, message: "expected 123.45 to stay"))
    report.sandbox = SandboxInfo(isolation: "bwrap", enforcement: [:], limits: .init(.standard), phases: [
        SandboxInfo.Phase(name: "setup: make", exitCode: 1, signal: nil, wallSeconds: 1, limitsHit: [], network: false,
                          profile: "setup", output: "123.45"),
    ])
    let masked = CandidateView.mask(report, hiddenPath: "tests/hidden", hiddenSources: [hiddenSource])
    let json = String(decoding: try ReportCoding.encode(masked), as: UTF8.self)
    #expect(!json.contains("123.45"))
    #expect(!json.contains("rate=12.5) =="))
    #expect(masked.tests.public?.cases.first?.message == "assert 120.0 == [hidden value]")
    #expect(masked.tests.public?.output == "[hidden test source removed]\nok line")
    #expect(masked.sandbox?.phases.first?.output == "[hidden value]")
    // The reviewer's report is untouched.
    #expect(String(decoding: try ReportCoding.encode(report), as: UTF8.self).contains("123.45"))
}

@Test func hiddenLinesEmbeddedInALongMessageAreRemoved() {
    let redaction = HiddenTestRedaction(sources: [hiddenSource + "\n    # the tie rounds up: never shown to candidates\n"])
    // An ImportError carrying the whole test file, newlines replaced, as a hostile solution raises it.
    let stolen = hiddenSource.replacingOccurrences(of: "\n", with: " | ") + " | # the tie rounds up: never shown to candidates"
    let message = "ImportError: cannot import name total: " + stolen + String(repeating: " pad", count: 120)
    let redacted = redaction.redact(message)
    #expect(!redacted.contains("Shift(start=\"2024-01-01T09:00\""))
    #expect(!redacted.contains("never shown to candidates"))
    #expect(!redacted.contains("123.45"))
    #expect(redacted.hasPrefix("ImportError: cannot import name total: "))
}

@Test func hiddenTestIdsAndNamesAreMaskedInSentences() {
    let redaction = HiddenTestRedaction(sources: [], testIDs: ["tests.hidden.test_pay::test_weekly_overtime[night]"])
    let sentence = "1 expected test(s) missing from the results: tests.hidden.test_pay::test_weekly_overtime[night]"
    #expect(redaction.redact(sentence) == "1 expected test(s) missing from the results: [a hidden test]")
    #expect(redaction.redact("JUnit names test_weekly_overtime in tests.hidden.test_pay")
            == "JUnit names [a hidden test] in [a hidden test]")
}

@Test func aMessageCutInsideAHiddenLineLosesTheCutLine() {
    let redaction = HiddenTestRedaction(sources: ["# the tie rounds up: never shown to candidates\n"])
    #expect(redaction.redact("ImportError: stolen | # the tie rounds up: never sh")
            == "ImportError: stolen | [hidden test source removed]")
    #expect(redaction.redact("ends with # the tie") == "ends with # the tie")
}
