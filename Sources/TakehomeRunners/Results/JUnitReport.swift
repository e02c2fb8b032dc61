import TakehomeCore
import Foundation

/// The test cases of a JUnit XML file (the format pytest, Maven Surefire, go-junit-report and
/// jest-junit all write), as `classname::name` ids with an outcome.
public struct JUnitReport: Sendable, Equatable {
    public struct Case: Sendable, Equatable {
        public var id: String
        public var name: String
        public var status: TestCase.Status
        public var durationMs: Int
        public var message: String?
    }

    public var cases: [Case]

    /// Parses JUnit XML; throws when the bytes are not well-formed XML with a testsuite root.
    public static func parse(_ data: Data) throws -> JUnitReport {
        var reading = Reading()
        try XMLReader.read(data, resultFile: "JUnit result file") { reading.take($0) }
        guard reading.sawSuite, reading.closedSuite else { throw XMLReader.notParsed("JUnit result file", "no complete <testsuite> element") }
        return JUnitReport(cases: reading.cases)
    }

    /// The test cases read so far, taking the document's events in order.
    private struct Reading {
        var cases: [Case] = []
        var sawSuite = false
        var closedSuite = false
        private var current: Case?
        private var capturingMessage = false
        private var text = ""

        mutating func take(_ event: XMLReader.Event) {
            switch event {
            case .start(let element, let attributes): start(element, attributes: attributes)
            case .text(let string): if capturingMessage, text.utf8.count < 4096 { text += string }
            case .end(let element): end(element)
            }
        }

        private mutating func start(_ element: String, attributes: [String: String]) {
            switch element {
            case "testsuite", "testsuites":
                sawSuite = true
            case "testcase":
                let name = attributes["name"] ?? ""
                let classname = attributes["classname"] ?? ""
                let seconds = Double(attributes["time"] ?? "") ?? 0
                current = Case(id: classname.isEmpty ? name : "\(classname)::\(name)", name: name, status: .passed,
                               durationMs: Int((seconds * 1000).rounded()), message: nil)
            case "failure", "error", "skipped":
                guard var testCase = current else { return }
                let status: TestCase.Status = element == "failure" ? .failed : element == "error" ? .errored : .skipped
                // An error after a failure (a teardown error) keeps the worse of the two.
                if testCase.status == .passed || status == .errored { testCase.status = status }
                if testCase.message == nil, let message = attributes["message"], !message.isEmpty {
                    testCase.message = Self.firstLine(message)
                }
                current = testCase
                capturingMessage = testCase.message == nil
                text = ""
            default:
                break
            }
        }

        private mutating func end(_ element: String) {
            switch element {
            case "failure", "error", "skipped":
                if capturingMessage, current?.message == nil, !text.isEmpty { current?.message = Self.firstLine(text) }
                capturingMessage = false
            case "testsuite", "testsuites":
                closedSuite = true
            case "testcase":
                if let current { cases.append(current) }
                current = nil
            default:
                break
            }
        }

        static func firstLine(_ text: String) -> String {
            let line = text.split(separator: "\n").first { !$0.trimmingCharacters(in: .whitespaces).isEmpty } ?? ""
            return String(line.trimmingCharacters(in: .whitespaces).prefix(500))
        }
    }
}
