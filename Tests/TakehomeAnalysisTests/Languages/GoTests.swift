import Testing
import TakehomeAnalysis

/// Hand-worked figures for Go: methods with receivers, closures, for/select, channel types.
@Suite struct GoTests {
    static let source = """
    package shapes

    type Square struct{ side int }

    func (s *Square) Area() int {
    \treturn s.side * s.side
    }

    func Watch(events <-chan int, done chan struct{}) (count int) {
    \thandle := func(e int) bool { return e > 0 && e < 100 }
    \tfor {
    \t\tselect {
    \t\tcase e := <-events:
    \t\t\tif handle(e) {
    \t\t\t\tcount++
    \t\t\t}
    \t\tcase <-done:
    \t\t\treturn
    \t\t}
    \t}
    }

    """

    @Test func methodsClosuresAndSelect() {
        #expect(Measured.of(Go(), GoTests.source) == [
            Measured("Square.Area", line: 5, endLine: 7, nloc: 3, ccn: 1, cognitive: 0, params: 0, maxNesting: 0),
            // for, two cases, if: CCN 5; cognitive for 1, select 1+1, if 1+2.
            Measured("Watch", line: 9, endLine: 21, nloc: 13, ccn: 5, cognitive: 6, params: 2, maxNesting: 3),
            Measured("Watch.handle", line: 10, endLine: 10, nloc: 1, ccn: 2, cognitive: 1, params: 1, maxNesting: 0),
        ])
    }
}
