import Testing
import TakehomeCore
@testable import TakehomeAnalysis

/// Hand-made Java, Kotlin and C# programs with the design signals counted by hand, including the
/// false positives to avoid: an interface with a test double, a factory of three products, a
/// pass-through that adapts, a generic used with two types.
@Suite struct JavaFamilyDesignTests {
    /// Expected in each program: Rounder has one implementation (Clock also has a test double),
    /// Exporter none; `get` forwards (`getNumber` adapts); ReportBuilder makes one product
    /// (ShapeFactory three); `describe` leaves `width` unused, bumps the static counter, reads the
    /// environment while deciding and builds its Notifier; `helper` and `forgotten` are private and
    /// unused; Pair only ever gets one type argument (Box two); the instance field is a singleton.
    static let expected: [String: [String]] = [
        "single-implementation-abstractions": ["Rounder"], "unused-abstractions": ["Exporter"],
        "pass-through-functions": ["Store.get"], "single-product-patterns": ["ReportBuilder"],
        "unused-parameters": ["Store.describe(width)"], "unused-private-members": ["Store.forgotten", "Store.helper"],
        "single-type-generics": ["Pair"], "global-mutable-state": ["Store.counter"],
        "effects-in-decisions": ["Store.describe"], "constructed-collaborators": ["Notifier"],
        "singletons": ["Store.instance"],
    ]

    static let java = """
        package shop;

        import java.util.List;

        interface Clock { long now(); }
        interface Rounder { long round(long value); }
        interface Exporter { void write(List<String> rows); }

        class SystemClock implements Clock {
            public long now() { return System.currentTimeMillis(); }
        }

        class QuarterRounder implements Rounder {
            public long round(long value) { return value - value % 15; }
        }

        class Circle { double area() { return 1; } }
        class Square { double area() { return 2; } }
        class Triangle { double area() { return 3; } }
        class Report { String text() { return ""; } }

        class ShapeFactory {
            Object make(String kind) {
                if (kind.equals("c")) { return new Circle(); }
                if (kind.equals("s")) { return new Square(); }
                return new Triangle();
            }
        }

        class ReportBuilder {
            Report build() { return new Report(); }
        }

        class Box<T> { T value; Box(T value) { this.value = value; } }
        class Pair<T> { T left; T right; }

        class Store {
            private static int counter = 0;
            private static Store instance;
            private final Backend backend;
            private int forgotten;

            Store(Backend backend) { this.backend = backend; }

            static Store shared() { return instance; }

            int get(String key) { return backend.get(key); }

            int getNumber(String key) { return backend.get(key.trim()); }

            private int helper() { return 1; }

            String describe(String key, int width) {
                counter++;
                if (System.getenv("DEBUG") != null && key.length() > 3) { return key; }
                Notifier notifier = new Notifier();
                notifier.send(key);
                return key;
            }
        }

        class Backend { int get(String key) { return key.length(); } }
        class Notifier { void send(String text) { System.out.println(text + "!"); } }

        class Uses {
            Box<Integer> a = new Box<Integer>(1);
            Box<String> b = new Box<String>("x");
            Pair<Integer> p = new Pair<Integer>();
            Pair<Integer> q = new Pair<>();
        }
        """

    static let javaTest = """
        class FakeClock implements Clock { public long now() { return 5; } }
        class StoreTest { void reads() { new Store(new Backend()).get("k"); } }
        """

    @Test func java() {
        let analysis = braceDesign(.java, [("src/Shop.java", Self.java), ("test/ShopTest.java", Self.javaTest)])
        #expect(signalNames(analysis, Self.expected) == Self.expected)
        #expect(analysis.files[0].imports == ["java.util.List"])
        #expect(analysis.overEngineering().languages == ["java"])
    }

