import Testing
import TakehomeCore
@testable import TakehomeAnalysis

private let shapes = """
    protocol Shape { func area() -> Double }

    struct Circle: Shape {
        let radius: Double
        func area() -> Double { radius * radius * 3.14 }
    }

    struct Square: Shape {
        let side: Double
        func area() -> Double { side * side }
    }

    struct Triangle: Shape {
        let base: Double, height: Double
        func area() -> Double { base * height / 2 }
    }

    enum ShapeKind { case circle, square, triangle }

    struct ShapeFactory {
        func make(_ kind: ShapeKind) -> Shape {
            switch kind {
            case .circle: return Circle(radius: 1)
            case .square: return Square(side: 1)
            case .triangle: return Triangle(base: 1, height: 1)
            }
        }
    }

    final class Report {
        var lines: [String] = []
        func render() -> String { lines.joined() }
    }

    final class ReportBuilder {
        func build() -> Report { Report() }
    }

    """

private let service = """
    import Foundation

    final class OrderService {
        private let repository: OrderRepository

        init(repository: OrderRepository) { self.repository = repository }

        func save(_ order: Order) { repository.save(order) }

        func find(id: Int) -> Order? { return repository.find(id: id) }

        func find(text: String) -> Order? { repository.find(id: Int(text) ?? 0) }

        func replace(_ order: Order, with other: Order) async throws {
            try await repository.replace(order, with: other)
        }

        func describe(_ order: Order, verbose: Bool) -> String { "\\(order)" }

        func update(_ order: inout Order) { repository.update(&order) }

        func stub(_ value: Int) { fatalError("not yet") }

        func greet(_ name: String) -> String {
            if let name = Optional(name) { return name }
            return ""
        }
    }

    final class AuditedService: Service {
        func handle(_ request: Request, context: Context) {}
    }

    final class Quiet {
        override func handle(_ request: Request) { forward(request) }
        @objc func tapped(_ sender: Any) {}
    }

    """

@Suite struct SwiftLayerTests {
    @Test func aFactoryOfThreeProductsIsFineAndABuilderOfOneIsNot() {
        let signals = swiftDesign([("Sources/Shapes.swift", shapes)]).overEngineering()
        #expect(names(signals.signal("single-product-patterns")) == ["ReportBuilder"])
        #expect(signals.signal("single-product-patterns")?.places.first?.note == "only makes Report")
        #expect(names(signals.signal("single-implementation-abstractions")).isEmpty)
    }

    @Test func structsWithOnlyStoredPropertiesAreValuesAndEnumsToo() {
        let types = swiftDesign([("Sources/Shapes.swift", shapes)]).files[0].types
        #expect(types.filter(\.isValue).map(\.name) == ["ShapeKind"])
        #expect(types.first { $0.name == "Triangle" }?.fields == [Parameter(name: "base", hasDefault: false),
                                                                  Parameter(name: "height", hasDefault: false)])
    }

    @Test func passThroughFunctionsForwardTheirParametersUnchanged() {
        let analysis = swiftDesign([("Sources/OrderService.swift", service)])
        let forwarding = analysis.files[0].functions.filter { $0.forwardsTo != nil }
        // `find(text:)` adapts its argument (`Int(text)`): not a pass-through. `init` stores;
        // `Quiet.handle` forwards but overrides, so the superclass chose it.
        #expect(forwarding.map(\.name) == ["save", "find", "replace", "update"])
        #expect(forwarding.map(\.forwardsTo) == ["repository.save", "repository.find", "repository.replace", "repository.update"])
        #expect(analysis.overEngineering().signal("pass-through-functions")?.value == 4)
    }

    @Test func unusedParametersLeaveOutStubsOverridesAndConformances() {
        let analysis = swiftDesign([("Sources/OrderService.swift", service)])
        // `stub` only stops; `AuditedService` conforms to something that may fix the signature;
        // `override` and `@objc` methods keep theirs; the shorthand `if let name` reads `name`.
        #expect(names(analysis.overEngineering().signal("unused-parameters")) == ["OrderService.describe(verbose)"])
        // A parameter is named by its label (what a caller writes), or by its own name after `_`.
        #expect(analysis.files[0].functions.first { $0.name == "describe" }?.parameters
                == [Parameter(name: "order", hasDefault: false), Parameter(name: "verbose", hasDefault: false)])
    }

    @Test func deepInheritanceCountsProjectClasses() {
        let analysis = swiftDesign([("Sources/Views.swift", """
            class View {}
            class Control: View {}
            class Button: Control {}
            final class IconButton: Button {}
            final class Label: UIView {}
            let views = [View(), Control(), Button(), IconButton(), Label()]

            """)])
        let deep = analysis.overEngineering().signal("deep-inheritance")
        #expect(names(deep) == ["Button", "IconButton"])
        #expect(deep?.places.map(\.note) == ["2 levels", "3 levels"])
    }

    @Test func defaultsNoCallerSetsAreUnvariedConfiguration() {
        let analysis = swiftDesign([("Sources/Client.swift", """
            struct Settings {
                var retries = 3
                var timeout = 10.0
                var region = "eu"
                var tags: [String] = []
                let name: String
            }

            func fetch(_ path: String, retries: Int = 3, verbose: Bool = false) -> Int { retries + (verbose ? 1 : 0) + path.count }

            func main() {
                let settings = Settings(retries: 5, name: "x")
                _ = fetch("a", verbose: true)
                _ = fetch("b")
                print(settings)
            }

            """)])
        // `tags` starts empty to be filled later: state, not a setting.
        #expect(names(analysis.overEngineering().signal("unvaried-configuration")) == ["Settings.timeout", "Settings.region", "fetch.retries"])
    }
}
