import Foundation
import Testing
import TakehomeCore
@testable import TakehomeGrading

// The candidate's own tests through `Grader`, with real pytest and coverage.py in the real sandbox.
// No time limit: every run here is bounded by the assignment's wall limit in the sandbox.

/// A git repository holding `files` (path → text); returns its file:// URL.
private func repository(_ files: [String: String], in scratch: Scratch) throws -> String {
    let repo = scratch.url.appendingPathComponent("candidate")
    for (path, text) in files {
        let url = repo.appendingPathComponent(path)
        try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
        try Data(text.utf8).write(to: url)
    }
    try shell(["git", "init", "-q", "-b", "main"], in: repo)
    try shell(["git", "add", "-A"], in: repo)
    try shell(["git", "commit", "-q", "-m", "Submission"], in: repo)
    return "file://\(repo.path)"
}

/// coverage.py's executable lines here: 1, 2 (add), 5, 6, 7, 8 (sign), 11, 12, 13 (unused) = 9.
private let calc = """
def add(a, b):
    return a + b


def sign(x):
    if x < 0:
        return -1
    return 1


def unused(x):
    y = x * 2
    return y

"""

/// Three passing tests and one failing; one uses a fixture from their own conftest.py. None calls
/// `sign` with a negative number or calls `unused`: lines 7, 12 and 13 never run, and of the two
/// branches of `if x < 0` only one is taken.
private let calcTests: [String: String] = [
    "calc.py": calc,
    "tests/conftest.py": "import pytest\n\n\n@pytest.fixture\ndef two():\n    return 2\n",
    "tests/test_calc.py": """
        from calc import add, sign


        def test_add(two):
            assert add(two, 3) == 5


        def test_add_zero():
            assert add(0, 0) == 0


        def test_sign_positive():
            assert sign(3) == 1


        def test_add_wrong():
            assert add(1, 1) == 3

        """,
]

@Test func ownTestsAreCountedAndTheirCoverageOfTheSourceMeasured() async throws {
    let scratch = try Scratch()
    let url = try repository(calcTests, in: scratch)
    let report = try await Grader(assignment: try loadAssignment()).grade(.init(source: url))
    let own = try #require(report.metrics.testability?.ownTests)
    #expect(own.found == 4 && own.passed == 3 && own.failed == 1 && own.errored == 0 && own.skipped == 0)
    // 6 of 9 lines, 1 of 2 branches; the tests and the conftest are not the candidate's source.
    #expect(own.coverage == Coverage(lines: 0.6667, branches: 0.5))
    #expect(own.files == [.init(file: "calc.py", lines: 9, linesCovered: 6, branches: 2, branchesCovered: 1,
                                uncoveredLines: "7, 12-13")])
    #expect(own.uncoveredFunctions == [.init(file: "calc.py", name: "unused", line: 11)])
    #expect(own.coverageTool == "pytest + coverage.py (cobertura)")
    let candidate = try #require(report.tests.candidate)
    #expect(candidate.total == 4 && candidate.passed == 3 && candidate.failed == 1)
    #expect(candidate.coverage == own.coverage)
    #expect(candidate.cases.first { $0.name == "test_add_wrong" }?.status == .failed)
    #expect(!candidate.tampered)
    #expect(report.sandbox?.phases.contains { $0.name == "candidate's own tests" && !$0.network } == true)
    // The reference's own tests (33, all lines and branches) are the yardstick.
    let reference = try #require(own.reference)
    #expect(reference.found == 33 && reference.passed == 33 && reference.coverage == Coverage(lines: 1, branches: 1))
    // covered (0.6667 + 0.5) / 2 = 0.58; health 3/4 = 0.75; 0.58 × 0.75 is 0.43499… in binary
    // floating point, 0.43; relative to the reference's 1. Mutation testing is off here (left out);
    // no structural signal, as the reference: 1. (1 × 0.43 + 2 × 1) / 3 = 0.81; × 15 = 12.15.
    let part = try #require(report.score.parts.first { $0.name == "testability" })
    #expect(part.measured && part.earned == 12.15)
    #expect(part.explanation == "own tests (weight 1): 3 of 4 passed (0.75); 66.7% of lines and 50% of branches covered (0.58); "
        + "0.58 × 0.75 = 0.43; the reference's: 33 of 33 passed, 100% of lines and 100% of branches covered (1); "
        + "min(1, 0.43 / 1) = 0.43; mutation (weight 2): not measured (mutation testing is turned off (mutation.mutants: 0)), "
        + "left out; structure (weight 2): no structural signal (load 0), the reference's load is 0: "
        + "min(1, (0 + 2) / (0 + 2)) = 1; (1 × 0.43 + 2 × 1) / 3 = 0.81; 15 × 0.81 = 12.15")
    #expect(try schemaErrors(report, in: scratch) == [])
}

