import Foundation

/// The `Encoder` behind `ReportJSONEncoder`: one member of a `JSONTree`, which the value being
/// encoded fills through whichever container it asks for. `Codable` conformances stay the only
/// description of the report's shape; this turns what they encode into JSON text as it comes.
struct JSONTreeEncoder: Encoder, SingleValueEncodingContainer, JSONScalarSink {
    let tree: JSONTree
    let member: Int32

    var codingPath: [any CodingKey] { tree.codingPath(of: member) }
    var userInfo: [CodingUserInfoKey: Any] { [:] }
    var nextPath: [any CodingKey] { codingPath }

    func container<Key: CodingKey>(keyedBy type: Key.Type) -> KeyedEncodingContainer<Key> {
        KeyedEncodingContainer(JSONKeyedContainer<Key>(tree: tree, object: tree.container(of: member, kind: .object)))
    }

    func unkeyedContainer() -> any UnkeyedEncodingContainer {
        JSONUnkeyedContainer(tree: tree, array: tree.container(of: member, kind: .array))
    }

    func singleValueContainer() -> any SingleValueEncodingContainer { self }

    func put(_ write: (inout ByteBuffer) -> Void) { tree.setScalar(of: member, write) }

    mutating func encode<T: Encodable>(_ value: T) throws {
        try encodeValue(value)
        // JSONEncoder writes a single value that encoded nothing as an empty object, even at the top.
        if tree.isEmpty(member) { _ = tree.container(of: member, kind: .object) }
    }

    /// Encodes `value` into the member, with `JSONEncoder`'s own forms for the types it treats apart:
    /// dates as ISO 8601 text, data as base64, URLs as their absolute string, decimals as numbers;
    /// the list of functions' metrics, which a report holds thousands of, written straight as its text.
    func encodeValue<T: Encodable>(_ value: T) throws {
        if T.self == Date.self {
            put { $0.appendQuoted((value as! Date).formatted(.iso8601)) }
        } else if T.self == Data.self {
            put { $0.appendQuoted((value as! Data).base64EncodedString()) }
        } else if T.self == URL.self {
            put { $0.appendQuoted((value as! URL).absoluteString) }
        } else if T.self == Decimal.self {
            put { $0.append(utf8Of: (value as! Decimal).description) }
        } else if T.self == [FunctionMetrics].self, case let depth = tree.depth(of: member), depth + 2 < JSONTextWriter.maximumDepth {
            // Nested too deep for JSON, the list takes the way below, where the writer refuses it.
            put { FunctionMetrics.writeJSON(value as! [FunctionMetrics], depth: depth, into: &$0) }
        } else if let written = tree.prewritten.first(where: { $0.type == ObjectIdentifier(T.self) }) {
            tree.setPrewritten(of: member, written)
        } else {
            try value.encode(to: self)
        }
    }
}

/// An object: members keep their keys and the order they came in; the writer sorts them.
struct JSONKeyedContainer<Key: CodingKey>: KeyedEncodingContainerProtocol {
    let tree: JSONTree
    let object: Int32

    var codingPath: [any CodingKey] { tree.codingPath(of: tree.containers[Int(object)].owner) }

    private func put(_ key: Key, _ write: (inout ByteBuffer) -> Void) {
        tree.appendScalar(to: object, key: key.stringValue, write)
    }

