import Testing
import TakehomeCore
@testable import TakehomeAnalysis

/// The two signals added for every language, on Python: generics with one type argument, and
/// private attributes and methods nothing references.
@Suite struct PythonGenericAndPrivateTests {
    static let program = """
        from typing import Generic, TypeVar

        T = TypeVar("T")


        class Box(Generic[T]):
            def __init__(self, value: T):
                self.value = value


        class Pair(Generic[T]):
            def __init__(self, left: T, right: T):
                self._left = left
                self._right = right

            def left(self) -> T:
                return self._left


        class Slot[T]:
            pass


        def ints(box: Box[int], pair: Pair[int]) -> Slot[str]:
            return Slot[str]()


        def texts(box: Box[str], pair: Pair[int]) -> None:
            built = Box(3)

        """

    @Test func genericsWithOneTypeAndUnreadPrivateAttributes() {
        let analysis = design([("pairs.py", Self.program)])
        let file = analysis.files[0]
        #expect(file.types.map(\.genericParameters) == [["T"], ["T"], ["T"]])
        // Box gets int and str (and is also built by inference); Pair only int; Slot only str.
        #expect(names(analysis.overEngineering().signal("single-type-generics")) == ["Pair", "Slot"])
        #expect(analysis.overEngineering().signal("single-type-generics")?.places.first?.note == "always <int>")
        // Pair._left is read by left(); Pair._right is only ever set.
        #expect(names(analysis.overEngineering().signal("unused-private-members")) == ["Pair._right"])
    }
}
