import Testing
import TakehomeCore
@testable import TakehomeAnalysis

private let abstractions = """
    from abc import ABC, abstractmethod
    from typing import Protocol


    class Clock(Protocol):
        def now(self): ...


    class SystemClock:
        def now(self):
            return 0


    class Rounder(ABC):
        @abstractmethod
        def round(self, value): ...


    class QuarterRounder(Rounder):
        def round(self, value):
            return value


    class Exporter(ABC):
        @abstractmethod
        def export(self, rows): ...

    """

private let fakeClock = """
    class FakeClock:
        def now(self):
            return 5

    """

private let layers = """
    class Store:
        def __init__(self, backend):
            self.backend = backend

        def get(self, key):
            return self.backend.get(key)

        def get_int(self, key):
            return self.backend.get(int(key))

        def put(self, key, value):
            self.backend.put(key=key, value=value)

        def describe(self, key):
            \"\"\"Says what the key is.\"\"\"
            return format_key(key, 2)


    def load(path):
        return Store.open(path)

    """

private let patterns = """
    class Circle:
        def area(self):
            return 1


    class Square:
        def area(self):
            return 2


    class Triangle:
        def area(self):
            return 3


    class ShapeFactory:
        def create(self, kind):
            if kind == "circle":
                return Circle()
            if kind == "square":
                return Square()
            return Triangle()


    class ReportBuilder:
        def build(self):
            return Report()


    class Report:
        def text(self):
            return ""


    class SettingsManager:
        def get(self):
            return 1


    class Middle(Circle):
        pass


    class Leaf(Middle):
        pass


    class PayError(ValueError):
        pass

    """

private let configuration = """
    @dataclass
    class Settings:
        quantum: str = "0.01"
        mode: str = "up"


    def pay(hours, rate=10, bonus=0):
        return hours * rate + bonus


    def run():
        settings = Settings(mode="down")
        return pay(8, 12) + pay(hours=1)


    def total(items, currency, _unused):
        return sum(items)


    class Base:
        def pay_for(self, hours, rate):
            return hours


    class Child(Base):
        def pay_for(self, hours, rate):
            return 0


    def stub(a):
        ...


    class Ledger:
        def add(self, amount):
            return self._round(amount)

        def _round(self, amount):
            return amount

        def _forgotten(self):
            return 0

    """

@Suite struct OverEngineeringSignalTests {
    @Test func oneImplementationCountsButAProtocolWithATestDoubleDoesNot() {
        let metrics = design([("pay.py", abstractions), ("tests/test_pay.py", fakeClock)]).overEngineering()
        // Clock: SystemClock (structural) in the source and FakeClock in the tests: a seam, not flagged.
        #expect(names(metrics.signal("single-implementation-abstractions")) == ["Rounder"])
        #expect(metrics.signal("single-implementation-abstractions")?.places.first?.note == "only QuarterRounder")
        #expect(names(metrics.signal("unused-abstractions")) == ["Exporter"])
        // Without the test double, Clock has one implementation too.
        let alone = design([("pay.py", abstractions)]).overEngineering()
        #expect(names(alone.signal("single-implementation-abstractions")) == ["Clock", "Rounder"])
    }

    @Test func passThroughLayersButNotOnesThatAdaptOrAdd() {
        let signal = design([("store.py", layers)]).overEngineering().signal("pass-through-functions")
        // get_int adapts its argument (int(key)); describe adds one; __init__ assigns.
        #expect(names(signal) == ["Store.get", "Store.put", "load"])
        #expect(signal?.places.map(\.note) == ["forwards to self.backend.get", "forwards to self.backend.put",
                                               "forwards to Store.open"])
    }

    @Test func patternTypesWithOneProductButNotAFactoryOfThree() {
        let metrics = design([("shapes.py", patterns)]).overEngineering()
        #expect(names(metrics.signal("single-product-patterns")) == ["ReportBuilder", "SettingsManager"])
        #expect(metrics.signal("single-product-patterns")?.places.map(\.note) == ["only makes Report", "makes no project type"])
        // Leaf(Middle(Circle)) is two project classes deep; PayError(ValueError) is not.
        #expect(names(metrics.signal("deep-inheritance")) == ["Leaf"])
        // 10 types in 100 lines, one file.
        #expect(metrics.signal("types-per-100-nloc")?.value == 10)
        #expect(metrics.signal("files-per-100-nloc")?.value == 1)
    }

    @Test func registriesCountTheTypesTheyMentionAndImplementationsAreNotPatterns() {
        let program = """
            class Circle:
                def area(self):
                    return 1


            class ShapeRegistry:
                _kinds = {"circle": Circle}


            class AreaStrategy(ABC):
                @abstractmethod
                def area(self): ...


            class UnitAreaStrategy(AreaStrategy):
                def area(self):
                    return 1

            """
        let metrics = design([("shapes.py", program)]).overEngineering()
        // ShapeRegistry names one product; UnitAreaStrategy is an implementation, counted with AreaStrategy.
        #expect(names(metrics.signal("single-product-patterns")) == ["ShapeRegistry"])
        #expect(metrics.signal("single-product-patterns")?.places.first?.note == "only makes Circle")
        #expect(names(metrics.signal("single-implementation-abstractions")) == ["AreaStrategy"])
    }

    @Test func configurationNobodyVariesAndUnusedParametersAndMembers() {
        let metrics = design([("pay.py", configuration)]).overEngineering()
        // pay's rate is passed by position once; bonus never. Settings.mode is set, quantum is not.
        #expect(names(metrics.signal("unvaried-configuration")) == ["Settings.quantum", "pay.bonus"])
        // Child.pay_for overrides (its signature is the base's); stub has no body; _unused says so.
        #expect(names(metrics.signal("unused-parameters")) == ["total(currency)", "Base.pay_for(rate)"])
        // Ledger._round is called; nothing calls _forgotten.
        #expect(names(metrics.signal("unused-private-members")) == ["Ledger._forgotten"])
    }

    @Test func theIndexIsTheWeightedSumOfTheSignals() {
        let metrics = design([("pay.py", abstractions), ("shapes.py", patterns)], nloc: 50).overEngineering()
        // 2 one-implementation (Clock, Rounder) × 3 + 1 unused × 3 + 1 deep × 2 + 2 patterns × 2
        // + 15 types in 50 lines (30 per 100) + 2 files in 50 lines (4 per 100); nothing else.
        #expect(metrics.index == 6 + 3 + 2 + 4 + 30 + 4)
        var compared = metrics
        // The reference: 3 pass-throughs × 1, 1 type and 1 file in 100 lines.
        compared.compare(with: design([("store.py", layers)]).overEngineering())
        #expect(compared.referenceIndex == 5.0)
        #expect(compared.signal("pass-through-functions")?.reference == 3)
        #expect(compared.signal("single-implementation-abstractions")?.reference == 0)
    }
}
