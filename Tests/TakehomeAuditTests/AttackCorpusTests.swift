import Foundation
import Testing
import TakehomeCore
import TakehomeSandbox
@testable import TakehomeAudit

private let attacks = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
    .deletingLastPathComponent().appendingPathComponent("Sandbox/attacks")

/// A scratch folder removed at the end of the test.
private final class Scratch {
    let url = FileManager.default.temporaryDirectory.appendingPathComponent("takehome-audit-test-\(UUID().uuidString)")
    init() throws { try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true) }
    deinit { try? FileManager.default.removeItem(at: url) }

    func expectation(_ text: String) throws -> URL {
        let file = url.appendingPathComponent("expect.yml")
        try Data(text.utf8).write(to: file)
        return file
    }
}

@Test func theCorpusCoversTheIssuesAttacks() throws {
    let corpus = try AttackCorpus.load(attacks)
    #expect(corpus.count >= 30)
    let required = ["fork-bomb", "memory-hog", "cpu-spin", "sleep-forever", "sigstop-self", "stdout-flood", "stderr-flood",
                    "disk-fill", "sparse-huge-file", "network-loopback", "network-out", "dns", "proc1-environ",
                    "every-environ", "host-files", "hidden-tests-on-host", "write-host-home", "write-harness-files",
                    "write-assignment", "kill-parent", "kill-everything", "ptrace", "setsid-daemon", "forged-junit",
                    "forged-exit-code", "pytest-plugin-injection", "conftest-injection", "sitecustomize",
                    "monkeypatch-runner", "symlinks-outside", "symlink-at-hidden-destination", "path-traversal-names",
                    "submodule", "over-byte-cap", "hundred-thousand-files", "non-utf8-names"]
    #expect(required.filter { name in !corpus.contains { $0.name == name } } == [])
    #expect(!corpus.contains { $0.name.hasPrefix("_") })
    for attack in corpus where attack.buildScript != nil {
        #expect(FileManager.default.fileExists(atPath: attack.folder.appendingPathComponent("spec.json").path), "\(attack.name)")
    }
}

@Test func expectationReadsEveryKey() throws {
    let scratch = try Scratch()
    let file = try scratch.expectation("""
        summary: a test attack
        refused: 65
        limits: [wall, file-size]
        tampering: true
        score-max: 0.5
        findings: [fetch.submodule]
        """)
    let expectation = try AttackExpectation.load(file)
    #expect(expectation == AttackExpectation(summary: "a test attack", exitCode: 65, limits: ["wall", "file-size"],
                                             tampering: true, scoreMax: 0.5, findings: ["fetch.submodule"]))
    #expect(expectation.brief == "refused 65; limit wall|file-size; tampering; ≤0.5 pts; fetch.submodule")
}

@Test func expectationMistakesNameFileLineAndKey() throws {
    let scratch = try Scratch()
    let unknownKey = try scratch.expectation("summary: x\nlimit: [wall]\n")
    #expect(throws: AssignmentError(file: unknownKey.path, line: 2, key: "limit",
                                    problem: "unknown key (known keys: findings, limits, refused, score-max, summary, tampering)")) {
        try AttackExpectation.load(unknownKey)
    }
    let unknownLimit = try scratch.expectation("summary: x\nlimits: [walltime]\n")
    #expect {
        try AttackExpectation.load(unknownLimit)
    } throws: { error in
        (error as? AssignmentError)?.description.hasPrefix("\(unknownLimit.path):2: key 'limits': unknown limit 'walltime'") == true
    }
    let noSummary = try scratch.expectation("tampering: true\n")
    #expect {
        try AttackExpectation.load(noSummary)
    } throws: { error in
        (error as? AssignmentError)?.key == "summary"
    }
}

@Test func everyLimitSentenceMapsBackToItsName() {
    let result = SandboxResult(exitCode: nil, signal: 9, stdout: Data(), stderr: Data(), stdoutDroppedBytes: 1,
                               stderrDroppedBytes: 0, witness: Data(), wallSeconds: 1, cpuSeconds: nil, peakMemoryBytes: nil,
                               limitsHit: [], enforcement: [:])
    for kind in LimitKind.allCases {
        #expect(Containment.limitNames([result.describe(kind, limits: .standard)]) == [kind.rawValue])
    }
}

@Test func theListenerRecordsAConnection() throws {
    let listener = try LoopbackListener()
    defer { listener.stop() }
    let client = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
    defer { close(client) }
    var address = sockaddr_in()
    address.sin_family = sa_family_t(AF_INET)
    address.sin_addr.s_addr = inet_addr("127.0.0.1")
    address.sin_port = in_port_t(UInt16(listener.port).bigEndian)
    let connected = withUnsafePointer(to: &address) {
        $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { connect(client, $0, socklen_t(MemoryLayout<sockaddr_in>.size)) }
    }
    #expect(connected == 0)
    for _ in 0..<100 where listener.connections.isEmpty { usleep(20_000) }
    #expect(listener.connections.count == 1)
}

@Test func aStrayChildIsFoundAndKilled() throws {
    let process = Process()
    process.executableURL = URL(fileURLWithPath: "/bin/sleep")
    process.arguments = ["300"]
    try process.run()
    // Scanned again for up to ten seconds: in a loaded test run (this test has taken from 10 to 98
    // seconds) one scan once missed the child, and the failure did not say how it was seen.
    func isTheChild(_ entry: ProcessWatch.Entry) -> Bool { entry.pid == process.processIdentifier && entry.command == "/bin/sleep 300" }
    var strays = ProcessWatch.strays(excluding: RunningSet())
    for _ in 0..<1000 where !strays.contains(where: isTheChild) {
        usleep(10_000)
        strays = ProcessWatch.strays(excluding: RunningSet())
    }
    #expect(strays.contains(where: isTheChild),
            "child \(process.processIdentifier) running: \(process.isRunning); in /proc: \(ProcessWatch.all().filter { $0.pid == process.processIdentifier }); this process \(getpid())")
    ProcessWatch.kill(strays.filter { $0.pid == process.processIdentifier })
    process.waitUntilExit()
    #expect(process.terminationReason == .uncaughtSignal)
    #expect(!ProcessWatch.strays(excluding: RunningSet()).contains { $0.pid == process.processIdentifier })
}
