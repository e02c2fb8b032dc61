import Foundation
import Testing
@testable import TakehomeCore

private func load(_ thresholds: String) throws -> Assignment {
    let directory = FileManager.default.temporaryDirectory.appendingPathComponent("takehome-thresholds-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
    defer { try? FileManager.default.removeItem(at: directory) }
    let yaml = "id: demo\ntitle: Demo\nlanguage: python\nrunner: pytest\n" + thresholds
    try yaml.write(to: directory.appendingPathComponent("assignment.yml"), atomically: true, encoding: .utf8)
    return try AssignmentLoader.load(directory: directory)
}

@Suite struct ThresholdsLoadingTests {
    @Test func defaultsApplyWhenAbsentOrPartial() throws {
        #expect(try load("").thresholds == Thresholds(ccn: 10, cognitive: 15, functionLines: 50, params: 5, nesting: 4))
        #expect(try load("thresholds: { cognitive: 8, function-lines: 30 }\n").thresholds
                == Thresholds(ccn: 10, cognitive: 8, functionLines: 30, params: 5, nesting: 4))
        #expect(try load("thresholds:\n  ccn: 7\n  params: 3\n  nesting: 2\n").thresholds
                == Thresholds(ccn: 7, cognitive: 15, functionLines: 50, params: 3, nesting: 2))
    }

    @Test(arguments: [
        ("thresholds: { ccn: 10, cyclomatic: 3 }\n", ":5: key 'thresholds.cyclomatic': unknown key"),
        ("thresholds:\n  ccn: 10\n  lines: 40\n", ":7: key 'thresholds.lines': unknown key"),
        ("thresholds:\n  cognitive: high\n", ":6: key 'thresholds.cognitive': expected a whole number, found 'high'"),
        ("thresholds:\n  params: 2.5\n", ":6: key 'thresholds.params': expected a whole number"),
        ("thresholds:\n  nesting: 0\n", ":6: key 'thresholds.nesting': 0 is out of range"),
        ("thresholds:\n  function-lines: -5\n", ":6: key 'thresholds.function-lines': -5 is out of range"),
        ("thresholds: [10, 15]\n", ":5: key 'thresholds': expected a mapping"),
        ("thresholds:\n  ccn: 10\n  ccn: 12\n", ":7: key 'ccn': duplicate key"),
    ])
    func mistakesNameTheLineAndKey(yaml: String, expected: String) {
        let error = #expect(throws: AssignmentError.self) { try load(yaml) }
        #expect(error?.description.contains("assignment.yml\(expected)") == true, "\(error?.description ?? "no error")")
        #expect(error?.exitCode == .dataError)
    }
}

@Test func aFunctionsBreachCountIsItsNumberOfBreaches() {
    // Every figure at, just over and well over its limit, in every combination of figures.
    let thresholds = Thresholds(ccn: 10, cognitive: 15, functionLines: 50, params: 5, nesting: 4)
    var generator = SystemRandomNumberGenerator(), counts: Set<Int> = []
    for _ in 0..<500 {
        func around(_ limit: Int) -> Int { [limit - 1, limit, limit + 1, limit * 3][Int.random(in: 0..<4, using: &generator)] }
        let function = FunctionMetrics(file: "a.py", name: "f", line: 1, endLine: 2, nloc: around(50), ccn: around(10),
                                       cognitive: around(15), params: around(5), maxNesting: around(4))
        #expect(thresholds.breachCount(of: function) == thresholds.breaches(of: function).count)
        counts.insert(thresholds.breachCount(of: function))
    }
    #expect(counts.contains(0) && counts.contains(3))
}
