import Foundation
import TakehomeCore

/// Makes an attack's git repository: its `build.sh` for trees a folder cannot hold, otherwise the
/// folder's files (with the probe and `audit-canaries.json` beside them) in one commit.
enum AttackRepository {
    static func build(_ attack: Attack, at repository: URL, probe: URL, canaryFacts: Data) throws {
        if let script = attack.buildScript {
            try run(["/bin/sh", script.path, repository.path], in: attack.folder, what: "\(script.path)")
            return
        }
        try FileManager.default.createDirectory(at: repository, withIntermediateDirectories: true)
        for name in try FileManager.default.contentsOfDirectory(atPath: attack.folder.path)
        where !AttackCorpus.descriptionFiles.contains(name) {
            try FileManager.default.copyItem(at: attack.folder.appendingPathComponent(name),
                                             to: repository.appendingPathComponent(name))
        }
        try FileManager.default.copyItem(at: probe.appendingPathComponent("audit_probe.py"),
                                         to: repository.appendingPathComponent("audit_probe.py"))
        try canaryFacts.write(to: repository.appendingPathComponent("audit-canaries.json"))
        try run(["git", "init", "-q", "-b", "main"], in: repository, what: "git init")
        try run(["git", "add", "-A"], in: repository, what: "git add")
        try run(["git", "-c", "user.name=Attacker", "-c", "user.email=attacker@example.com", "commit", "-q", "-m", "Submission"],
                in: repository, what: "git commit")
    }

    private static func run(_ arguments: [String], in folder: URL, what: String) throws {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = arguments
        process.currentDirectoryURL = folder
        var environment = ProcessInfo.processInfo.environment
        environment["GIT_CONFIG_NOSYSTEM"] = "1"
        environment["GIT_CONFIG_GLOBAL"] = "/dev/null"
        process.environment = environment
        let errors = Pipe()
        process.standardOutput = FileHandle.nullDevice
        process.standardError = errors
        do { try process.run() } catch {
            throw TakehomeError(.unavailable, "cannot run \(arguments[0]) to build an attack repository: install git and python3")
        }
        let message = String(decoding: errors.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        process.waitUntilExit()
        guard process.terminationStatus == 0 else {
            throw TakehomeError(.dataError, "\(what) failed while building an attack repository in \(folder.path): \(message.prefix(300))")
        }
    }
}
