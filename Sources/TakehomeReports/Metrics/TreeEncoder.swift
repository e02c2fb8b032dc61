import Foundation

/// The `Encoder` behind `ReportJSONWriter`: fills one `JSONNode` with what a value encodes, numbers
/// and booleans already as the text JSONEncoder gives them.
struct TreeEncoder: Encoder {
    let node: JSONNode
    var codingPath: [any CodingKey] { [] }
    var userInfo: [CodingUserInfoKey: Any] { [:] }

    init(_ node: JSONNode) { self.node = node }

    func container<Key: CodingKey>(keyedBy type: Key.Type) -> KeyedEncodingContainer<Key> {
        if node.kind != .object { node.kind = .object; node.members = [] }
        return KeyedEncodingContainer(KeyedTreeContainer<Key>(node: node))
    }

    func unkeyedContainer() -> any UnkeyedEncodingContainer {
        if node.kind != .array { node.kind = .array; node.elements = [] }
        return UnkeyedTreeContainer(node: node)
    }

    func singleValueContainer() -> any SingleValueEncodingContainer { SingleTreeContainer(node: node) }

    /// The node of any value, through the same primitives JSONEncoder special-cases.
    static func node(for value: some Encodable) throws -> JSONNode {
        let node = JSONNode()
        try SingleTreeContainer(node: node).encode(value)
        return node
    }

    /// A float as JSONEncoder writes it: `description`, a trailing `.0` dropped; never NaN or infinity.
    static func float<F: BinaryFloatingPoint & CustomStringConvertible>(_ value: F) throws -> String {
        guard value.isFinite else { throw ReportJSONWriter.Unsupported(type: "non-finite \(F.self)") }
        var text = value.description
        if text.hasSuffix(".0") { text.removeLast(2) }
        return text
    }
}

/// Writes one value into its node.
struct SingleTreeContainer: SingleValueEncodingContainer {
    let node: JSONNode
    var codingPath: [any CodingKey] { [] }

    func encodeNil() { node.set(.literal, "null") }
    func encode(_ value: Bool) { node.set(.literal, value ? "true" : "false") }
    func encode(_ value: String) { node.set(.string, value) }
    func encode(_ value: Double) throws { node.set(.literal, try TreeEncoder.float(value)) }
    func encode(_ value: Float) throws { node.set(.literal, try TreeEncoder.float(value)) }
    func encode(_ value: Int) { node.set(.literal, String(value)) }
    func encode(_ value: Int8) { node.set(.literal, String(value)) }
    func encode(_ value: Int16) { node.set(.literal, String(value)) }
    func encode(_ value: Int32) { node.set(.literal, String(value)) }
    func encode(_ value: Int64) { node.set(.literal, String(value)) }
    func encode(_ value: UInt) { node.set(.literal, String(value)) }
    func encode(_ value: UInt8) { node.set(.literal, String(value)) }
    func encode(_ value: UInt16) { node.set(.literal, String(value)) }
    func encode(_ value: UInt32) { node.set(.literal, String(value)) }
    func encode(_ value: UInt64) { node.set(.literal, String(value)) }

    func encode<T: Encodable>(_ value: T) throws {
        switch value {
        case let value as String: encode(value)
        case let value as Int: encode(value)
        case let value as Double: try encode(value)
        case let value as Bool: encode(value)
        case is Date, is Data, is URL, is Decimal: throw ReportJSONWriter.Unsupported(type: "\(T.self)")
        default: try value.encode(to: TreeEncoder(node))
        }
    }
}

/// Adds the members of an object.
struct KeyedTreeContainer<Key: CodingKey>: KeyedEncodingContainerProtocol {
    let node: JSONNode
    var codingPath: [any CodingKey] { [] }

    private func add(_ key: Key, _ child: JSONNode) { node.members.append((key.stringValue, child)) }
    private func add(_ key: Key, _ kind: JSONNode.Kind, _ text: String) {
        let child = JSONNode()
        child.set(kind, text)
        add(key, child)
    }

