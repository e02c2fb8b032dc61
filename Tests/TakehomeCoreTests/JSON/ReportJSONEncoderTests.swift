import Crypto
import Foundation
import Testing
@testable import TakehomeCore

/// `sampleReport()` with everything a grade adds: feedback, sandbox, timings, history, dates, a signature.
private func fullSample() throws -> Report {
    var report = sampleReport()
    report.submission = .init(source: "https://example.com/c/shift-pay.git", kind: "git", ref: "main",
                              commit: "0123456789abcdef0123456789abcdef01234567",
                              commitTime: Date(timeIntervalSince1970: 1_714_570_200),
                              authors: [.init(name: "Zoë \"Z\" O'Brien", email: "zoe@example.com", commits: 3)],
                              files: 12, bytes: 48_213, blind: false)
    report.sandbox = SandboxInfo(isolation: "bubblewrap", enforcement: ["memory": "cgroup-v2", "cpu": "rlimit"],
                                 limits: .init(.standard),
                                 phases: [.init(name: "hidden tests", exitCode: 0, signal: nil, wallSeconds: 1.25,
                                                limitsHit: [], network: false),
                                          .init(name: "setup", exitCode: nil, signal: 9, wallSeconds: 120,
                                                limitsHit: ["wall"], network: true)],
                                 unenforced: [], syscallFilter: "seccomp deny list")
    report.history = .init(commits: 14, firstCommitTime: Date(timeIntervalSince1970: -1),
                           lastCommitTime: Date(timeIntervalSince1970: 4_102_444_800))
    report.timings = ["total": 2.0625, "fetch": 0.1, "analysis": 1e-7, "tests": 0.3333333333333333]
    report.feedback = Feedback(report)
    let key = try Curve25519.Signing.PrivateKey(rawRepresentation: Data(repeating: 7, count: 32))
    return try ReportSigning.sign(report, with: key)
}

@Suite struct ReportJSONEncoderTests {
    @Test func reportsAreTheBytesJSONEncoderWrote() throws {
        try expectFoundationBytes(sampleReport(), "the sample report")
        try expectFoundationBytes(CandidateView.mask(sampleReport(), hiddenPath: "tests/hidden"), "the candidate view")
        try expectFoundationBytes(try fullSample(), "the signed full report")
        try expectFoundationBytes(try fullSample().metrics, "a report's metrics alone")
    }

    @Test func aWrittenReportDecodesToTheSameReport() throws {
        let report = try fullSample()
        let data = try ReportCoding.encode(report)
        #expect(try ReportCoding.decode(data) == report)
        #expect(try ReportCoding.encode(try ReportCoding.decode(data)) == data)
        let key = try Curve25519.Signing.PublicKey(rawRepresentation: Curve25519.Signing.PrivateKey(
            rawRepresentation: Data(repeating: 7, count: 32)).publicKey.rawRepresentation)
        let verified = try ReportSigning.verify(data, file: "report.json", trustedKeys: [key.rawRepresentation.base64EncodedString()])
        #expect(verified.binds.commit == "0123456789abcdef0123456789abcdef01234567")
    }

    @Test func integersFloatsAndFoundationsOwnTypes() throws {
        try expectFoundationBytes(Scalars(), "extreme integers, floats, decimal, URL, data")
        try expectFoundationBytes(Scalars(bool: false, int: -7, int8: 0, uint: 0, float: -0.0, decimal: Decimal(string: "-0.5")!,
                                          url: URL(string: "file:///tmp/a%20b/c.json")!, data: Data()), "small scalars")
    }

    @Test func doublesAreWrittenAsJSONEncoderWritesThem() throws {
        let doubles: [Double] = [0, -0.0, 1, -1, 0.1, 0.2, 1.0 / 3, 1e-7, 1e-6, 1e-5, 0.0001, 1e15, 1e16, 1e17, 1e21, 1e22,
                                 123_456_789_012_345_680, 9_007_199_254_740_993, 2.5e-308, .ulpOfOne, .pi,
                                 .greatestFiniteMagnitude, -.greatestFiniteMagnitude, .leastNormalMagnitude,
                                 .leastNonzeroMagnitude, 66.67, 12.5, 100, 4.35, 0.1 + 0.2]
        try expectFoundationBytes(doubles, "doubles in an array")
        try expectFoundationBytes(doubles.map { Optional.some($0) } + [nil], "optional doubles")
        try expectFoundationBytes(Dictionary(uniqueKeysWithValues: doubles.enumerated().map { ("d\($0.offset)", $0.element) }),
                                  "doubles under keys")
        for double in doubles { try expectFoundationBytes(double, "the top-level double \(double)") }
    }

