import Testing
import TakehomeAnalysis

/// Hand-worked figures for C#: namespaces, properties (not functions), nullable types, interpolated
/// strings, foreach, preprocessor branches.
@Suite struct CSharpTests {
    static let source = """
    namespace Shop
    {
        public class Order
        {
            public decimal Total { get; set; }
            public string Label => Total > 100 ? "big" : "small";
            public int Discount(int? code, string name = null)
            {
                var text = $"{name ?? "guest"}: {code}";
                foreach (var c in text)
                {
                    if (c == '!' && code != null) return 1;
                }
    #if DEBUG
                return -1;
    #endif
                return 0;
            }
        }
    }

    """

    @Test func methodsAndTheirDecisions() {
        #expect(Measured.of(CSharp(), CSharpTests.source) == [
            // `int?` is a type; ??, foreach, if, && and #if are decisions.
            Measured("Shop.Order.Discount", line: 7, endLine: 18, nloc: 12, ccn: 6, cognitive: 5, params: 2, maxNesting: 2),
        ])
    }

    @Test func nullableTypesAndAContinuedExpressionBody() {
        // `object?[]` and `NullOnly? @null` are types, not conditions; the `??` on the next line still belongs to
        // the expression body of Fetch (CCN 2), which ends at its `;`.
        let source = """
        class P {
            static bool Same(object?[] args, NullOnly? @null) => args.Length == 0;
            static Exception Fetch()
                => FetchOrNull()
                   ?? throw new InvalidOperationException("none");
        }

        """
        #expect(Measured.of(CSharp(), source) == [
            Measured("P.Same", line: 2, endLine: 2, nloc: 1, ccn: 1, cognitive: 0, params: 2, maxNesting: 0),
            Measured("P.Fetch", line: 3, endLine: 5, nloc: 3, ccn: 2, cognitive: 1, params: 0, maxNesting: 0),
        ])
    }
}
