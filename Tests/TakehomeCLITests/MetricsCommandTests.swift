import Foundation
import Testing
import TakehomeCore

/// A folder holding only what is classified the same whatever languages are analysed: a
/// dependency folder, a binary, a text file of no language, a minified bundle and a link.
private func folder(in workspace: Workspace) throws -> URL {
    let root = workspace.url.appendingPathComponent("submission")
    let files: [(String, [UInt8])] = [
        ("node_modules/left-pad/index.js", Array("module.exports = function () {}\n".utf8)),
        ("logo.png", [0x89, 0x50, 0x4E, 0x47, 0x00, 0x00, 0x01]),
        ("notes.txt", Array("remember the overtime rule\n".utf8)),
        ("web/app.min.js", Array("var a=1;".utf8)),
    ]
    for (path, bytes) in files {
        let url = root.appendingPathComponent(path)
        try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
        try Data(bytes).write(to: url)
    }
    try FileManager.default.createSymbolicLink(atPath: root.appendingPathComponent("etc").path, withDestinationPath: "/etc")
    return root
}

/// Schema errors of `json` against the `metrics` object of docs/report.schema.json.
private func schemaErrors(_ json: String, workspace: Workspace) throws -> [String] {
    let schema = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().appendingPathComponent("docs/report.schema.json")
    let document = workspace.url.appendingPathComponent("metrics.json")
    try Data(json.utf8).write(to: document)
    let script = """
        import json, sys, jsonschema
        schema = json.load(open(sys.argv[1]))
        metrics = dict(schema["properties"]["metrics"], **{"$defs": schema["$defs"]})
        for error in jsonschema.Draft202012Validator(metrics).iter_errors(json.load(open(sys.argv[2]))):
            print("/".join(str(p) for p in error.absolute_path) + ": " + error.message)
        """
    let process = Process()
    process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
    process.arguments = ["python3", "-c", script, schema.path, document.path]
    let output = Pipe()
    process.standardOutput = output
    process.standardError = output
    try process.run()
    let printed = String(decoding: output.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
    process.waitUntilExit()
    guard process.terminationStatus == 0 else { return ["validator failed: \(printed)"] }
    return printed.split(separator: "\n").map(String.init)
}

@Suite struct MetricsCommandTests {
    @Test func jsonIsTheReportsMetricsObjectAndMatchesTheSchema() async throws {
        let workspace = try Workspace()
        let root = try folder(in: workspace)
        let run = try await takehome(["metrics", root.path, "--format", "json"], tmp: workspace.tmp)
        #expect(run.status == 0, "\(run.stderr)")
        let metrics = try JSONDecoder().decode(Report.Metrics.self, from: Data(run.stdout.utf8))
        let size = try #require(metrics.size)
        #expect(size.leftOut == [ExcludedPath(path: "node_modules/", reason: "dependencies (node_modules)"),
                                 ExcludedPath(path: "web/app.min.js", reason: "minified (min.js)")])
        #expect(size.skipped == [ExcludedPath(path: "etc", reason: "symbolic link: not followed"),
                                 ExcludedPath(path: "logo.png", reason: "binary"),
                                 ExcludedPath(path: "notes.txt", reason: "skipped: unknown language")])
        #expect(metrics.complexity?.thresholds == Thresholds() && metrics.duplication?.minTokens == 50)
        #expect(try schemaErrors(run.stdout, workspace: workspace) == [])
    }

    @Test func tableListsWhatWasLeftOutAndSkipped() async throws {
        let workspace = try Workspace()
        let run = try await takehome(["metrics", try folder(in: workspace).path], tmp: workspace.tmp)
        #expect(run.status == 0, "\(run.stderr)")
        #expect(run.stdout.contains("LANGUAGE  KIND    FILES  NLOC  COMMENTS  BLANK  FUNCTIONS\n"))
        #expect(run.stdout.contains("Left out (not the candidate's code):\n  node_modules/   dependencies (node_modules)\n"))
        #expect(run.stdout.contains("  logo.png   binary\n"))
        #expect(run.stdout.contains("Duplication (clones of at least 50 tokens)"))
    }

    @Test func csvStartsWithItsHeaderAndTakesMinTokens() async throws {
        let workspace = try Workspace()
        let root = try folder(in: workspace)
        let csv = try await takehome(["metrics", root.path, "--format", "csv"], tmp: workspace.tmp)
        #expect(csv.status == 0, "\(csv.stderr)")
        #expect(csv.stdout.hasPrefix("file,name,line,endLine,nloc,ccn,cognitive,params,maxNesting,kind,language\r\n"))
        let json = try await takehome(["metrics", root.path, "--format", "json", "--min-tokens", "80"], tmp: workspace.tmp)
        #expect(try JSONDecoder().decode(Report.Metrics.self, from: Data(json.stdout.utf8)).duplication?.minTokens == 80)
    }

    @Test func aMissingOrWrongPathIsAnInputError() async throws {
        let workspace = try Workspace()
        let missing = try await takehome(["metrics", workspace.url.appendingPathComponent("nowhere").path], tmp: workspace.tmp)
        #expect(missing.status == 65)
        #expect(missing.stderr.hasPrefix("takehome: cannot analyse ") && missing.stderr.hasSuffix(": no such folder\n"),
                "\(missing.stderr)")
        let file = try folder(in: workspace).appendingPathComponent("notes.txt")
        let notFolder = try await takehome(["metrics", file.path], tmp: workspace.tmp)
        #expect(notFolder.status == 65)
        #expect(notFolder.stderr.hasSuffix(": not a folder\n"), "\(notFolder.stderr)")
    }

    /// `metrics PATH` with only `--format` and `--min-tokens` after it is read without
    /// argument-parser (`Metrics.Plain`); the same command written so that only argument-parser
    /// reads it (options first) gives the same bytes, and what is not plain is argument-parser's.
    @Test func aPlainCommandLineMeansWhatArgumentParserReadsInIt() async throws {
        let workspace = try Workspace()
        let root = try folder(in: workspace)
        try Data("def pay(a, b):\n    return a if a > b else b\n".utf8).write(to: root.appendingPathComponent("pay.py"))
        let pairs: [([String], [String])] = [
            ([root.path], ["--format", "table", root.path]),
            ([root.path, "--format", "json"], ["--format", "json", root.path]),
            ([root.path, "--format=csv", "--min-tokens=12"], ["--min-tokens", "12", "--format", "csv", root.path]),
            ([root.path, "--min-tokens", "80", "--format", "json"], ["--format=json", "--min-tokens=80", root.path]),
        ]
        for (plain, parsed) in pairs {
            let fast = try await takehome(["metrics"] + plain, tmp: workspace.tmp)
            let slow = try await takehome(["metrics"] + parsed, tmp: workspace.tmp)
            #expect(fast.status == 0 && slow.status == 0, "\(plain): \(fast.stderr) \(slow.stderr)")
            #expect(fast.stdout == slow.stdout && !fast.stdout.isEmpty, "\(plain)")
        }
        // Not plain: argument-parser reads them, as before.
        let repeated = try await takehome(["metrics", root.path, "--format", "json", "--format", "csv"], tmp: workspace.tmp)
        #expect(repeated.status == 0 && repeated.stdout.hasPrefix("file,name,line"))
        let help = try await takehome(["metrics", root.path, "--help"], tmp: workspace.tmp)
        #expect(help.status == 0 && help.stdout.contains("USAGE: takehome metrics <path>"), "\(help.stdout)")
        let unknown = try await takehome(["metrics", root.path, "--fromat", "json"], tmp: workspace.tmp)
        #expect(unknown.status == 64 && unknown.stderr.contains("--fromat"), "\(unknown.stderr)")
    }

    @Test func badOptionsAreUsageErrors() async throws {
        let workspace = try Workspace()
        let root = try folder(in: workspace)
        let format = try await takehome(["metrics", root.path, "--format", "xml"], tmp: workspace.tmp)
        #expect(format.status == 64)
        #expect(format.stderr.contains("xml"))
        let tokens = try await takehome(["metrics", root.path, "--min-tokens", "5"], tmp: workspace.tmp)
        #expect(tokens.status == 64)
        #expect(tokens.stderr.contains("--min-tokens must be at least 10"))
        #expect(try await takehome(["metrics"], tmp: workspace.tmp).status == 64)
    }
}
