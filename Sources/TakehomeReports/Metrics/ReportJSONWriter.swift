import Foundation

/// Writes an `Encodable` value as the same bytes `ReportCoding` writes (pretty-printed, keys sorted
/// by their UTF-8 bytes, slashes unescaped, floats as `description` without a trailing `.0`), in a
/// fraction of JSONEncoder's time: `takehome metrics --format json` spends most of its encoding on
/// thousands of function entries. Values it does not write the same way (dates, data, URLs,
/// decimals, non-finite floats) make it throw, and the caller uses JSONEncoder instead.
public enum ReportJSONWriter {
    /// The JSON of `value` followed by a newline, byte for byte as `ReportCoding.encode` gives it.
    public static func encode(_ value: some Encodable) throws -> Data {
        let root = JSONNode()
        try value.encode(to: TreeEncoder(root))
        var output: [UInt8] = []
        output.reserveCapacity(1 << 16)
        write(root, indent: 0, into: &output)
        output.append(0x0A)
        return Data(output)
    }

    /// Why a value is left to JSONEncoder.
    struct Unsupported: Error { var type: String }

    static func write(_ node: JSONNode, indent: Int, into output: inout [UInt8]) {
        switch node.kind {
        case .literal: output.append(contentsOf: node.text.utf8)
        case .string: writeString(node.text, into: &output)
        case .array:
            output.append(UInt8(ascii: "[")); output.append(0x0A)
            for (index, element) in node.elements.enumerated() {
                if index > 0 { output.append(UInt8(ascii: ",")); output.append(0x0A) }
                writeIndent(indent + 1, into: &output)
                write(element, indent: indent + 1, into: &output)
            }
            output.append(0x0A); writeIndent(indent, into: &output); output.append(UInt8(ascii: "]"))
        case .object, .empty:
            output.append(UInt8(ascii: "{")); output.append(0x0A)
            for (index, member) in sortedUnique(node.members).enumerated() {
                if index > 0 { output.append(UInt8(ascii: ",")); output.append(0x0A) }
                writeIndent(indent + 1, into: &output)
                writeString(member.key, into: &output)
                output.append(contentsOf: " : ".utf8)
                write(member.value, indent: indent + 1, into: &output)
            }
            output.append(0x0A); writeIndent(indent, into: &output); output.append(UInt8(ascii: "}"))
        }
    }

    /// Members sorted by the UTF-8 bytes of their keys; a key encoded twice keeps its last value.
    private static func sortedUnique(_ members: [(key: String, value: JSONNode)]) -> [(key: String, value: JSONNode)] {
        let ordered = members.enumerated().sorted { a, b in
            a.element.key == b.element.key ? a.offset < b.offset : a.element.key.utf8.lexicographicallyPrecedes(b.element.key.utf8)
        }.map(\.element)
        var unique: [(key: String, value: JSONNode)] = []
        unique.reserveCapacity(ordered.count)
        for member in ordered {
            if let last = unique.last, last.key == member.key { unique[unique.count - 1] = member } else { unique.append(member) }
        }
        return unique
    }

    private static func writeIndent(_ level: Int, into output: inout [UInt8]) {
        output.append(contentsOf: repeatElement(UInt8(ascii: " "), count: 2 * level))
    }

    private static let hexDigits = Array("0123456789abcdef".utf8)

    private static func writeString(_ text: String, into output: inout [UInt8]) {
        output.append(UInt8(ascii: "\""))
        for byte in text.utf8 {
            switch byte {
            case UInt8(ascii: "\""): output.append(0x5C); output.append(byte)
            case 0x5C: output.append(0x5C); output.append(0x5C)
            case 0x08: output.append(0x5C); output.append(UInt8(ascii: "b"))
            case 0x0C: output.append(0x5C); output.append(UInt8(ascii: "f"))
            case 0x0A: output.append(0x5C); output.append(UInt8(ascii: "n"))
            case 0x0D: output.append(0x5C); output.append(UInt8(ascii: "r"))
            case 0x09: output.append(0x5C); output.append(UInt8(ascii: "t"))
            case 0x00...0x1F:
                output.append(contentsOf: [0x5C, UInt8(ascii: "u"), UInt8(ascii: "0"), UInt8(ascii: "0"),
                                           hexDigits[Int(byte >> 4)], hexDigits[Int(byte & 15)]])
            default: output.append(byte)
            }
        }
        output.append(UInt8(ascii: "\""))
    }
}

/// One value of the tree the encoder builds; objects keep their keys in encoding order until written.
final class JSONNode {
    enum Kind { case empty, literal, string, array, object }
    var kind = Kind.empty
    /// The text of a literal (number, `true`, `null`) or a string.
    var text = ""
    var elements: [JSONNode] = []
    var members: [(key: String, value: JSONNode)] = []

    func set(_ kind: Kind, _ text: String) { self.kind = kind; self.text = text }
}
