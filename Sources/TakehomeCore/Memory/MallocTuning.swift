import Foundation

/// glibc's `mallopt`, which the Glibc module does not import, looked up once by name.
public enum MallocTuning {
    private typealias Mallopt = @convention(c) (Int32, Int32) -> Int32
    // <malloc.h>'s parameter numbers, part of glibc's ABI.
    private static let trimThreshold: Int32 = -1, topPad: Int32 = -2, mmapThreshold: Int32 = -3

    public static func keepFreedMemory() {
        guard let symbol = dlsym(nil, "mallopt") else { return }
        let mallopt = unsafeBitCast(symbol, to: Mallopt.self)
        _ = mallopt(mmapThreshold, 64 << 20)
        _ = mallopt(trimThreshold, 256 << 20)
        _ = mallopt(topPad, 32 << 20)
    }
}
