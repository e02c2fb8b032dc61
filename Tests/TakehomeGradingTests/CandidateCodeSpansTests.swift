import Testing
@testable import TakehomeGrading

/// The union of the stretches candidate code ran, from which `make bench` takes harness overhead.
@Suite struct CandidateCodeSpansTests {
    typealias Span = CandidateCodeSpans.Span

    @Test func disjointSpansAdd() {
        #expect(CandidateCodeSpans([Span(start: 1, end: 2), Span(start: 5, end: 5.5)]).coveredSeconds == 1.5)
    }

    @Test func overlappingSpansCountOnce() {
        // The hidden tests (10–14) and the own tests (11–13) at the same time, then mutation (20–26).
        let spans = CandidateCodeSpans([Span(start: 20, end: 26), Span(start: 11, end: 13), Span(start: 10, end: 14)])
        #expect(spans.coveredSeconds == 10)
    }

    @Test func chainedOverlapsMerge() {
        let spans = CandidateCodeSpans([Span(start: 0, end: 2), Span(start: 1, end: 3), Span(start: 3, end: 4)])
        #expect(spans.coveredSeconds == 4)
    }

    @Test func noSpansAndBackwardsSpans() {
        #expect(CandidateCodeSpans([]).coveredSeconds == 0)
        #expect(CandidateCodeSpans([Span(start: 3, end: 1)]).coveredSeconds == 0)
    }
}
