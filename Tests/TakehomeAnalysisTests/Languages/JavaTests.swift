import Testing
import TakehomeAnalysis

/// Hand-worked figures for Java: annotations, wildcard generics, lambdas, switch expressions, anonymous classes.
@Suite struct JavaTests {
    static let source = """
    import java.util.List;

    public class Orders {
        @Override
        public String toString() {
            return "Orders";
        }

        static int weight(List<? extends Number> xs, String unit) {
            int total = xs.stream().mapToInt(x -> x.intValue() > 0 ? x.intValue() : 0).sum();
            return switch (unit) {
                case "kg" -> total;
                case "g", "mg" -> total * 1000;
                default -> { if (total < 0) { yield 0; } yield total; }
            };
        }

        Runnable task() {
            return new Runnable() {
                public void run() {
                    for (int i = 0; i < 3; i++) {
                        if (i == 1) continue;
                    }
                }
            };
        }
    }

    """

    @Test func methodsLambdasSwitchAndAnonymousClasses() {
        #expect(Measured.of(Java(), JavaTests.source) == [
            Measured("Orders.toString", line: 5, endLine: 7, nloc: 3, ccn: 1, cognitive: 0, params: 0, maxNesting: 0),
            // `<?` is no decision; the lambda's ternary, two cases and the if are. Cognitive: ?: 1, switch 1, if 1+1.
            Measured("Orders.weight", line: 9, endLine: 16, nloc: 8, ccn: 5, cognitive: 4, params: 2, maxNesting: 2),
            Measured("Orders.task", line: 18, endLine: 26, nloc: 9, ccn: 1, cognitive: 0, params: 0, maxNesting: 0),
            Measured("Orders.task.run", line: 20, endLine: 24, nloc: 5, ccn: 3, cognitive: 3, params: 0, maxNesting: 2),
        ])
    }
}
