import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// Asks the kernel to back malloc's heaps with 2 MB pages, as glibc's `glibc.malloc.hugetlb=1`
/// tunable does, without the tunable (it is read from the environment before `main`).
///
/// The analysis touches some 35 MB of fresh heap in a tenth of a second; in 4 KB pages that is
/// about 8 700 page faults, a fifth of its CPU time on a virtual machine (bench corpus: CPU 108 →
/// 86 ms, wall 62.5 → 55 ms with the tunable). Where transparent huge pages are `madvise`-only, as
/// on Debian, a heap gets them only if advised. Two kinds of heap:
/// - the main arena (the main thread's) grows the program break: it is grown once, by more than a
///   run needs, and advised whole (a later extension would be a new mapping without the advice);
/// - every other thread's arena is a 64 MB reservation aligned to its size (glibc's
///   `HEAP_MAX_SIZE`), found from any chunk it hands out, and advised whole. The kernel maps a
///   2 MB page only where all of it is writable, and such a heap is made writable as far as it is
///   used plus malloc's top pad: an arena made before `MallocTuning` raised the pad grows a few
///   pages at a time and gets none (at times a worker's 2 500 faults were all 4 KB pages).
/// A thread's heap is advised the first time it calls `adviseThisThreadsHeap` (the analysis's
/// worker threads do when they start) or `enable`.
///
/// Advice only: where the kernel has no huge pages, or glibc lays its heaps out otherwise, memory
/// is what it was. Off unless `enable` was called (the executable does, for the analysing commands).
public enum HugePageHeaps {
    /// glibc's heap reservation for arenas other than the main one: 2 × DEFAULT_MMAP_THRESHOLD_MAX.
    static let arenaHeapSize = 64 << 20
    /// How far `enable` grows the program break at once (malloc's top pad comes on top).
    static let mainArenaReserve = 48 << 20
    /// The probe's size: above the largest of the per-thread caches (1 032 bytes), which hold what
    /// the thread freed whichever arena it came from, so the chunk is the thread's own arena's.
    static let probeSize = 4096
    /// The marker's size (see `adviseThisThreadsHeap`): above malloc's per-thread caches and fast bins.
    static let markerSize = 64 << 10
    static let hugePageSize = 2 << 20
    /// A chunk's size field holds this bit when the chunk belongs to an arena other than the main one.
    private static let nonMainArenaBit: UInt = 0x4
    private static let wordSize = MemoryLayout<UInt>.size

    /// Whether advising is on, and the heaps advised so far.
    private struct State { var enabled = false; var advised: Set<UInt> = []; var mainAdvisedEnd: UInt? }
    private static let state = Locked(State())

    /// malloc, called through a pointer the optimiser cannot see through: it would otherwise drop
    /// the reserve's malloc and free as unused, and fold the read of a chunk's header (outside the
    /// allocation, as far as it knows) to nothing.
    private static let opaqueMalloc: (@convention(c) (Int) -> UnsafeMutableRawPointer?)? =
        dlsym(nil, "malloc").map { unsafeBitCast($0, to: (@convention(c) (Int) -> UnsafeMutableRawPointer?).self) }

    /// Turns advising on and advises the calling thread's heap. The executable calls it on the
    /// main thread, after `mallopt` has raised the mmap and trim thresholds above
    /// `mainArenaReserve` (or the reserve would be mapped apart, or handed back).
    public static func enable() {
        state.withLock { $0.enabled = true }
        adviseThisThreadsHeap()
    }

    /// Advises the heap of the calling thread's arena: once for another arena's, again as it grows
    /// for the main one's; nothing until `enable` is called. Otherwise it costs a malloc, a free
    /// and a lock.
    public static func adviseThisThreadsHeap() {
        guard let malloc = opaqueMalloc, let chunk = malloc(probeSize) else { return }
        defer { free(chunk) }
        if isInOtherArena(chunk) {
            let base = UInt(bitPattern: chunk) & ~UInt(arenaHeapSize - 1)
            let isNew = state.withLock { $0.enabled && $0.advised.insert(base).inserted }
            if isNew {
                _ = madvise(UnsafeMutableRawPointer(bitPattern: base), arenaHeapSize, MADV_HUGEPAGE)
                // A block larger than any a young heap has free comes from its top, and goes back to
                // it when freed: the top begins where that block did.
                if let marker = malloc(markerSize) {
                    free(marker)
                    skipToHugePage(top: chunkStart(of: marker))
                }
            }
        } else {
            adviseMainHeap(from: UInt(bitPattern: chunk))
        }
    }

    /// Hands out, and never frees, one block from the top of a heap to its next 2 MB boundary.
    /// The stretch before that boundary holds the heap's first pages (the arena's own header, the
    /// first blocks), mapped 4 KB at a time before any advice, so the kernel never backs it with a
    /// 2 MB page; left to malloc, it is filled 4 KB fault after 4 KB fault (bench corpus: some 500
    /// faults per heap). The block is never touched: it costs address space, not memory. Nothing
    /// is kept if malloc does not take the block from `top` (the heap's top chunk's address).
    /// Whether the block was kept.
    @discardableResult
    static func skipToHugePage(top: UInt) -> Bool {
        guard let malloc = opaqueMalloc else { return false }
        let boundary = (top + UInt(hugePageSize) - 1) & ~UInt(hugePageSize - 1), span = Int(boundary - top)
        // malloc's smallest chunk is 32 bytes, and the header of the next chunk (the top) goes at
        // the boundary: a block of `span - word` bytes takes a chunk of exactly `span`.
        guard span >= 64, let block = malloc(span - wordSize) else { return false }
        if chunkStart(of: block) == top { return true }
        free(block)
        return false
    }

    /// Where the malloc chunk holding the block at `pointer` begins: two words before it (the
    /// previous chunk's size, then this one's).
    static func chunkStart(of pointer: UnsafeMutableRawPointer) -> UInt { UInt(bitPattern: pointer) - 2 * UInt(wordSize) }

    /// Advises the main arena's heap up to the program break: the first time from `start` (after
    /// growing it once past what a run needs), later what it has grown by since, which the kernel
    /// maps apart, without the advice. Two threads advising the same stretch do no harm.
    static func adviseMainHeap(from start: UInt) {
        guard let advisedEnd = state.withLock({ $0.enabled ? $0.mainAdvisedEnd ?? 0 : nil }) else { return }
        // The reserve is taken from the top of the heap and given back to it: the top begins where
        // the reserve did.
        var top: UInt?
        if advisedEnd == 0, let reserve = opaqueMalloc?(mainArenaReserve) {
            free(reserve)
            top = chunkStart(of: reserve)
        }
        let page = UInt(sysconf(Int32(_SC_PAGESIZE)))
        let from = max(start & ~(page - 1), advisedEnd)
        guard let brk = sbrk(0).map(UInt.init(bitPattern:)), brk > from else { return }
        state.withLock { $0.mainAdvisedEnd = max($0.mainAdvisedEnd ?? 0, brk) }
        _ = madvise(UnsafeMutableRawPointer(bitPattern: from), Int(brk - from), MADV_HUGEPAGE)
        // After the advice: the skip writes the top's header at the boundary, and a page touched
        // unadvised would keep its 2 MB stretch in 4 KB pages.
        if let top { skipToHugePage(top: top) }
    }

    /// Whether malloc's chunk header (the word before the pointer) marks it as another arena's.
    static func isInOtherArena(_ pointer: UnsafeMutableRawPointer) -> Bool {
        pointer.load(fromByteOffset: -wordSize, as: UInt.self) & nonMainArenaBit != 0
    }
}
