import Testing
import TakehomeCore
@testable import TakehomeAnalysis

/// The signals that look up names across files, on the paths their indexes take: uses found only
/// in another file, a base written twice, calls from tests, and the first test of names.
@Suite struct DesignAcrossFilesTests {
    @Test func aPrivateMemberUsedOnlyInAnotherFileIsUsed() {
        let ledger = """
            class Ledger:
                def __init__(self):
                    self._total = 0
                    self._lonely = 0
                    self._shared = 0
                    self._a = 0
                    self._b = 0

            """
        // Fewer identifiers than names still unused after their own file: looked up one by one.
        let report = """
            print(ledger._total)

            """
        // More identifiers than those names: each name is looked up in the file instead.
        let big = """
            def add(a, b, c, d, e, f, g):
                return a._a + b + c + d + e + f + g

            """
        // `_shared` is declared again in a second file, once there too: two occurrences in all.
        let other = """
            class Other:
                def __init__(self):
                    self._shared = 1

            """
        let analysis = design([("ledger.py", ledger), ("report.py", report), ("big.py", big), ("other.py", other)])
        #expect(analysis.files[1].identifierCounts.count < 4 && analysis.files[2].identifierCounts.count > 4,
                "\(analysis.files[1].identifierCounts) \(analysis.files[2].identifierCounts)")
        #expect(names(analysis.overEngineering().signal("unused-private-members")) == ["Ledger._lonely", "Ledger._b"])
        let alone = design([("ledger.py", ledger)])
        #expect(names(alone.overEngineering().signal("unused-private-members"))
                == ["Ledger._total", "Ledger._lonely", "Ledger._shared", "Ledger._a", "Ledger._b"])
    }

    @Test func aBaseNamedTwiceGivesOneImplementation() {
        let program = """
            from abc import ABC, abstractmethod


            class Clock(ABC):
                @abstractmethod
                def now(self): ...


            class SystemClock(Clock, Clock):
                def now(self):
                    return 0

            """
        let metrics = design([("clock.py", program)]).overEngineering()
        #expect(names(metrics.signal("single-implementation-abstractions")) == ["Clock"])
        #expect(metrics.signal("single-implementation-abstractions")?.places.first?.note == "only SystemClock")
    }

    @Test func callsFromTestsAndOtherFilesSetDefaults() {
        let pay = """
            def pay(hours, rate=10, bonus=0, currency="EUR"):
                return hours * rate + bonus


            def unused(flag=False):
                return flag

            """
        let caller = """
            from pay import pay


            def weekly():
                return pay(40)

            """
        let test = """
            from pay import pay


            def test_pay():
                assert pay(1, 12, currency="USD") == 12

            """
        let metrics = design([("pay.py", pay), ("weekly.py", caller), ("tests/test_pay.py", test)]).overEngineering()
        // rate by position (in the test), currency by keyword; bonus never; `unused` is never called.
        #expect(names(metrics.signal("unvaried-configuration")) == ["pay.bonus"])
        let alone = design([("pay.py", pay), ("weekly.py", caller)]).overEngineering()
        #expect(names(alone.signal("unvaried-configuration")) == ["pay.rate", "pay.bonus", "pay.currency"])
    }

    @Test func theNameFilterNeverTurnsAwayANameItHolds() {
        var random = SplitMix64(seed: 11)
        let letters = Array("ab_Zé9xyz")
        func draw() -> String { String((0..<random.below(20)).map { _ in letters[random.below(letters.count)] }) }
        let held = (0..<300).map { _ in draw() }
        let filter = NameFilter(held)
        #expect(held.allSatisfy(filter.mayContain))
        // Names of lengths none of the held names has are turned away.
        #expect(!filter.mayContain(String(repeating: "a", count: 40)))
        #expect(!NameFilter([]).mayContain("") && NameFilter([""]).mayContain(""))
    }
}
