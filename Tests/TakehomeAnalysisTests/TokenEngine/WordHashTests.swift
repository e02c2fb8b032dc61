import Foundation
import Testing
import TakehomeAnalysis

/// The engine compares words by literal hashes written into its source (`static let x: UInt64 = 0x… // "word"`);
/// every one must equal `CloneToken.hash` of the word in its comment.
@Suite struct WordHashTests {
    @Test func everyLiteralHashMatchesItsWord() throws {
        let engine = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
            .appendingPathComponent("../../../Sources/TakehomeAnalysis/TokenEngine").standardizedFileURL
        var checked = 0
        for name in try FileManager.default.contentsOfDirectory(atPath: engine.path) where name.hasSuffix(".swift") {
            let source = try String(contentsOf: engine.appendingPathComponent(name), encoding: .utf8)
            for line in source.split(separator: "\n") {
                guard let equals = line.range(of: ": UInt64 = 0x"), let quote = line.range(of: "// \"") else { continue }
                let hex = line[equals.upperBound...].prefix { $0.isHexDigit }
                let word = String(line[quote.upperBound...].dropLast())
                #expect(UInt64(hex, radix: 16) == CloneToken.hash(word), "\(name): \(word)")
                checked += 1
            }
        }
        #expect(checked > 60)
    }
}
