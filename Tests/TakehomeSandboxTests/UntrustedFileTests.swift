import Foundation
import Testing
@testable import TakehomeSandbox

/// Reading back what sandboxed code left, through openat2 and through the O_NOFOLLOW walk.
@Suite("UntrustedFile")
struct UntrustedFileTests {
    static let readers = [UntrustedFile(limit: 1 << 20), { var walk = UntrustedFile(limit: 1 << 20); walk.useOpenat2 = false; return walk }()]

    let folder: ScratchDirectory
    var base: URL { URL(fileURLWithPath: folder.path + "/results") }

    init() throws {
        folder = try ScratchDirectory()
        try FileManager.default.createDirectory(atPath: folder.path + "/results/sub", withIntermediateDirectories: true)
        try Data("secret".utf8).write(to: URL(fileURLWithPath: folder.path + "/outside.txt"))
        try Data("<testsuite/>".utf8).write(to: URL(fileURLWithPath: folder.path + "/results/sub/junit.xml"))
    }

    private func refusal(_ outcome: UntrustedFile.Outcome) -> String? {
        if case .refused(let reason) = outcome { return reason }
        return nil
    }

    @Test(arguments: readers) func readsARegularFile(reader: UntrustedFile) {
        #expect(reader.read("sub/junit.xml", beneath: base) == .data(Data("<testsuite/>".utf8)))
        #expect(reader.read("missing.xml", beneath: base) == .absent)
    }

    @Test(arguments: readers) func refusesASymlinkedFile(reader: UntrustedFile) throws {
        try FileManager.default.createSymbolicLink(atPath: base.path + "/link.xml", withDestinationPath: folder.path + "/outside.txt")
        #expect(refusal(reader.read("link.xml", beneath: base))?.contains("symbolic link") == true)
    }

    @Test(arguments: readers) func refusesASymlinkedParentFolder(reader: UntrustedFile) throws {
        try FileManager.default.createSymbolicLink(atPath: base.path + "/up", withDestinationPath: folder.path)
        #expect(refusal(reader.read("up/outside.txt", beneath: base))?.contains("symbolic link") == true)
        #expect(refusal(reader.read("../outside.txt", beneath: base)) != nil)
    }

    @Test(arguments: readers) func refusesAFIFOWithoutBlocking(reader: UntrustedFile) throws {
        #expect(mkfifo(base.path + "/fifo.xml", 0o644) == 0)
        #expect(refusal(reader.read("fifo.xml", beneath: base))?.contains("not a regular file") == true)
    }

    @Test(arguments: readers) func refusesAnOversizedFile(reader: UntrustedFile) throws {
        try Data(repeating: UInt8(ascii: "x"), count: (1 << 20) + 1).write(to: base.appendingPathComponent("big.xml"))
        #expect(refusal(reader.read("big.xml", beneath: base))?.contains("over the 1 MiB") == true)
    }

    @Test(arguments: readers) func refusesASparseFile(reader: UntrustedFile) throws {
        let path = base.path + "/sparse.xml"
        #expect(FileManager.default.createFile(atPath: path, contents: Data("<a/>".utf8)))
        #expect(truncate(path, 900 << 10) == 0)
        #expect(refusal(reader.read("sparse.xml", beneath: base))?.contains("sparse") == true)
    }
}
