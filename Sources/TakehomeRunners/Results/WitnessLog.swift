import TakehomeCore
import Foundation

/// What the harness's own pytest plugin saw, read from the fd-3 pipe: the collected ids, each
/// result, collection errors and pytest's own exit status. Lines without the run's nonce are counted
/// as foreign: something else wrote to the channel.
public struct WitnessLog: Sendable, Equatable {
    public struct Outcome: Sendable, Equatable {
        public var name: String
        public var status: TestCase.Status
        public var durationMs: Int
        public var message: String?
        /// True once pytest reported the test's teardown: a test stopped mid-way has not completed,
        /// whatever its setup said.
        public var completed = false
    }

    public var collected: [String]?
    public var outcomes: [String: Outcome] = [:]
    public var order: [String] = []
    public var collectErrors: [(nodeid: String, message: String)] = []
    public var exitStatus: Int?
    public var foreignLines = 0

    public static func == (lhs: WitnessLog, rhs: WitnessLog) -> Bool {
        lhs.collected == rhs.collected && lhs.outcomes == rhs.outcomes && lhs.exitStatus == rhs.exitStatus
            && lhs.foreignLines == rhs.foreignLines && lhs.collectErrors.map(\.message) == rhs.collectErrors.map(\.message)
    }

    public init(data: Data, nonce: String) {
        for line in data.split(separator: 0x0A) where !line.isEmpty {
            guard let object = try? JSONSerialization.jsonObject(with: Data(line)) as? [String: Any],
                  object["n"] as? String == nonce, let event = object["event"] as? String else {
                foreignLines += 1
                continue
            }
            switch event {
            case "collected":
                collected = object["ids"] as? [String]
            case "collect-error":
                collectErrors.append((object["nodeid"] as? String ?? "", object["message"] as? String ?? ""))
            case "finish":
                exitStatus = object["exitstatus"] as? Int
            case "result":
                record(object)
            default:
                foreignLines += 1
            }
        }
    }

    /// Folds the setup / call / teardown reports of one test into one outcome, as JUnit does.
    private mutating func record(_ object: [String: Any]) {
        guard let id = object["id"] as? String, let when = object["when"] as? String,
              let outcome = object["outcome"] as? String else { foreignLines += 1; return }
        let durationMs = Int(((object["duration"] as? Double) ?? 0) * 1000)
        let message = (object["message"] as? String).flatMap { $0.isEmpty ? nil : $0 }
        var current = outcomes[id] ?? Outcome(name: object["name"] as? String ?? id, status: .passed, durationMs: 0)
        if outcomes[id] == nil { order.append(id) }
        current.durationMs += durationMs
        if when == "teardown" { current.completed = true }
        switch (when, outcome) {
        case (_, "skipped") where current.status == .passed:
            current.status = .skipped
        case ("call", "failed") where current.status != .errored:
            current.status = .failed
            current.message = current.message ?? message
        case (_, "failed"):
            current.status = .errored
            current.message = current.message ?? message
        default:
            break
        }
        outcomes[id] = current
    }
}
