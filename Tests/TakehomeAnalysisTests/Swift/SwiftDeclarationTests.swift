import Testing
@testable import TakehomeAnalysis

/// Hand-worked figures for what counts as a function in Swift and how it is named: computed
/// properties and accessors, observers, init and deinit, subscripts, nested types, extensions,
/// operators, protocol requirements (not functions), closures and nested functions.
@Suite struct SwiftDeclarationTests {
    static let cache = """
    final class Cache<Key: Hashable, Value> {
        private var storage: [Key: Value] = [:]
        var count: Int { storage.count }
        var isFull: Bool {
            // capacity reached?
            return storage.count >= capacity && capacity > 0
        }
        var capacity: Int = 10 {
            didSet {
                if capacity < 0 { capacity = 0 }
            }
        }
        var limit: Int {
            get { capacity }
            set(newLimit) {
                capacity = newLimit > 0 ? newLimit : 0
            }
        }

        init(capacity: Int, seed: [Key: Value]) {
            self.capacity = capacity
            for (key, value) in seed where storage.count < capacity {
                storage[key] = value
            }
        }

        deinit {
            storage.removeAll()
        }

        subscript(key: Key) -> Value? {
            get { storage[key] }
            set {
                if let newValue { storage[key] = newValue } else { storage[key] = nil }
            }
        }

        enum Policy {
            case lru, fifo
            func describe() -> String {
                switch self {
                case .lru: return "least recently used"
                case .fifo: return "first in, first out"
                }
            }
        }
    }

    extension Cache.Policy {
        static func parse(_ text: String) -> Self? {
            text == "lru" ? .lru : nil
        }
    }

    """

    @Test func accessorsInitDeinitSubscriptsNestedTypesAndExtensions() {
        // A computed property without `get` is named after the property; explicit accessors add
        // `.get`/`.set`/`.didSet`. A setter counts its new value as a parameter; a subscript's
        // accessors count the subscript's parameters too. `case lru, fifo` declares, it decides nothing.
        #expect(swiftFunctions(Self.cache) == [
            Expected("Cache.count", line: 3, endLine: 3, nloc: 1, ccn: 1, cognitive: 0, params: 0, nesting: 0),
            Expected("Cache.isFull", line: 4, endLine: 7, nloc: 3, ccn: 2, cognitive: 1, params: 0, nesting: 0),
            Expected("Cache.capacity.didSet", line: 9, endLine: 11, nloc: 3, ccn: 2, cognitive: 1, params: 0, nesting: 1),
            Expected("Cache.limit.get", line: 14, endLine: 14, nloc: 1, ccn: 1, cognitive: 0, params: 0, nesting: 0),
            Expected("Cache.limit.set", line: 15, endLine: 17, nloc: 3, ccn: 2, cognitive: 1, params: 1, nesting: 0),
            Expected("Cache.init", line: 20, endLine: 25, nloc: 6, ccn: 2, cognitive: 1, params: 2, nesting: 1),
            Expected("Cache.deinit", line: 27, endLine: 29, nloc: 3, ccn: 1, cognitive: 0, params: 0, nesting: 0),
            Expected("Cache.subscript.get", line: 32, endLine: 32, nloc: 1, ccn: 1, cognitive: 0, params: 1, nesting: 0),
            Expected("Cache.subscript.set", line: 33, endLine: 35, nloc: 3, ccn: 2, cognitive: 2, params: 2, nesting: 1),
            Expected("Cache.Policy.describe", line: 40, endLine: 45, nloc: 6, ccn: 3, cognitive: 1, params: 0, nesting: 1),
            Expected("Cache.Policy.parse", line: 50, endLine: 52, nloc: 3, ccn: 2, cognitive: 1, params: 1, nesting: 0),
        ])
    }

    @Test func fileLineCounts() {
        let analysis = SwiftAnalyzer().analyze(Self.cache, path: "Cache.swift")
        // 53 lines: 5 blank (19, 26, 30, 37, 48), 1 comment-only (5), 47 with code.
        #expect(analysis.nloc == 47)
        #expect(analysis.commentLines == 1)
        #expect(analysis.blankLines == 5)
        #expect(analysis.notes.isEmpty)
        #expect(analysis.functions.allSatisfy { $0.file == "Cache.swift" })
    }

    @Test func closuresTrailingClosuresAndNestedFunctions() {
        let source = """
        func schedule(_ jobs: [Job]) {
            let ready = jobs.filter { $0.isReady && !$0.isBlocked }
            ready.forEach { job in
                if job.priority > 5 {
                    run(job)
                }
            }
            func log(_ message: String) {
                guard !message.isEmpty else { return }
                print(message)
            }
            UIView.animate(withDuration: 1) {
                log("start")
            } completion: { finished in
                if !finished { log("cancelled") }
            }
        }
        """
        // Closures are measured on their own and also count in the function around them (as lizard
        // and SonarSource count them); a nested function is measured only on its own.
        // schedule: CCN 4 = 1 + && + if + if; cognitive 5 = && 1 + if 2 (in a closure) + if 2.
        #expect(swiftFunctions(source) == [
            Expected("schedule", line: 1, endLine: 17, nloc: 17, ccn: 4, cognitive: 5, params: 1, nesting: 2),
            Expected("schedule.(closure)@2", line: 2, endLine: 2, nloc: 1, ccn: 2, cognitive: 1, params: 1, nesting: 0),
            Expected("schedule.(closure)@3", line: 3, endLine: 7, nloc: 5, ccn: 2, cognitive: 1, params: 1, nesting: 1),
            Expected("schedule.log", line: 8, endLine: 11, nloc: 4, ccn: 2, cognitive: 1, params: 1, nesting: 1),
            Expected("schedule.(closure)@12", line: 12, endLine: 14, nloc: 3, ccn: 1, cognitive: 0, params: 0, nesting: 0),
            Expected("schedule.(closure)@14", line: 14, endLine: 16, nloc: 3, ccn: 2, cognitive: 1, params: 1, nesting: 1),
        ])
    }

    @Test func protocolsOperatorsAndLocalTypes() {
        let source = """
        protocol Shape {
            var area: Double { get }
            func scaled(by factor: Double) -> Self
        }
        extension Shape {
            var isLarge: Bool { area > 100 }
        }
        struct Vector: Equatable {
            var x, y: Double
            static func == (lhs: Vector, rhs: Vector) -> Bool {
                lhs.x == rhs.x && lhs.y == rhs.y
            }
        }
        func makeCounter() -> () -> Int {
            struct Counter {
                var step = { (value: Int) in value > 0 ? value : 1 }
            }
            var count = 0
            return { count += Counter().step(1); return count }
        }
        """
        // Requirements without bodies are not functions. The closure in the local type's property
        // belongs to the type, not to makeCounter; the returned closure nests one level.
        #expect(swiftFunctions(source) == [
            Expected("Shape.isLarge", line: 6, endLine: 6, nloc: 1, ccn: 1, cognitive: 0, params: 0, nesting: 0),
            Expected("Vector.==", line: 10, endLine: 12, nloc: 3, ccn: 2, cognitive: 1, params: 2, nesting: 0),
            Expected("makeCounter", line: 14, endLine: 20, nloc: 7, ccn: 1, cognitive: 0, params: 0, nesting: 1),
            Expected("makeCounter.Counter.(closure)@16", line: 16, endLine: 16, nloc: 1, ccn: 2, cognitive: 1, params: 1, nesting: 0),
            Expected("makeCounter.(closure)@19", line: 19, endLine: 19, nloc: 1, ccn: 1, cognitive: 0, params: 0, nesting: 0),
        ])
    }
}
