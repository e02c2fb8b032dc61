import Foundation

/// Encodes reports and their parts as the exact bytes Foundation's `JSONEncoder` writes with
/// `[.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]` and `.iso8601` dates, in a fraction of
/// its time: the values' own `Codable` conformances fill a `JSONTree`, which is written once.
enum ReportJSONEncoder {
    /// The JSON text of `value` followed by `suffix`. Throws what `JSONEncoder` throws for a
    /// non-finite number, a value that encodes nothing, or containers nested 512 deep.
    static func encode<T: Encodable>(_ value: T, suffix: StaticString = "") throws -> Data {
        let tree = JSONTree()
        try JSONTreeEncoder(tree: tree, member: 0).encodeValue(value)
        guard !tree.isEmpty(0) else {
            throw EncodingError.invalidValue(value, .init(codingPath: [], debugDescription: "Top-level \(T.self) did not encode any values."))
        }
        do {
            return try JSONTextWriter.document(of: tree, suffix: suffix)
        } catch {
            throw EncodingError.invalidValue(value, .init(codingPath: [], debugDescription: "Unable to encode the given top-level value to JSON."))
        }
    }
}
