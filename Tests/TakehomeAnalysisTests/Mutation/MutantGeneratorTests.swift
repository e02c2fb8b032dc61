import Testing
import TakehomeCore
@testable import TakehomeAnalysis

/// (line, operator, original, mutated) of each mutant, in token order.
private func sites(_ path: String, _ text: String) -> [String] {
    MutantGenerator().mutants(path: path, text: text).map { "\($0.line) \($0.operator) \($0.original) → \($0.mutated)" }
}

@Test func pythonMutantsSkipStringsAndComments() {
    let text = """
    def f(a, b):
        # a < b in a comment
        s = "x < y" * 2
        if a < b and b > 0:
            return a + 1
        return True

    """
    #expect(sites("calc.py", text) == [
        "3 arithmetic * → /", "3 constant 2 → 3",
        "4 relational < → <=", "4 logical and → or", "4 relational > → >=", "4 constant 0 → 1",
        "5 return a + 1 → None", "5 arithmetic + → -", "5 constant 1 → 2",
        "6 return True → None", "6 boolean True → False",
    ])
    let mutants = MutantGenerator().mutants(path: "calc.py", text: text)
    #expect(Set(mutants.map(\.function)) == ["f"])
    let relational = mutants[2]
    let mutated = String(decoding: relational.apply(to: Array(text.utf8)), as: UTF8.self)
    #expect(mutated.split(separator: "\n")[3] == "    if a <= b and b > 0:")
}

@Test func javaScriptMutantsSkipTemplateTextAndUnaryOperators() {
    let text = """
    function g(x) {
      // x <= 1 || x
      const s = `a ${x} b` + 'y > z';
      if (x === 1 || x !== 2) { return -x * 3; }
      return false;
    }

    """
    #expect(sites("g.js", text) == [
        "3 arithmetic + → -",
        "4 relational === → !==", "4 constant 1 → 2", "4 logical || → &&", "4 relational !== → ===",
        "4 constant 2 → 3", "4 return -x * 3 → undefined", "4 arithmetic * → /", "4 constant 3 → 4",
        "5 return false → undefined", "5 boolean false → true",
    ])
}

@Test func goMutantsLeaveReturnValuesAlone() {
    let text = """
    func h(n int) bool {
    \ts := "n >= 0" // n < 1
    \treturn n >= 10 && s != ""
    }

    """
    #expect(sites("h.go", text) == [
        "3 relational >= → >", "3 constant 10 → 11", "3 logical && → ||", "3 relational != → ==",
    ])
    #expect(MutantGenerator().mutants(path: "h.go", text: text).allSatisfy { $0.function == "h" })
}

@Test func unreadLanguagesAndModuleLevelCode() {
    #expect(MutantGenerator().mutants(path: "notes.txt", text: "a < b").isEmpty)
    #expect(MutantGenerator().mutants(path: "p.py", text: "@dataclass(frozen=True, order=1 < 2)\nclass P:\n    x = 1\n")
        .map(\.line) == [3])
    let module = MutantGenerator().mutants(path: "limits.py", text: "LIMIT = 40\n")
    #expect(module.map(\.function) == ["(module)"])
    #expect(module.map(\.mutated) == ["41"])
}

@Test func samplesAreSeededAndSpreadOverFunctions() {
    let text = (1...3).map { "def f\($0)(a):\n    return a + 1 - 2 * 3 < 4\n" }.joined()
    let all = MutantGenerator().mutants(path: "m.py", text: text)
    #expect(all.count == 3 * 9)
    let three = MutantSample.draw(all, count: 3, seed: "0123abc")
    #expect(Set(three.map(\.function)) == ["f1", "f2", "f3"])
    #expect(MutantSample.draw(all, count: 10, seed: "0123abc") == MutantSample.draw(all, count: 10, seed: "0123abc"))
    #expect(MutantSample.draw(all, count: 27, seed: "a") != MutantSample.draw(all, count: 27, seed: "b"))
    #expect(Set(MutantSample.draw(all, count: 100, seed: "a")) == Set(all))
}
