import Foundation
import Testing
import TakehomeCore
@testable import TakehomeGrading

/// The clean sample as a git repository, with `extra` text appended to (or making) files before the commit.
private func cleanRepository(in scratch: Scratch, extra: [String: String]) throws -> String {
    let repo = scratch.url.appendingPathComponent("submission")
    try FileManager.default.copyItem(at: assignmentDirectory.appendingPathComponent("samples/clean"), to: repo)
    for (name, text) in extra {
        let url = repo.appendingPathComponent(name)
        let existing = (try? String(contentsOf: url, encoding: .utf8)) ?? ""
        try (existing + "\n" + text).write(to: url, atomically: true, encoding: .utf8)
    }
    try shell(["git", "init", "-q", "-b", "main"], in: repo)
    try shell(["git", "add", "-A"], in: repo)
    try shell(["git", "commit", "-q", "-m", "Submission"], in: repo)
    return "file://\(repo.path)"
}

/// Every message sent to a host loopback listener, one connection each.
private func messages(_ listener: Int32) -> [String] {
    var result: [String] = []
    while true {
        let client = accept(listener, nil, nil)
        guard client >= 0 else { return result }
        var buffer = [UInt8](repeating: 0, count: 64)
        let count = read(client, &buffer, buffer.count)
        close(client)
        result.append(String(decoding: buffer.prefix(max(count, 0)), as: UTF8.self))
    }
}

private func loopbackListener() -> (fd: Int32, port: UInt16) {
    let fd = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
    var address = sockaddr_in()
    address.sin_family = sa_family_t(AF_INET)
    address.sin_addr.s_addr = inet_addr("127.0.0.1")
    var length = socklen_t(MemoryLayout<sockaddr_in>.size)
    _ = withUnsafeMutablePointer(to: &address) {
        $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { bind(fd, $0, length) == 0 && getsockname(fd, $0, &length) == 0 }
    }
    listen(fd, 16)
    _ = fcntl(fd, F_SETFL, O_NONBLOCK)
    return (fd, UInt16(bigEndian: address.sin_port))
}

@Test(.timeLimit(.minutes(5))) func setupHasTheNetworkWhenAllowedAndTestsNever() async throws {
    let scratch = try Scratch()
    let listener = loopbackListener()
    defer { close(listener.fd) }
    let send = { (word: String) in
        "import socket\ntry:\n    socket.create_connection(('127.0.0.1', \(listener.port)), 2).sendall(b'\(word)')\nexcept OSError:\n    pass\n"
    }
    // The solution itself calls home when the tests import it.
    let url = try cleanRepository(in: scratch, extra: ["shiftpay.py": send("tests"), "setup_call.py": send("setup")])
    var assignment = try loadAssignment()
    assignment.setup = ["[ ! -e setup_call.py ] || python3 setup_call.py"]  // the reference has no such file
    assignment.network.setup = true
    let report = try await Grader(assignment: assignment).grade(.init(source: url))

    let received = messages(listener.fd)
    #expect(received.contains("setup") && !received.contains("tests"))
    #expect(report.tests.hidden?.passed == 33)
    let phases = try #require(report.sandbox?.phases)
    #expect(phases.map(\.name) == ["setup: " + assignment.setup[0], "hidden tests", "candidate's own tests"])
    #expect(phases.map(\.profile) == ["setup", "tests", "tests"])
    #expect(phases.map(\.network) == [true, false, false])
    #expect(phases[0].exitCode == 0)
}

@Test(.timeLimit(.minutes(5))) func setupReachesTheHostOnlyWithNetworkSetupTrue() async throws {
    let scratch = try Scratch()
    let listener = loopbackListener()
    defer { close(listener.fd) }
    let url = try cleanRepository(in: scratch, extra: [:])
    var assignment = try loadAssignment()
    let call = "python3 -c \"import socket; socket.create_connection(('127.0.0.1', \(listener.port)), 2).sendall(b'setup')\""
    assignment.setup = [call + " 2>/dev/null && echo reached || echo unreachable"]
    assignment.network.setup = true
    let open = try await Grader(assignment: assignment).grade(.init(source: url))
    #expect(open.sandbox?.phases.first?.output == "reached\n")
    #expect(messages(listener.fd).contains("setup"))

    assignment.network.setup = false
    let closed = try await Grader(assignment: assignment).grade(.init(source: url))
    #expect(closed.sandbox?.phases.first?.output == "unreachable\n")
    #expect(closed.sandbox?.phases.first?.network == false)
    #expect(messages(listener.fd).isEmpty)
}

@Test(.timeLimit(.minutes(5))) func failedSetupIsReportedAndTheTestsRunAnyway() async throws {
    let scratch = try Scratch()
    let url = try cleanRepository(in: scratch, extra: ["broken-setup": "yes\n"])
    var assignment = try loadAssignment()
    assignment.setup = ["ls tests/hidden >/dev/null 2>&1 && echo hidden-visible; echo installing",
                        "[ ! -e broken-setup ] || { echo 'setup broke' >&2; exit 3; }",
                        "echo never"]
    let report = try await Grader(assignment: assignment).grade(.init(source: url))
    let phases = try #require(report.sandbox?.phases)
    #expect(phases.count == 4)
    #expect(phases[0].output == "installing\n")
    #expect(phases[1].exitCode == 3 && phases[1].output?.contains("setup broke") == true)
    #expect(phases[1].network == false)
    #expect(report.findings.filter { $0.rule == "setup.failed" }.count == 1)
    let finding = try #require(report.findings.first { $0.rule == "setup.failed" })
    #expect(finding.message.contains("exited with status 3; the 1 after it did not run"))
    #expect(report.tests.hidden?.passed == 33)
}
