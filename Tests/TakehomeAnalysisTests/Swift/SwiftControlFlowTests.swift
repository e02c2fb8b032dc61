import Testing
@testable import TakehomeAnalysis

/// Hand-worked figures for Swift's control flow: guard, if case, else if chains, switch with
/// several patterns per case, loops with `where`, labelled jumps, do/catch, if expressions, ternaries
/// and logical operator sequences. Each expected value is derived in the comments beside it.
@Suite struct SwiftControlFlowTests {
    @Test func guardIfCaseAndSwitchWithSeveralPatterns() {
        let source = """
        struct Parser {
            var tokens: [Token]

            /// Parses one value.
            mutating func parse(_ input: String, strict: Bool) throws -> Value {
                guard !input.isEmpty else { throw ParseError.empty }
                if case .number(let n) = tokens.first, n > 0 {
                    return .number(n)
                } else if strict && input.count > 1 || input.hasPrefix("-") {
                    return .invalid
                } else {
                    for token in tokens where token.isSpace {
                        if token.isEnd { break }
                    }
                }
                switch input.first {
                case "a", "b", "c":
                    return .letter
                case let c? where c.isNumber:
                    return .digit
                default:
                    return tokens.isEmpty ? .empty : .other
                }
            }
        }
        """
        // CCN 12 = 1 + guard + if + case (if case) + if (else if) + && + || + for + if
        //          + case "a","b","c" (one label) + case let c? + ternary.
        // Cognitive 14 = guard 1 + if 1 + else if 1 + (&& then ||: two runs) 2 + else 1
        //          + for 2 (nesting 1) + if 3 (nesting 2) + switch 1 + ternary 2 (in a case: nesting 1).
        #expect(swiftFunctions(source) == [
            Expected("Parser.parse", line: 5, endLine: 24, nloc: 20, ccn: 12, cognitive: 14, params: 2, nesting: 3),
        ])
    }

    @Test func repeatWhileDoCatchIfExpressionsAndParenthesisedSequences() {
        let source = """
        enum Loader {
            static func load(_ urls: [URL]) async -> [Data] {
                var result: [Data] = []
                var index = 0
                repeat {
                    do {
                        let data = try await fetch(urls[index])
                        result.append(data)
                    } catch let error as URLError where error.code == .timedOut {
                        continue
                    } catch {
                        break
                    }
                    index += 1
                } while index < urls.count && !(result.count > 10 && urls.isEmpty)
                return result
            }
            static func kind(of value: Int) -> String {
                let label = if value < 0 { "negative" } else if value == 0 { "zero" } else { "positive" }
                return (value > 100 || value < -100) || label.isEmpty ? label.uppercased() : label
            }
        }
        """
        // load: CCN 6 = 1 + while (of repeat) + catch + catch + && + && (inside the negated group).
        //   Cognitive 7 = repeat 1 + catch 2 + catch 2 (nesting 1; `do` adds no nesting)
        //   + && 1 + the negated group `!(… && …)` starts its own sequence 1.
        // kind: CCN 6 = 1 + if + if (else if) + ternary + || + ||.
        //   Cognitive 5 = if 1 + else if 1 + else 1 + (|| through parentheses then ||: one run) 1 + ternary 1.
        #expect(swiftFunctions(source) == [
            Expected("Loader.load", line: 2, endLine: 17, nloc: 16, ccn: 6, cognitive: 7, params: 1, nesting: 2),
            Expected("Loader.kind", line: 18, endLine: 21, nloc: 4, ccn: 6, cognitive: 5, params: 1, nesting: 1),
        ])
    }

    @Test func recursionAndLabelledBreak() {
        let source = """
        func fibonacci(_ n: Int) -> Int {
            if n < 2 { return n }
            return fibonacci(n - 1) + fibonacci(n - 2)
        }

        func search(_ grid: [[Int]], for target: Int) -> (Int, Int)? {
            var found: (Int, Int)?
            outer: for (row, line) in grid.enumerated() {
                for (column, value) in line.enumerated() {
                    if value == target {
                        found = (row, column)
                        break outer
                    }
                }
            }
            return found
        }
        """
        // fibonacci: cognitive 3 = if 1 + two recursive calls 2.
        // search: CCN 4 = 1 + for + for + if (the parameter label `for` is no loop; lizard counts 5).
        //   Cognitive 7 = for 1 + for 2 + if 3 + `break outer` 1.
        #expect(swiftFunctions(source) == [
            Expected("fibonacci", line: 1, endLine: 4, nloc: 4, ccn: 2, cognitive: 3, params: 1, nesting: 1),
            Expected("search", line: 6, endLine: 17, nloc: 12, ccn: 4, cognitive: 7, params: 2, nesting: 3),
        ])
    }

    /// The deliberate differences from lizard (docs/metrics.md, "## Swift"): keyword parameter
    /// labels, enum case declarations and `#if` conditions decide nothing; a ternary inside a string
    /// interpolation does. lizard counts 3 here (the `for` label and `case`, but not the ternary).
    @Test func deliberateDifferencesFromLizard() {
        let source = """
        func pick(for key: String, in table: [String: Int]) -> String {
            enum Mode { case fast, slow }
            #if os(Linux) || os(WASI)
            let prefix = "l"
            #else
            let prefix = "o"
            #endif
            return "\\(prefix)\\(table[key] == nil ? "-" : "+")"
        }
        """
        #expect(swiftFunctions(source) == [
            Expected("pick", line: 1, endLine: 9, nloc: 9, ccn: 2, cognitive: 1, params: 2, nesting: 0),
        ])
    }
}
