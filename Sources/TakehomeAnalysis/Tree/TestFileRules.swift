import TakehomeCore

/// Tells the candidate's tests from their solution by the conventions of each language's test
/// tools: a test folder anywhere on the path (`tests/`, `test/`, `__tests__/`, `spec/`, Swift's
/// `Tests/`, Maven's `src/test/`), or a test file name (`test_*.py`, `*_test.go`, `*.spec.ts`,
/// `*Tests.swift`, `FooTest.java`, `*_spec.rb`, `conftest.py`).
public enum TestFileRules {
    /// Folder names (compared lower-cased) whose contents are tests.
    static let folders: Set<String> = ["test", "tests", "__tests__", "spec", "specs", "testing", "unittests"]

    /// Whole file names that hold test code: pytest's fixtures file, Go's and Rust's conventions.
    static let names: Set<String> = ["conftest.py", "test.py", "tests.py"]

    /// `source` or `test` for a path relative to the analysed root.
    public static func kind(of path: String) -> CodeKind {
        let components = path.split(separator: "/")
        guard let name = components.last else { return .source }
        if components.dropLast().contains(where: { folders.contains($0.lowercased()) }) { return .test }
        return isTestFileName(String(name)) ? .test : .source
    }

    static func isTestFileName(_ name: String) -> Bool {
        if names.contains(name.lowercased()) { return true }
        // The stem without any extension: `pay.test.ts` → `pay.test`, `PayTests.swift` → `PayTests`.
        var stem = Substring(name)
        if let dot = stem.lastIndex(of: "."), dot != stem.startIndex { stem = stem[..<dot] }
        let lower = stem.lowercased()
        if lower.hasPrefix("test_") || lower.hasSuffix("_test") || lower.hasSuffix("_tests")
            || lower.hasSuffix("_spec") || lower.hasSuffix("_unittest") || lower.hasSuffix(".test")
            || lower.hasSuffix(".spec") || lower.hasSuffix("-test") || lower.hasSuffix("-spec") {
            return true
        }
        // CamelCase conventions: `PayTest`, `PayTests`, `PaySpec` (case-sensitive, so `Contest` is not one).
        for suffix in ["Test", "Tests", "Spec"] where stem.hasSuffix(suffix) && stem.count > suffix.count {
            let before = stem[stem.index(stem.endIndex, offsetBy: -suffix.count - 1)]
            if before.isLetter || before.isNumber { return true }
        }
        return false
    }
}
