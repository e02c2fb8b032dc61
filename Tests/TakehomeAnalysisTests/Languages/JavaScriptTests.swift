import Testing
import TakehomeAnalysis

/// Hand-worked figures for JavaScript: classes with getters, arrow functions, `??`, optional chaining,
/// template literals with expressions, recursion.
@Suite struct JavaScriptTests {
    static let source = """
    class Cart {
      constructor(items) {
        this.items = items ?? [];
      }
      get total() {
        return this.items.reduce((sum, item) => sum + (item?.price ?? 0), 0);
      }
      describe(currency) {
        const label = `${this.items.length > 1 ? "items" : "item"} in ${currency}`;
        if (!currency || currency === "") {
          return label;
        } else if (this.total > 100) {
          return `big ${label}`;
        }
        return label;
      }
    }
    function fact(n) {
      return n <= 1 ? 1 : n * fact(n - 1);
    }

    """

    @Test func functionsOfAClassAndHelpers() {
        #expect(Measured.of(JavaScript(), JavaScriptTests.source) == [
            Measured("Cart.constructor", line: 2, endLine: 4, nloc: 3, ccn: 2, cognitive: 1, params: 1, maxNesting: 0),
            // The arrow passed to reduce is a function of its own and takes the `??` with it; `?.` is no decision.
            Measured("Cart.total.get", line: 5, endLine: 7, nloc: 3, ccn: 1, cognitive: 0, params: 0, maxNesting: 0),
            Measured("(anonymous)@6", line: 6, endLine: 6, nloc: 1, ccn: 2, cognitive: 1, params: 2, maxNesting: 0),
            // `?` inside the template literal, if, ||, else if: CCN 5; cognitive ?:1, if:1, ||:1, else if:1.
            Measured("Cart.describe", line: 8, endLine: 16, nloc: 9, ccn: 5, cognitive: 4, params: 1, maxNesting: 1),
            // ternary +1 and the recursive call +1.
            Measured("fact", line: 18, endLine: 20, nloc: 3, ccn: 2, cognitive: 2, params: 1, maxNesting: 0),
        ])
    }

    @Test func regexLiteralsAndDivisionAreToldApart() {
        let source = "function f(a, b) {\n  const r = /[/'\"]+/g;\n  return a / b / 2 || r.test(a);\n}\n"
        #expect(Measured.of(JavaScript(), source) == [
            Measured("f", line: 1, endLine: 4, nloc: 4, ccn: 2, cognitive: 1, params: 2, maxNesting: 0),
        ])
    }

    @Test func aTemplatePieceBetweenTwoInterpolationsIsNoClosingBrace() {
        // `}${` between two interpolations is a piece of the string whose text is `}`: it closes
        // nothing, so the arrow keeps its ternary (CCN 2) and `g` its `&&` and `?:` (CCN 3).
        let source = "const f = (d) => `${d.a}${d.b ? 1 : 2}`\nfunction g(x) {\n  return `${x}${x && x.y}${x ? `<${x}>` : ''}`\n}\n"
        #expect(Measured.of(JavaScript(), source) == [
            Measured("f", line: 1, endLine: 1, nloc: 1, ccn: 2, cognitive: 1, params: 1, maxNesting: 0),
            Measured("g", line: 2, endLine: 4, nloc: 3, ccn: 3, cognitive: 2, params: 1, maxNesting: 0),
        ])
    }

    @Test func anArrowAsAPropertyValueIsAFunction() {
        // `skip: t => ...` is an arrow with one parameter named skip (as lizard names it): its two `||` count
        // for it, CCN 3; the arrow inside `some` is its own function with CCN 1.
        let source = "run({\n  skip: t => !t.a || !t.b || t.list.some(f => f.ok),\n});\n"
        #expect(Measured.of(JavaScript(), source) == [
            Measured("skip", line: 2, endLine: 2, nloc: 1, ccn: 3, cognitive: 1, params: 1, maxNesting: 0),
            Measured("(anonymous)@2", line: 2, endLine: 2, nloc: 1, ccn: 1, cognitive: 0, params: 1, maxNesting: 0),
        ])
    }
}
