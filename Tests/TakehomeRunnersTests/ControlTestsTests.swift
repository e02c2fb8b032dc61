import Foundation
import Testing
import TakehomeCore
@testable import TakehomeRunners

private let controls = ControlTests(seed: 42)
private let module = "tests.hidden." + controls.fileName.replacingOccurrences(of: ".py", with: "")
private let realIDs = ["tests.hidden.test_pay::test_a", "tests.hidden.test_pay::test_b"]
private let controlIDs = [module + "::" + controls.mustFail, module + "::" + controls.mustPass]

/// JUnit and witness records of one run where each id has the given status.
private func observation(_ statuses: [String: String], exit: Int32, controlsPlanted: Bool = true) -> ResultCrossCheck.Observation {
    let ids = realIDs + controlIDs.filter { statuses[$0] != nil }
    var xml = #"<testsuites><testsuite name="pytest">"#
    var lines = [#"{"event":"collected","ids":[\#(ids.map { "\"\($0)\"" }.joined(separator: ","))],"n":"N"}"#]
    for id in ids {
        let parts = id.components(separatedBy: "::")
        let failed = statuses[id] == "failed"
        xml += #"<testcase classname="\#(parts[0])" name="\#(parts[1])" time="0.01">\#(failed ? #"<failure message="assert 3 == 999"/>"# : "")</testcase>"#
        lines.append(#"{"event":"result","id":"\#(id)","name":"\#(parts[1])","when":"call","outcome":"\#(statuses[id]!)","duration":0.01,"message":"","n":"N"}"#)
    }
    lines.append(#"{"event":"finish","exitstatus":\#(exit),"n":"N"}"#)
    return .init(manifest: realIDs, junit: .success(try! JUnitReport.parse(Data((xml + "</testsuite></testsuites>").utf8))),
                 witness: WitnessLog(data: Data(lines.joined(separator: "\n").utf8), nonce: "N"),
                 exitCode: exit, signal: nil, limitsHit: [], controls: controlsPlanted ? controls : nil)
}

private let checker = ResultCrossCheck(points: PointsSpec(defaultPoints: 1, patterns: []), solutionRoot: ".")

@Suite struct ControlTestsTests {
    @Test func honestRunKeepsControlsOutOfTheResult() {
        let result = checker.evaluate(observation([realIDs[0]: "passed", realIDs[1]: "failed",
                                                   controlIDs[0]: "failed", controlIDs[1]: "passed"], exit: 1))
        #expect(result.tampering.isEmpty)
        #expect(result.cases.map(\.id) == realIDs)
        #expect(result.pointsEarned == 1 && result.pointsPossible == 2)
    }

    @Test func runnerForcedToPassEverythingIsCaughtByTheFailingControl() {
        let result = checker.evaluate(observation([realIDs[0]: "passed", realIDs[1]: "passed",
                                                   controlIDs[0]: "passed", controlIDs[1]: "passed"], exit: 0))
        #expect(result.tampered)
        #expect(result.tampering == ["a control test the harness planted to fail was reported passed: the test runner's reports were rewritten from inside the test process"])
        #expect(result.pointsEarned == 0)
        #expect(result.cases.map(\.id) == realIDs)
    }

    @Test func controlsThatDidNotRunAreTampering() {
        let result = checker.evaluate(observation([realIDs[0]: "passed", realIDs[1]: "passed"], exit: 0))
        #expect(result.tampering.first?.hasPrefix("the harness's control tests were not all run and reported (0 of 2") == true)
        #expect(result.pointsEarned == 0)
    }

    @Test func namesDifferPerRunAndLookLikeTests() {
        #expect(ControlTests(seed: 1) == ControlTests(seed: 1))
        #expect(ControlTests(seed: 1).mustFail != ControlTests(seed: 2).mustFail)
        #expect(controls.fileName.hasPrefix("test_") && controls.fileName.hasSuffix(".py"))
        #expect(controls.mustFail != controls.mustPass)
        #expect(controls.isControl(controlIDs[0]) && controls.isControl(controlIDs[1]) && !controls.isControl(realIDs[0]))
    }

    /// The generated module, run by the real pytest: exactly one failure and one pass.
    @Test func generatedModuleFailsOnceAndPassesOnce() throws {
        let text = try pytestOutput(files: [controls.fileName: controls.pythonSource])
        #expect(text.contains("1 failed, 1 passed"), "\(text)")
        #expect(text.contains("FAILED \(controls.fileName)::\(controls.mustFail)"))
    }

    /// Real pytest output of the controls beside one passing and one failing test: after scrubbing
    /// it reads as if the controls had never been there.
    @Test func scrubbedOutputShowsNoControls() throws {
        let real = "def test_ok():\n    assert 1 == 1\n\n\ndef test_bad():\n    assert 2 == 3\n"
        let text = try pytestOutput(files: [controls.fileName: controls.pythonSource, "test_real.py": real])
        #expect(text.contains("2 failed, 2 passed"), "\(text)")
        let scrubbed = controls.scrub(output: text)
        #expect(!scrubbed.contains(controls.mustFail) && !scrubbed.contains(controls.mustPass))
        #expect(!scrubbed.contains(String(controls.fileName.dropLast(3))))
        #expect(scrubbed.contains("1 failed, 1 passed"), "\(scrubbed)")
        #expect(scrubbed.contains("def test_bad():"))
        #expect(!scrubbed.contains("math.floor"), "the failing control's traceback is gone")

        let onlyControls = controls.scrub(output: try pytestOutput(files: [controls.fileName: controls.pythonSource]))
        #expect(!onlyControls.contains("FAILURES"), "\(onlyControls)")
        #expect(!onlyControls.contains(controls.mustFail))
    }

    @Test func progressLosesTheControlsCharactersAndKeepsItsWidth() {
        #expect(ControlTests.dropLastProgress(2, from: "....F.\n== 1 failed ==") == "....\n== 1 failed ==")
        #expect(ControlTests.dropLastProgress(2, from: "hdr\n.....\n.F.\nrest") == "hdr\n.....\n.\nrest")
        #expect(ControlTests.dropLastProgress(2, from: "no progress here") == "no progress here")
        #expect(ControlTests(seed: 7).fileName.hasPrefix("test_zz_"))
    }

    /// With `-q` the closing counts have no `=` around them; when the control's failure is the last
    /// block, the counts after it stay (less the controls) and nothing of the control does.
    @Test func quietCountsAfterTheControlsFailureBlockStay() {
        let text = """
            F.F.
            =================================== FAILURES ===================================
            ___________________________________ test_bad ___________________________________
            test_real.py:6: in test_bad
            E   assert 2 == 3
            _________________________ \(controls.mustFail) _________________________
            \(controls.fileName):5: in \(controls.mustFail)
            E   assert 12 == 345
            2 failed, 2 passed in 0.05s
            """
        let scrubbed = controls.scrub(output: text)
        #expect(scrubbed.hasSuffix("E   assert 2 == 3\n1 failed, 1 passed in 0.05s"), "\(scrubbed)")
        #expect(!scrubbed.contains("345"))
    }

    @Test func closingCountsLoseOneFailureAndOnePass() {
        #expect(ControlTests.uncount("==== 1 failed, 34 passed in 0.41s ====") == "==== 33 passed in 0.41s ====")
        #expect(ControlTests.uncount("==== 3 failed, 2 passed in 1s ====") == "==== 2 failed, 1 passed in 1s ====")
        #expect(ControlTests.uncount("===== FAILURES =====") == "===== FAILURES =====")
    }
}

/// Runs the real pytest over `files` in a scratch folder and returns what it printed.
private func pytestOutput(files: [String: String]) throws -> String {
    let folder = FileManager.default.temporaryDirectory.appendingPathComponent("takehome-controls-\(UUID().uuidString.prefix(8))")
    try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
    defer { try? FileManager.default.removeItem(at: folder) }
    for (name, source) in files { try Data(source.utf8).write(to: folder.appendingPathComponent(name)) }
    let process = Process()
    process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
    process.arguments = ["python3", "-m", "pytest", "-p", "no:cacheprovider", "-o", "console_output_style=classic", "-rfE"]
    process.currentDirectoryURL = folder
    let output = Pipe()
    process.standardOutput = output
    try process.run()
    let text = String(decoding: output.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
    process.waitUntilExit()
    return text
}
