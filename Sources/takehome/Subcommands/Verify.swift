import ArgumentParser
import Foundation
import TakehomeCore
import TakehomeGrading

/// `takehome verify`: checks that a report.json is intact and signed by a trusted key.
struct Verify: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "verify",
        abstract: "Check a report.json's signature: exit 0 when intact and signed by a trusted key, 65 otherwise.")

    @Argument(help: "The report.json to check.")
    var report: String

    @Option(name: .customLong("public-key"), help: "Trust this public key file (repeatable; e.g. a grader's signing-key.pub).")
    var publicKeys: [String] = []

    @Flag(name: .customLong("trust-local"), help: "Trust this installation's own key (the default without --public-key).")
    var trustLocal = false

    func run() throws {
        var trusted = try publicKeys.map { try SigningKey.publicKey(at: URL(fileURLWithPath: $0)) }
        if trustLocal || publicKeys.isEmpty {
            let file = SigningKey.defaultFile()
            guard let local = try SigningKey.load(at: file) else {
                throw TakehomeError(.dataError, "\(report): no trusted key to check it against: \(file.path) does not exist; pass --public-key with the grader's signing-key.pub")
            }
            trusted.append(local.publicKey)
        }
        guard let data = FileManager.default.contents(atPath: report) else {
            throw TakehomeError(.ioError, "\(report): cannot read the report")
        }
        let verified = try ReportSigning.verify(data, file: report, trustedKeys: trusted)
        let binds = verified.binds
        print("\(report): intact, signed by trusted key \(verified.publicKey) (commit \(binds.commit ?? "none"), assignment \(binds.assignmentDigest), takehome \(binds.harnessVersion), sandbox \(binds.sandboxProfile))")
    }
}
