import Foundation
import TakehomeCore

/// Reads the XML of the result files (JUnit, Cobertura) as events in document order: each
/// element's start with its attributes, its text and CDATA, its end. Only a well-formed document is
/// read to its end; anything else throws, naming the line.
///
/// Nothing is fetched and nothing expands beyond XML's five named entities and character
/// references. A DOCTYPE is skipped unread, and a reference to any other entity is an error. A
/// result file that candidate code wrote can then neither make the harness read another file nor
/// expand into gigabytes. The harness reads these files without libxml2, and does not load it.
///
/// It checks that:
/// - there is one root element, and each end tag closes the element that is open;
/// - attribute values are quoted, hold no `<`, and no attribute is given twice;
/// - every tag, comment, CDATA section and processing instruction is terminated;
/// - character references name characters XML allows;
/// - no control character other than tab and line ends is used.
///
/// Bytes are read as UTF-8, invalid ones as U+FFFD. Line ends become `\n`. In attribute values,
/// tabs and line ends become spaces, as XML prescribes.
struct XMLReader {
    enum Event: Equatable {
        case start(String, attributes: [String: String])
        case end(String)
        /// Character data, a CDATA section's included; one element's text may come in several.
        case text(String)
    }

    /// Why a document was not read, and on which line (1-based).
    struct Failure: Error, Equatable, CustomStringConvertible {
        let line: Int
        let reason: String
        var description: String { "line \(line): \(reason)" }
    }

    private let bytes: [UInt8]
    private var index = 0
    private var line = 1

    private init(_ data: Data) { bytes = Array(data) }

    /// Hands each event of `data` to `handle`, in order; throws `Failure` at the first thing that
    /// makes it not well-formed (after the events before it), and what `handle` throws.
    static func read(_ data: Data, _ handle: (Event) throws -> Void) throws {
        var reader = XMLReader(data)
        try reader.document(handle)
    }

    /// `read` for the result file described as `file`: a failure is `notParsed(file, ...)`.
    static func read(_ data: Data, resultFile file: String, _ handle: (Event) -> Void) throws {
        do {
            try read(data, handle)
        } catch let failure as Failure {
            throw notParsed(file, "\(failure)")
        }
    }

    /// The data error (exit 65) of a result file that does not parse, or lacks what it must hold.
    static func notParsed(_ file: String, _ reason: String) -> TakehomeError {
        TakehomeError(.dataError, "the \(file) does not parse: \(reason)")
    }

    private mutating func document(_ handle: (Event) throws -> Void) throws {
        if bytes.starts(with: [0xEF, 0xBB, 0xBF]) { index = 3 }
        var open: [String] = [], sawRoot = false
        while index < bytes.count {
            guard bytes[index] == Byte.less else {
                let text = try characterData()
                if open.isEmpty {
                    guard text.allSatisfy({ $0 == " " || $0 == "\t" || $0 == "\n" }) else {
                        throw fail(sawRoot ? "text after the root element" : "text before the root element")
                    }
                } else if !text.isEmpty {
                    try handle(.text(text))
                }
                continue
            }
            if starts(with: "<?") {
                try skip(past: "?>", what: "processing instruction")
            } else if starts(with: "<!--") {
                try skip(past: "-->", what: "comment")
            } else if starts(with: "<![CDATA[") {
                guard !open.isEmpty else { throw fail("CDATA section outside the root element") }
                let start = index + 9
                try skip(past: "]]>", what: "CDATA section")
                try handle(.text(Self.text(bytes[start..<(index - 3)])))
            } else if starts(with: "<!DOCTYPE") {
                guard !sawRoot else { throw fail("DOCTYPE after the root element") }
                try skipDoctype()
            } else if starts(with: "</") {
                index += 2
                let name = try self.name()
                skipSpace()
                guard index < bytes.count, bytes[index] == Byte.greater else { throw fail("end tag </\(name) is not closed with >") }
                index += 1
                guard let innermost = open.last else { throw fail("end tag </\(name)> with no element open") }
                guard innermost == name else { throw fail("end tag </\(name)> where </\(innermost)> is expected") }
                open.removeLast()
                try handle(.end(name))
            } else {
                index += 1
                let name = try self.name()
                if open.isEmpty {
                    guard !sawRoot else { throw fail("a second root element <\(name)>") }
                    sawRoot = true
                }
                let (attributes, isEmpty) = try attributesAndEnd(of: name)
                try handle(.start(name, attributes: attributes))
                if isEmpty { try handle(.end(name)) } else { open.append(name) }
            }
        }
        guard sawRoot else { throw fail("no root element") }
        if let innermost = open.last { throw fail("<\(innermost)> is not closed at the end of the file") }
    }

