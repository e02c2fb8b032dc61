import Foundation

/// The per-file pass's results in walk order: the tree walked, the folder's manifests and, per
/// file, its analysis, design model and clone windows.
struct PerFilePass {
    typealias Result = (FileAnalysis, FileDesign?, [UInt64])
    /// What the walking thread gives: the tree, and the manifests it read once the walk was done.
    typealias Walked = (tree: SourceTree, manifests: Manifests.Reading)
    var tree: SourceTree
    var manifests: Manifests.Reading
    var analyses: [FileAnalysis]
    var designs: [FileDesign?]
    var windows: [[UInt64]]

    init(_ walked: (Walked, [Result])) {
        tree = walked.0.tree; manifests = walked.0.manifests
        analyses = walked.1.map(\.0); designs = walked.1.map(\.1); windows = walked.1.map(\.2)
    }
}

/// An analysis of a whole folder begun by `MetricsAnalyzer.begin`: its walk and per-file pass run
/// on a thread of their own from the start; `finish` analyses files alongside that thread, then
/// measures the rest as `MetricsAnalyzer.analyze` does.
public final class BegunAnalysis: @unchecked Sendable {
    /// What it was begun with: a caller that wants another folder or other options must not finish it.
    public let root: URL
    public let options: MetricsOptions
    let pipeline: FilePipeline<PerFilePass.Result>
    /// The beginning thread once the pass has ended: `finish` hands it one of the steps after the
    /// pass and the freeing of the per-file data, then closes it (as `cancel` does).
    let standby = StandbyThread()
    private let condition = NSCondition()
    /// Set once by the beginning thread: its analyser and how the walk and per-file pass ended.
    private var outcome: (analyzer: MetricsAnalyzer, walked: Result<(PerFilePass.Walked, [PerFilePass.Result]), any Error>)?

    init(root: URL, options: MetricsOptions, pipeline: FilePipeline<PerFilePass.Result>) {
        self.root = root; self.options = options; self.pipeline = pipeline
    }

    /// Called by the beginning thread when the pass has ended.
    func settle(_ analyzer: MetricsAnalyzer, _ walked: Result<(PerFilePass.Walked, [PerFilePass.Result]), any Error>) {
        condition.lock(); defer { condition.unlock() }
        outcome = (analyzer, walked)
        condition.broadcast()
    }

    /// The analysis's result, or the error `analyze` would have thrown (the folder cannot be
    /// opened: exit 65). `whenFinished` is as `analyze`'s. Called at most once.
    public func finish(whenFinished: @Sendable (CodeMetrics.FinishedPart) -> Void = { _ in }) throws -> CodeMetrics {
        defer { standby.close() }   // once it has been handed its step and the freeing, or on an error
        pipeline.join()
        condition.lock()
        while outcome == nil { condition.wait() }
        let analyzer = outcome!.analyzer, walked = outcome!.walked
        outcome = nil
        condition.unlock()
        // `finish` hands the per-file results to the standby thread to free. `walked` is consumed
        // here, not kept to the end of this function: else this thread let go of the last
        // reference to them, and freed them all itself, before the caller could write the report.
        let pass = PerFilePass(try (consume walked).get())
        return analyzer.finish(consume pass, starter: StarterFiles(), standby: standby, whenFinished: whenFinished)
    }

    /// Stops analysing files (the walk runs to its end): for an analysis the caller no longer wants.
    public func cancel() { pipeline.abandon(); standby.close() }
}
