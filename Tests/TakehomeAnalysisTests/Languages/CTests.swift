import Testing
import TakehomeAnalysis

/// Hand-worked figures for C: macros (whose `?` is not counted), `#ifdef` branches, switch fall-through cases.
@Suite struct CTests {
    static let source = """
    #include <stdio.h>
    #define MAX(a, b) ((a) > (b) ? (a) : (b))

    static int clamp(int value, int low, int high)
    {
    #ifdef STRICT
        if (low > high) return -1;
    #endif
        return MAX(low, value < high ? value : high);
    }

    int count_words(const char *s) {
        int n = 0, in_word = 0;
        for (; *s; s++) {
            switch (*s) {
            case ' ': case '\\n':
                in_word = 0;
                break;
            default:
                if (!in_word) { in_word = 1; n++; }
            }
        }
        return n;
    }

    """

    @Test func functionsWithPreprocessorBranches() {
        #expect(Measured.of(C(), CTests.source) == [
            Measured("clamp", line: 4, endLine: 10, nloc: 7, ccn: 4, cognitive: 2, params: 3, maxNesting: 1),
            // for, two cases, if: CCN 5; cognitive for 1, switch 1+1, if 1+2.
            Measured("count_words", line: 12, endLine: 24, nloc: 13, ccn: 5, cognitive: 6, params: 1, maxNesting: 3),
        ])
    }
}
