/// The tree `ReportJSONEncoder` builds: every container's members in one array, each member's
/// text in one buffer already as it will be written (`"key" : ` and, for a scalar, its JSON), so
/// that writing is copying. A container can keep growing after it handed out a nested one, and
/// nothing in the tree is reference-counted.
final class JSONTree {
    /// One member of an object or an array, or the top-level value (member 0, in no container).
    /// 32 bytes: a report has tens of thousands of them.
    struct Member {
        static let nothing: Int32 = -1
        static let scalar: Int32 = -2
        /// A value whose JSON was written ahead: written as it is, or re-indented to its place.
        static let prewritten: Int32 = -3

        /// The key's first eight bytes, big-endian: orders most keys without reading them.
        var rank: UInt64 = 0
        /// Its text: `"key" : ` in an object (nothing in an array), then a scalar's JSON. When
        /// escaping changed the key, its own bytes and their count (4 bytes) come just before.
        var textStart = 0
        var textCount: UInt32 = 0
        var prefixLength: UInt32 = 0
        /// The container it belongs to, -1 for the top-level value. A container's members are the
        /// members naming it, in the order they were added.
        var parent: Int32 = -1
        /// `nothing` (written as an empty object, as `JSONEncoder` does), `scalar` (its JSON is in
        /// its text), `prewritten` (its JSON, written ahead, is in `prewrittenParts`), or the index of the
        /// container it holds.
        var holds: Int32 = Member.nothing
    }

    struct Container {
        enum Kind { case object, array }
        var kind: Kind
        /// The member whose value it is.
        var owner: Int32
        /// The index of the first member that can belong to it.
        var firstCandidate: Int
        var count = 0
        /// Where the writer lists its members.
        var start = 0
    }

    // The encoder never holds an access to these across a call that could reach them again, so the
    // runtime's exclusivity checks, a tenth of the work otherwise, are left out.
    @exclusivity(unchecked) var text = ByteBuffer(capacity: 1 << 16)
    @exclusivity(unchecked) var members = GrowingBuffer<Member>(capacity: 1 << 12)
    @exclusivity(unchecked) var containers = GrowingBuffer<Container>(capacity: 1 << 10)

    /// Values of these types are not encoded: the JSON written for them ahead goes in their place.
    let prewritten: [PrewrittenJSON]
    /// How deep the top-level value is written (`JSONTextWriter.document`'s `depth`).
    let depth: Int

    init(prewritten: [PrewrittenJSON] = [], depth: Int = 0) {
        self.prewritten = prewritten
        self.depth = depth
        members.append(Member())
    }

    /// How deep the writer writes `member`: the top-level value's depth, plus one per container
    /// around it.
    func depth(of member: Int32) -> Int {
        var depth = self.depth, parent = members[Int(member)].parent
        while parent >= 0 {
            depth += 1
            parent = members[Int(containers[Int(parent)].owner)].parent
        }
        return depth
    }

    /// Adds a member at the end of `container`, under `key` in an object, holding nothing yet.
    func append(to container: Int32, key: String? = nil) -> Int32 {
        let key = key.map { appendKey($0) } ?? KeyText(textStart: text.count)
        let prefixLength = UInt32(text.count - key.textStart)
        return add(Member(rank: key.rank, textStart: key.textStart, textCount: prefixLength, prefixLength: prefixLength,
                          parent: container), to: container)
    }

    /// Adds a member at the end of `container`, under `key` in an object, holding the scalar `write` appends.
    func appendScalar(to container: Int32, key: String? = nil, _ write: (inout ByteBuffer) -> Void) {
        appendScalar(to: container, under: key.map { appendKey($0) } ?? KeyText(textStart: text.count), write)
    }

    /// Adds a member under `key`, a literal that needs no escaping, holding the scalar `write`
    /// appends: the key's bytes are copied as they are, with no check.
    func appendScalar(to container: Int32, literalKey key: StaticString, _ write: (inout ByteBuffer) -> Void) {
        appendScalar(to: container, under: appendPlainKey(UnsafeBufferPointer(start: key.utf8Start, count: key.utf8CodeUnitCount)), write)
    }

    private func appendScalar(to container: Int32, under key: KeyText, _ write: (inout ByteBuffer) -> Void) {
        let prefixLength = UInt32(text.count - key.textStart)
        write(&text)
        // Built in one expression, so that it is stored in place: a member assembled field by field
        // and then copied stalls on store forwarding.
        _ = add(Member(rank: key.rank, textStart: key.textStart, textCount: UInt32(text.count - key.textStart),
                       prefixLength: prefixLength, parent: container, holds: Member.scalar), to: container)
    }

    private struct KeyText {
        var textStart: Int
        var rank: UInt64 = 0
    }

    /// Appends `"key" : `, after the key's own bytes and their count when escaping changes them.
    private func appendKey(_ key: String) -> KeyText {
        var key = key
        return key.withUTF8 { utf8 in
            guard ByteBuffer.needsEscaping(utf8) else { return appendPlainKey(utf8) }
            text.append(utf8)
            withUnsafeBytes(of: UInt32(utf8.count)) { text.append($0.assumingMemoryBound(to: UInt8.self)) }
            let found = KeyText(textStart: text.count, rank: Self.rank(of: utf8))
            text.appendQuoted(utf8)
            text.append(" : ")
            return found
        }
    }

    /// Appends `"key" : ` for a key that needs no escaping.
    private func appendPlainKey(_ utf8: UnsafeBufferPointer<UInt8>) -> KeyText {
        let found = KeyText(textStart: text.count, rank: Self.rank(of: utf8))
        text.append(UInt8(ascii: "\""))
        text.append(utf8)
        text.append("\" : ")
        return found
    }

