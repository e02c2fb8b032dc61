import Testing
import TakehomeCore
@testable import TakehomeAnalysis

private let model = """
    import os.path, json as j
    from .models import Shift
    from pkg.sub import (a,
        b)


    @dataclass(frozen=True)
    class Shift(Base, metaclass=ABCMeta):
        \"\"\"A shift.\"\"\"
        start: int
        end: int = 0

        def length(self, scale=1, *args, **kw):
            return self.end - self.start


    class Plain:
        pass


    def build(kind):
        shift = Shift(1, end=2)
        return Plain()

    """

@Suite struct PythonDesignReaderTests {
    let file = PythonDesignReader().read(model, path: "m.py", kind: .source)

    @Test func classesWithBasesKindAndFields() {
        #expect(file.types.map(\.name) == ["Shift", "Plain"])
        let shift = file.types[0]
        #expect(shift.line == 8)
        #expect(shift.bases == ["Base"])
        #expect(shift.isAbstraction)          // metaclass=ABCMeta
        #expect(!shift.isStructural)
        #expect(shift.isValue)                // @dataclass
        #expect(shift.methods == ["length"])
        #expect(shift.fields == [Parameter(name: "start", hasDefault: false), Parameter(name: "end", hasDefault: true)])
        #expect(file.types[1].bases.isEmpty && !file.types[1].isAbstraction && !file.types[1].isValue)
    }

    @Test func functionsWithParametersWithoutTheReceiver() {
        #expect(file.functions.map(\.name) == ["length", "build"])
        #expect(file.functions[0].typeName == "Shift")
        #expect(file.functions[0].parameters == [Parameter(name: "scale", hasDefault: true),
                                                  Parameter(name: "args", hasDefault: false),
                                                  Parameter(name: "kw", hasDefault: false)])
        #expect(file.functions[1].typeName == nil && file.functions[1].line == 21)
    }

    @Test func importsCallsAndInstantiations() {
        #expect(file.imports == ["os.path", "json", ".models", "pkg.sub"])
        #expect(file.instantiations == [
            Instantiation(typeName: "Shift", line: 22, function: "build", enclosingType: nil, isReturned: false),
            Instantiation(typeName: "Plain", line: 23, function: "build", enclosingType: nil, isReturned: true),
        ])
        #expect(file.calls.first { $0.name == "Shift" } == CallSite(name: "Shift", positional: 1, keywords: ["end"], spreads: false))
        #expect(file.identifierCounts["Shift"] == 3)
    }

    @Test func oddInputNeverCrashes() {
        for text in ["class", "def (", "class A(:\n  def", ")))\n  (((\n", "@\n", "x = [\n", "global\n", "return cls."] {
            _ = PythonDesignReader().read(text, path: "odd.py", kind: .source)
        }
        #expect(PythonDesignReader().read("class A(:\n  def f(\n", path: "odd.py", kind: .source).types.map(\.name) == ["A"])
    }
}
