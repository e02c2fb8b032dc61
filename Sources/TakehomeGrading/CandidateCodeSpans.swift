import TakehomeSandbox

/// The stretches of one grading during which candidate-controlled code ran (the assignment's
/// tests, the candidate's own tests, setup commands, mutation testing), some of them at the same
/// time. Their union is what a grading owes to the candidate's code; the rest of its wall time is
/// the harness's own overhead (`make bench`).
struct CandidateCodeSpans: Sendable, Equatable {
    /// One stretch on the monotonic clock, in seconds.
    struct Span: Sendable, Equatable {
        var start: Double
        var end: Double

        init(start: Double, end: Double) { self.start = start; self.end = max(start, end) }

        /// The stretch a sandboxed command ran, from its spawn to its exit.
        init(_ run: SandboxResult) { self.init(start: run.startedAt, end: run.startedAt + run.wallSeconds) }
    }

    var spans: [Span]

    init(_ spans: [Span]) { self.spans = spans }

    /// Seconds during which at least one span was running: overlapping spans count once.
    var coveredSeconds: Double {
        var total = 0.0
        var current: Span?
        for span in spans.sorted(by: { $0.start < $1.start }) {
            guard let open = current else { current = span; continue }
            if span.start <= open.end {
                current = Span(start: open.start, end: max(open.end, span.end))
            } else {
                total += open.end - open.start
                current = span
            }
        }
        return total + (current.map { $0.end - $0.start } ?? 0)
    }
}
