import Testing
import TakehomeCore
@testable import TakehomeAnalysis

@Suite struct TestFileRulesTests {
    @Test(arguments: [
        // Python
        "test_pay.py", "pay_test.py", "tests/helpers.py", "conftest.py", "pkg/tests.py",
        // Go
        "pay/pay_test.go",
        // JavaScript and TypeScript
        "src/pay.test.ts", "src/pay.spec.js", "src/__tests__/pay.tsx", "web/pay.test.jsx",
        // Java and Kotlin (Maven/Gradle layout and names)
        "src/test/java/com/acme/PayCalculator.java", "app/PayCalculatorTest.java", "app/PayCalculatorTests.kt",
        // Swift
        "Tests/PayTests/PayTests.swift", "Sources/Pay/PayTests.swift",
        // Ruby, C#, C++, Rust
        "spec/pay_spec.rb", "lib/pay_test.rb", "Pay.Tests/PayTests.cs", "pay_unittest.cc", "tests/integration.rs",
    ])
    func testCode(_ path: String) {
        #expect(TestFileRules.kind(of: path) == .test, "\(path)")
    }

    @Test(arguments: [
        "shiftpay.py", "latest.py", "contest.py", "src/Contest.java", "protest.go", "attestation.ts", "testing_notes.py",
        "Sources/Pay/Pay.swift", "src/main/java/com/acme/Pay.java", "lib/testify.rb",
    ])
    func sourceCode(_ path: String) {
        #expect(TestFileRules.kind(of: path) == .source, "\(path)")
    }
}

@Suite struct LanguageRegistryTests {
    @Test func choosesByExtensionIgnoringCase() {
        let registry = LanguageRegistry([LineAnalyzer(), LineAnalyzer.ruby])
        #expect(registry.analyzer(for: "src/pay.py")?.language == .python)
        #expect(registry.analyzer(for: "PAY.PY")?.language == .python)
        #expect(registry.analyzer(for: "lib/pay.rb")?.language == .ruby)
        #expect(registry.analyzer(for: "Makefile") == nil)
        #expect(registry.analyzer(for: ".py") == nil)
        #expect(registry.analyzer(for: "notes.py.txt") == nil)
        #expect(registry.analyzer(for: "trailing.") == nil)
    }

    @Test func theFirstAnalyserClaimingAnExtensionWins() {
        let registry = LanguageRegistry([LineAnalyzer(language: .ruby, extensions: ["py"]), LineAnalyzer()])
        #expect(registry.analyzer(for: "a.py")?.language == .ruby)
        #expect(LanguageRegistry([]).analyzer(for: "a.py") == nil)
    }
}
