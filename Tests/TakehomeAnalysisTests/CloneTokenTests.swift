import Testing
@testable import TakehomeAnalysis

@Suite struct CloneTokenTests {
    @Test func hashIsFNV1aAndStable() {
        // FNV-1a 64 of "a" is 0xaf63dc4c8601ec8c (the published test vector).
        #expect(CloneToken.hash("a") == 0xaf63_dc4c_8601_ec8c)
        #expect(CloneToken.hash(CloneToken.identifier) != CloneToken.hash(CloneToken.number))
    }
}
