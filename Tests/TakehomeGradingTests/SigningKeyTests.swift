import Foundation
import Testing
import TakehomeCore
@testable import TakehomeGrading

/// A scratch folder removed at the end of the test.
private final class KeyFolder {
    let url = FileManager.default.temporaryDirectory.appendingPathComponent("takehome-key-\(UUID().uuidString)")
    deinit { try? FileManager.default.removeItem(at: url) }
}

@Test func firstUseCreatesAPrivateKeyOnlyItsOwnerCanRead() throws {
    let folder = KeyFolder()
    let file = folder.url.appendingPathComponent("nested/signing-key")
    let created = try SigningKey.loadOrCreate(at: file)
    let mode = try #require(FileManager.default.attributesOfItem(atPath: file.path)[.posixPermissions] as? Int)
    #expect(mode == 0o600)
    let again = try SigningKey.loadOrCreate(at: file)
    #expect(again.publicKey == created.publicKey)
    let published = try SigningKey.publicKey(at: file.appendingPathExtension("pub"))
    #expect(published == created.publicKey)
}

@Test func concurrentFirstUsesEndWithOneKey() async throws {
    let folder = KeyFolder()
    let file = folder.url.appendingPathComponent("signing-key")
    let keys = try await withThrowingTaskGroup(of: String.self) { group in
        for _ in 0..<8 { group.addTask { try SigningKey.loadOrCreate(at: file).publicKey } }
        return try await group.reduce(into: Set<String>()) { $0.insert($1) }
    }
    #expect(keys.count == 1)
    #expect(keys.first == (try SigningKey.load(at: file))?.publicKey)
}

@Test func aKeyOthersCanReadIsRefused() throws {
    let folder = KeyFolder()
    let file = folder.url.appendingPathComponent("signing-key")
    _ = try SigningKey.loadOrCreate(at: file)
    chmod(file.path, 0o644)
    #expect {
        try SigningKey.load(at: file)
    } throws: { error in
        (error as? TakehomeError)?.message == "\(file.path): the signing key is readable by others (mode 644); run `chmod 600 \(file.path)`"
    }
}

@Test func keyFolderFollowsTheEnvironment() {
    #expect(SigningKey.defaultFile(environment: ["TAKEHOME_CONFIG_DIR": "/c", "XDG_CONFIG_HOME": "/x", "HOME": "/h"]).path == "/c/signing-key")
    #expect(SigningKey.defaultFile(environment: ["XDG_CONFIG_HOME": "/x", "HOME": "/h"]).path == "/x/takehome/signing-key")
    #expect(SigningKey.defaultFile(environment: ["HOME": "/h"]).path == "/h/.config/takehome/signing-key")
}

@Test func aSignedReportVerifiesAgainstTheKeyThatSignedIt() throws {
    let folder = KeyFolder()
    let key = try SigningKey.loadOrCreate(at: folder.url.appendingPathComponent("signing-key"))
    let report = Report(tool: .init(version: HarnessVersion.current), mode: .check, generatedAt: Date(timeIntervalSince1970: 0),
                        assignment: .init(id: "a", title: "A", language: "python", runner: "pytest", digest: "sha256:01"),
                        submission: .init(source: "/tmp/x", kind: "folder"),
                        score: Score(total: 0, max: 0, percent: 0, parts: []))
    let data = try ReportCoding.encode(key.sign(report))
    let verified = try ReportSigning.verify(data, file: "report.json", trustedKeys: [key.publicKey])
    #expect(verified.binds.commit == nil)
    #expect(verified.binds.sandboxProfile == "none")
}
