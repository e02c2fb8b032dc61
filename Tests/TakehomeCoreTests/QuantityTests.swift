import Testing
@testable import TakehomeCore

@Test(arguments: [("1GiB", Int64(1 << 30)), ("512MiB", 512 << 20), ("200MB", 200_000_000), ("4096", 4096),
                  ("1.5KiB", 1536), ("20 MiB", 20 << 20)])
func parsesSizes(text: String, bytes: Int64) {
    #expect(ByteSize(parsing: text)?.bytes == bytes)
}

@Test(arguments: ["", "lots", "-1MiB", "1XB", "MiB"])
func rejectsSizes(text: String) { #expect(ByteSize(parsing: text) == nil) }

@Test(arguments: [("120s", 120.0), ("2m", 120), ("4h", 14400), ("1h30m", 5400), ("250ms", 0.25), ("90", 90)])
func parsesTimeSpans(text: String, seconds: Double) { #expect(TimeSpan(parsing: text)?.seconds == seconds) }

@Test(arguments: ["", "soon", "3x", "h3", "1h-2m"])
func rejectsTimeSpans(text: String) { #expect(TimeSpan(parsing: text) == nil) }

@Test func describesQuantities() {
    #expect(ByteSize(bytes: 1 << 30).description == "1 GiB")
    #expect(ByteSize(bytes: 1_572_864).description == "1.5 MiB")
    #expect(TimeSpan(seconds: 30).description == "30 s")
    #expect(TimeSpan(seconds: 7200).description == "2 h")
}

@Test(arguments: [("test_burst*", "test_burst_refill", true), ("test_burst*", "test_other", false),
                  ("*overtime*", "test_weekly_overtime_cap", true), ("test_?", "test_a", true),
                  ("test_[ab]x", "test_bx", true), ("test_[ab]x", "test_cx", false), ("exact", "exact", true)])
func globs(pattern: String, text: String, matches: Bool) { #expect(Glob.matches(pattern, text) == matches) }
