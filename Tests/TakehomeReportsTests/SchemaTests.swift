import Crypto
import Foundation
import Testing
import TakehomeCore
@testable import TakehomeReports

/// Validates the JSON output against docs/report.schema.json with python3's `jsonschema`: a real
/// validator, not a hand-written one. A machine without it fails with the command that installs it.
@Suite struct SchemaTests {
    static let schema = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().appendingPathComponent("docs/report.schema.json")

    @Test(arguments: Fixture.allCases)
    func jsonOutputMatchesTheSchema(_ fixture: Fixture) throws {
        let errors = try validate(JSONRenderer().render(fixture.report))
        #expect(errors == [], "\(fixture).json does not match docs/report.schema.json")
    }

    @Test func candidateViewMatchesTheSchema() throws {
        let masked = CandidateView.mask(Fixture.buggy.report, hiddenPath: "tests/hidden")
        #expect(try validate(JSONRenderer().render(masked)) == [])
    }

    @Test func signedReportMatchesTheSchema() throws {
        let signed = try ReportSigning.sign(Fixture.buggy.report, with: Curve25519.Signing.PrivateKey())
        #expect(try validate(JSONRenderer().render(signed)) == [])
        let json = JSONRenderer().render(signed)
        let badProfile = json.replacingOccurrences(of: "\"sandboxProfile\" : \"sha256:", with: "\"sandboxProfile\" : \"md5:")
        #expect(try validate(badProfile).contains { $0.hasPrefix("signature/binds/sandboxProfile:") })
    }

    @Test func schemaRejectsWhatIsNotAReport() throws {
        let json = JSONRenderer().render(Fixture.buggy.report)
        let future = json.replacingOccurrences(of: "\"schemaVersion\" : 1", with: "\"schemaVersion\" : 2")
        #expect(try validate(future).contains { $0.hasPrefix("schemaVersion:") })
        let badStatus = json.replacingOccurrences(of: "\"status\" : \"failed\"", with: "\"status\" : \"broken\"")
        #expect(try validate(badStatus).contains { $0.contains("'broken' is not one of") })
        let noVersion = json.replacingOccurrences(of: "\"version\" : \"0.1.0\"", with: "\"ver\" : \"0.1.0\"")
        #expect(try validate(noVersion).contains { $0.contains("'version' is a required property") })
    }

    /// The schema errors for `json` as `path: message` lines; empty when it validates.
    func validate(_ json: String) throws -> [String] {
        let scratch = FileManager.default.temporaryDirectory.appendingPathComponent("takehome-schema-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: scratch, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: scratch) }
        let document = scratch.appendingPathComponent("report.json")
        try Data(json.utf8).write(to: document)

        let script = """
            import json, sys
            try:
                import jsonschema
            except ImportError:
                sys.exit(3)
            schema = json.load(open(sys.argv[1]))
            jsonschema.Draft202012Validator.check_schema(schema)
            validator = jsonschema.Draft202012Validator(schema)
            for error in validator.iter_errors(json.load(open(sys.argv[2]))):
                print("/".join(str(p) for p in error.absolute_path) + ": " + error.message)
            """
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["python3", "-c", script, Self.schema.path, document.path]
        let output = Pipe()
        process.standardOutput = output
        process.standardError = output
        try process.run()
        let printed = String(decoding: output.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        process.waitUntilExit()
        switch process.terminationStatus {
        case 0:
            return printed.split(separator: "\n").map(String.init)
        case 3:
            Issue.record("python3 has no jsonschema module; install it with `pip install jsonschema`")
        case 127:
            Issue.record("python3 is not installed; install it, then `pip install jsonschema`")
        default:
            Issue.record("the schema check failed (exit \(process.terminationStatus)): \(printed)")
        }
        return ["validation did not run"]
    }
}
