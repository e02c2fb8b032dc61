import Foundation
import Testing
@testable import TakehomeFetch
import TakehomeCore

/// A python3 script that writes a hostile archive of each format.
private let archiveScript = #"""
import io, sys, tarfile, zipfile
kind, out = sys.argv[1], sys.argv[2]
normal = [("project/src/app.py", b"print('ok')\n"), ("project/README.md", b"# readme\n")]
hostile = [("project/../evil.txt", b"evil\n"), ("/tmp/absolute-evil.txt", b"evil\n")]
if kind == "zip":
    with zipfile.ZipFile(out, "w") as archive:
        for name, data in normal + hostile:
            archive.writestr(name, data)
        link = zipfile.ZipInfo("project/link-out")
        link.create_system = 3
        link.external_attr = (0o120777 << 16)
        archive.writestr(link, "../../../etc/passwd")
        inside = zipfile.ZipInfo("project/link-in")
        inside.create_system = 3
        inside.external_attr = (0o120777 << 16)
        archive.writestr(inside, "README.md")
else:
    with tarfile.open(out, "w:gz", format=tarfile.GNU_FORMAT) as archive:
        def add(info, data=b""):
            info.size = len(data)
            archive.addfile(info, io.BytesIO(data))
        for name, data in normal + hostile:
            add(tarfile.TarInfo(name), data)
        for name, target, kind in [("project/link-out", "/etc/passwd", tarfile.SYMTYPE),
                                   ("project/link-in", "README.md", tarfile.SYMTYPE),
                                   ("project/hard", "/etc/passwd", tarfile.LNKTYPE),
                                   ("project/fifo", "", tarfile.FIFOTYPE)]:
            info = tarfile.TarInfo(name); info.type = kind; info.linkname = target
            add(info)
"""#

@Suite struct ArchiveAndFolderTests {
    @Test(arguments: ["zip", "tar.gz"])
    func hostileArchive(_ format: String) async throws {
        let scratch = try Scratch()
        try scratch.write("make.py", archiveScript)
        let archive = scratch.path("submission.\(format)")
        try run(["python3", "make.py", format == "zip" ? "zip" : "tar", archive.path], in: scratch.url)
        let outside = FileManager.default.temporaryDirectory.appendingPathComponent("absolute-evil.txt")
        try? FileManager.default.removeItem(at: outside)

        let fetched = try await SubmissionFetcher(limits: testLimits).fetch(archive.path, ref: nil, into: scratch.path("tree"))
        #expect(fetched.kind == .archive)
        #expect(fetched.commit == nil)
        #expect(scratch.read("tree/src/app.py") == "print('ok')\n")
        #expect(scratch.read("tree/README.md") == "# readme\n")
        #expect(isSymlink(scratch.path("tree/link-in")))
        #expect(!exists(scratch.path("tree/link-out")))
        #expect(!exists(scratch.path("evil.txt")))
        #expect(!exists(scratch.path("tree/evil.txt")))
        #expect(!exists(outside))
        let found = rules(fetched.findings)
        #expect(found["project/../evil.txt"] == "fetch.unsafe-path")
        #expect(found["/tmp/absolute-evil.txt"] == "fetch.unsafe-path")
        #expect(found["link-out"] == "fetch.symlink-outside")
        if format == "tar.gz" {
            #expect(found["hard"] == "fetch.unsafe-path")
            #expect(found["fifo"] == "fetch.unsafe-path")
        }
        #expect(fetched.bytesReceived == Int64((try FileManager.default.attributesOfItem(atPath: archive.path)[.size] as? Int) ?? -1))
        #expect(Set(try FileManager.default.contentsOfDirectory(atPath: scratch.path("tree").path)) == ["src", "README.md", "link-in"])
    }

    @Test func plainFolderWithOutsideSymlink() async throws {
        let scratch = try Scratch()
        try scratch.write("folder/main.py", "print(1)\n")
        try scratch.write("folder/.git/config", "not copied\n")
        symlink("/etc", scratch.path("folder/etc").path)
        symlink("main.py", scratch.path("folder/alias.py").path)
        mkfifo(scratch.path("folder/pipe").path, 0o644)

        let fetched = try await SubmissionFetcher(limits: testLimits).fetch(scratch.path("folder").path, ref: nil, into: scratch.path("tree"))
        #expect(fetched.kind == .folder)
        #expect(rules(fetched.findings) == ["etc": "fetch.symlink-outside", "pipe": "fetch.unsafe-path"])
        #expect(Set(try FileManager.default.contentsOfDirectory(atPath: scratch.path("tree").path)) == ["main.py", "alias.py"])
        #expect(isSymlink(scratch.path("tree/alias.py")))
        #expect(fetched.fileCount == 2)

        symlink("/etc/passwd", scratch.path("tree/leak").path)
        let copied = try TreeCopier.copy(from: scratch.path("tree"), to: scratch.path("run"))
        #expect(copied == 2)
        #expect(!exists(scratch.path("run/leak")))
        #expect(scratch.read("run/alias.py") == "print(1)\n")
    }

    @Test func archiveOverMaxFilesLeavesNothing() async throws {
        let scratch = try Scratch()
        try scratch.write("make.py", archiveScript)
        try run(["python3", "make.py", "zip", scratch.path("s.zip").path], in: scratch.url)
        var limits = testLimits
        limits.maxFiles = 1
        let before = scratch.names
        let error = await fetchError(scratch.path("s.zip").path, limits: limits, into: scratch.path("tree"))
        #expect(error?.kind == .overCap)
        #expect(scratch.names == before)
    }
}
