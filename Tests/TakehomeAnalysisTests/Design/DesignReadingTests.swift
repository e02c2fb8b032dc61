import Foundation
import Testing
import TakehomeCore
@testable import TakehomeAnalysis

/// The design model through the metrics analysis of a real folder: every language with a reader
/// is read, and the languages read are named.
@Suite struct DesignReadingTests {
    @Test func aFolderOfJavaAndGoIsReadByTheirReaders() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("design-reading-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: folder) }
        try FileManager.default.createDirectory(at: folder.appendingPathComponent("src"), withIntermediateDirectories: true)
        try JavaFamilyDesignTests.java.write(to: folder.appendingPathComponent("src/Shop.java"), atomically: true, encoding: .utf8)
        try SystemsDesignTests.go.write(to: folder.appendingPathComponent("src/shop.go"), atomically: true, encoding: .utf8)
        let metrics = try MetricsAnalyzer().analyze(folder)
        let over = try #require(metrics.overEngineering)
        #expect(over.languages == ["go", "java"])
        #expect(metrics.structural?.languages == ["go", "java"])
        // Without the test doubles, Clock has one implementation in each language; Rounder too.
        #expect(over.signal("single-implementation-abstractions")?.places.map(\.name).sorted() == ["Clock", "Clock", "Rounder", "Rounder"])
        #expect(over.signal("pass-through-functions")?.places.map(\.name).sorted() == ["Store.Get", "Store.get"])
    }

    @Test func everyTokenLanguageButPythonHasTheBraceReader() {
        for language in SourceLanguage.allCases where language != .python && language != .swift {
            #expect(DesignReading.reader(for: language) is BraceDesignReader, "\(language)")
        }
        #expect(DesignReading.reader(for: .python) is PythonDesignReader)
        #expect(DesignReading.reader(for: .swift) is SwiftDesignReader)
    }
}