    /// The key's first eight bytes, big-endian (`Member.rank`).
    private static func rank(of utf8: UnsafeBufferPointer<UInt8>) -> UInt64 {
        var rank: UInt64 = 0
        for index in 0..<Swift.min(utf8.count, 8) { rank |= UInt64(utf8[index]) &<< (56 - 8 * UInt64(index)) }
        return rank
    }

    @inline(__always)
    private func add(_ member: Member, to container: Int32) -> Int32 {
        members.append(member)
        containers[Int(container)].count += 1
        return Int32(members.count - 1)
    }

    /// Sets `member` to the scalar `write` appends, after its key text.
    func setScalar(of member: Int32, _ write: (inout ByteBuffer) -> Void) {
        let index = Int(member)
        let prefixLength = Int(members[index].prefixLength)
        if members[index].textStart + prefixLength != text.count {  // something came between: copy the key text
            let keyCopy = Self.keyCopyLength(of: members[index], in: text.base)
            let copy = text.reserve(keyCopy + prefixLength)
            copy.initialize(from: text.base + members[index].textStart - keyCopy, count: keyCopy + prefixLength)
            members[index].textStart = text.count + keyCopy
            text.commit(keyCopy + prefixLength)
        }
        write(&text)
        members[index].textCount = UInt32(text.count - members[index].textStart)
        members[index].holds = Member.scalar
    }

    /// The JSON written ahead for each prewritten member, by where the member's text (its key
    /// alone) starts: the writer copies it from there, so that it is never copied into `text`.
    private(set) var prewrittenParts: [Int: PrewrittenJSON] = [:]

    /// Sets `member` to JSON written ahead, after its key text.
    func setPrewritten(of member: Int32, _ written: PrewrittenJSON) {
        setScalar(of: member) { _ in }
        members[Int(member)].holds = Member.prewritten
        prewrittenParts[members[Int(member)].textStart] = written
    }

    func isEmpty(_ member: Int32) -> Bool { members[Int(member)].holds == Member.nothing }

    /// The container of `kind` that `member` holds: the one already there (a value asking for its
    /// container twice, as a subclass and its superclass do, fills one), or a new one.
    func container(of member: Int32, kind: Container.Kind) -> Int32 {
        let current = members[Int(member)]
        if current.holds >= 0, containers[Int(current.holds)].kind == kind { return current.holds }
        containers.append(Container(kind: kind, owner: member, firstCandidate: members.count))
        members[Int(member)].holds = Int32(containers.count - 1)
        members[Int(member)].textCount = current.prefixLength
        return Int32(containers.count - 1)
    }

    /// The container of `kind` under `key` in `object`: the one already there, or a new member's.
    func container(forKey key: String, in object: Int32, kind: Container.Kind) -> Int32 {
        let existing = (containers[Int(object)].firstCandidate..<members.count).last { index in
            members[index].parent == object && key.utf8.elementsEqual(keyBytes(of: Int32(index)))
        }
        return container(of: existing.map(Int32.init) ?? append(to: object, key: key), kind: kind)
    }

    func keyBytes(of member: Int32) -> UnsafeBufferPointer<UInt8> { Self.key(of: members[Int(member)], in: text.base) }

    /// A member's key, unescaped: inside its text, or in the copy before it when escaping changed it.
    static func key(of member: Member, in text: UnsafePointer<UInt8>) -> UnsafeBufferPointer<UInt8> {
        guard member.prefixLength >= 5 else { return UnsafeBufferPointer(start: text, count: 0) }
        let keyCopy = keyCopyLength(of: member, in: text)
        guard keyCopy > 0 else { return UnsafeBufferPointer(start: text + member.textStart + 1, count: Int(member.prefixLength) - 5) }
        return UnsafeBufferPointer(start: text + member.textStart - keyCopy, count: keyCopy - 4)
    }

    /// The bytes before a member's text that hold its key unescaped and their count; 0 when its key
    /// text has no escape (a `\` in it, which only escaping writes).
    static func keyCopyLength(of member: Member, in text: UnsafePointer<UInt8>) -> Int {
        let prefix = UnsafeBufferPointer(start: text + member.textStart, count: Int(member.prefixLength))
        guard prefix.contains(UInt8(ascii: "\\")) else { return 0 }
        return 4 + Int(UnsafeRawPointer(text + member.textStart - 4).loadUnaligned(as: UInt32.self))
    }

    /// The coding path of `member`'s value, as `Encoder.codingPath` reports it.
    func codingPath(of member: Int32) -> [any CodingKey] {
        let parent = members[Int(member)].parent
        guard parent >= 0 else { return [] }
        let container = containers[Int(parent)]
        let prefix = codingPath(of: container.owner)
        if container.kind == .object { return prefix + [JSONPathKey(stringValue: String(decoding: keyBytes(of: member), as: UTF8.self))] }
        let position = (container.firstCandidate..<Int(member)).count { members[$0].parent == parent }
        return prefix + [JSONPathKey(index: position)]
    }

    /// The coding path of the member a container would add next.
    func codingPath(ofNextIn container: Int32) -> [any CodingKey] {
        codingPath(of: containers[Int(container)].owner) + [JSONPathKey(index: containers[Int(container)].count)]
    }
}

/// A step of a coding path: an object's key or an array's index (`Index 3`, as `JSONEncoder` names it).
struct JSONPathKey: CodingKey {
    var stringValue: String
    var intValue: Int?

    init(stringValue: String) { self.stringValue = stringValue }
    init(intValue: Int) { self.init(index: intValue) }
    init(index: Int) {
        stringValue = "Index \(index)"
        intValue = index
    }
}
