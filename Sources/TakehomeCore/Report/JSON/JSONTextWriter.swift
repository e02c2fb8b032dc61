import Foundation

/// Writes a `JSONTree` as the bytes Foundation's `JSONEncoder` writes with
/// `[.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]`: two-space indentation, `" : "` between
/// key and value, keys in UTF-8 byte order, `[\n\n]` for an empty container.
struct JSONTextWriter: ~Copyable {
    /// `JSONEncoder` refuses containers nested this deep.
    static let maximumDepth = 512

    struct TooDeep: Error {}

    // The tree is complete and does not change while it is written: it is read through pointers.
    private let members: UnsafeMutablePointer<JSONTree.Member>
    private let containers: UnsafeMutablePointer<JSONTree.Container>
    private let text: UnsafeMutablePointer<UInt8>
    private let prewrittenParts: [Int: PrewrittenJSON]
    private var output: ByteBuffer
    /// Every container's members, in the order they were added, from the container's `start`.
    private var order: GrowingBuffer<Int32>

    /// Writes the tree's top-level value (member 0) and `suffix`; at `depth` above 0, indented as
    /// a member that deep would be (for JSON written ahead of the document that will hold it).
    static func document(of tree: JSONTree, suffix: StaticString, depth: Int = 0) throws(TooDeep) -> Data {
        var writer = JSONTextWriter(tree)
        try withExtendedLifetime(tree) { () throws(TooDeep) in try writer.write(writer.members[0], depth: depth) }
        writer.output.append(suffix)
        return writer.output.data()
    }

    private init(_ tree: JSONTree) {
        members = tree.members.base
        containers = tree.containers.base
        text = tree.text.base
        prewrittenParts = tree.prewrittenParts
        output = ByteBuffer(capacity: tree.text.count + 16 * tree.members.count + tree.prewrittenParts.values.reduce(0) { $0 + $1.json.count })
        order = GrowingBuffer(capacity: tree.members.count)
        // One pass in memory order lists each container's members, instead of a search per container.
        var fill = GrowingBuffer<Int>(capacity: tree.containers.count)
        var start = 0
        for index in 0..<tree.containers.count {
            containers[index].start = start
            fill.append(start)
            start += containers[index].count
        }
        let slots = order.reserve(start)
        for member in 1..<tree.members.count {
            let parent = Int(members[member].parent)
            slots[fill[parent]] = Int32(member)
            fill[parent] += 1
        }
        order.commit(start)
    }

    /// A member's text (its key in an object, its JSON if a scalar), then its container if it holds one.
    private mutating func write(_ member: JSONTree.Member, depth: Int) throws(TooDeep) {
        if member.holds == JSONTree.Member.prewritten { return writePrewritten(member, depth: depth) }
        output.append(UnsafeBufferPointer(start: text + member.textStart, count: Int(member.textCount)))
        if member.holds >= 0 {
            try writeContainer(containers[Int(member.holds)], depth: depth + 1)
        } else if member.holds == JSONTree.Member.nothing {
            guard depth + 1 < Self.maximumDepth else { throw TooDeep() }
            output.append("{\n\n")
            output.appendIndent(depth)
            output.append("}")
        }
    }

    /// A member holding JSON written ahead: its key text, then the JSON, as it is when it was
    /// written at this depth, else with the missing levels of indentation added to every line but
    /// the first (an empty line, inside an empty container, stays empty, as the writer leaves it).
    private mutating func writePrewritten(_ member: JSONTree.Member, depth: Int) {
        output.append(UnsafeBufferPointer(start: text + member.textStart, count: Int(member.prefixLength)))
        guard let part = prewrittenParts[member.textStart] else { return }
        part.json.withUnsafeBufferPointer { json in
            let missing = depth - part.depth
            precondition(missing >= 0, "JSON written \(part.depth) levels deep cannot sit \(depth) deep")
            guard missing > 0 else { return output.append(json) }
            var lineStart = 0
            while lineStart < json.count {
                let rest = UnsafeRawPointer(json.baseAddress! + lineStart)
                let lineEnd = memchr(rest, Int32(UInt8(ascii: "\n")), json.count - lineStart)
                    .map { UnsafeRawPointer($0) - UnsafeRawPointer(json.baseAddress!) + 1 } ?? json.count
                if lineStart > 0, json[lineStart] != UInt8(ascii: "\n") { output.appendIndent(missing) }
                output.append(UnsafeBufferPointer(rebasing: json[lineStart..<lineEnd]))
                lineStart = lineEnd
            }
        }
    }

    private mutating func writeContainer(_ container: JSONTree.Container, depth: Int) throws(TooDeep) {
        guard depth < Self.maximumDepth else { throw TooDeep() }
        let isObject = container.kind == .object
        let (start, end) = (container.start, container.start + container.count)
        if isObject { sortByKey(UnsafeMutableBufferPointer(start: order.base + start, count: end - start)) }
        output.append(isObject ? UInt8(ascii: "{") : UInt8(ascii: "["))
        output.append(UInt8(ascii: "\n"))
        var first = true
        for position in start..<end {
            let member = members[Int(order[position])]
            // An object keeps the last value written under a key, as JSONEncoder's dictionary does.
            if isObject, position + 1 < end, hasSameKey(member, members[Int(order[position + 1])]) { continue }
            if !first { output.append(",\n") }
            first = false
            output.appendIndent(depth)
            try write(member, depth: depth)
        }
        output.append(UInt8(ascii: "\n"))
        output.appendIndent(depth - 1)
        output.append(isObject ? UInt8(ascii: "}") : UInt8(ascii: "]"))
    }


    /// Sorts members by their keys' UTF-8 bytes, keeping the order they were written in among equal
    /// keys: insertion for the few members of a record, the standard library's stable sort beyond.
    private func sortByKey(_ order: UnsafeMutableBufferPointer<Int32>) {
        var order = order
        guard order.count > 16 else {
            for sorted in order.indices.dropFirst() {
                let next = order[sorted]
                var slot = sorted
                while slot > 0, precedes(next, order[slot - 1]) {
                    order[slot] = order[slot - 1]
                    slot -= 1
                }
                order[slot] = next
            }
            return
        }
        order.sort { precedes($0, $1) }
    }

    private func precedes(_ left: Int32, _ right: Int32) -> Bool {
        let (a, b) = (members[Int(left)], members[Int(right)])
        if a.rank != b.rank { return a.rank < b.rank }
        return JSONTree.key(of: a, in: text).lexicographicallyPrecedes(JSONTree.key(of: b, in: text))
    }

    /// Escaping is one-to-one, so equal keys have equal key texts.
    private func hasSameKey(_ a: JSONTree.Member, _ b: JSONTree.Member) -> Bool {
        a.rank == b.rank && a.prefixLength == b.prefixLength
            && memcmp(text + a.textStart, text + b.textStart, Int(a.prefixLength)) == 0
    }
}
