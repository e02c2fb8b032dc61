import Foundation
import Testing
@testable import TakehomeCore

/// The flags the kernel shows for the mapping that holds `address` (/proc/self/smaps "VmFlags").
private func mappingFlags(holding address: UInt) throws -> Set<String> {
    // Read to the end: /proc files report no size, and a sized read stops after the first page.
    let file = try FileHandle(forReadingFrom: URL(fileURLWithPath: "/proc/self/smaps"))
    defer { try? file.close() }
    let smaps = String(decoding: try file.readToEnd() ?? Data(), as: UTF8.self)
    var holds = false
    for line in smaps.split(separator: "\n") {
        if let dash = line.firstIndex(of: "-"), let space = line.firstIndex(of: " "), dash < space,
           let start = UInt(line[..<dash], radix: 16), let end = UInt(line[line.index(after: dash)..<space], radix: 16) {
            holds = (start..<end).contains(address)
        } else if holds, line.hasPrefix("VmFlags:") {
            return Set(line.dropFirst("VmFlags:".count).split(separator: " ").map(String.init))
        }
    }
    throw CocoaError(.fileReadCorruptFile)
}

/// The last byte below the program break: the main arena's heap.
private var mainHeapEnd: UInt { UInt(bitPattern: sbrk(0)) - 1 }

/// On a thread of its own, after that thread advised its heap: the flags of the mapping its
/// blocks come from (its arena's heap, or the main heap when glibc gave it the main arena), and
/// of its stack, which nobody advised.
/// Before advising, the thread frees a small block another thread allocated: glibc keeps it in
/// the freeing thread's cache, where a small probe would find it and advise the wrong arena.
private func adviseOnNewThread() throws -> (heap: Set<String>, stack: Set<String>) {
    final class Seen: @unchecked Sendable { var heap: Set<String> = [], stack: Set<String> = [], failure: Error? }
    let seen = Seen(), done = DispatchSemaphore(value: 0)
    let foreign = UInt(bitPattern: malloc(1))
    let thread = Thread {
        free(UnsafeMutableRawPointer(bitPattern: foreign))
        HugePageHeaps.adviseThisThreadsHeap()
        // Under the default mmap threshold (128 KB): from the arena's heap, not a mapping of its own.
        let block = malloc(64 << 10)!
        defer { free(block); done.signal() }
        var local = 0
        do {
            seen.heap = try mappingFlags(holding: HugePageHeaps.isInOtherArena(block) ? UInt(bitPattern: block) : mainHeapEnd)
            seen.stack = try withUnsafeMutablePointer(to: &local) { try mappingFlags(holding: UInt(bitPattern: $0)) }
        } catch { seen.failure = error }
    }
    thread.start()
    done.wait()
    if let failure = seen.failure { throw failure }
    return (seen.heap, seen.stack)
}

@Test func aThreadsHeapIsAdvisedForHugePagesOnceEnabled() throws {
    HugePageHeaps.enable()
    let flags = try adviseOnNewThread()
    // "hg": MADV_HUGEPAGE. The stack shows the flags are read from the right mapping.
    #expect(flags.heap.contains("hg"), "heap mapping flags: \(flags.heap.sorted())")
    #expect(flags.heap.contains("wr"))
    #expect(!flags.stack.contains("hg"))
}

@Test func theMainHeapIsAdvisedUpToTheBreak() throws {
    HugePageHeaps.enable()
    // From this thread, whichever arena glibc gave it: the main heap's last page, as the main
    // thread's first advice (or a later one, after growth) covers it.
    HugePageHeaps.adviseMainHeap(from: mainHeapEnd)
    let flags = try mappingFlags(holding: mainHeapEnd)
    #expect(flags.contains("hg"), "main heap mapping flags: \(flags.sorted())")
}

/// On a thread of its own: a block from the top of its heap (larger than any the test process's
/// per-thread caches hold), freed back to the top; then the skip from there, and where the next
/// such block comes from.
private func skipOnNewThread() -> (top: UInt, kept: Bool, next: UInt) {
    final class Seen: @unchecked Sendable { var top: UInt = 0, kept = false, next: UInt = 0 }
    let seen = Seen(), done = DispatchSemaphore(value: 0)
    let thread = Thread {
        let marker = malloc(HugePageHeaps.markerSize)!
        free(marker)
        seen.top = UInt(bitPattern: marker) - 16
        seen.kept = HugePageHeaps.skipToHugePage(top: seen.top)
        let next = malloc(HugePageHeaps.markerSize)!
        seen.next = UInt(bitPattern: next)
        free(next)
        done.signal()
    }
    thread.start()
    done.wait()
    return (seen.top, seen.kept, seen.next)
}

@Test func aSkipToTheNextHugePageLeavesTheHeapsNextBlockThere() {
    // As the executable sets it: else malloc maps a block as large as the skip's apart from the heap.
    MallocTuning.keepFreedMemory()
    // The thread may be given a heap other tests left with a large free block, which malloc hands
    // out before its top: then the marker was no top, and nothing is kept (as the next test checks).
    let skip = skipOnNewThread()
    let boundary = (skip.top + UInt(HugePageHeaps.hugePageSize) - 1) & ~UInt(HugePageHeaps.hugePageSize - 1)
    if skip.kept {
        #expect(skip.next == boundary + 16, "next block at \(String(skip.next, radix: 16)), boundary \(String(boundary, radix: 16))")
    }
}

@Test func aSkipFromAnAddressThatIsNotTheTopKeepsNothing() {
    // A live block's address is no top: malloc hands the skip's block out elsewhere, and it is freed.
    let live = malloc(4096)!
    defer { free(live) }
    let top = UInt(bitPattern: live) - 16
    #expect(!HugePageHeaps.skipToHugePage(top: top))
}
