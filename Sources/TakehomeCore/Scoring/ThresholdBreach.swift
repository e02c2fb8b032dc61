/// One per-function figure that `assignment.yml`'s `thresholds:` limits.
public enum ThresholdMetric: String, CaseIterable, Sendable {
    case ccn, cognitive, functionLines = "function-lines", params, nesting

    /// The finding's rule, e.g. `complexity.cognitive`.
    public var rule: String { "complexity.\(rawValue)" }

    /// `pay has a cognitive complexity of 34 (threshold 15)`.
    public func sentence(function name: String, value: Int, limit: Int) -> String {
        let figure = switch self {
        case .ccn: "has a cyclomatic complexity of \(value)"
        case .cognitive: "has a cognitive complexity of \(value)"
        case .functionLines: "has \(value) lines of code"
        case .params: "takes \(value) parameters"
        case .nesting: "nests control structures \(value) deep"
        }
        return "\(name) \(figure) (threshold \(limit))"
    }

    /// What to try, as an imperative the candidate can act on.
    public var suggestion: String {
        switch self {
        case .ccn: "split its decisions into smaller functions, or replace a long if/else or switch chain with a lookup table"
        case .cognitive: "extract the nested loop or condition into a named function and return early instead of nesting"
        case .functionLines: "extract its steps into named functions so that each one does one thing"
        case .params: "group the parameters that travel together into a value type, and replace flag parameters with separate functions"
        case .nesting: "use guard clauses and early returns, or move the innermost block into its own function"
        }
    }

    /// The limit for this figure.
    public func limit(in thresholds: Thresholds) -> Int {
        switch self {
        case .ccn: thresholds.ccn
        case .cognitive: thresholds.cognitive
        case .functionLines: thresholds.functionLines
        case .params: thresholds.params
        case .nesting: thresholds.nesting
        }
    }

    /// The function's figure.
    public func value(of function: FunctionMetrics) -> Int {
        switch self {
        case .ccn: function.ccn
        case .cognitive: function.cognitive
        case .functionLines: function.nloc
        case .params: function.params
        case .nesting: function.maxNesting
        }
    }
}

/// A function whose figure is above its threshold.
public struct ThresholdBreach: Hashable, Sendable {
    public var function: FunctionMetrics
    public var metric: ThresholdMetric
    public var value: Int
    public var limit: Int

    /// How far over the limit, as a multiple of it (1.5 = 50 % over).
    public var excess: Double { Double(value) / Double(max(limit, 1)) }
}

extension Thresholds {
    /// Every figure of `function` above its threshold, in `ThresholdMetric` order.
    public func breaches(of function: FunctionMetrics) -> [ThresholdBreach] {
        Self.metrics.filter { isOver($0, function) }.map { metric in
            ThresholdBreach(function: function, metric: metric, value: metric.value(of: function), limit: metric.limit(in: self))
        }
    }

    /// How many thresholds `function` is over: `breaches(of:).count`, without making the breaches
    /// (each holds a copy of the function) for every function of a totals' count.
    public func breachCount(of function: FunctionMetrics) -> Int {
        Self.metrics.reduce(0) { $0 + (isOver($1, function) ? 1 : 0) }
    }

    /// Whether `function`'s figure for `metric` is above its threshold.
    private func isOver(_ metric: ThresholdMetric, _ function: FunctionMetrics) -> Bool {
        metric.value(of: function) > metric.limit(in: self)
    }

    /// `ThresholdMetric.allCases`, made once (the synthesised property makes a new array each time).
    private static let metrics = ThresholdMetric.allCases
}
