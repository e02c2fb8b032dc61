import Testing
import TakehomeAnalysis

/// Hand-worked figures for Python: decorators, nested functions, try/except, match, lambdas, comprehensions.
@Suite struct PythonTests {
    static let source = """
    import functools

    def retry(times):
        def decorate(fn):
            @functools.wraps(fn)
            def wrapper(*args, **kwargs):
                for attempt in range(times):
                    try:
                        return fn(*args, **kwargs)
                    except ValueError:
                        if attempt == times - 1 and times > 0:
                            raise
            return wrapper
        return decorate

    class Shape:
        def area(self, kind, size=1):
            match kind:
                case "square":
                    return size * size
                case "circle":
                    return 3 * size ** 2
                case _:
                    return 0

        def evens(self, items):
            key = lambda x: x if x > 0 else -x
            return [key(i) for i in items if i % 2 == 0]

    """

    @Test func functionsOfARealisticModule() {
        #expect(Measured.of(Python(), PythonTests.source) == [
            // Nested functions own their lines: retry and decorate keep only their own decisions (none).
            Measured("retry", line: 3, endLine: 14, nloc: 12, ccn: 1, cognitive: 0, params: 1, maxNesting: 0),
            Measured("retry.decorate", line: 4, endLine: 13, nloc: 10, ccn: 1, cognitive: 0, params: 1, maxNesting: 0),
            // for +1, except +1+1 (inside for), if +1+2 (for, except), `and` +1; CCN for, except, if, and.
            Measured("retry.decorate.wrapper", line: 6, endLine: 12, nloc: 7, ccn: 5, cognitive: 7, params: 2, maxNesting: 3),
            // lizard counts each `case` of a match; match is +1 cognitive; `self` is no parameter.
            Measured("Shape.area", line: 17, endLine: 24, nloc: 8, ccn: 4, cognitive: 1, params: 2, maxNesting: 1),
            // lambda's conditional expression +1, comprehension for +1, comprehension if +1.
            Measured("Shape.evens", line: 26, endLine: 28, nloc: 3, ccn: 4, cognitive: 3, params: 1, maxNesting: 0),
        ])
    }

    @Test func fStringFormatSpecsAreNotComments() {
        let source = "def hexed(n):\n    return f\"{n:#x} {'y' if n else 'n'}\" if n else ''\n\ndef after():\n    pass\n"
        #expect(Measured.of(Python(), source) == [
            Measured("hexed", line: 1, endLine: 2, nloc: 2, ccn: 3, cognitive: 2, params: 1, maxNesting: 0),
            Measured("after", line: 4, endLine: 5, nloc: 2, ccn: 1, cognitive: 0, params: 0, maxNesting: 0),
        ])
    }

    @Test func fileLineCounts() {
        let file = TokenAnalyzer(Python()).analyze("# header\n\nx = 1  # trailing\n'''doc\nstring'''\n", path: "m.py")
        #expect(file.nloc == 3)
        #expect(file.commentLines == 1)
        #expect(file.blankLines == 1)
    }
}
