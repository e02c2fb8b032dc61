import Testing
import TakehomeAnalysis

/// Hand-worked figures for C++: namespaces, operators, out-of-line methods, lambdas, raw strings, `#if`.
@Suite struct CPlusPlusTests {
    static let source = """
    #include <vector>
    namespace geo {
    class Poly {
    public:
        bool operator==(const Poly& other) const {
            return n_ == other.n_ && name_ == other.name_;
        }
        int area() const;
    private:
        int n_ = 0;
        const char* name_ = R"(raw "quoted" { text)";
    };
    int Poly::area() const {
        auto positive = [](int v) { return v > 0 ? v : 0; };
    #if defined(FAST)
        return positive(n_);
    #else
        return positive(n_) * 2;
    #endif
    }
    }  // namespace geo

    """

    @Test func operatorsOutOfLineMethodsAndLambdas() {
        #expect(Measured.of(CPlusPlus(), CPlusPlusTests.source) == [
            Measured("geo::Poly::operator==", line: 5, endLine: 7, nloc: 3, ccn: 2, cognitive: 1, params: 1, maxNesting: 0),
            // The lambda's ternary belongs to area (as in lizard) and nests once inside the lambda; #if counts.
            Measured("geo::Poly::area", line: 13, endLine: 20, nloc: 8, ccn: 3, cognitive: 2, params: 0, maxNesting: 0),
        ])
    }
}
