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
}