@Test func aSubmissionWithoutTestsHasNoneFoundAndEarnsNoTestability() async throws {
    let scratch = try Scratch()
    let url = try repository(["calc.py": calc], in: scratch)
    let report = try await Grader(assignment: try loadAssignment()).grade(.init(source: url))
    let own = try #require(report.metrics.testability?.ownTests)
    #expect(own.found == 0 && own.passed == 0 && own.failed == 0 && own.errored == 0)
    #expect(own.coverage == nil)
    #expect(own.coverageNote == "no tests of the candidate's own were found")
    #expect(report.tests.candidate?.total == 0)
    #expect(report.tests.candidate?.tampered == false)
    // No tests: own tests 0 and no mutant killed (0); how testable the code is counts only once there are tests.
    let part = try #require(report.score.parts.first { $0.name == "testability" })
    #expect(part.measured && part.earned == 0)
    #expect(part.explanation.hasPrefix("own tests (weight 1): no tests of the candidate's own were found: 0; "
        + "mutation (weight 2): no tests of their own to kill a mutant: 0; structure (weight 2): not counted"))
    #expect(part.explanation.hasSuffix("(1 × 0 + 2 × 0) / 3 = 0; 15 × 0 = 0"))
    #expect(try schemaErrors(report, in: scratch) == [])
}

@Test func ownTestsCannotSeeTheHiddenTests() async throws {
    let scratch = try Scratch()
    // The test fails, naming what it found, if any assignment test file is anywhere it can look.
    let url = try repository([
        "calc.py": calc,
        "tests/test_snoop.py": """
            import os


            def test_no_hidden_tests_here():
                here = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
                found = []
                for top in {here, "/submission", "/takehome"}:
                    for folder, _, files in os.walk(top):
                        found += [os.path.join(folder, f) for f in files if f.startswith(("test_hidden", "test_public"))]
                assert not os.path.exists(os.path.join(here, "tests", "hidden"))
                assert found == []

            """,
    ], in: scratch)
    let report = try await Grader(assignment: try loadAssignment()).grade(.init(source: url))
    let candidate = try #require(report.tests.candidate)
    #expect(candidate.total == 1)
    #expect(candidate.passed == 1, "\(candidate.cases.first?.message ?? "")")
    // The hidden run, in its own copy, did have them.
    #expect(report.tests.hidden?.total == 33)
}

@Test func aConftestThatRewritesTheirOwnResultsIsRemoved() async throws {
    let scratch = try Scratch()
    let url = try repository([
        "calc.py": calc,
        "tests/conftest.py": """
            import pytest


            @pytest.hookimpl(hookwrapper=True)
            def pytest_runtest_makereport(item, call):
                outcome = yield
                outcome.get_result().outcome = "passed"

            """,
        "tests/test_calc.py": "from calc import add\n\n\ndef test_add_wrong():\n    assert add(1, 1) == 3\n",
    ], in: scratch)
    let report = try await Grader(assignment: try loadAssignment()).grade(.init(source: url))
    #expect(report.tests.candidate?.failed == 1)
    #expect(report.findings.contains { $0.rule == "tests.tampering-attempt" && $0.file == "tests/conftest.py"
        && $0.message.contains("own tests") })
}

@Test func aCoverageModuleOfTheirsDoesNotReplaceTheCoverageTool() async throws {
    let scratch = try Scratch()
    // A `coverage.py` at the solution's root that would report every line covered if it were imported
    // as the coverage tool.
    let forged = """
        class Coverage:
            def __init__(self, *args, **kwargs):
                pass

            def start(self):
                pass

            def stop(self):
                pass

            def xml_report(self, outfile):
                with open(outfile, "w") as out:
                    out.write('<coverage><sources><source>/submission</source></sources><packages><package><classes>'
                              '<class filename="calc.py"><lines><line number="2" hits="1"/></lines></class>'
                              '</classes></package></packages></coverage>')

        """
    var files = calcTests
    files["coverage.py"] = forged
    let url = try repository(files, in: scratch)
    let report = try await Grader(assignment: try loadAssignment()).grade(.init(source: url))
    let own = try #require(report.metrics.testability?.ownTests)
    #expect(own.found == 4 && own.passed == 3)
    #expect(own.files.first { $0.file == "calc.py" }?.lines == 9)
    #expect(own.coverage?.lines ?? 1 < 1)
}
