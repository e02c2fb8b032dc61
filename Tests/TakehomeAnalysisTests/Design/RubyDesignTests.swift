import Testing
import TakehomeCore
@testable import TakehomeAnalysis

/// A hand-made Ruby program with the design signals counted by hand.
@Suite struct RubyDesignTests {
    /// A class whose methods only `raise NotImplementedError` is the abstraction: Clock has
    /// SystemClock and the test's FakeClock, Rounder one implementation, Exporter none. `get`
    /// forwards (`get_number` adapts); ReportBuilder makes one product (ShapeFactory three);
    /// `describe` leaves `width` unused, bumps `$counter`, reads ENV while deciding and builds its
    /// Notifier; `helper` (after `private`) and `@forgotten` are never used; Store includes Singleton.
    static let source = """
        require "json"

        class Clock
          def now
            raise NotImplementedError
          end
        end

        class SystemClock < Clock
          def now
            Time.now
          end
        end

        class Rounder
          def round(value)
            raise NotImplementedError, "subclass must implement"
          end
        end

        class QuarterRounder < Rounder
          def round(value)
            value - value % 15
          end
        end

        class Exporter
          def write(rows)
            raise NotImplementedError
          end
        end

        class Circle
          def area
            1
          end
        end

        class Square
          def area
            2
          end
        end

        class Triangle
          def area
            3
          end
        end

        class Report
          def text
            ""
          end
        end

        class ShapeFactory
          def make(kind)
            return Circle.new if kind == "c"
            return Square.new if kind == "s"
            Triangle.new
          end
        end

        class ReportBuilder
          def build
            Report.new
          end
        end

        $counter = 0

        class Store
          include Singleton

          def initialize(backend)
            @backend = backend
            @forgotten = 1
          end

          def get(key)
            @backend.get(key)
          end

          def get_number(key)
            @backend.get(key.to_i)
          end

          def describe(key, width)
            $counter += 1
            if ENV["DEBUG"] && key.size > 3
              return key
            end
            notifier = Notifier.new
            notifier.send_text(key)
            key
          end

          private

          def helper
            1
          end
        end

        class Notifier
          def send_text(text)
            puts text + "!"
          end
        end
        """

    static let test = """
        require_relative "../lib/shop"

        class FakeClock < Clock
          def now
            5
          end
        end
        """

    @Test func ruby() {
        let expected: [String: [String]] = [
            "single-implementation-abstractions": ["Rounder"], "unused-abstractions": ["Exporter"],
            "pass-through-functions": ["Store.get"], "single-product-patterns": ["ReportBuilder"],
            "unused-parameters": ["Store.describe(width)"], "unused-private-members": ["Store.@forgotten", "Store.helper"],
            "global-mutable-state": ["$counter"], "effects-in-decisions": ["Store.describe"],
            "constructed-collaborators": ["Notifier"], "singletons": ["Store"],
        ]
        let analysis = braceDesign(.ruby, [("lib/shop.rb", Self.source), ("test/shop_test.rb", Self.test)])
        #expect(signalNames(analysis, expected) == expected)
        #expect(analysis.files[0].imports == ["json"])
        #expect(analysis.files[1].imports == ["../lib/shop"])
    }
}
