import Foundation
import Testing
import TakehomeCore
@testable import TakehomeRunners

private let nonce = "N0NCE"
private let ids = ["tests.hidden.test_pay::test_a", "tests.hidden.test_pay::test_b", "tests.hidden.test_pay::test_burst_c"]

private func junit(_ statuses: [String]) -> Data {
    var xml = #"<?xml version="1.0" encoding="utf-8"?><testsuites><testsuite name="pytest">"#
    for (id, status) in zip(ids, statuses) {
        let parts = id.components(separatedBy: "::")
        xml += #"<testcase classname="\#(parts[0])" name="\#(parts[1])" time="0.010">"#
        if status == "failed" { xml += #"<failure message="assert 1 == 2">trace</failure>"# }
        if status == "errored" { xml += #"<error message="fixture broke">trace</error>"# }
        xml += "</testcase>"
    }
    return Data((xml + "</testsuite></testsuites>").utf8)
}

private func witness(_ statuses: [String], exit: Int?, extra: String = "") -> WitnessLog {
    var lines = [#"{"event":"collected","ids":\#(ids.map { "\"\($0)\"" }),"n":"\#(nonce)"}"#]
    for (id, status) in zip(ids, statuses) {
        let name = id.components(separatedBy: "::")[1]
        let outcome = status == "passed" ? "passed" : "failed"
        let when = status == "errored" ? "setup" : "call"
        lines.append(#"{"event":"result","id":"\#(id)","name":"\#(name)","when":"\#(when)","outcome":"\#(outcome)","duration":0.01,"message":"","n":"\#(nonce)"}"#)
    }
    if let exit { lines.append(#"{"event":"finish","exitstatus":\#(exit),"n":"\#(nonce)"}"#) }
    if !extra.isEmpty { lines.append(extra) }
    return WitnessLog(data: Data(lines.joined(separator: "\n").utf8), nonce: nonce)
}

private let checker = ResultCrossCheck(points: PointsSpec(defaultPoints: 1, patterns: [("test_burst*", 3)]), solutionRoot: ".")

private func evaluate(junit data: Data?, witness log: WitnessLog, exit: Int32?, signal: Int32? = nil,
                      limits: [String] = []) -> TestSuiteResult {
    let parsed: Result<JUnitReport, TakehomeError>? = data.map { data in
        Result { try JUnitReport.parse(data) }.mapError { $0 as! TakehomeError }
    }
    return checker.evaluate(.init(manifest: ids, junit: parsed, witness: log, exitCode: exit, signal: signal, limitsHit: limits))
}

@Test func honestRunEarnsItsPoints() {
    let result = evaluate(junit: junit(["passed", "failed", "passed"]), witness: witness(["passed", "failed", "passed"], exit: 1), exit: 1)
    #expect(result.tampering.isEmpty)
    #expect(result.passed == 2 && result.failed == 1 && result.total == 3)
    #expect(result.pointsEarned == 4 && result.pointsPossible == 5)
    #expect(result.cases[1].message == "assert 1 == 2")
}

@Test func forgedJUnitAndExitStatusAreTampering() {
    // An atexit hook rewrote junit.xml to "all passed" and called os._exit(0).
    let result = evaluate(junit: junit(["passed", "passed", "passed"]), witness: witness(["passed", "failed", "failed"], exit: 1), exit: 0)
    #expect(result.tampered)
    #expect(result.pointsEarned == 0)
    #expect(result.cases.map(\.status) == [.passed, .failed, .failed])
    #expect(result.tampering.contains { $0.contains("exited with status 0 but pytest finished with status 1") })
}

@Test func missingRenamedOrExtraIdsAreTampering() {
    var xml = String(decoding: junit(["passed", "passed", "passed"]), as: UTF8.self)
    xml = xml.replacingOccurrences(of: "name=\"test_b\"", with: "name=\"test_b_renamed\"")
    let result = evaluate(junit: Data(xml.utf8), witness: witness(["passed", "passed", "passed"], exit: 0), exit: 0)
    #expect(result.tampered)
    #expect(result.tampering.contains { $0.contains("missing from the results: tests.hidden.test_pay::test_b") })
    #expect(result.tampering.contains { $0.contains("does not have: tests.hidden.test_pay::test_b_renamed") })
    #expect(result.cases[1].earned == 0)
}

@Test func absentOrBrokenResultFileIsTampering() {
    let absent = evaluate(junit: nil, witness: witness(["passed", "passed", "passed"], exit: 0), exit: 0)
    #expect(absent.tampering.first?.hasPrefix("no JUnit result file was written") == true)
    #expect(absent.pointsEarned == 0)
    let broken = evaluate(junit: Data("<testsuite><testcase".utf8), witness: witness(["passed", "passed", "passed"], exit: 0), exit: 0)
    #expect(broken.tampering.first?.contains("does not parse") == true, "\(broken.tampering)")
    #expect(broken.pointsEarned == 0)
}

@Test func foreignWitnessLinesAreTampering() {
    let forged = #"{"event":"result","id":"x","when":"call","outcome":"passed","n":"guess"}"#
    let result = evaluate(junit: junit(["passed", "passed", "passed"]), witness: witness(["passed", "passed", "passed"], exit: 0, extra: forged), exit: 0)
    #expect(result.tampered && result.pointsEarned == 0)
}

@Test func exitStatusMustAgreeWithResults() {
    let result = evaluate(junit: junit(["passed", "failed", "passed"]), witness: witness(["passed", "failed", "passed"], exit: 0), exit: 0)
    #expect(result.tampering.contains { $0.contains("exited with status 0 although the results hold failures") })
}

@Test func testStoppedByALimitIsAnError() {
    let log = WitnessLog(data: Data((#"{"event":"collected","ids":[],"n":"N0NCE"}"# + "\n"
        + #"{"event":"result","id":"\#(ids[0])","name":"test_a","when":"call","outcome":"passed","duration":0.1,"n":"N0NCE"}"# + "\n"
        + #"{"event":"result","id":"\#(ids[0])","name":"test_a","when":"teardown","outcome":"passed","duration":0.1,"n":"N0NCE"}"# + "\n"
        // test_b's setup passed, then its call never returned: it did not complete, so it cannot pass.
        + #"{"event":"result","id":"\#(ids[1])","name":"test_b","when":"setup","outcome":"passed","duration":0.1,"n":"N0NCE"}"#).utf8), nonce: nonce)
    let result = evaluate(junit: nil, witness: log, exit: nil, signal: 9, limits: ["stopped at the 30 s wall limit"])
    #expect(!result.tampered)
    #expect(result.cases.map(\.status) == [.passed, .errored, .errored])
    #expect(result.cases[1].message == "stopped at the 30 s wall limit")
    #expect(result.pointsEarned == 1)
}

@Test func importErrorIsOneLoadFailure() {
    let log = WitnessLog(data: Data((#"{"event":"collect-error","nodeid":"tests/hidden/test_pay.py","message":"ModuleNotFoundError: No module named 'shiftpay'","n":"N0NCE"}"# + "\n"
        + #"{"event":"finish","exitstatus":2,"n":"N0NCE"}"#).utf8), nonce: nonce)
    let xml = #"<testsuites><testsuite><testcase classname="" name="tests.hidden.test_pay"><error message="collection failure">x</error></testcase></testsuite></testsuites>"#
    let result = evaluate(junit: Data(xml.utf8), witness: log, exit: 2)
    #expect(!result.tampered)
    #expect(result.loadFailure?.message == "ModuleNotFoundError: No module named 'shiftpay'")
    #expect(result.loadFailure?.expectedPath == "shiftpay.py")
    #expect(result.loadFailure?.affectedTests == 3)
    #expect(result.errored == 3 && result.pointsEarned == 0)
}
