import SwiftSyntax

/// The bodies being measured while the walk is inside them, and the figures each one gathers.
/// Closures pass their decisions and nesting on to the function around them (as lizard and
/// SonarSource count them), so a closure is measured twice: on its own and as part of its
/// enclosing function. A nested named function is measured only on its own.
struct SwiftFrameStack {
    struct Frame {
        let id: SyntaxIdentifier
        let name: String
        /// The function's own name, for recognising recursive calls (nil for closures and accessors).
        let recursionName: String?
        let isClosure: Bool
        /// How many type declarations enclose it: a closure passes its figures on only to a frame
        /// at the same depth (a closure in a local type's property does not belong to the function).
        let typeDepth: Int
        let line: Int
        let endLine: Int
        var params: Int
        var ccn = 1
        var cognitive = 0
        var nesting = 0
        var maxNesting = 0
    }

    /// Open frames, innermost last.
    private(set) var open: [Frame] = []
    /// Closed frames, in the order they closed.
    private(set) var finished: [Frame] = []

    /// The frames a figure found now belongs to: the innermost frame and, through closures, the
    /// frames around it down to the first function (or the first frame outside a local type).
    var chain: Range<Int> {
        var lowest = open.count
        while lowest > 0 {
            lowest -= 1
            let frame = open[lowest]
            guard frame.isClosure, lowest > 0, open[lowest - 1].typeDepth == frame.typeDepth else { break }
        }
        return lowest..<open.count
    }

    /// The name a call must have to be recursion: the function at the bottom of the chain.
    var recursionName: String? { chain.first.flatMap { open[$0].recursionName } }

    var innermostIsClosure: Bool { open.last?.isClosure == true }

    mutating func push(_ frame: Frame) {
        if frame.isClosure { enterNesting() }
        open.append(frame)
    }

    /// Closes the innermost frame if it belongs to `id`.
    mutating func pop(_ id: SyntaxIdentifier) {
        guard let frame = open.last, frame.id == id else { return }
        finished.append(open.removeLast())
        if frame.isClosure { exitNesting() }
    }

    /// A closure without a parameter list uses `$index`.
    mutating func noteShorthandParameter(_ index: Int) {
        guard let last = open.indices.last, open[last].isClosure else { return }
        open[last].params = max(open[last].params, index + 1)
    }

    /// A CCN decision point.
    mutating func addDecision(_ count: Int = 1) {
        for index in chain { open[index].ccn += count }
    }

    /// A cognitive increment for a structure that nests: 1 plus the current nesting level.
    mutating func addStructural() {
        for index in chain { open[index].cognitive += 1 + open[index].nesting }
    }

    /// A cognitive increment that ignores nesting (`else`, logical operator sequences, jumps, recursion).
    mutating func addFundamental(_ count: Int = 1) {
        for index in chain { open[index].cognitive += count }
    }

    mutating func enterNesting() {
        for index in chain {
            open[index].nesting += 1
            open[index].maxNesting = max(open[index].maxNesting, open[index].nesting)
        }
    }

    mutating func exitNesting() {
        for index in chain { open[index].nesting -= 1 }
    }
}
