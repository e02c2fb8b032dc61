import Testing
import TakehomeAnalysis

/// Hand-worked figures for Rust: impl methods, match with a guard, closures, `?`, let-else, lifetimes.
@Suite struct RustTests {
    static let source = """
    struct Meter { value: u32 }

    impl Meter {
        fn level(&self, limit: Option<u32>) -> &'static str {
            let max = limit.unwrap_or(10);
            match self.value {
                0 => "empty",
                v if v < max => "partial",
                _ => "full",
            }
        }

        fn parse(text: &str) -> Result<u32, std::num::ParseIntError> {
            let doubled = |x: u32| x * 2;
            let Some(first) = text.split(',').next() else { return Ok(0) };
            Ok(doubled(first.trim().parse::<u32>()?))
        }
    }

    """

    @Test func matchClosuresAndErrorPropagation() {
        #expect(Measured.of(Rust(), RustTests.source) == [
            // Three arms: two decisions (lizard's rule), the guard's if one more; cognitive match 1, if 1+1.
            Measured("Meter::level", line: 4, endLine: 11, nloc: 8, ccn: 4, cognitive: 3, params: 1, maxNesting: 2),
            // `?` and let-else are decisions; the closure's `|x|` is not.
            Measured("Meter::parse", line: 13, endLine: 17, nloc: 5, ccn: 3, cognitive: 1, params: 1, maxNesting: 1),
        ])
    }
}