    static let kotlin = """
        package shop

        import java.time.Instant

        interface Clock { fun now(): Long }
        interface Rounder { fun round(value: Long): Long }
        interface Exporter { fun write(rows: List<String>) }

        class SystemClock : Clock {
            override fun now(): Long { return Instant.now().toEpochMilli() }
        }

        class QuarterRounder : Rounder {
            override fun round(value: Long): Long { return value - value % 15 }
        }

        class Circle { fun area(): Double { return 1.0 } }
        class Square { fun area(): Double { return 2.0 } }
        class Triangle { fun area(): Double { return 3.0 } }
        class Report { fun text(): String { return "" } }

        class ShapeFactory {
            fun make(kind: String): Any {
                if (kind == "c") { return Circle() }
                if (kind == "s") { return Square() }
                return Triangle()
            }
        }

        class ReportBuilder {
            fun build(): Report { return Report() }
        }

        class Box<T>(val value: T)
        class Pair<T>(val left: T, val right: T)

        class Store(private val backend: Backend, private val forgotten: Int) {
            companion object {
                var counter = 0
                var instance: Store? = null
            }

            fun get(key: String): Int { return backend.get(key) }

            fun getNumber(key: String): Int { return backend.get(key.trim()) }

            private fun helper(): Int { return 1 }

            fun describe(key: String, width: Int): String {
                counter += 1
                if (System.getenv("DEBUG") != null && key.length > 3) { return key }
                val notifier = Notifier()
                notifier.send(key)
                return key
            }
        }

        class Backend { fun get(key: String): Int { return key.length } }
        class Notifier { fun send(text: String) { println(text + "!") } }

        val a: Box<Int> = Box<Int>(1)
        val b: Box<String> = Box<String>("x")
        val p: Pair<Int> = Pair<Int>(1, 2)
        """

    static let kotlinTest = """
        val fixed = object : Clock { override fun now(): Long { return 5 } }
        class StoreTest { fun reads() { Store(Backend(), 1).get("k") } }
        """

    @Test func kotlin() {
        var expected = Self.expected
        expected["global-mutable-state"] = ["Store.counter"]
        expected["singletons"] = ["Store.instance"]
        let analysis = braceDesign(.kotlin, [("src/Shop.kt", Self.kotlin), ("test/ShopTest.kt", Self.kotlinTest)])
        #expect(signalNames(analysis, expected) == expected)
    }

    static let cSharp = """
        using System;
        using System.Collections.Generic;

        namespace Shop
        {
            public interface IClock { long Now(); }
            public interface Rounder { long Round(long value); }
            public interface Exporter { void Write(List<string> rows); }

            public class SystemClock : IClock { public long Now() { return DateTime.Now.Ticks; } }
            public class QuarterRounder : Rounder { public long Round(long value) { return value - value % 15; } }

            public class Circle { public double Area() { return 1; } }
            public class Square { public double Area() { return 2; } }
            public class Triangle { public double Area() { return 3; } }
            public class Report { public string Text() { return ""; } }

            public class ShapeFactory
            {
                public object Make(string kind)
                {
                    if (kind == "c") { return new Circle(); }
                    if (kind == "s") { return new Square(); }
                    return new Triangle();
                }
            }

            public class ReportBuilder { public Report Build() { return new Report(); } }

            public class Box<T> { public T Value; }
            public class Pair<T> { public T Left; public T Right; }

            public class Store
            {
                private static int counter = 0;
                private static Store instance;
                private readonly Backend backend;
                private int forgotten;

                public Store(Backend backend) { this.backend = backend; }
                public static Store Shared() { return instance; }
                public int Get(string key) { return backend.Get(key); }
                public int GetNumber(string key) { return backend.Get(key.Trim()); }
                int Helper() { return 1; }

                public string Describe(string key, int width)
                {
                    counter++;
                    if (Environment.GetEnvironmentVariable("DEBUG") != null && key.Length > 3) { return key; }
                    var notifier = new Notifier();
                    notifier.Send(key);
                    return key;
                }
            }

            public class Backend { public int Get(string key) { return key.Length; } }
            public class Notifier { public void Send(string text) { Console.WriteLine(text + "!"); } }

            public static class Uses
            {
                public static Box<int> A = new Box<int>();
                public static Box<string> B = new Box<string>();
                public static Pair<int> P = new Pair<int>();
            }
        }
        """

    static let cSharpTest = """
        public class FakeClock : IClock { public long Now() { return 5; } }
        """

    @Test func cSharp() {
        var expected = Self.expected
        expected["pass-through-functions"] = ["Store.Get"]
        expected["unused-parameters"] = ["Store.Describe(width)"]
        expected["unused-private-members"] = ["Store.Helper", "Store.forgotten"]
        expected["effects-in-decisions"] = ["Store.Describe"]
        let analysis = braceDesign(.csharp, [("src/Shop.cs", Self.cSharp), ("test/ShopTest.cs", Self.cSharpTest)])
        #expect(signalNames(analysis, expected) == expected)
        #expect(analysis.files[0].imports == ["System", "System.Collections.Generic"])
    }
}
