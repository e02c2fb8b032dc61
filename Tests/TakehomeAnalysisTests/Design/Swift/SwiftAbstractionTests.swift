import Testing
import TakehomeCore
@testable import TakehomeAnalysis

private let repositories = """
    protocol OrderRepository {
        func save(_ order: Order)
        func find(id: Int) -> Order?
    }

    final class SQLOrderRepository: OrderRepository {
        func save(_ order: Order) {}
        func find(id: Int) -> Order? { nil }
    }

    protocol PriceFormatter: Sendable { func format(_ cents: Int) -> String }

    struct EuroFormatter {}

    extension EuroFormatter: PriceFormatter {
        func format(_ cents: Int) -> String { "\\(cents) EUR" }
    }

    protocol Notifier { func notify() }

    class Shape {
        func area() -> Double { fatalError("subclasses override area()") }
    }

    final class Circle: Shape {
        override func area() -> Double { 3 }
    }

    class Animal { func sound() -> String { "" } }
    final class Dog: Animal {}
    final class Cat: Animal {}

    class Base { func run() {} }
    final class Derived: Base {}
    let base = Base()

    """

/// A test double for `OrderRepository`, in a test file: the protocol is a seam.
private let doubles = """
    @testable import Shop

    final class InMemoryOrderRepository: OrderRepository {
        var saved: [Order] = []
        func save(_ order: Order) { saved.append(order) }
        func find(id: Int) -> Order? { saved.first }
    }

    """

@Suite struct SwiftAbstractionTests {
    let analysis = swiftDesign([("Sources/Shop/Repositories.swift", repositories), ("Tests/ShopTests/Doubles.swift", doubles)])

    @Test func typesAreReadWithTheirConformancesIncludingExtensions() throws {
        let types = analysis.files[0].types
        #expect(types.map(\.name) == ["OrderRepository", "SQLOrderRepository", "PriceFormatter", "EuroFormatter", "Notifier",
                                      "Shape", "Circle", "Animal", "Dog", "Cat", "Base", "Derived"])
        let euro = try #require(types.first { $0.name == "EuroFormatter" })
        #expect(euro.bases == ["PriceFormatter"])
        #expect(euro.methods == ["format"])
        #expect(types.first { $0.name == "PriceFormatter" }?.bases == ["Sendable"])
        #expect(types.first { $0.name == "OrderRepository" }?.methods == ["save", "find"])
    }

    @Test func protocolsAndClassesOnlySubclassedAreAbstractions() {
        let abstract = analysis.files[0].types.filter(\.isAbstraction).map(\.name)
        // `Base` is subclassed but also constructed (`Base()`): a concrete class.
        #expect(abstract == ["OrderRepository", "PriceFormatter", "Notifier", "Shape", "Animal"])
    }

    @Test func oneImplementationCountsUnlessATestDoubleExists() {
        let signals = analysis.overEngineering()
        // OrderRepository: one production conformer and one test double, so it is a seam.
        // Animal has two subclasses. PriceFormatter's one conformer comes through an extension.
        #expect(names(signals.signal("single-implementation-abstractions")) == ["PriceFormatter", "Shape"])
        #expect(signals.signal("single-implementation-abstractions")?.places.map(\.note) == ["only EuroFormatter", "only Circle"])
        #expect(names(signals.signal("unused-abstractions")) == ["Notifier"])
        #expect(analysis.files[0].types.first { $0.name == "Notifier" }?.line == 19)
    }

    @Test func testDoublesAreReadFromTestFiles() {
        #expect(analysis.files[1].kind == .test)
        #expect(analysis.files[1].types.map(\.bases) == [["OrderRepository"]])
        #expect(analysis.files[1].imports == ["Shop"])
    }
}
