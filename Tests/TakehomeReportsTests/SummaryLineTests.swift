import Testing
import TakehomeCore
@testable import TakehomeReports

@Suite struct SummaryLineTests {
    @Test func passingSubmission() {
        #expect(SummaryLine.render(Fixture.pass.report, label: "clean")
                == "clean             score 60/60 (100%)        hidden 33/33  limits: none  tampering: no")
    }

    @Test func buggySubmission() {
        #expect(SummaryLine.render(Fixture.buggy.report, label: "buggy")
                == "buggy             score 62.64/85 (73.69%)   hidden 30/33  limits: stopped at the 30 s wall limit  tampering: no")
    }

    @Test func brokenSubmission() {
        #expect(SummaryLine.render(Fixture.broken.report, label: "forger")
                == "forger            score 0/60 (0%)           hidden 0/33   load: failed  limits: none  tampering: FLAGGED")
    }

    @Test func candidateViewKeepsTheCounts() {
        let masked = CandidateView.mask(Fixture.buggy.report, hiddenPath: "tests/hidden")
        #expect(SummaryLine.render(masked, label: "buggy") == SummaryLine.render(Fixture.buggy.report, label: "buggy"))
    }
}
