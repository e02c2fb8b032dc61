import Foundation

/// The byte form a report's signature covers (docs/trusting-results.md, "Signatures"): the JSON
/// document with every object's keys sorted by UTF-16 code units, no whitespace between tokens,
/// strings escaped only where JSON requires it, and numbers written the one way below. The same
/// document always gives the same bytes, whatever layout it was read from.
public enum CanonicalJSON {
    /// The canonical bytes of `value`.
    public static func data(_ value: JSONValue) -> Data {
        var out = ""
        write(value, to: &out)
        return Data(out.utf8)
    }

    /// Parses JSON text into a value; nil when it is not JSON.
    public static func parse(_ data: Data) -> JSONValue? {
        try? JSONDecoder().decode(JSONValue.self, from: data)
    }

    private static func write(_ value: JSONValue, to out: inout String) {
        switch value {
        case .null: out += "null"
        case .bool(let flag): out += flag ? "true" : "false"
        case .number(let number): out += format(number)
        case .string(let text): writeString(text, to: &out)
        case .array(let items):
            out += "["
            for (index, item) in items.enumerated() {
                if index > 0 { out += "," }
                write(item, to: &out)
            }
            out += "]"
        case .object(let members):
            out += "{"
            let keys = members.keys.sorted { $0.utf16.lexicographicallyPrecedes($1.utf16) }
            for (index, key) in keys.enumerated() {
                if index > 0 { out += "," }
                writeString(key, to: &out)
                out += ":"
                write(members[key]!, to: &out)
            }
            out += "}"
        }
    }

    /// Integral values within ±2^53 as integers (`3`, `-12`); any other number in Swift's shortest
    /// round-trip form (`0.25`, `1e-05`, `1.5e+20`).
    static func format(_ number: Double) -> String {
        if number == number.rounded(), abs(number) <= 9_007_199_254_740_992 {
            return String(Int64(number))
        }
        return "\(number)"
    }

    /// `"` and `\` escaped, the short escapes for \b \f \n \r \t, `\u00xx` for other control
    /// characters, everything else as UTF-8.
    private static func writeString(_ text: String, to out: inout String) {
        out += "\""
        for scalar in text.unicodeScalars {
            switch scalar {
            case "\"": out += "\\\""
            case "\\": out += "\\\\"
            case "\u{08}": out += "\\b"
            case "\u{0C}": out += "\\f"
            case "\n": out += "\\n"
            case "\r": out += "\\r"
            case "\t": out += "\\t"
            case _ where scalar.value < 0x20:
                out += "\\u00" + (scalar.value < 0x10 ? "0" : "") + String(scalar.value, radix: 16)
            default: out.unicodeScalars.append(scalar)
            }
        }
        out += "\""
    }
}
