import Testing
import TakehomeCore
@testable import TakehomeAnalysis

private let program = """
    import os
    import random
    from datetime import datetime

    _cache = {}
    _counter = 0
    LIMITS = [1, 2]
    _instance = None


    class Mailer:
        def send(self, text):
            return text


    class Clerk:
        def __init__(self):
            self.mailer = Mailer()

        def greet(self, name):
            if datetime.now().hour < 12:
                return "morning " + name
            return "evening " + name


    class Config:
        _instance = None


    class Settings:
        _active = {"debug": False}

        @classmethod
        def get(cls):
            return cls._active


    def remember(key, value):
        _cache[key] = value


    def bump():
        global _counter
        _counter += 1


    def get_clerk():
        global _instance
        if _instance is None:
            _instance = Clerk()
        return _instance


    def roll():
        return random.randint(1, 6)


    def debug_enabled():
        if os.environ.get("DEBUG"):
            return True
        return False


    def make_mailer():
        return Mailer()


    def main():
        clerk = Clerk()


    class _Tally:
        def add(self, x):
            return x


    def count(items):
        tally = _Tally()
        return len(items)

    """

@Suite struct StructuralSignalTests {
    let metrics = design([("clerk.py", program), ("tests/test_clerk.py", "def test_x():\n    c = Clerk()\n")]).structural()

    @Test func globalMutableStateIsWhatFunctionsChange() {
        // LIMITS is never changed; Settings._active is only read.
        #expect(names(metrics.signal("global-mutable-state")) == ["_cache", "_counter", "_instance"])
        #expect(metrics.signal("global-mutable-state")?.places.map(\.line) == [5, 43, 48])
    }

    @Test func effectsOnlyCountInFunctionsThatDecide() {
        // roll draws a random number but decides nothing; greet and debug_enabled do both.
        let signal = metrics.signal("effects-in-decisions")
        #expect(names(signal) == ["Clerk.greet", "debug_enabled"])
        #expect(signal?.places.map(\.note) == ["clock", "environment"])
    }

    @Test func collaboratorsBuiltInsideLogicButNotInFactoriesOrMain() {
        // make_mailer returns what it builds; main is the entry point; the test's Clerk() is a test's;
        // _Tally is a private helper of count.
        let signal = metrics.signal("constructed-collaborators")
        #expect(names(signal) == ["Mailer", "Clerk"])
        #expect(signal?.places.map(\.note) == ["built inside __init__", "built inside get_clerk"])
    }

    @Test func singletonsByInstanceVariableAndSharedClassAttribute() {
        #expect(names(metrics.signal("singletons")) == ["Config._instance", "Settings._active", "_instance"])
    }
}
