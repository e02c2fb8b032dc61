import Foundation
import Testing
@testable import TakehomeCore

/// Random values, seeded through SplitMix64 so that a failure names the seed that repeats it, encoded
/// by both `ReportJSONEncoder` and Foundation's `JSONEncoder`: the bytes must be equal.
@Suite struct ReportJSONRandomTests {
    @Test(arguments: 0..<8) func randomDocumentsAreTheBytesJSONEncoderWrites(batch: UInt64) throws {
        for seed in batch * 40..<(batch + 1) * 40 {
            var random = SplitMix64(seed: seed)
            try expectFoundationBytes(RandomJSON.value(depth: 0, &random), "the document of seed \(seed)")
        }
    }

    @Test(arguments: 0..<8) func randomRecordsWithOptionalsAreTheBytesJSONEncoderWrites(batch: UInt64) throws {
        for seed in batch * 40..<(batch + 1) * 40 {
            var random = SplitMix64(seed: seed &* 7_919)
            try expectFoundationBytes(Record.random(depth: 0, &random), "the record of seed \(seed)")
        }
    }

    @Test func randomStringsAndDoublesOneByOne() throws {
        var random = SplitMix64(seed: 2_024)
        for _ in 0..<400 {
            try expectFoundationBytes(RandomJSON.string(&random), "a random string")
            try expectFoundationBytes(RandomJSON.double(&random), "a random double")
        }
    }
}

/// Draws of the values reports hold: strings from every escape class and from beyond ASCII, doubles
/// from every magnitude, and nested arrays and objects, empty ones included.
enum RandomJSON {
    static let stringPieces: [[String]] = [
        ["a", "Z", "0", " ", "-", "_", "~", "{", "]", "'", "<", "&"],
        ["\"", "\\", "/", "\n", "\r", "\t", "\u{08}", "\u{0C}"],
        (0..<0x20).map { String(UnicodeScalar(UInt8($0))) } + ["\u{7F}"],
        ["é", "e\u{301}", "ß", "Ω", "日", "本", "😀", "👩‍💻", "\u{2028}", "\u{2029}", "\u{FEFF}", "\u{FFFD}", "\u{10FFFF}", "\u{80}"],
    ]

    static let specialDoubles: [Double] = [0, -0.0, 1, -1, 0.1, 0.5, 1e-7, 1e21, 1e16, 1e15, 1e-5, 1e-4, .ulpOfOne,
                                           .leastNonzeroMagnitude, .greatestFiniteMagnitude, .pi, 66.67, 9_007_199_254_740_993]

    static func string(_ random: inout SplitMix64) -> String {
        (0..<Int.random(in: 0...10, using: &random)).map { _ in
            stringPieces.randomElement(using: &random)!.randomElement(using: &random)!
        }.joined()
    }

    static func double(_ random: inout SplitMix64) -> Double {
        switch Int.random(in: 0..<4, using: &random) {
        case 0: return specialDoubles.randomElement(using: &random)!
        case 1: return Double(Int.random(in: -1_000_000...1_000_000, using: &random)) / pow(10, Double(Int.random(in: 0...8, using: &random)))
        case 2:
            let sign: Double = Bool.random(using: &random) ? -1 : 1
            return sign * Double.random(in: 1..<10, using: &random) * pow(10, Double(Int.random(in: -320...307, using: &random)))
        default:
            let double = Double(bitPattern: random.next())
            return double.isFinite ? double : 0.25
        }
    }

    static func value(depth: Int, _ random: inout SplitMix64) -> JSONValue {
        switch Int.random(in: 0..<(depth < 4 ? 7 : 4), using: &random) {
        case 0: return .null
        case 1: return .bool(Bool.random(using: &random))
        case 2: return .number(double(&random))
        case 3: return .string(string(&random))
        case 4, 5: return .array((0..<Int.random(in: 0...5, using: &random)).map { _ in value(depth: depth + 1, &random) })
        default:
            let members = (0..<Int.random(in: 0...6, using: &random)).map { _ in (string(&random), value(depth: depth + 1, &random)) }
            return .object(Dictionary(members, uniquingKeysWith: { _, last in last }))
        }
    }
}

/// A record in the shape of a report's sections: optionals that are left out when nil, optionals
/// inside arrays that are written `null`, dates, small and wide integers, nested records.
private struct Record: Encodable {
    var id: Int
    var name: String?
    var score: Double?
    var flags: [Bool]
    var tags: [String: Int]?
    var when: Date?
    var ratios: [Double?]
    var children: [Record]
    var count: UInt8?
    var wide: Int64
    var note: String

    static func random(depth: Int, _ random: inout SplitMix64) -> Record {
        func maybe<T>(_ draw: (inout SplitMix64) -> T) -> T? { Bool.random(using: &random) ? draw(&random) : nil }
        return Record(
            id: Int.random(in: Int.min...Int.max, using: &random) >> Int.random(in: 0...63, using: &random),
            name: maybe(RandomJSON.string),
            score: maybe(RandomJSON.double),
            flags: (0..<Int.random(in: 0...3, using: &random)).map { _ in Bool.random(using: &random) },
            tags: maybe { random in
                Dictionary((0..<Int.random(in: 0...4, using: &random)).map { _ in (RandomJSON.string(&random), Int.random(in: -99...99, using: &random)) },
                           uniquingKeysWith: { _, last in last })
            },
            when: maybe { Date(timeIntervalSince1970: Double(Int.random(in: -4_000_000_000...8_000_000_000, using: &$0))
                / Double([1, 2, 4, 1000].randomElement(using: &$0)!)) },
            ratios: (0..<Int.random(in: 0...4, using: &random)).map { _ in maybe(RandomJSON.double) },
            children: depth < 2 ? (0..<Int.random(in: 0...3, using: &random)).map { _ in Record.random(depth: depth + 1, &random) } : [],
            count: maybe { UInt8.random(in: 0...255, using: &$0) },
            wide: Int64(bitPattern: random.next()),
            note: RandomJSON.string(&random))
    }
}
