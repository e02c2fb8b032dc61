import Testing
import TakehomeAnalysis

/// Hand-worked figures for Kotlin: `when` as an expression body, Elvis, trailing lambdas, nullable types.
@Suite struct KotlinTests {
    static let source = """
    fun classify(n: Int): String = when {
        n < 0 -> "negative"
        n == 0 -> "zero"
        else -> "positive"
    }

    class Basket(private val items: List<Int>) {
        fun total(limit: Int?): Int {
            val cap = limit ?: Int.MAX_VALUE
            return items.filter { it > 0 && it < cap }.sum()
        }
    }

    """

    @Test func whenElvisAndLambdas() {
        #expect(Measured.of(Kotlin(), KotlinTests.source) == [
            // Three arms count two decisions, as in lizard; `when` is +1 cognitive, `else ->` nothing.
            Measured("classify", line: 1, endLine: 5, nloc: 5, ccn: 3, cognitive: 1, params: 1, maxNesting: 1),
            // ?: and && (inside the trailing lambda) are decisions; only && adds to cognitive.
            Measured("Basket.total", line: 8, endLine: 11, nloc: 4, ccn: 3, cognitive: 1, params: 1, maxNesting: 0),
        ])
    }
}
