import Crypto
import Foundation
import Testing
@testable import TakehomeCore

/// A signed copy of `sampleReport()` with a sandbox section, as report.json bytes.
private func signedSample(key: Curve25519.Signing.PrivateKey) throws -> Data {
    var report = sampleReport()
    report.submission.commit = "0123456789abcdef0123456789abcdef01234567"
    report.sandbox = SandboxInfo(isolation: "bubblewrap", enforcement: ["memory": "cgroup-v2"], limits: .init(.standard),
                                 phases: [.init(name: "hidden tests", exitCode: 0, signal: nil, wallSeconds: 1.25,
                                                limitsHit: [], network: false)])
    report.timings = ["total": 2.0625, "fetch": 0.1]
    return try ReportCoding.encode(ReportSigning.sign(report, with: key))
}

@Test func canonicalFormSortsKeysAndDropsWhitespace() throws {
    let pretty = Data("{\n  \"b\" : [1, 2.5, \"x\\n\\u0001/é\"],\n  \"a\" : null, \"B\": true, \"é\": -3e-6\n}".utf8)
    let compact = Data(#"{"é":-0.000003,"a":null,"B":true,"b":[1.0,2.5,"x\n\u0001\/é"]}"#.utf8)
    let expected = #"{"B":true,"a":null,"b":[1,2.5,"x\n\u0001/é"],"é":-3e-06}"#
    #expect(String(decoding: CanonicalJSON.data(try #require(CanonicalJSON.parse(pretty))), as: UTF8.self) == expected)
    #expect(CanonicalJSON.data(try #require(CanonicalJSON.parse(compact))) == Data(expected.utf8))
}

@Test func signedReportVerifiesWithItsKeyAndBindsItsFacts() throws {
    let key = Curve25519.Signing.PrivateKey()
    let data = try signedSample(key: key)
    let trusted = key.publicKey.rawRepresentation.base64EncodedString()
    let verified = try ReportSigning.verify(data, file: "report.json", trustedKeys: [trusted])
    #expect(verified.publicKey == trusted)
    #expect(verified.binds.commit == "0123456789abcdef0123456789abcdef01234567")
    #expect(verified.binds.assignmentDigest == "sha256:00")
    #expect(verified.binds.harnessVersion == "0.1.0")
    #expect(verified.binds.sandboxProfile.hasPrefix("sha256:") && verified.binds.sandboxProfile.count == 71)
    let decoded = try ReportCoding.decode(data)
    #expect(decoded.signature?.algorithm == "ed25519")
    #expect(try ReportCoding.encode(decoded) == data, "decoding and re-encoding a signed report keeps its bytes")
}

@Test func signingIsDeterministicForTheSameReportAndKey() throws {
    let key = Curve25519.Signing.PrivateKey()
    #expect(try signedSample(key: key) == signedSample(key: key))
}

@Test(.timeLimit(.minutes(5)))
func oneByteEditsThroughoutAreRejected() throws {
    let key = Curve25519.Signing.PrivateKey()
    let data = try signedSample(key: key)
    let trusted = [key.publicKey.rawRepresentation.base64EncodedString()]
    var accepted: [Int] = []
    // About 400 positions spread over the whole file (every key, value, brace and the signature
    // block itself): each edit is a full parse and verification, too slow for every byte in debug.
    for index in stride(from: data.startIndex, to: data.endIndex, by: max(1, data.count / 400)) {
        var edited = data
        edited[index] ^= 0x01
        do {
            _ = try ReportSigning.verify(edited, file: "report.json", trustedKeys: trusted)
            accepted.append(index)
        } catch let error as TakehomeError {
            #expect(error.exitCode == .dataError)
        }
    }
    #expect(accepted.isEmpty, "one-byte edits at \(accepted.prefix(5)) were accepted")
}

@Test func aReportSignedByAnotherKeyIsNotTrusted() throws {
    let grader = Curve25519.Signing.PrivateKey(), candidate = Curve25519.Signing.PrivateKey()
    let resigned = try signedSample(key: candidate)
    let trusted = [grader.publicKey.rawRepresentation.base64EncodedString()]
    #expect {
        try ReportSigning.verify(resigned, file: "report.json", trustedKeys: trusted)
    } throws: { error in
        (error as? TakehomeError)?.message.contains("which is not a trusted key") == true
    }
}

@Test func unsignedAndReformattedReportsAreRejected() throws {
    let key = Curve25519.Signing.PrivateKey()
    let trusted = [key.publicKey.rawRepresentation.base64EncodedString()]
    let unsigned = try ReportCoding.encode(sampleReport())
    #expect(throws: TakehomeError(.dataError, "report.json: is not signed (it has no signature object)")) {
        try ReportSigning.verify(unsigned, file: "report.json", trustedKeys: trusted)
    }
    // Same content, other layout: the signature holds, but the file is not what takehome wrote.
    let document = try #require(CanonicalJSON.parse(try signedSample(key: key)))
    let compact = CanonicalJSON.data(document)
    #expect {
        try ReportSigning.verify(compact, file: "report.json", trustedKeys: trusted)
    } throws: { error in
        (error as? TakehomeError)?.message.contains("layout takehome writes") == true
    }
}
