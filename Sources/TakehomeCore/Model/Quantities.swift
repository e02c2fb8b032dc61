import Foundation

/// A size in bytes, written in assignment.yml as `512MiB`, `1GiB`, `200MB`, `4096` or `20KiB`.
public struct ByteSize: Hashable, Sendable, Comparable, CustomStringConvertible, Codable {
    public var bytes: Int64

    public init(bytes: Int64) { self.bytes = bytes }

    private static let units: [(suffix: String, factor: Int64)] = [
        ("KiB", 1 << 10), ("MiB", 1 << 20), ("GiB", 1 << 30), ("TiB", 1 << 40),
        ("KB", 1_000), ("MB", 1_000_000), ("GB", 1_000_000_000), ("TB", 1_000_000_000_000),
        ("K", 1 << 10), ("M", 1 << 20), ("G", 1 << 30), ("B", 1),
    ]

    /// Parses `1GiB`, `1.5MiB`, `200MB`, `4096`; nil for anything else.
    public init?(parsing text: String) {
        let trimmed = text.trimmingCharacters(in: .whitespaces)
        for (suffix, factor) in Self.units where trimmed.hasSuffix(suffix) {
            let number = trimmed.dropLast(suffix.count).trimmingCharacters(in: .whitespaces)
            guard let value = Double(number), value >= 0, value * Double(factor) < 9e18 else { return nil }
            self.bytes = Int64((value * Double(factor)).rounded())
            return
        }
        guard let value = Int64(trimmed), value >= 0 else { return nil }
        self.bytes = value
    }

    public static func < (lhs: ByteSize, rhs: ByteSize) -> Bool { lhs.bytes < rhs.bytes }

    /// In the largest binary unit the size reaches: `1 GiB`, `1.5 MiB`, `512 bytes`.
    public var description: String {
        for (suffix, factor) in [("GiB", Int64(1) << 30), ("MiB", 1 << 20), ("KiB", 1 << 10)] where bytes >= factor {
            if bytes % factor == 0 { return "\(bytes / factor) \(suffix)" }
            return String(format: "%.1f %@", Double(bytes) / Double(factor), suffix)
        }
        return "\(bytes) bytes"
    }

    public init(from decoder: Decoder) throws { bytes = try decoder.singleValueContainer().decode(Int64.self) }
    public func encode(to encoder: Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(bytes)
    }
}

/// A span of time, written in assignment.yml as `120s`, `2m`, `4h`, `1h30m` or `500ms`.
public struct TimeSpan: Hashable, Sendable, Comparable, CustomStringConvertible, Codable {
    public var seconds: Double

    public init(seconds: Double) { self.seconds = seconds }

    /// Parses a sequence of number+unit pairs (`1h30m`, `90s`, `250ms`); a bare number is seconds.
    public init?(parsing text: String) {
        let trimmed = text.trimmingCharacters(in: .whitespaces)
        if let bare = Double(trimmed), bare >= 0 { seconds = bare; return }
        var total = 0.0
        var number = ""
        var unit = ""
        var sawPair = false
        func flush() -> Bool {
            guard let value = Double(number), !unit.isEmpty else { return false }
            let factor: Double
            switch unit {
            case "ms": factor = 0.001
            case "s": factor = 1
            case "m", "min": factor = 60
            case "h": factor = 3600
            case "d": factor = 86400
            default: return false
            }
            total += value * factor
            number = ""; unit = ""; sawPair = true
            return true
        }
        for character in trimmed {
            if character.isNumber || character == "." {
                if !unit.isEmpty { guard flush() else { return nil } }
                number.append(character)
            } else if character.isLetter {
                guard !number.isEmpty else { return nil }
                unit.append(character)
            } else {
                return nil
            }
        }
        guard flush(), sawPair else { return nil }
        seconds = total
    }

    public static func < (lhs: TimeSpan, rhs: TimeSpan) -> Bool { lhs.seconds < rhs.seconds }

    public var description: String {
        if seconds >= 3600, seconds.truncatingRemainder(dividingBy: 3600) == 0 { return "\(Int(seconds / 3600)) h" }
        if seconds >= 60, seconds.truncatingRemainder(dividingBy: 60) == 0 { return "\(Int(seconds / 60)) min" }
        if seconds == seconds.rounded() { return "\(Int(seconds)) s" }
        return String(format: "%.1f s", seconds)
    }

    public init(from decoder: Decoder) throws { seconds = try decoder.singleValueContainer().decode(Double.self) }
    public func encode(to encoder: Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(seconds)
    }
}
