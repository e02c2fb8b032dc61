import Testing
import TakehomeAnalysis

/// Hand-worked figures for Ruby: modules and classes, modifier `unless`, blocks, elsif/else, endless methods.
@Suite struct RubyTests {
    static let source = """
    module Billing
      class Invoice
        def initialize(lines, tax = 0)
          @lines = lines
          @tax = tax unless tax.nil?
        end

        def total
          sum = @lines.sum { |l| l[:price] * l[:qty] }
          if sum > 100 && @tax > 0
            sum * (1 + @tax)
          elsif sum.zero?
            0
          else
            sum
          end
        end

        def self.parse(text) = text.split(",").map(&:to_i)
      end
    end

    """

    @Test func methodsOfAClassInAModule() {
        #expect(Measured.of(Ruby(), RubyTests.source) == [
            Measured("Billing.Invoice.initialize", line: 3, endLine: 6, nloc: 4, ccn: 2, cognitive: 1, params: 2, maxNesting: 0),
            // if, &&, elsif: CCN 4; cognitive if 1, && 1, elsif 1, else 1.
            Measured("Billing.Invoice.total", line: 8, endLine: 17, nloc: 10, ccn: 4, cognitive: 4, params: 0, maxNesting: 1),
            Measured("Billing.Invoice.parse", line: 19, endLine: 19, nloc: 1, ccn: 1, cognitive: 0, params: 1, maxNesting: 0),
        ])
    }

    @Test func heredocBodiesAreStrings() {
        let source = "def banner(name)\n  text = <<~EOS\n    if you see this, #{name}\n  EOS\n  text\nend\n"
        #expect(Measured.of(Ruby(), source) == [
            Measured("banner", line: 1, endLine: 6, nloc: 6, ccn: 1, cognitive: 0, params: 1, maxNesting: 0),
        ])
    }

    @Test func returnAndYieldWithAModifierOpenNoBlock() {
        // `return unless`, `yield if`: modifiers, so `first` ends at its own `end` and `second` is its sibling.
        let source = "def first(a)\n  return unless a\n  yield if a > 1\n  a\nend\n\ndef second\n  2\nend\n"
        #expect(Measured.of(Ruby(), source) == [
            Measured("first", line: 1, endLine: 5, nloc: 5, ccn: 3, cognitive: 2, params: 1, maxNesting: 0),
            Measured("second", line: 7, endLine: 9, nloc: 3, ccn: 1, cognitive: 0, params: 0, maxNesting: 0),
        ])
    }

    @Test func keywordSymbolsAndKeysAreNames() {
        // `:for` and `if:` are a symbol and a hash key; `def for` is a method named for: only the `if` counts.
        let source = "def for(options)\n  x = options[:for]\n  check(if: :ready, unless: x)\n  x if x\nend\n"
        #expect(Measured.of(Ruby(), source) == [
            Measured("for", line: 1, endLine: 5, nloc: 5, ccn: 2, cognitive: 1, params: 1, maxNesting: 0),
        ])
    }

    @Test func punctuationGlobalsOpenNoString() {
        // `$'` and `` $` `` are globals, not quotes; `$?` is no ternary: the `if` and `&&` count, CCN 3.
        let source = "def rest(k)\n  r = $' if k =~ /a/ && $?.success?\n  p $`\n  r\nend\n"
        #expect(Measured.of(Ruby(), source) == [
            Measured("rest", line: 1, endLine: 5, nloc: 5, ccn: 3, cognitive: 2, params: 1, maxNesting: 0),
        ])
    }
}