    // MARK: Markup

    /// An element's attributes after its name, up to `>` (`isEmpty` false) or `/>` (true).
    private mutating func attributesAndEnd(of element: String) throws -> (attributes: [String: String], isEmpty: Bool) {
        var attributes: [String: String] = [:]
        while true {
            let spaced = skipSpace()
            guard index < bytes.count else { throw fail("tag <\(element) is not closed") }
            if bytes[index] == Byte.greater { index += 1; return (attributes, false) }
            if starts(with: "/>") { index += 2; return (attributes, true) }
            guard spaced else { throw fail("no space before an attribute of <\(element)>") }
            let name = try self.name()
            skipSpace()
            guard index < bytes.count, bytes[index] == Byte.equals else { throw fail("attribute \(name) of <\(element)> has no value") }
            index += 1
            skipSpace()
            guard index < bytes.count, bytes[index] == Byte.quote || bytes[index] == Byte.apostrophe else {
                throw fail("the value of attribute \(name) of <\(element)> is not quoted")
            }
            let quote = bytes[index]
            index += 1
            let value = try attributeValue(until: quote, name: name)
            guard attributes.updateValue(value, forKey: name) == nil else { throw fail("attribute \(name) given twice in <\(element)>") }
        }
    }

    /// An attribute's value up to its closing `quote`, which it moves past.
    private mutating func attributeValue(until quote: UInt8, name: String) throws -> String {
        let value = try characters(upTo: quote, inAttribute: name)
        guard index < bytes.count else { throw fail("the value of attribute \(name) is not closed") }
        index += 1
        return value
    }

    /// The text up to the next `<` (or the end).
    private mutating func characterData() throws -> String { try characters(upTo: Byte.less, inAttribute: nil) }

    /// The characters up to `terminator` (or the end) with references replaced and line ends made
    /// `\n`; in the value of attribute `inAttribute`, tabs and line ends become spaces and `<` is
    /// refused.
    private mutating func characters(upTo terminator: UInt8, inAttribute attribute: String?) throws -> String {
        var text: [UInt8] = []
        let lineEnd = attribute == nil ? Byte.newline : Byte.space
        while index < bytes.count, bytes[index] != terminator {
            let byte = bytes[index]
            switch byte {
            case Byte.less: throw fail("< in the value of attribute \(attribute ?? "")")
            case Byte.ampersand: text += try reference()
            case Byte.carriageReturn:
                text.append(lineEnd)
                index += index + 1 < bytes.count && bytes[index + 1] == Byte.newline ? 2 : 1
                line += 1
            default:
                if byte == Byte.newline { line += 1 }
                try checkAllowed(byte)
                text.append(byte == Byte.newline || (byte == Byte.tab && attribute != nil) ? lineEnd : byte)
                index += 1
            }
        }
        return String(decoding: text, as: UTF8.self)
    }

    /// The UTF-8 bytes a reference at `&` stands for; `index` moves past its `;`.
    private mutating func reference() throws -> [UInt8] {
        let start = index + 1
        var end = start
        while end < bytes.count, end - start <= 10, bytes[end] != Byte.semicolon { end += 1 }
        guard end < bytes.count, bytes[end] == Byte.semicolon, end > start else { throw fail("& is not escaped as &amp;") }
        let name = String(decoding: bytes[start..<end], as: UTF8.self)
        index = end + 1
        switch name {
        case "lt": return [Byte.less]
        case "gt": return [Byte.greater]
        case "amp": return [Byte.ampersand]
        case "quot": return [Byte.quote]
        case "apos": return [Byte.apostrophe]
        default: break
        }
        guard name.hasPrefix("#") else { throw fail("undefined entity &\(name);") }
        let isHex = name.hasPrefix("#x"), digits = name.dropFirst(isHex ? 2 : 1)
        let code = digits.allSatisfy { isHex ? $0.isHexDigit : ("0"..."9").contains($0) } ? UInt32(digits, radix: isHex ? 16 : 10) : nil
        guard let code, let scalar = Unicode.Scalar(code), Self.isXMLCharacter(code) else {
            throw fail("&\(name); is not a character XML allows")
        }
        return Array(String(Character(scalar)).utf8)
    }

    /// A name (of an element or attribute) at `index`: letters, digits, `_`, `:`, `.`, `-` and any
    /// byte past ASCII, not starting with a digit, `.` or `-`.
    private mutating func name() throws -> String {
        let start = index
        while index < bytes.count, Self.isNameByte(bytes[index]) { index += 1 }
        guard index > start, !(Byte.digit0...Byte.digit9).contains(bytes[start]),
              bytes[start] != Byte.dot, bytes[start] != Byte.minus else {
            throw fail(index < bytes.count ? "a name cannot start with \(Self.shown(bytes[start]))" : "a name is cut off by the end of the file")
        }
        return String(decoding: bytes[start..<index], as: UTF8.self)
    }

