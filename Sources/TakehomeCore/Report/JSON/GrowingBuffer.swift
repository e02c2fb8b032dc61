import Foundation

/// Elements appended at the end, in one `malloc` block that doubles when full (with `realloc`,
/// which moves a large block's pages instead of copying them), read through a pointer:
/// `JSONTree`'s members and containers and, as `ByteBuffer`, its text and the written document. No
/// copy-on-write, uniqueness or exclusivity checks: the encoder appends hundreds of thousands of pieces.
struct GrowingBuffer<Element: BitwiseCopyable>: ~Copyable {
    private(set) var base: UnsafeMutablePointer<Element>
    private(set) var count = 0
    private var capacity: Int

    init(capacity: Int) {
        self.capacity = Swift.max(capacity, 16)
        base = Self.reallocate(nil, capacity: self.capacity)
    }

    deinit { free(base) }

    /// The element at `index`, read and changed in place.
    subscript(index: Int) -> Element {
        unsafeAddress {
            assert(index >= 0 && index < count)
            return UnsafePointer(base + index)
        }
        nonmutating unsafeMutableAddress {
            assert(index >= 0 && index < count)
            return base + index
        }
    }

    /// `count` elements from `start`, valid until the next append.
    func elements(from start: Int, count: Int) -> UnsafeBufferPointer<Element> {
        UnsafeBufferPointer(start: base + start, count: count)
    }

    @inline(__always)
    mutating func append(_ element: Element) {
        if count == capacity { grow(toHold: count + 1) }
        (base + count).initialize(to: element)
        count += 1
    }

    @inline(__always)
    mutating func append(_ elements: UnsafeBufferPointer<Element>) {
        guard let source = elements.baseAddress, elements.count > 0 else { return }
        if count + elements.count > capacity { grow(toHold: count + elements.count) }
        let byteCount = elements.count * MemoryLayout<Element>.stride
        if byteCount <= 16 {
            Self.copySmall(from: UnsafeRawPointer(source), to: UnsafeMutableRawPointer(base + count), byteCount)
        } else {
            (base + count).initialize(from: source, count: elements.count)
        }
        count += elements.count
    }

    /// Copies 1 to 16 bytes with at most two overlapping loads and stores: the many short pieces of
    /// a document cost less than a call to `memmove` each.
    @inline(__always)
    private static func copySmall(from source: UnsafeRawPointer, to destination: UnsafeMutableRawPointer, _ count: Int) {
        if count >= 8 {
            let (head, tail) = (source.loadUnaligned(as: UInt64.self), source.loadUnaligned(fromByteOffset: count - 8, as: UInt64.self))
            destination.storeBytes(of: head, as: UInt64.self)
            destination.storeBytes(of: tail, toByteOffset: count - 8, as: UInt64.self)
        } else if count >= 4 {
            let (head, tail) = (source.loadUnaligned(as: UInt32.self), source.loadUnaligned(fromByteOffset: count - 4, as: UInt32.self))
            destination.storeBytes(of: head, as: UInt32.self)
            destination.storeBytes(of: tail, toByteOffset: count - 4, as: UInt32.self)
        } else {
            for offset in 0..<count { destination.storeBytes(of: source.load(fromByteOffset: offset, as: UInt8.self), toByteOffset: offset, as: UInt8.self) }
        }
    }

    /// Makes room for `extra` more elements and returns where they go; `commit` counts them in.
    mutating func reserve(_ extra: Int) -> UnsafeMutablePointer<Element> {
        if count + extra > capacity { grow(toHold: count + extra) }
        return base + count
    }

    mutating func commit(_ added: Int) { count += added }

    private mutating func grow(toHold needed: Int) {
        capacity = Swift.max(needed, 2 * capacity)
        base = Self.reallocate(base, capacity: capacity)
    }

    private static func reallocate(_ block: UnsafeMutablePointer<Element>?, capacity: Int) -> UnsafeMutablePointer<Element> {
        let (bytes, overflow) = capacity.multipliedReportingOverflow(by: MemoryLayout<Element>.stride)
        guard !overflow, let moved = realloc(block, bytes) else { fatalError("out of memory for \(capacity) JSON elements") }
        return moved.bindMemory(to: Element.self, capacity: capacity)
    }

    /// The elements' bytes as `Data`, without copying them.
    consuming func data() -> Data {
        let data = Data(bytesNoCopy: base, count: count * MemoryLayout<Element>.stride, deallocator: .free)
        discard self
        return data
    }
}
