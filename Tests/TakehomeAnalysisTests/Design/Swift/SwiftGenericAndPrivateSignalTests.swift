import Testing
import TakehomeCore
@testable import TakehomeAnalysis

@Suite struct SwiftGenericAndPrivateSignalTests {
    @Test func aGenericAlwaysWrittenWithOneTypeIsCountedAndOneUsedWithTwoIsNot() {
        let analysis = swiftDesign([("Sources/Generics.swift", """
            struct Box<Value> { let value: Value }
            struct Pair<First, Second> { let first: First; let second: Second }
            struct Slot<Item> { let item: Item }
            final class Cache<Key: Hashable> { var keys: [Key] = [] }

            let boxes: [Box<Int>] = [Box<Int>(value: 1), Box<Int>(value: 2)]
            let pairs: [Pair<Int, String>] = [Pair<String, Int>(first: "a", second: 1)]
            let slot: Slot<Int> = Slot(item: 3)
            let cache: Cache<String>? = nil
            let other: Cache<Int>? = nil

            """)])
        let generics = analysis.overEngineering().signal("single-type-generics")
        // Pair and Cache get two sets of type arguments; Slot is also built by inference (`Slot(item:)`),
        // whose type the model cannot see, so it is not counted.
        #expect(names(generics) == ["Box"])
        #expect(generics?.places.first?.note == "always <Int>")
    }

    @Test func privateMembersNothingReferencesAreUnused() {
        let analysis = swiftDesign([("Sources/Ledger.swift", """
            final class Ledger {
                private var entries: [Int] = []
                private var audit: [String] = []
                fileprivate let limit = 10
                private(set) var total = 0
                private init() {}
                static func make() -> Ledger { Ledger() }

                func add(_ amount: Int) {
                    entries.append(amount)
                    total += amount
                }

                private func recount() -> Int { entries.count }
            }

            extension Ledger {
                private func trim() { entries.removeAll() }
            }

            """), ("Sources/Use.swift", "let ledger = Ledger.make()\nprint(ledger.total)\n")])
        let unused = analysis.overEngineering().signal("unused-private-members")
        #expect(names(unused) == ["Ledger.audit", "Ledger.limit", "Ledger.recount", "Ledger.trim"])
        #expect(unused?.places.map(\.line) == [3, 4, 14, 18])
        #expect(unused?.places.map(\.note) == ["field", "field", "method", "method"])
    }
}
