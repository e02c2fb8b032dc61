import Testing
import TakehomeCore
@testable import TakehomeAnalysis

/// Hand-made TypeScript and JavaScript programs with the design signals counted by hand.
@Suite struct ScriptDesignTests {
    /// The test's object literal typed as Clock is a test double. Rounder has one implementation,
    /// Exporter none; `get` forwards (`getNumber` adapts); ReportBuilder makes one product (ShapeFactory three); `describe` leaves `width` unused,
    /// changes the module's counter and cache, reads the environment while deciding and builds its
    /// Notifier; `helper`, `unusedField` and the constructor's `forgotten` are private and unused;
    /// Pair only ever gets `number` (Box two types); `instance` holds the shared instance.
    static let typeScript = """
        import { readFileSync } from "fs";

        export interface Clock { now(): number; }
        export interface Rounder { round(value: number): number; }
        export interface Exporter { write(rows: string[]): void; }

        export class SystemClock implements Clock { now(): number { return Date.now(); } }
        export class QuarterRounder implements Rounder { round(value: number): number { return value - value % 15; } }

        class Circle { area(): number { return 1; } }
        class Square { area(): number { return 2; } }
        class Triangle { area(): number { return 3; } }
        class Report { text(): string { return ""; } }

        export class ShapeFactory {
            make(kind: string): object {
                if (kind === "c") { return new Circle(); }
                if (kind === "s") { return new Square(); }
                return new Triangle();
            }
        }

        export class ReportBuilder { build(): Report { return new Report(); } }

        class Box<T> { constructor(public value: T) {} }
        class Pair<T> { constructor(public left: T, public right: T) {} }

        let counter = 0;
        const cache = new Map<string, number>();
        let instance: Store | null = null;

        export class Store {
            private unusedField = 3;
            constructor(private readonly backend: Backend, private forgotten: number) {}
            static shared(): Store | null { return instance; }
            get(key: string): number { return this.backend.get(key); }
            getNumber(key: string): number { return this.backend.get(key.trim()); }
            private helper(): number { return 1; }
            describe(key: string, width: number): string {
                counter += 1;
                cache.set(key, 1);
                if (process.env.DEBUG && key.length > 3) { return key; }
                const notifier = new Notifier();
                notifier.send(key);
                return readFileSync(key, "utf8");
            }
        }

        class Backend { get(key: string): number { return key.length; } }
        class Notifier { send(text: string): void { console.log(text + "!"); } }

        const a: Box<number> = new Box<number>(1);
        const b: Box<string> = new Box<string>("x");
        const p: Pair<number> = new Pair<number>(1, 2);
        """

    static let typeScriptTest = """
        import { Store, Clock } from "../src/shop";
        const fixed: Clock = { now: () => 5 };
        """

    @Test func typeScript() {
        let expected: [String: [String]] = [
            "single-implementation-abstractions": ["Rounder"], "unused-abstractions": ["Exporter"],
            "pass-through-functions": ["Store.get"], "single-product-patterns": ["ReportBuilder"],
            "unused-parameters": ["Store.describe(width)"],
            "unused-private-members": ["Store.forgotten", "Store.helper", "Store.unusedField"],
            "single-type-generics": ["Pair"], "global-mutable-state": ["cache", "counter"],
            "effects-in-decisions": ["Store.describe"], "constructed-collaborators": ["Notifier"],
            "singletons": ["instance"],
        ]
        let analysis = braceDesign(.typescript, [("src/shop.ts", Self.typeScript), ("test/shop.test.ts", Self.typeScriptTest)])
        #expect(signalNames(analysis, expected) == expected)
        #expect(analysis.files[0].imports == ["fs"])
        #expect(analysis.files[1].imports == ["../src/shop"])
    }

    /// JavaScript has no interfaces: a class whose method only throws "not implemented" is the
    /// abstraction (Exporter, one implementation). `#secret` is private and unused.
    static let javaScript = """
        const fs = require("fs");

        class Exporter {
          write(rows) { throw new Error("not implemented"); }
        }

        class CsvExporter extends Exporter {
          write(rows) { return rows.join(","); }
        }

        let counter = 0;
        let instance = null;

        class Store {
          #secret = 1;
          constructor(backend) { this.backend = backend; }
          get(key) { return this.backend.get(key); }
          getNumber(key) { return this.backend.get(Number(key)); }
          describe(key, width) {
            counter += 1;
            if (process.env.DEBUG && key.length > 3) { return key; }
            const notifier = new Notifier();
            notifier.send(key);
            return fs.readFileSync(key, "utf8");
          }
          static shared() { if (!instance) { instance = new Store(null); } return instance; }
        }

        class Notifier { send(text) { console.log(text + "!"); } }

        module.exports = { Store, CsvExporter };
        """

    @Test func javaScript() {
        let expected: [String: [String]] = [
            "single-implementation-abstractions": ["Exporter"], "unused-abstractions": [],
            "pass-through-functions": ["Store.get"], "unused-parameters": ["Store.describe(width)"],
            "unused-private-members": ["Store.#secret"], "global-mutable-state": ["counter", "instance"],
            "effects-in-decisions": ["Store.describe"], "constructed-collaborators": ["Notifier"],
            "singletons": ["instance"],
        ]
        let analysis = braceDesign(.javascript, [("src/shop.js", Self.javaScript)])
        #expect(signalNames(analysis, expected) == expected)
        #expect(analysis.files[0].imports == ["fs"])
    }

    /// TSX: markup between the code is neither a type argument nor a type; the component's props
    /// interface is a plain structural abstraction implemented by nothing.
    static let tsx = """
        import React from "react";

        interface Props { label: string; onPick(value: string): void; }

        class Counter {
            private unusedCount = 0;
            render(label: string) { return <div className="counter">{label}</div>; }
        }

        export function Picker(props: Props) {
            const items = [1, 2].map((n) => <Item key={n} value={n} />);
            return <ul>{items}</ul>;
        }

        export function Item({ value }: { value: number }) { return <li>{value}</li>; }
        """

    @Test func tsx() {
        let analysis = braceDesign(.typescript, [("src/Picker.tsx", Self.tsx)])
        let file = analysis.files[0]
        #expect(file.types.map(\.name) == ["Props", "Counter"])
        #expect(file.functions.map(\.name).filter { ["render", "Picker", "Item"].contains($0) } == ["render", "Picker", "Item"])
        #expect(file.imports == ["react"])
        #expect(file.genericUses.isEmpty)
        #expect(names(analysis.overEngineering().signal("unused-private-members")) == ["Counter.unusedCount"])
        #expect(names(analysis.overEngineering().signal("unused-abstractions")) == ["Props"])
    }
}
