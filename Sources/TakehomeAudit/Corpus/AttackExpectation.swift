import Foundation
import TakehomeCore
import Yams

/// What containment means for one attack (its `expect.yml`). Every attack is also held to the
/// checks no expectation can waive: no canary touched, no secret or hidden-test source in any
/// candidate-audience output, nothing left running, a signed report that verifies.
public struct AttackExpectation: Sendable, Equatable {
    /// One line saying what the attack does.
    public var summary: String
    /// The exit status takehome must end with: 0 (a graded report) or a refusal such as 65.
    public var exitCode: Int32 = 0
    /// At least one of these limits must be reported as hit (`wall`, `cpu`, `memory`,
    /// `processes`, `output`, `file-size`, `disk`); empty when none need be.
    public var limits: [String] = []
    /// The report must say the results were tampered with.
    public var tampering = false
    /// The most hidden-test points the attack may earn.
    public var scoreMax: Double?
    /// Finding rules the report must hold (e.g. `fetch.symlink-outside`).
    public var findings: [String] = []

    public static let limitNames: Set<String> = ["wall", "cpu", "memory", "processes", "output", "file-size", "disk"]
    static let keys: Set<String> = ["summary", "refused", "limits", "tampering", "score-max", "findings"]

    /// Reads `expect.yml`; an unknown key, a wrong type or an unknown limit is exit 65 naming file, line and key.
    public static func load(_ file: URL) throws -> AttackExpectation {
        let path = file.path
        guard let text = try? String(contentsOf: file, encoding: .utf8) else {
            throw TakehomeError(.dataError, "\(path): cannot be read; every attack needs an expect.yml")
        }
        let root: Node
        do {
            guard let composed = try Yams.compose(yaml: text) else { throw AssignmentError(file: path, problem: "is empty") }
            root = composed
        } catch let error as AssignmentError {
            throw error
        } catch {
            throw AssignmentError(file: path, problem: "is not valid YAML: \(error)")
        }
        guard let mapping = root.mapping else { throw AssignmentError(file: path, line: root.mark?.line, problem: "must be a mapping of keys") }
        var expectation = AttackExpectation(summary: "")
        for (keyNode, value) in mapping {
            let key = keyNode.string ?? ""
            func fail(_ problem: String) -> AssignmentError {
                AssignmentError(file: path, line: keyNode.mark?.line, key: key, problem: problem)
            }
            switch key {
            case "summary":
                guard let summary = value.string, !summary.isEmpty else { throw fail("expected one line of text") }
                expectation.summary = summary
            case "refused":
                guard let code = value.int, (1...125).contains(code) else { throw fail("expected an exit status such as 65") }
                expectation.exitCode = Int32(code)
            case "limits", "findings":
                guard let items = value.sequence?.compactMap(\.string), items.count == value.sequence?.count, !items.isEmpty else {
                    throw fail("expected a list of names")
                }
                if key == "limits", let unknown = items.first(where: { !limitNames.contains($0) }) {
                    throw fail("unknown limit '\(unknown)' (known: \(limitNames.sorted().joined(separator: ", ")))")
                }
                if key == "limits" { expectation.limits = items } else { expectation.findings = items }
            case "tampering":
                guard let flag = value.bool else { throw fail("expected true or false") }
                expectation.tampering = flag
            case "score-max":
                guard let points = value.float, points >= 0 else { throw fail("expected a number of points, 0 or more") }
                expectation.scoreMax = points
            default:
                throw fail("unknown key (known keys: \(keys.sorted().joined(separator: ", ")))")
            }
        }
        guard !expectation.summary.isEmpty else {
            throw AssignmentError(file: path, line: root.mark?.line, key: "summary", problem: "is required but missing")
        }
        return expectation
    }

    /// The expectation in a table cell, e.g. `report; limit wall|cpu; ≤0 pts`.
    public var brief: String {
        var parts = [exitCode == 0 ? "report" : "refused \(exitCode)"]
        if !limits.isEmpty { parts.append("limit " + limits.joined(separator: "|")) }
        if tampering { parts.append("tampering") }
        if let scoreMax { parts.append("≤\(Self.points(scoreMax)) pts") }
        parts += findings
        return parts.joined(separator: "; ")
    }

    static func points(_ value: Double) -> String {
        value == value.rounded() ? String(Int(value)) : String(value)
    }
}