    @Test func datesAreWrittenAsISO8601AsJSONEncoderWritesThem() throws {
        let seconds: [Double] = [0, 0.5, 0.999, 1.0001, -0.5, -1, -1.5, 1_714_570_200.75, 951_782_400, 4_102_444_800,
                                 253_402_300_799, -62_135_596_800, -2_208_988_800.25]
        try expectFoundationBytes(seconds.map(Date.init(timeIntervalSince1970:)), "dates")
        try expectFoundationBytes(["past": Date.distantPast, "future": Date.distantFuture, "epoch": Date(timeIntervalSinceReferenceDate: 0)],
                                  "distant dates")
    }

    @Test func stringsEscapeWhatJSONRequiresAndPassTheRestThrough() throws {
        let bytes = (0..<0x80).map { String(UnicodeScalar(UInt8($0))) }
        try expectFoundationBytes(bytes, "every ASCII character alone")
        try expectFoundationBytes([bytes.joined(), "", "a/b\\c\"d", "é", "e\u{301}", "日本語", "👩‍💻", "\u{2028}\u{2029}", "\u{FEFF}x",
                                   "\u{7F}\u{80}\u{9F}", "\r\n", "tab\there", "https://example.com/a?b=c&d=<e>"],
                                  "strings with escapes and non-ASCII text")
    }

    @Test func keysAreSortedByTheirUTF8Bytes() throws {
        let keys = ["b", "a", "B", "A", "_", "a0", "a", "aa", "a\u{0}", "é", "e\u{301}", "z", "日本", "😀", "\u{7F}", "",
                    "functionsOverThresholds", "functions", "functionsX", "maxCcn", "maxCognitive", "abcdefgh", "abcdefghi",
                    "abcdefgg", "1", "10", "9", "-", " ", "\"", "\\", "/", "abcdefgh\"", "abcdefgh!", "abcdefgh\u{1}", "abcdefgh\u{1}x",
                    "abcdefg\"", "abcdefg\\", "tab\there", "tab\there\t"]
        try expectFoundationBytes(Dictionary(keys.enumerated().map { ($0.element, $0.offset) }, uniquingKeysWith: { _, last in last }),
                                  "a dictionary with tricky keys")
    }

    @Test func emptyAndNestedContainers() throws {
        try expectFoundationBytes([[Int]](), "an empty array")
        try expectFoundationBytes([String: Int](), "an empty object")
        try expectFoundationBytes([[], [[]], [[1, 2], []], [[], [3]]] as [[[Int]]], "arrays of arrays")
        try expectFoundationBytes(["a": [String: [Int]](), "b": ["c": []], "d": ["e": [1]]], "objects of objects")
        try expectFoundationBytes([Silent(), Silent()], "values that encode nothing")
        try expectFoundationBytes(["x": SilentSingle()], "a single value that encodes nothing")
        try expectFoundationBytes(SilentSingle(), "a top-level single value that encodes nothing")
        try expectFoundationBytes(EmptyKeyed(), "a keyed container with no members")
        expectFoundationError(Silent())
    }

    @Test func topLevelFragments() throws {
        try expectFoundationBytes(42, "an integer")
        try expectFoundationBytes("text/with \"quotes\"", "a string")
        try expectFoundationBytes(true, "a bool")
        try expectFoundationBytes(Int?.none, "nil")
        try expectFoundationBytes(Date(timeIntervalSince1970: 0), "a date")
    }

    @Test func nestedContainersSuperEncodersAndSubclasses() throws {
        try expectFoundationBytes(Nesting(), "interleaved nested containers and super encoders")
        try expectFoundationBytes([Dog(), Dog()], "a subclass that fills its superclass's container")
        try expectFoundationBytes(Cat(), "a subclass that encodes its superclass through superEncoder()")
        try expectFoundationBytes(LateSingles(), "single values encoded after later members, under escaped keys")
    }

    @Test func aKeyWrittenTwiceKeepsItsLastValue() throws {
        try expectFoundationBytes(Twice(), "duplicate keys")
    }

    @Test func nonFiniteNumbersFailAsJSONEncoderFails() {
        for value in [Double.nan, .infinity, -.infinity] {
            expectFoundationError(value)
            expectFoundationError([1, value])
            expectFoundationError(["a": ["b": value]])
            expectFoundationError(Scalars(double: value))
            expectFoundationError(Scalars(float: Float(value)))
            expectFoundationError([[Float(value)]])
        }
    }

    @Test func containersNestedTooDeepFailAsJSONEncoderFails() throws {
        func nested(_ depth: Int) -> JSONValue { (1..<depth).reduce(.array([])) { inner, _ in .array([inner]) } }
        try expectFoundationBytes(nested(511), "511 nested arrays")
        expectFoundationError(nested(512))
        expectFoundationError(["a": nested(600)])
    }
}

