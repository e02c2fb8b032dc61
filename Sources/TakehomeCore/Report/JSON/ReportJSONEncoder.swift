import Foundation

/// Encodes reports and their parts as the exact bytes Foundation's `JSONEncoder` writes with
/// `[.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]` and `.iso8601` dates, in a fraction of
/// its time: the values' own `Codable` conformances fill a `JSONTree`, which is written once.
enum ReportJSONEncoder {
    /// The JSON text of `value` followed by `suffix`. Throws what `JSONEncoder` throws for a
    /// non-finite number, a value that encodes nothing, or containers nested 512 deep.
    /// `prewritten` stands in for the one value of each of its types that `value` holds.
    /// At `depth` above 0 the text is indented as a member that deep (`JSONTextWriter.document`).
    static func encode<T: Encodable>(_ value: T, suffix: StaticString = "", prewritten: [PrewrittenJSON] = [],
                                     depth: Int = 0) throws -> Data {
        let tree = JSONTree(prewritten: prewritten, depth: depth)
        try JSONTreeEncoder(tree: tree, member: 0).encodeValue(value)
        guard !tree.isEmpty(0) else {
            throw EncodingError.invalidValue(value, .init(codingPath: [], debugDescription: "Top-level \(T.self) did not encode any values."))
        }
        do {
            return try JSONTextWriter.document(of: tree, suffix: suffix, depth: depth)
        } catch {
            throw EncodingError.invalidValue(value, .init(codingPath: [], debugDescription: "Unable to encode the given top-level value to JSON."))
        }
    }
}

/// The JSON of one part of a report, written ahead (on another core, while the rest of the report
/// is still being computed) to stand in for that part when the report is encoded. Written as deep
/// as the part will sit (`metrics.complexity` of `takehome metrics` at 1), it is copied as it is;
/// anywhere deeper it is re-indented.
public struct PrewrittenJSON: Sendable {
    /// The part's type: a report holds one value of each type written ahead.
    let type: ObjectIdentifier
    let json: [UInt8]
    let depth: Int

    /// Writes `part`'s JSON now, indented for a member `depth` levels deep.
    public init<Part: Encodable>(_ part: Part, depth: Int = 0) throws {
        type = ObjectIdentifier(Part.self)
        json = Array(try ReportJSONEncoder.encode(part, depth: depth))
        self.depth = depth
    }
}