    mutating func encodeNil(forKey key: Key) throws { put(key) { $0.append("null") } }
    mutating func encode(_ value: Bool, forKey key: Key) throws { put(key) { $0.append(value ? "true" : "false") } }
    mutating func encode(_ value: String, forKey key: Key) throws { put(key) { $0.appendQuoted(value) } }
    mutating func encode(_ value: Double, forKey key: Key) throws {
        let text = try JSONNumber.text(value, at: codingPath + [key])
        put(key) { $0.append(utf8Of: text) }
    }
    mutating func encode(_ value: Float, forKey key: Key) throws {
        let text = try JSONNumber.text(value, at: codingPath + [key])
        put(key) { $0.append(utf8Of: text) }
    }
    mutating func encode(_ value: Int, forKey key: Key) throws { put(key) { $0.appendInteger(value) } }
    mutating func encode(_ value: Int8, forKey key: Key) throws { put(key) { $0.appendInteger(value) } }
    mutating func encode(_ value: Int16, forKey key: Key) throws { put(key) { $0.appendInteger(value) } }
    mutating func encode(_ value: Int32, forKey key: Key) throws { put(key) { $0.appendInteger(value) } }
    mutating func encode(_ value: Int64, forKey key: Key) throws { put(key) { $0.appendInteger(value) } }
    mutating func encode(_ value: UInt, forKey key: Key) throws { put(key) { $0.appendInteger(value) } }
    mutating func encode(_ value: UInt8, forKey key: Key) throws { put(key) { $0.appendInteger(value) } }
    mutating func encode(_ value: UInt16, forKey key: Key) throws { put(key) { $0.appendInteger(value) } }
    mutating func encode(_ value: UInt32, forKey key: Key) throws { put(key) { $0.appendInteger(value) } }
    mutating func encode(_ value: UInt64, forKey key: Key) throws { put(key) { $0.appendInteger(value) } }

    mutating func encode<T: Encodable>(_ value: T, forKey key: Key) throws {
        try JSONTreeEncoder(tree: tree, member: tree.append(to: object, key: key.stringValue)).encodeValue(value)
    }

    mutating func nestedContainer<NestedKey: CodingKey>(keyedBy keyType: NestedKey.Type,
                                                        forKey key: Key) -> KeyedEncodingContainer<NestedKey> {
        KeyedEncodingContainer(JSONKeyedContainer<NestedKey>(
            tree: tree, object: tree.container(forKey: key.stringValue, in: object, kind: .object)))
    }

    mutating func nestedUnkeyedContainer(forKey key: Key) -> any UnkeyedEncodingContainer {
        JSONUnkeyedContainer(tree: tree, array: tree.container(forKey: key.stringValue, in: object, kind: .array))
    }

    mutating func superEncoder() -> any Encoder { JSONTreeEncoder(tree: tree, member: tree.append(to: object, key: "super")) }

    mutating func superEncoder(forKey key: Key) -> any Encoder {
        JSONTreeEncoder(tree: tree, member: tree.append(to: object, key: key.stringValue))
    }
}

/// An array: members in the order they were encoded.
struct JSONUnkeyedContainer: UnkeyedEncodingContainer, JSONScalarSink {
    let tree: JSONTree
    let array: Int32

    var codingPath: [any CodingKey] { tree.codingPath(of: tree.containers[Int(array)].owner) }
    var count: Int { tree.containers[Int(array)].count }
    var nextPath: [any CodingKey] { tree.codingPath(ofNextIn: array) }

    func put(_ write: (inout ByteBuffer) -> Void) { tree.appendScalar(to: array, write) }

    mutating func encode<T: Encodable>(_ value: T) throws {
        try JSONTreeEncoder(tree: tree, member: tree.append(to: array)).encodeValue(value)
    }

    mutating func nestedContainer<NestedKey: CodingKey>(keyedBy keyType: NestedKey.Type) -> KeyedEncodingContainer<NestedKey> {
        KeyedEncodingContainer(JSONKeyedContainer<NestedKey>(tree: tree, object: tree.container(of: tree.append(to: array), kind: .object)))
    }

    mutating func nestedUnkeyedContainer() -> any UnkeyedEncodingContainer {
        JSONUnkeyedContainer(tree: tree, array: tree.container(of: tree.append(to: array), kind: .array))
    }

    mutating func superEncoder() -> any Encoder { JSONTreeEncoder(tree: tree, member: tree.append(to: array)) }
}

/// The scalar methods the unkeyed and the single-value containers share: each value becomes JSON
/// text put where the next value goes.
protocol JSONScalarSink {
    func put(_ write: (inout ByteBuffer) -> Void)
    /// The coding path of the next value, for the error a non-finite number raises.
    var nextPath: [any CodingKey] { get }
}

