import Testing
import TakehomeCore
@testable import TakehomeAnalysis

/// Hand-made Go, Rust, C++ and C programs with the design signals counted by hand.
@Suite struct SystemsDesignTests {
    /// The signals every program here is written to show (see `JavaFamilyDesignTests.expected`).
    static func expected(_ changes: [String: [String]]) -> [String: [String]] {
        var expected: [String: [String]] = [
            "single-implementation-abstractions": ["Rounder"], "unused-abstractions": ["Exporter"],
            "pass-through-functions": ["Store.get"], "single-product-patterns": ["ReportBuilder"],
            "unused-parameters": ["Store.describe(width)"], "unused-private-members": ["Store.forgotten", "Store.helper"],
            "single-type-generics": ["Pair"], "effects-in-decisions": ["Store.describe"],
            "constructed-collaborators": ["Notifier"],
        ]
        expected.merge(changes) { $1 }
        return expected
    }

    /// Go interfaces are structural: SystemClock and the test's FakeClock implement Clock by their
    /// methods. Lower-case names are private; `&Notifier{}` builds a collaborator.
    static let go = """
        package shop

        import (
        \t"fmt"
        \t"os"
        \t"time"
        )

        type Clock interface{ Now() time.Time }
        type Rounder interface{ Round(value int) int }
        type Exporter interface{ Write(rows []string) }

        type SystemClock struct{}

        func (c SystemClock) Now() time.Time { return time.Now() }

        type QuarterRounder struct{}

        func (q QuarterRounder) Round(value int) int { return value - value%15 }

        type Circle struct{}
        func (c Circle) Area() float64 { return 1 }
        type Square struct{}
        func (s Square) Area() float64 { return 2 }
        type Triangle struct{}
        func (t Triangle) Area() float64 { return 3 }
        type Report struct{}
        func (r Report) Text() string { return "" }

        type ShapeFactory struct{}

        func (f ShapeFactory) Make(kind string) any {
        \tif kind == "c" {
        \t\treturn Circle{}
        \t}
        \tif kind == "s" {
        \t\treturn Square{}
        \t}
        \treturn Triangle{}
        }

        type ReportBuilder struct{}

        func (b ReportBuilder) Build() Report { return Report{} }

        type Box[T any] struct{ Value T }
        type Pair[T any] struct{ Left, Right T }

        var counter = 0
        var instance *Store

        type Store struct {
        \tbackend   *Backend
        \tforgotten int
        }

        func Shared() *Store { return instance }

        func (s *Store) Get(key string) int { return s.backend.Get(key) }

        func (s *Store) GetNumber(key string) int { return s.backend.Get(key + "!") }

        func (s *Store) helper() int { return 1 }

        func (s *Store) Describe(key string, width int) string {
        \tcounter++
        \tif os.Getenv("DEBUG") != "" && len(key) > 3 {
        \t\treturn key
        \t}
        \tnotifier := &Notifier{}
        \tnotifier.Send(key)
        \treturn key
        }

        type Backend struct{}

        func (b *Backend) Get(key string) int { return len(key) + 1 }

        type Notifier struct{}

        func (n *Notifier) Send(text string) { fmt.Println(text + "!") }

        var a = Box[int]{Value: 1}
        var b = Box[string]{Value: "x"}
        var p Pair[int]
        """

    static let goTest = """
        package shop

        type FakeClock struct{}

        func (f FakeClock) Now() time.Time { return time.Time{} }
        """

    @Test func go() {
        let expected = Self.expected([
            "pass-through-functions": ["Store.Get"], "unused-parameters": ["Store.Describe(width)"],
            "effects-in-decisions": ["Store.Describe"], "global-mutable-state": ["counter"], "singletons": ["instance"],
        ])
        let analysis = braceDesign(.go, [("shop.go", Self.go), ("test/shop_test.go", Self.goTest)])
        #expect(signalNames(analysis, expected) == expected)
        #expect(analysis.files[0].imports == ["fmt", "os", "time"])
    }

    /// Rust: traits are implemented by `impl Trait for Type`; the test double lives in the source
    /// file's `#[cfg(test)] mod tests`. Fields and inherent methods without `pub` are private.
    static let rust = """
        use std::env;
        use std::sync::OnceLock;

        pub trait Clock { fn now(&self) -> u64; }
        pub trait Rounder { fn round(&self, value: u64) -> u64; }
        pub trait Exporter { fn write(&self, rows: Vec<String>); }

        pub struct SystemClock;
        impl Clock for SystemClock { fn now(&self) -> u64 { 1 } }

        pub struct QuarterRounder;
        impl Rounder for QuarterRounder { fn round(&self, value: u64) -> u64 { value - value % 15 } }

        pub struct Circle;
        impl Circle { pub fn area(&self) -> f64 { 1.0 } }
        pub struct Square;
        impl Square { pub fn area(&self) -> f64 { 2.0 } }
        pub struct Triangle;
        impl Triangle { pub fn area(&self) -> f64 { 3.0 } }
        pub struct Report;
        impl Report { pub fn text(&self) -> String { String::new() } }

        pub struct ShapeFactory;
        impl ShapeFactory {
            pub fn make(&self, kind: &str) -> f64 {
                if kind == "c" { return Circle {}.area(); }
                if kind == "s" { return Square {}.area(); }
                Triangle {}.area()
            }
        }

        pub struct ReportBuilder;
        impl ReportBuilder { pub fn build(&self) -> Report { Report {} } }

        pub struct Wrapper<T> { value: T }
        pub struct Pair<T> { left: T, right: T }

        static mut COUNTER: u32 = 0;
        static INSTANCE: OnceLock<Store> = OnceLock::new();

        #[derive(Default)]
        pub struct Store { backend: Backend, forgotten: u32 }

        impl Store {
            pub fn new(backend: Backend) -> Store { Store { backend, ..Default::default() } }
            pub fn get(&self, key: &str) -> u32 { self.backend.get(key) }
            pub fn get_number(&self, key: &str) -> u32 { self.backend.get(key.trim()) }
            fn helper(&self) -> u32 { 1 }
            pub fn describe(&self, key: &str, width: u32) -> String {
                unsafe { COUNTER += 1; }
                if env::var("DEBUG").is_ok() && key.len() > 3 { return key.to_string(); }
                let notifier = Notifier::new();
                notifier.send(key);
                key.to_string()
            }
        }

        #[derive(Default)]
        pub struct Backend;
        impl Backend { pub fn get(&self, key: &str) -> u32 { key.len() as u32 + 1 } }
        pub struct Notifier;
        impl Notifier {
            pub fn new() -> Notifier { Notifier {} }
            pub fn send(&self, text: &str) { println!("{}!", text); }
        }

        pub fn uses() -> u32 {
            let a = Wrapper::<u8> { value: 1 };
            let b = Wrapper::<String> { value: String::new() };
            let p: Pair<u8> = Pair::<u8> { left: 1, right: 2 };
            a.value as u32 + b.value.len() as u32 + p.left as u32 + p.right as u32
        }

        #[cfg(test)]
        mod tests {
            use super::*;
            struct FakeClock;
            impl Clock for FakeClock { fn now(&self) -> u64 { 5 } }
        }
        """

