import Testing
import TakehomeCore
@testable import TakehomeAnalysis

@Suite struct SwiftModelTests {
    @Test func privateMembersComeFromTheTypeAndItsExtensions() throws {
        let analysis = swiftDesign([("Sources/Cache.swift", """
            final class Cache {
                private var entries: [String: Int] = [:]
                private(set) var hits = 0
                fileprivate let limit = 10
                private init(size: Int) {}
                func value(_ key: String) -> Int? { entries[key] }
            }

            extension Cache {
                private func evict() {}
            }

            """)])
        let cache = try #require(analysis.files[0].types.first)
        // `private(set)` is readable from outside and `init` is how a type is made: neither counts.
        #expect(cache.privateMembers == [DesignMember(name: "entries", line: 2, kind: .field),
                                         DesignMember(name: "limit", line: 4, kind: .field),
                                         DesignMember(name: "evict", line: 10, kind: .method)])
        #expect(cache.methods == ["init", "value", "evict"])
        #expect(analysis.files[0].identifierCounts["entries"] == 2)
        #expect(analysis.files[0].identifierCounts["evict"] == 1)
    }

    @Test func genericParametersAndTheTypesTheyAreUsedWith() throws {
        let analysis = swiftDesign([("Sources/Box.swift", """
            struct Box<Value> {
                let value: Value
            }

            func first<Element: Equatable, Other>(_ items: [Element], _ other: Other) -> Element? { items.first }

            let a: Box<Int> = Box(value: 1)
            let b = Box<String>(value: "x")
            let c = Box<[String: Int]>.init(value: [:])
            let d: Dictionary<String, Box<Int>> = [:]

            """)])
        let file = analysis.files[0]
        #expect(file.types.first?.genericParameters == ["Value"])
        #expect(file.functions.first?.genericParameters == ["Element", "Other"])
        #expect(file.genericUses.map(\.name) == ["Box", "Dictionary", "Box"])
        #expect(file.genericUses.map(\.arguments) == [["Int"], ["String", "Box<Int>"], ["Int"]])
        #expect(file.genericUses.map(\.line) == [7, 10, 10])
        let boxCalls = file.calls.filter { $0.name == "Box" }
        #expect(boxCalls.map(\.typeArguments) == [nil, ["String"], ["[String:Int]"]])
        #expect(boxCalls.map(\.line) == [7, 8, 9])
        #expect(file.instantiations.map(\.typeName) == ["Box", "Box", "Box"])
    }

    @Test func importsCallsAndLanguage() {
        let file = swiftDesign([("Sources/Main.swift", """
            import Foundation
            import struct Shop.Order
            @testable import Shop

            let order = Shop.Order(id: 1, lines: [], { _ in })
            order.total(including: .vat, 2)

            """)]).files[0]
        #expect(file.language == .swift)
        #expect(file.imports == ["Foundation", "Shop.Order", "Shop"])
        #expect(file.calls.map(\.name) == ["Order", "total"])
        #expect(file.calls.map(\.positional) == [1, 1])
        #expect(file.calls.map(\.keywords) == [["id", "lines"], ["including"]])
        #expect(file.instantiations.map(\.typeName) == ["Order"])
    }

    @Test func initialiserCallsNameTheTypeTheyInitialise() {
        let file = swiftDesign([("Sources/Views.swift", """
            class View { init(frame: Int = 0) {} }
            final class Button: View {
                init(title: String) { super.init(frame: 1) }
                convenience init() { self.init(title: "") }
            }
            let plain: View = .init()

            """)]).files[0]
        #expect(file.calls.map(\.name) == ["View", "Button", ".init"])
        #expect(file.calls.map(\.keywords) == [["frame"], ["title"], []])
        #expect(file.functions.map(\.name) == ["init", "init", "init"])
    }

    @Test func unparsableAndDeeplyNestedSwiftNeverFails() {
        let nested = String(repeating: "(", count: 5_000) + String(repeating: ")", count: 5_000)
        let garbage = "class { func ( -> protocol extension : : struct <<< } } } \u{0}"
        // Past the parser's nesting limit the rest of the file is not read; what comes before is.
        let analysis = swiftDesign([("Sources/A.swift", "func f(_ a: Int) -> Int { if a > 0 { return a }; return 0 }\nlet x = \(nested)\n"),
                                    ("Sources/B.swift", garbage),
                                    ("Sources/C.swift", "extension Missing: Unknown { func g() {} }\n")])
        #expect(analysis.files.count == 3)
        #expect(analysis.files[0].functions.first?.decisions == 1)
        // The garbage's nameless `protocol` is not a type; `Missing` is not the project's.
        #expect(analysis.files[1].types.allSatisfy { !$0.name.isEmpty })
        #expect(analysis.overEngineering().signal("unused-abstractions")?.value == 0)
    }
}
