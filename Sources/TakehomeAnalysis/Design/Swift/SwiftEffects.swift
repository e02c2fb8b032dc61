import SwiftSyntax

/// Outside-world access in Swift code, by what a function body names: the clock (`Date()`,
/// `Date.now`), randomness (`Int.random(in:)`, `UUID()`), the environment
/// (`ProcessInfo.processInfo.environment`, `CommandLine.arguments`, `TimeZone.current`), files (`FileManager`,
/// `FileHandle`, `Data(contentsOf:)`) and the network (`URLSession`). What a unit test cannot pin
/// without a seam.
enum SwiftEffects {
    /// `Base.member` pairs and the kind each is.
    static let members: [String: String] = [
        "Date.now": "clock", "DispatchTime.now": "clock", "DispatchWallTime.now": "clock", "ContinuousClock.now": "clock",
        "SuspendingClock.now": "clock", "Thread.sleep": "clock", "Task.sleep": "clock",
        "Calendar.current": "environment", "TimeZone.current": "environment", "Locale.current": "environment",
        "ProcessInfo.processInfo": "environment", "CommandLine.arguments": "environment",
        "FileManager.default": "file",
    ]
    /// Names that are an effect wherever they are used.
    static let names: [String: String] = [
        "CFAbsoluteTimeGetCurrent": "clock", "clock_gettime": "clock", "gettimeofday": "clock",
        "arc4random": "randomness", "arc4random_uniform": "randomness", "drand48": "randomness",
        "SystemRandomNumberGenerator": "randomness",
        "getenv": "environment", "setenv": "environment",
        "FileManager": "file", "FileHandle": "file", "readLine": "file", "fopen": "file", "InputStream": "file",
        "OutputStream": "file",
        "URLSession": "network", "NWConnection": "network", "NWListener": "network",
    ]
    /// Method names that draw randomness whatever they are called on.
    static let randomMembers: Set<String> = ["random", "randomElement", "shuffled", "shuffle"]

    /// The kind of effect a member access is (`Date.now`, `Int.random`), if any.
    static func kind(of access: MemberAccessExprSyntax) -> String? {
        let member = access.declName.baseName.text
        if randomMembers.contains(member) { return "randomness" }
        guard let base = access.base?.as(DeclReferenceExprSyntax.self)?.baseName.text else { return nil }
        return members["\(base).\(member)"]
    }

    /// The kind of effect a name is (`FileManager`, `getenv`), if any.
    static func kind(of reference: DeclReferenceExprSyntax) -> String? { names[reference.baseName.text] }

    /// The kind of effect a construction is: `Date()`, `Date(timeIntervalSinceNow:)`, `UUID()`,
    /// `Data(contentsOf:)`, `String(contentsOfFile:)`; and `x.write(to:)`, `x.write(toFile:)`.
    static func kind(of call: FunctionCallExprSyntax) -> String? {
        let labels = call.arguments.map { $0.label?.text ?? "" }
        let callee = call.calledExpression
        if let member = callee.as(MemberAccessExprSyntax.self), member.declName.baseName.text == "write",
           let first = labels.first, first == "to" || first == "toFile" {
            return "file"
        }
        guard let name = callee.as(DeclReferenceExprSyntax.self)?.baseName.text else { return nil }
        switch name {
        case "Date" where labels.isEmpty || labels == ["timeIntervalSinceNow"]: return "clock"
        case "UUID" where labels.isEmpty: return "randomness"
        case "Data" where labels.first?.hasPrefix("contentsOf") == true: return "file"
        case "String" where labels.first?.hasPrefix("contentsOf") == true: return "file"
        default: return nil
        }
    }
}
