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
        let safe = entries.filter { PathRules.problem(in: $0.path) == nil }
        guard let top = safe.first?.path.first, safe.allSatisfy({ $0.path.first == top }),
              safe.contains(where: { $0.path.count > 1 }) else { return entries }
        let topIsFolder = safe.allSatisfy { entry in
            if entry.path.count > 1 { return true }
            if case .directory = entry.kind { return true }
            return false
        }
        guard topIsFolder else { return entries }
        // Only safe entries move; unsafe ones keep the path they had, for their finding.
        return entries.compactMap { entry in
            guard PathRules.problem(in: entry.path) == nil else { return entry }
            guard entry.path.count > 1 else { return nil }
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