    /// The DOCTYPE declaration at `index`, internal subset included, without reading what it declares.
    private mutating func skipDoctype() throws {
        let startLine = line
        index += 9
        var subset = false
        while index < bytes.count {
            let byte = bytes[index]
            if byte == Byte.quote || byte == Byte.apostrophe {
                index += 1
                while index < bytes.count, bytes[index] != byte { countLine(); index += 1 }
            } else if subset, starts(with: "<!--") {
                try skip(past: "-->", what: "comment")
                continue
            } else if byte == Byte.openBracket {
                subset = true
            } else if byte == Byte.closeBracket {
                subset = false
            } else if byte == Byte.greater, !subset {
                index += 1
                return
            } else {
                countLine()
            }
            index += 1
        }
        line = startLine
        throw fail("DOCTYPE is not closed")
    }

    // MARK: Bytes

    /// Moves past the next `terminator`; throws, naming `what` and where it opened, without one.
    private mutating func skip(past terminator: StaticString, what: String) throws {
        let startLine = line
        let end = terminator.withUTF8Buffer { Array($0) }
        while index < bytes.count {
            if bytes[index] == end[0], bytes[index...].starts(with: end) { index += end.count; return }
            countLine()
            index += 1
        }
        line = startLine
        throw fail("\(what) is not closed")
    }

    @discardableResult private mutating func skipSpace() -> Bool {
        let start = index
        while index < bytes.count, [Byte.space, Byte.tab, Byte.newline, Byte.carriageReturn].contains(bytes[index]) {
            countLine()
            index += 1
        }
        return index > start
    }

    /// Counts a line when the byte at `index` ends one (`\n`, or a `\r` not followed by `\n`).
    private mutating func countLine() {
        if bytes[index] == Byte.newline || (bytes[index] == Byte.carriageReturn && !(index + 1 < bytes.count && bytes[index + 1] == Byte.newline)) {
            line += 1
        }
    }

    private func starts(with prefix: StaticString) -> Bool {
        prefix.withUTF8Buffer { bytes[index...].starts(with: $0) }
    }

    private func checkAllowed(_ byte: UInt8) throws {
        if byte < Byte.space, byte != Byte.tab, byte != Byte.newline { throw fail("control character \(Self.shown(byte))") }
    }

    private func fail(_ reason: String) -> Failure { Failure(line: line, reason: reason) }

    /// A CDATA section's text: line ends made `\n`, nothing else changed.
    private static func text(_ raw: ArraySlice<UInt8>) -> String {
        String(decoding: raw, as: UTF8.self).replacingOccurrences(of: "\r\n", with: "\n").replacingOccurrences(of: "\r", with: "\n")
    }

    private static func isNameByte(_ byte: UInt8) -> Bool {
        byte >= 0x80 || (byte | 0x20 >= 0x61 && byte | 0x20 <= 0x7A) || (Byte.digit0...Byte.digit9).contains(byte)
            || byte == 0x5F || byte == 0x3A || byte == Byte.dot || byte == Byte.minus
    }

    /// XML 1.0's `Char`: tab, line ends, and every scalar from space up but the surrogates, U+FFFE and U+FFFF.
    private static func isXMLCharacter(_ code: UInt32) -> Bool {
        code == 0x9 || code == 0xA || code == 0xD || (0x20...0xD7FF).contains(code)
            || (0xE000...0xFFFD).contains(code) || (0x10000...0x10FFFF).contains(code)
    }

    private static func shown(_ byte: UInt8) -> String {
        byte >= 0x21 && byte < 0x7F ? "'\(Character(Unicode.Scalar(byte)))'" : String(format: "0x%02X", byte)
    }

    private enum Byte {
        static let tab: UInt8 = 0x09, newline: UInt8 = 0x0A, carriageReturn: UInt8 = 0x0D, space: UInt8 = 0x20
        static let quote: UInt8 = 0x22, ampersand: UInt8 = 0x26, apostrophe: UInt8 = 0x27, minus: UInt8 = 0x2D, dot: UInt8 = 0x2E
        static let digit0: UInt8 = 0x30, digit9: UInt8 = 0x39, semicolon: UInt8 = 0x3B
        static let less: UInt8 = 0x3C, equals: UInt8 = 0x3D, greater: UInt8 = 0x3E
        static let openBracket: UInt8 = 0x5B, closeBracket: UInt8 = 0x5D
    }
}
