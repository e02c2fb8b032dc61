import Foundation
import Testing
import TakehomeCore
@testable import TakehomeAnalysis

/// A Swift package analysed from its folder: the design model reads its Swift files and its
/// manifests, and a broken manifest is a note in the size metrics, not a failure.
@Suite struct SwiftDesignEndToEndTests {
    @Test func aSwiftPackageGetsDesignSignalsAndItsManifestsAreRead() throws {
        let scratch = try ScratchTree()
        try scratch.write("Package.swift", """
            // swift-tools-version: 6.0
            import PackageDescription
            let package = Package(name: "Pay", dependencies: [
                .package(url: "https://github.com/apple/swift-collections.git", from: "1.1.0"),
            ], targets: [.target(name: "Pay"), .testTarget(name: "PayTests", dependencies: ["Pay"])])

            """)
        try scratch.write("package.json", "{ \"dependencies\": ")
        try scratch.write("Sources/Pay/Pay.swift", """
            protocol RateSource { func rate() -> Int }
            struct FixedRate: RateSource { func rate() -> Int { 20 } }
            func pay(hours: Int, source: RateSource) -> Int { hours > 0 ? hours * source.rate() : 0 }

            """)
        try scratch.write("Tests/PayTests/PayTests.swift", """
            import Testing
            @testable import Pay
            struct StubRate: RateSource { func rate() -> Int { 1 } }
            @Test func pays() { #expect(pay(hours: 2, source: StubRate()) == 2) }

            """)
        let metrics = try MetricsAnalyzer().analyze(scratch.url)
        let design = try #require(metrics.overEngineering)
        #expect(names(design.signal("dependencies")) == ["swift-collections"])
        #expect(design.signal("dependencies")?.places.first?.line == 4)
        // One production conformer and a test double: a seam, not over-engineering.
        #expect(design.signal("single-implementation-abstractions")?.value == 0)
        #expect(metrics.size.notes.contains(FileNote(file: "package.json", message: "manifest not read as intended: not a JSON object")))
    }
}
