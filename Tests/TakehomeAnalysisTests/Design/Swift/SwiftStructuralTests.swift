import Testing
import TakehomeCore
@testable import TakehomeAnalysis

private let tangle = """
    import Foundation

    var requestCount = 0
    let maximum = 3
    var computed: Int { requestCount * 2 }

    enum Settings {
        static var verbose = false
        static let name = "x"
    }

    final class Clock {
        static let shared = Clock()
        private init() {}
        func now() -> Date { Date() }
    }

    final class Session {
        static var current: Session = Session()
    }

    final class PaymentGateway {
        func charge(_ cents: Int) -> Bool { cents > 0 }
    }

    final class Checkout {
        func pay(_ cents: Int) -> Bool {
            let gateway = PaymentGateway()
            return gateway.charge(cents)
        }

        func makeGateway() -> PaymentGateway { PaymentGateway() }
    }

    func greeting() -> String {
        if Calendar.current.component(.hour, from: Date()) < 12 { return "Good morning" }
        return "Good afternoon"
    }

    func greeting(hour: Int) -> String { hour < 12 ? "Good morning" : "Good afternoon" }

    func stamp() -> Date { Date.now }

    func apiKey() -> String {
        guard let key = ProcessInfo.processInfo.environment["API_KEY"] else { return "" }
        return key
    }

    func roll() -> Int { Int.random(in: 1...6) > 3 ? 1 : 0 }

    func scores(at path: String) throws -> [Int] {
        let data = try Data(contentsOf: URL(fileURLWithPath: path))
        return data.isEmpty ? [] : [Int(data[0])]
    }

    func download(_ url: URL) async throws -> Data {
        let (data, _) = try await URLSession.shared.data(from: url)
        if data.isEmpty { throw URLError(.badServerResponse) }
        return data
    }

    func cleanUp(_ path: String) throws {
        for name in try FileManager.default.contentsOfDirectory(atPath: path) where name.hasSuffix(".tmp") {
            try FileManager.default.removeItem(atPath: path + "/" + name)
        }
    }

    """

@Suite struct SwiftStructuralTests {
    let analysis = swiftDesign([("Sources/App/Tangle.swift", tangle),
                                ("Sources/App/main.swift", "var arguments = CommandLine.arguments\nprint(arguments)\n")])

    @Test func fileScopeAndStaticVariablesAreSharedMutableState() {
        let state = analysis.structural().signal("global-mutable-state")
        // `let`s and computed variables are not state; `main.swift`'s variables are the program's locals.
        #expect(names(state) == ["requestCount", "Settings.verbose", "Session.current"])
        #expect(state?.places.map(\.line) == [3, 8, 19])
    }

    @Test func staticPropertiesHoldingTheirOwnTypeAreSingletons() {
        #expect(names(analysis.structural().signal("singletons")) == ["Clock.shared", "Session.current"])
    }

    @Test func aValueTypesOwnConstantsAreNotSingletons() {
        let analysis = swiftDesign([("Sources/Codes.swift", """
            struct ExitCode { let value: Int; static let success = ExitCode(value: 0) }
            enum Visibility { case shown, hidden; static let `default`: Visibility = .shown }
            actor Store { static let `default` = Store() }

            """), ("Package.swift", "import PackageDescription\nvar package = Package(name: \"x\")\n")])
        #expect(names(analysis.structural().signal("singletons")) == ["Store.default"])
        // The package manifest is read by the manifests, not as the program's state.
        #expect(names(analysis.structural().signal("global-mutable-state")).isEmpty)
        #expect(analysis.files[1].calls.isEmpty)
    }

    @Test func effectsCountOnlyWhereTheFunctionAlsoDecides() {
        let mixed = analysis.structural().signal("effects-in-decisions")
        // `Clock.now` and `stamp` read the clock but decide nothing; `greeting(hour:)` decides on a plain value.
        #expect(names(mixed) == ["greeting", "apiKey", "roll", "scores", "download", "cleanUp"])
        #expect(mixed?.places.map(\.note) == ["clock, environment", "environment", "randomness", "file", "network", "file"])
        let stamp = analysis.files[0].functions.first { $0.name == "stamp" }
        #expect(stamp?.effects == ["clock"])
        #expect(stamp?.decisions == 0)
    }

    @Test func dataHoldersBuiltInsideLogicAreNotCollaborators() {
        let analysis = swiftDesign([("Sources/Orders.swift", """
            final class OrderLine { let sku: String; init(sku: String) { self.sku = sku } }
            struct Money { var cents = 0 }
            class Entity {}
            final class Customer: Entity { func greet() -> String { "hi" } }
            final class Mailer { func send() {} }

            func order(_ sku: String) -> Int {
                let line = OrderLine(sku: sku)
                let total = Money(cents: 1)
                Mailer().send()
                return line.sku.count + total.cents
            }

            """)])
        #expect(analysis.files[0].types.filter(\.isValue).map(\.name) == ["OrderLine", "Money"])
        #expect(names(analysis.structural().signal("constructed-collaborators")) == ["Mailer"])
    }

    @Test func collaboratorsBuiltInsideLogicButNotInFactories() {
        let built = analysis.structural().signal("constructed-collaborators")
        #expect(names(built) == ["PaymentGateway"])
        #expect(built?.places.first?.note == "built inside pay")
        #expect(analysis.files[0].instantiations.filter(\.isReturned).map(\.typeName).contains("PaymentGateway"))
    }

    @Test func decisionsCountBranchesLoopsConditionsAndCases() {
        let functions = analysis.files[0].functions
        #expect(functions.first { $0.name == "greeting" && $0.parameters.isEmpty }?.decisions == 1)
        #expect(functions.first { $0.name == "cleanUp" }?.decisions == 1)
        let reader = swiftDesign([("Sources/A.swift", """
            func classify(_ value: Int, _ flag: Bool) -> String {
                switch value {
                case 0: return "zero"
                case 1, 2: return "small"
                default:
                    while flag && value > 0 || value < -5 { break }
                    do { try check() } catch { return "bad" }
                    repeat {} while false
                    guard value != 9 else { return "nine" }
                    return flag ? "yes" : "no"
                }
            }

            """)])
        // case, case, while, &&, ||, catch, repeat, while, guard, ?:
        #expect(reader.files[0].functions.first?.decisions == 10)
    }
}