    @Test func rust() {
        let expected = Self.expected(["global-mutable-state": ["COUNTER"], "singletons": ["INSTANCE"]])
        let analysis = braceDesign(.rust, [("src/lib.rs", Self.rust)])
        #expect(signalNames(analysis, expected) == expected)
        #expect(analysis.files[0].imports.prefix(2) == ["std.env", "std.sync.OnceLock"])
    }

    /// C++: abstract classes by pure virtual methods, members private until `public:`.
    static let cPlusPlus = """
        #include <string>
        #include <cstdlib>

        class Clock { public: virtual long now() = 0; };
        class Rounder { public: virtual long round(long value) = 0; };
        class Exporter { public: virtual void write(const std::string& rows) = 0; };

        class SystemClock : public Clock { public: long now() override { return time(nullptr); } };
        class QuarterRounder : public Rounder { public: long round(long value) override { return value - value % 15; } };

        class Circle { public: double area() { return 1; } };
        class Square { public: double area() { return 2; } };
        class Triangle { public: double area() { return 3; } };
        class Report { public: std::string text() { return ""; } };

        class ShapeFactory {
        public:
            void* make(const std::string& kind) {
                if (kind == "c") { return new Circle(); }
                if (kind == "s") { return new Square(); }
                return new Triangle();
            }
        };

        class ReportBuilder { public: Report* build() { return new Report(); } };

        template <typename T> class Box { public: T value; };
        template <typename T> class Pair { public: T left; T right; };

        class Store;
        static int counter = 0;
        static Store* instance = nullptr;

        class Store {
            Backend* backend;
            int forgotten;
            int helper() { return 1; }
        public:
            explicit Store(Backend* b) : backend(b) {}
            int get(const std::string& key) { return backend->get(key); }
            int getNumber(const std::string& key) { return backend->get(key + "!"); }
            std::string describe(const std::string& key, int width) {
                counter++;
                if (getenv("DEBUG") != nullptr && key.size() > 3) { return key; }
                Notifier* notifier = new Notifier();
                notifier->send(key);
                return key;
            }
        };

        class Backend { public: int get(const std::string& key) { return key.size() + 1; } };
        class Notifier { public: void send(const std::string& text) { puts(text.c_str()); } };

        Box<int> a;
        Box<std::string> b;
        Pair<int> p;
        """

    static let cPlusPlusTest = """
        class FakeClock : public Clock { public: long now() override { return 5; } };
        """

    @Test func cPlusPlus() {
        let expected = Self.expected(["global-mutable-state": ["counter"], "singletons": ["instance"]])
        let analysis = braceDesign(.cpp, [("src/shop.cpp", Self.cPlusPlus), ("test/shop_test.cpp", Self.cPlusPlusTest)])
        #expect(signalNames(analysis, expected) == expected)
        #expect(analysis.files[0].imports == ["string", "cstdlib"])
    }

    /// C has functions, file-scope state and includes; no types with methods.
    static let c = """
        #include <stdio.h>
        #include <stdlib.h>

        struct point { int x; int y; };

        static int counter = 0;
        static const int limit = 3;

        int add(int a, int b) { return a + b; }
        int forward(int a, int b) { return add(a, b); }
        int adapt(int a, int b) { return add(a * 2, b); }

        int describe(const char *key, int width) {
            counter++;
            if (getenv("DEBUG") != NULL && key[0] == 'a') { return 1; }
            return limit;
        }
        """

    @Test func c() {
        let expected: [String: [String]] = [
            "pass-through-functions": ["forward"], "unused-parameters": ["describe(width)"],
            "global-mutable-state": ["counter"], "effects-in-decisions": ["describe"], "singletons": [],
            "unused-abstractions": [], "single-implementation-abstractions": [],
        ]
        let analysis = braceDesign(.c, [("shop.c", Self.c)])
        #expect(signalNames(analysis, expected) == expected)
        #expect(analysis.files[0].imports == ["stdio.h", "stdlib.h"])
        #expect(analysis.files[0].types.map(\.name) == ["point"])
    }
}
