import Foundation
import TakehomeCore

/// What archives share: leading `./` components are dropped, and a single top-level folder holding
/// everything is stripped, as in GitHub's zip downloads.
enum ArchiveLayout {
    static func normalise<Content>(_ offered: [OfferedEntry<Content>]) -> [OfferedEntry<Content>] {
        var entries = offered.map { entry -> OfferedEntry<Content> in
            var entry = entry
            while entry.path.count > 1, entry.path.first == [0x2E] { entry.path.removeFirst() }
            if entry.path.count > 1, entry.path.last?.isEmpty == true { entry.path.removeLast() }
            return entry
        }
        entries.removeAll { $0.path == [[0x2E]] }
        guard let top = entries.first?.path.first, !top.isEmpty, PathRules.problem(inComponent: top) == nil,
              entries.allSatisfy({ $0.path.first == top }) else { return entries }
        let topIsFolder = entries.allSatisfy { entry in
            if entry.path.count > 1 { return true }
            if case .directory = entry.kind { return true }
            return false
        }
        guard topIsFolder, entries.contains(where: { $0.path.count > 1 }) else { return entries }
        return entries.filter { $0.path.count > 1 }.map { entry in
            var entry = entry
            entry.path.removeFirst()
            return entry
        }
    }

    static func split(_ path: NameBytes) -> [NameBytes] {
        path.split(separator: 0x2F, omittingEmptySubsequences: false).map(Array.init)
    }
}

extension Materialiser {
    /// Extracts a .zip, .tar.gz or .tgz archive under the same rules and caps as a repository.
    func extractArchive(_ url: URL) throws -> FetchedSubmission {
        let size = (try? FileManager.default.attributesOfItem(atPath: url.path)[.size] as? Int64) ?? 0
        if size > limits.maxBytes.bytes {
            throw FetchError(.overCap, "the archive is \(Wording.size(size)), over the assignment's cap of \(limits.maxBytes) (fetch.max-bytes)")
        }
        if url.path.lowercased().hasSuffix(".zip") {
            return try extractZip(url, size: size)
        }
        return try extractTarGz(url, size: size)
    }
}