    func encodeNil(forKey key: Key) { add(key, .literal, "null") }
    func encode(_ value: Bool, forKey key: Key) { add(key, .literal, value ? "true" : "false") }
    func encode(_ value: String, forKey key: Key) { add(key, .string, value) }
    func encode(_ value: Double, forKey key: Key) throws { add(key, .literal, try TreeEncoder.float(value)) }
    func encode(_ value: Float, forKey key: Key) throws { add(key, .literal, try TreeEncoder.float(value)) }
    func encode(_ value: Int, forKey key: Key) { add(key, .literal, String(value)) }
    func encode(_ value: Int8, forKey key: Key) { add(key, .literal, String(value)) }
    func encode(_ value: Int16, forKey key: Key) { add(key, .literal, String(value)) }
    func encode(_ value: Int32, forKey key: Key) { add(key, .literal, String(value)) }
    func encode(_ value: Int64, forKey key: Key) { add(key, .literal, String(value)) }
    func encode(_ value: UInt, forKey key: Key) { add(key, .literal, String(value)) }
    func encode(_ value: UInt8, forKey key: Key) { add(key, .literal, String(value)) }
    func encode(_ value: UInt16, forKey key: Key) { add(key, .literal, String(value)) }
    func encode(_ value: UInt32, forKey key: Key) { add(key, .literal, String(value)) }
    func encode(_ value: UInt64, forKey key: Key) { add(key, .literal, String(value)) }
    func encode<T: Encodable>(_ value: T, forKey key: Key) throws { add(key, try TreeEncoder.node(for: value)) }

    func nestedContainer<NestedKey: CodingKey>(keyedBy keyType: NestedKey.Type, forKey key: Key) -> KeyedEncodingContainer<NestedKey> {
        let child = JSONNode()
        add(key, child)
        return TreeEncoder(child).container(keyedBy: keyType)
    }

    func nestedUnkeyedContainer(forKey key: Key) -> any UnkeyedEncodingContainer {
        let child = JSONNode()
        add(key, child)
        return TreeEncoder(child).unkeyedContainer()
    }

    func superEncoder() -> any Encoder { superEncoder(named: "super") }
    func superEncoder(forKey key: Key) -> any Encoder { superEncoder(named: key.stringValue) }

    private func superEncoder(named name: String) -> any Encoder {
        let child = JSONNode()
        node.members.append((name, child))
        return TreeEncoder(child)
    }
}

/// Appends the elements of an array.
struct UnkeyedTreeContainer: UnkeyedEncodingContainer {
    let node: JSONNode
    var codingPath: [any CodingKey] { [] }
    var count: Int { node.elements.count }

    private func add(_ kind: JSONNode.Kind, _ text: String) {
        let child = JSONNode()
        child.set(kind, text)
        node.elements.append(child)
    }

    func encodeNil() { add(.literal, "null") }
    func encode(_ value: Bool) { add(.literal, value ? "true" : "false") }
    func encode(_ value: String) { add(.string, value) }
    func encode(_ value: Double) throws { add(.literal, try TreeEncoder.float(value)) }
    func encode(_ value: Float) throws { add(.literal, try TreeEncoder.float(value)) }
    func encode(_ value: Int) { add(.literal, String(value)) }
    func encode(_ value: Int8) { add(.literal, String(value)) }
    func encode(_ value: Int16) { add(.literal, String(value)) }
    func encode(_ value: Int32) { add(.literal, String(value)) }
    func encode(_ value: Int64) { add(.literal, String(value)) }
    func encode(_ value: UInt) { add(.literal, String(value)) }
    func encode(_ value: UInt8) { add(.literal, String(value)) }
    func encode(_ value: UInt16) { add(.literal, String(value)) }
    func encode(_ value: UInt32) { add(.literal, String(value)) }
    func encode(_ value: UInt64) { add(.literal, String(value)) }
    func encode<T: Encodable>(_ value: T) throws { node.elements.append(try TreeEncoder.node(for: value)) }

    func nestedContainer<NestedKey: CodingKey>(keyedBy keyType: NestedKey.Type) -> KeyedEncodingContainer<NestedKey> {
        let child = JSONNode()
        node.elements.append(child)
        return TreeEncoder(child).container(keyedBy: keyType)
    }

    func nestedUnkeyedContainer() -> any UnkeyedEncodingContainer {
        let child = JSONNode()
        node.elements.append(child)
        return TreeEncoder(child).unkeyedContainer()
    }

    func superEncoder() -> any Encoder {
        let child = JSONNode()
        node.elements.append(child)
        return TreeEncoder(child)
    }
}
