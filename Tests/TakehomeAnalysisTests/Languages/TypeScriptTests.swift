import Testing
import TakehomeAnalysis

/// Hand-worked figures for TypeScript and TSX: optional members and parameters (no decisions), `??`,
/// typed arrow functions, template literals whose `${...}` holds braces and a nested template.
@Suite struct TypeScriptTests {
    static let source = """
    interface Named { name?: string }
    export function greet(person: Named, loud?: boolean): string {
      const name = person.name ?? "anonymous";
      const text = `${loud ? `HELLO ${name}` : { toString: () => name }.toString()}`;
      return loud && name.length > 0 ? text.toUpperCase() : text;
    }
    export const twice = (n: number): number => n * 2;

    """

    @Test func typedFunctionsAndNestedTemplates() {
        #expect(Measured.of(TypeScript(), TypeScriptTests.source) == [
            // ??, the ternary in the template, the ternary of the return, &&: CCN 5, cognitive 4.
            Measured("greet", line: 2, endLine: 6, nloc: 5, ccn: 5, cognitive: 4, params: 2, maxNesting: 0),
            Measured("greet.toString", line: 4, endLine: 4, nloc: 1, ccn: 1, cognitive: 0, params: 0, maxNesting: 0),
            Measured("twice", line: 7, endLine: 7, nloc: 1, ccn: 1, cognitive: 0, params: 1, maxNesting: 0),
        ])
    }

    @Test func tsxComponent() {
        let source = """
        export function Badge({ count }: { count: number }) {
          return <span className="badge">{count > 99 ? "99+" : count}</span>;
        }

        """
        #expect(Measured.of(TypeScript(), source, path: "Badge.tsx") == [
            Measured("Badge", line: 1, endLine: 3, nloc: 3, ccn: 2, cognitive: 1, params: 1, maxNesting: 0),
        ])
    }

    @Test func defaultValuesCountAndFunctionTypesAreNoFunctions() {
        // Three default values (`timeout = 10`, `retries = 3` and the pattern's `= {}`) count as lizard counts them
        // (lizard 1.24.3 gives 4 to the signature), with the `if`: CCN 5.
        // `done: () => void` is the type of a parameter, not a function; the arrow in the body is one (CCN 1).
        let source = """
        export function schedule(done: () => void, timeout: number = 10, { retries = 3 } = {}): void {
          const again = () => done()
          if (retries > 0) { setTimeout(again, timeout) }
        }

        """
        #expect(Measured.of(TypeScript(), source) == [
            Measured("schedule", line: 1, endLine: 4, nloc: 4, ccn: 5, cognitive: 1, params: 3, maxNesting: 1),
            Measured("schedule.again", line: 2, endLine: 2, nloc: 1, ccn: 1, cognitive: 0, params: 0, maxNesting: 0),
        ])
    }
}