/// Every scalar type a container takes, at its extremes.
private struct Scalars: Encodable {
    var bool = true
    var int = Int.min, int8 = Int8.min, int16 = Int16.min, int32 = Int32.min, int64 = Int64.max
    var uint = UInt.max, uint8 = UInt8.max, uint16 = UInt16.max, uint32 = UInt32.max, uint64 = UInt64.max
    var double = -1.25e-300
    var float: Float = 0.1
    var floats: [Float] = [1, 3.4028235e38, 1e-45, 16_777_217, 0.3]
    var decimal = Decimal(string: "12345678901234567890.125")!
    var url = URL(string: "https://example.com/a/b?c=d#e")!
    var data = Data([0, 1, 2, 250, 255])
}

/// A value that encodes nothing (JSONEncoder writes `{}` for it, and refuses it at the top).
private struct Silent: Encodable {
    func encode(to encoder: any Encoder) throws {}
}

/// A single value container fed a value that encodes nothing.
private struct SilentSingle: Encodable {
    func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(Silent())
    }
}

private struct EmptyKeyed: Encodable {
    enum CodingKeys: CodingKey { case unused }
    func encode(to encoder: any Encoder) throws { _ = encoder.container(keyedBy: CodingKeys.self) }
}

/// Every way of nesting: keyed in keyed, unkeyed in keyed and in unkeyed, filled out of order,
/// reopened, and super encoders of both kinds.
private struct Nesting: Encodable {
    enum Outer: String, CodingKey { case zeta, alpha, list, child, empty }
    enum Inner: String, CodingKey { case b, a }

    func encode(to encoder: any Encoder) throws {
        var outer = encoder.container(keyedBy: Outer.self)
        var zeta = outer.nestedContainer(keyedBy: Inner.self, forKey: .zeta)
        var list = outer.nestedUnkeyedContainer(forKey: .list)
        try zeta.encode(1, forKey: .b)
        try list.encode("x")
        var element = list.nestedContainer(keyedBy: Inner.self)
        var inner = list.nestedUnkeyedContainer()
        try zeta.encode(2.5, forKey: .a)
        try inner.encode(true)
        try inner.encodeNil()
        try element.encode("late", forKey: .a)
        var reopened = outer.nestedContainer(keyedBy: Inner.self, forKey: .zeta)
        try reopened.encode("again", forKey: .a)
        var reopenedList = outer.nestedUnkeyedContainer(forKey: .list)
        try reopenedList.encode(3)
        try ["s": 1].encode(to: outer.superEncoder())
        try 7.encode(to: outer.superEncoder(forKey: .child))
        try "up".encode(to: list.superEncoder())
        _ = list.nestedUnkeyedContainer()
        _ = outer.nestedContainer(keyedBy: Inner.self, forKey: .empty)
        try outer.encode(Date(timeIntervalSince1970: 86_400), forKey: .alpha)
        #expect(list.count == 6 && reopenedList.count == 6)
        #expect(element.codingPath.map(\.stringValue) == ["list", "Index 1"])
        #expect(inner.codingPath.map(\.stringValue) == ["list", "Index 2"])
    }
}

private class Animal: Encodable {
    var name = "animal"
    private enum CodingKeys: CodingKey { case name }
    func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(name, forKey: .name)
    }
}

private final class Dog: Animal {
    var barks = 3
    private enum CodingKeys: CodingKey { case barks }
    override func encode(to encoder: any Encoder) throws {
        try super.encode(to: encoder)
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(barks, forKey: .barks)
    }
}

private final class Cat: Animal {
    var lives: [Int?] = [9, nil]
    private enum CodingKeys: CodingKey { case lives }
    override func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(lives, forKey: .lives)
        try super.encode(to: container.superEncoder())
    }
}

/// Super encoders filled after later members were added, so that a value's key text is no longer
/// the last text written.
private struct LateSingles: Encodable {
    struct AnyKey: CodingKey {
        var stringValue: String
        var intValue: Int? { nil }
        init(_ text: String) { stringValue = text }
        init(stringValue: String) { self.init(stringValue) }
        init?(intValue: Int) { nil }
    }

    func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: AnyKey.self)
        let escaped = container.superEncoder(forKey: AnyKey("tab\there \"quoted\""))
        let plain = container.superEncoder(forKey: AnyKey("plain"))
        try container.encode([1, 2], forKey: AnyKey("list"))
        var late = escaped.singleValueContainer()
        try late.encode("late")
        var later = plain.singleValueContainer()
        try later.encode(2.5)
        try container.encode("x", forKey: AnyKey("tab\there \"quoted\"!"))
    }
}

private struct Twice: Encodable {
    enum CodingKeys: CodingKey { case a, b }
    func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(1, forKey: .a)
        try container.encode("one", forKey: .b)
        try container.encode([2], forKey: .a)
        try container.encodeNil(forKey: .b)
        try container.encode(3, forKey: .a)
    }
}
