import Foundation
import Testing
@testable import TakehomeCore

/// What report.json held before `ReportJSONEncoder`: Foundation's `JSONEncoder` with the report's
/// options and a final newline. The oracle every byte of the new encoder is checked against.
func foundationJSON(_ value: some Encodable) throws -> Data {
    let encoder = JSONEncoder()
    encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
    encoder.dateEncodingStrategy = .iso8601
    return try encoder.encode(value) + [0x0A]
}

/// Expects `ReportCoding`'s bytes for `value` to equal the oracle's; on a difference, names the first
/// differing line of each.
func expectFoundationBytes(_ value: some Encodable, _ label: String = "",
                           sourceLocation: SourceLocation = #_sourceLocation) throws {
    let expected = try foundationJSON(value)
    let actual = try ReportCoding.encode(value: value)
    guard actual != expected else { return }
    let (want, got) = (expected.split(separator: 0x0A, omittingEmptySubsequences: false),
                       actual.split(separator: 0x0A, omittingEmptySubsequences: false))
    let line = zip(want, got).enumerated().first { $0.element.0 != $0.element.1 }?.offset ?? min(want.count, got.count)
    func text(_ lines: [Data], _ index: Int) -> String { index < lines.count ? String(decoding: lines[index], as: UTF8.self) : "(end)" }
    Issue.record("\(label) differs from JSONEncoder at line \(line + 1): expected \(text(want, line).debugDescription), got \(text(got, line).debugDescription)",
                 sourceLocation: sourceLocation)
}

/// Expects both encoders to refuse `value` with the same `EncodingError`: same description, same path.
func expectFoundationError(_ value: some Encodable, sourceLocation: SourceLocation = #_sourceLocation) {
    func failure(_ encode: () throws -> Data) -> (String, [String], [Int?])? {
        do {
            _ = try encode()
            return nil
        } catch EncodingError.invalidValue(_, let context) {
            return (context.debugDescription, context.codingPath.map(\.stringValue), context.codingPath.map(\.intValue))
        } catch {
            return ("not an EncodingError.invalidValue: \(error)", [], [])
        }
    }
    let expected = failure { try foundationJSON(value) }
    let actual = failure { try ReportCoding.encode(value: value) }
    #expect(expected != nil, "JSONEncoder refuses the value", sourceLocation: sourceLocation)
    #expect(actual?.0 == expected?.0 && actual?.1 == expected?.1 && actual?.2 == expected?.2,
            "\(String(describing: actual)) vs JSONEncoder's \(String(describing: expected))", sourceLocation: sourceLocation)
}
