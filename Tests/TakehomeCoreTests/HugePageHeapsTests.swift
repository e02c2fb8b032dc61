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