extension JSONScalarSink {
    mutating func encodeNil() throws { put { $0.append("null") } }
    mutating func encode(_ value: Bool) throws { put { $0.append(value ? "true" : "false") } }
    mutating func encode(_ value: String) throws { put { $0.appendQuoted(value) } }
    mutating func encode(_ value: Double) throws {
        let text = try JSONNumber.text(value, at: nextPath)
        put { $0.append(utf8Of: text) }
    }
    mutating func encode(_ value: Float) throws {
        let text = try JSONNumber.text(value, at: nextPath)
        put { $0.append(utf8Of: text) }
    }
    mutating func encode(_ value: Int) throws { put { $0.appendInteger(value) } }
    mutating func encode(_ value: Int8) throws { put { $0.appendInteger(value) } }
    mutating func encode(_ value: Int16) throws { put { $0.appendInteger(value) } }
    mutating func encode(_ value: Int32) throws { put { $0.appendInteger(value) } }
    mutating func encode(_ value: Int64) throws { put { $0.appendInteger(value) } }
    mutating func encode(_ value: UInt) throws { put { $0.appendInteger(value) } }
    mutating func encode(_ value: UInt8) throws { put { $0.appendInteger(value) } }
    mutating func encode(_ value: UInt16) throws { put { $0.appendInteger(value) } }
    mutating func encode(_ value: UInt32) throws { put { $0.appendInteger(value) } }
    mutating func encode(_ value: UInt64) throws { put { $0.appendInteger(value) } }
}

/// Floating-point numbers as `JSONEncoder` writes them.
enum JSONNumber {
    /// `description` without a trailing `.0` (`1`, `0.1`, `1e+21`, `-0`); NaN and the infinities throw
    /// the error `JSONEncoder` throws.
    static func text<T: BinaryFloatingPoint & CustomStringConvertible>(_ value: T, at path: @autoclosure () -> [any CodingKey]) throws -> String {
        guard value.isFinite else {
            throw EncodingError.invalidValue(value, .init(codingPath: path(), debugDescription: "Unable to encode \(T.self).\(value) directly in JSON."))
        }
        let text = value.description
        return text.hasSuffix(".0") ? String(text.dropLast(2)) : text
    }
}

extension FunctionMetrics {
    /// The functions' JSON as `[FunctionMetrics].encode(to:)` would have `JSONTextWriter` write it,
    /// for an array `depth` levels deep, straight into `text`: the tree holds it as one scalar
    /// instead of ten members per function (a report holds thousands of functions, and the
    /// `Encoder` round trip was most of writing one). Keys in the order the writer sorts them. The
    /// bytes are checked against `JSONEncoder`'s on real folders (MetricsJSONTests), so a field
    /// added to the type and not here fails there.
    static func writeJSON(_ functions: [FunctionMetrics], depth: Int, into text: inout ByteBuffer) {
        text.append("[\n")
        functions.withUnsafeBufferPointer { functions in
            for index in functions.indices {
                if index > 0 { text.append(",\n") }
                text.appendIndent(depth + 1)
                text.append("{\n")
                functions[index].writeMembers(into: &text, depth: depth + 2)
                text.append("\n")
                text.appendIndent(depth + 1)
                text.append("}")
            }
        }
        text.append("\n")
        text.appendIndent(depth)
        text.append("]")
    }

    private func writeMembers(into text: inout ByteBuffer, depth: Int) {
        func key(_ key: StaticString, first: Bool = false) {
            if !first { text.append(",\n") }
            text.appendIndent(depth)
            text.append(key)
        }
        key("\"ccn\" : ", first: true); text.appendInteger(ccn)
        key("\"cognitive\" : "); text.appendInteger(cognitive)
        key("\"endLine\" : "); text.appendInteger(endLine)
        key("\"file\" : "); text.appendQuoted(borrowing: file)
        key("\"line\" : "); text.appendInteger(line)
        key("\"maxNesting\" : "); text.appendInteger(maxNesting)
        key("\"name\" : "); text.appendQuoted(borrowing: name)
        key("\"nloc\" : "); text.appendInteger(nloc)
        key("\"params\" : "); text.appendInteger(params)
    }
}
