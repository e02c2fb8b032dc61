import Foundation
import Testing
import TakehomeCore
@testable import TakehomeRunners

/// Runs coverage.py (the real tool) over a small module and its test, and returns the run folder.
private func measuredProject() throws -> URL {
    let folder = FileManager.default.temporaryDirectory.appendingPathComponent("takehome-coverage-\(UUID().uuidString.prefix(8))")
    try FileManager.default.createDirectory(at: folder.appendingPathComponent("pay"), withIntermediateDirectories: true)
    let module = """
        def rate(hours):
            if hours > 40:
                return 1.5
            return 1.0


        def unused(x):
            return x * 2
        """
    try Data((module + "\n").utf8).write(to: folder.appendingPathComponent("pay/rates.py"))
    try Data("".utf8).write(to: folder.appendingPathComponent("pay/__init__.py"))
    try Data("from pay.rates import rate\nassert rate(10) == 1.0\n".utf8).write(to: folder.appendingPathComponent("check.py"))
    for arguments in [["run", "--branch", "check.py"], ["xml", "-q", "-o", "coverage.xml"], ["lcov", "-q", "-o", "coverage.lcov"]] {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["python3", "-m", "coverage"] + arguments
        process.currentDirectoryURL = folder
        process.standardOutput = FileHandle.nullDevice
        try process.run()
        process.waitUntilExit()
        #expect(process.terminationStatus == 0, "coverage \(arguments[0]) failed")
    }
    return folder
}

@Suite struct CoverageParserTests {
    @Test func coveragePyXMLAndLCOVAgreeLineByLine() throws {
        let folder = try measuredProject()
        defer { try? FileManager.default.removeItem(at: folder) }
        let xml = try CoberturaParser.parse(Data(contentsOf: folder.appendingPathComponent("coverage.xml")), root: folder.path)
        let lcov = try LCOVParser.parse(String(contentsOf: folder.appendingPathComponent("coverage.lcov"), encoding: .utf8), root: folder.path)
        let rates = try #require(xml.files["pay/rates.py"])
        // def rate / if / return 1.5 / return 1.0 / def unused / return x * 2 — 6 executable lines.
        #expect(rates.lineHits.keys.sorted() == [1, 2, 3, 4, 7, 8])
        #expect(rates.uncoveredLines == [3, 8])
        #expect(rates.branchesTotal == 2)
        #expect(rates.branchesCovered == 1)
        #expect(lcov.files["pay/rates.py"]?.uncoveredLines == rates.uncoveredLines)
        #expect(lcov.files["pay/rates.py"]?.lineHits.keys.sorted() == rates.lineHits.keys.sorted())
        #expect(lcov.files["pay/rates.py"]?.branchesTotal == 2)
        let source = xml.filtered { $0.hasPrefix("pay/") && !$0.hasSuffix("__init__.py") }
        #expect(source.summary == Coverage(lines: 0.6667, branches: 0.5))
    }

    @Test func lcovBranchRecordsAndMergedSections() throws {
        let text = """
            TN:
            SF:/run/src/a.js
            FN:1,f
            DA:1,3
            DA:2,0
            BRDA:1,0,0,2
            BRDA:1,0,1,-
            BRDA:1,0,2,0
            end_of_record
            SF:./src/a.js
            DA:2,1
            end_of_record
            """
        let data = try LCOVParser.parse(text, root: "/run")
        let file = try #require(data.files["src/a.js"])
        #expect(file.lineHits == [1: 3, 2: 1])
        #expect(file.branchesTotal == 3)
        #expect(file.branchesCovered == 1)
        #expect(data.summary == Coverage(lines: 1, branches: 0.3333))
    }

    @Test func malformedLCOVNamesTheLine() {
        #expect(throws: TakehomeError.self) { try LCOVParser.parse("SF:a.py\nDA:x,1\n", root: "/") }
        do {
            _ = try LCOVParser.parse("DA:1,1\n", root: "/")
            Issue.record("a DA record before SF must be refused")
        } catch let error as TakehomeError {
            #expect(error.message.contains("line 1"))
        } catch {
            Issue.record("unexpected \(error)")
        }
    }

    @Test func coberturaConditionCoverageAndSources() throws {
        let xml = """
            <?xml version="1.0" ?>
            <coverage line-rate="0.5" branch-rate="0.25"><sources><source>/run/src/</source></sources>
            <packages><package name="p"><classes>
            <class name="A" filename="lib/a.c"><lines>
              <line number="3" hits="4" branch="true" condition-coverage="25% (1/4)"/>
              <line number="5" hits="0"/>
            </lines></class>
            </classes></package></packages></coverage>
            """
        let data = try CoberturaParser.parse(Data(xml.utf8), root: "/run")
        #expect(data.files == ["src/lib/a.c": .init(lineHits: [3: 4, 5: 0], branchesCovered: 1, branchesTotal: 4)])
        #expect(CoberturaParser.conditions("50% (1/2)")! == (1, 2))
        #expect(throws: TakehomeError.self) { try CoberturaParser.parse(Data("<nope".utf8), root: "/") }
    }

    @Test func noExecutableLinesMeansNotMeasured() {
        #expect(CoverageData().summary == nil)
    }
}
