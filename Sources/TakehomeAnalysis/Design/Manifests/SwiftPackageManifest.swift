import SwiftParser
import SwiftSyntax

/// `Package.swift`, read with swift-syntax: every `.package(url:…)`, `.package(id:…)` and
/// `.package(name:…, url:…)`; a package's name is its `name:`, else the last part of its URL
/// without `.git`, else its registry id. Local packages (`.package(path:)`) are the project's own.
enum SwiftPackageManifest {
    static func read(_ text: String, file: String) -> Manifests.FileReading {
        let tree = Parser.parse(source: text)
        let converter = SourceLocationConverter(fileName: file, tree: tree)
        let finder = PackageCalls(viewMode: .sourceAccurate)
        finder.walk(tree)
        let found = finder.calls.compactMap { call -> DeclaredDependency? in
            var arguments: [String: String] = [:]
            for argument in call.arguments {
                guard let label = argument.label?.text, let literal = argument.expression.as(StringLiteralExprSyntax.self),
                      let value = literal.representedLiteralValue else { continue }
                arguments[label] = value
            }
            let fromURL = arguments["url"].flatMap { url -> String? in
                let last = url.split(separator: "/").last.map(String.init) ?? url
                return last.hasSuffix(".git") ? String(last.dropLast(4)) : last
            }
            guard arguments["path"] == nil, let name = arguments["name"] ?? fromURL ?? arguments["id"], !name.isEmpty else { return nil }
            let line = converter.location(for: call.positionAfterSkippingLeadingTrivia).line
            return DeclaredDependency(name: name, file: file, line: line)
        }
        return Manifests.FileReading(dependencies: found, problem: tree.hasError ? "Swift that does not parse" : nil)
    }

    /// The `.package(…)` calls of a manifest.
    private final class PackageCalls: SyntaxVisitor {
        var calls: [FunctionCallExprSyntax] = []
        override func visit(_ node: FunctionCallExprSyntax) -> SyntaxVisitorContinueKind {
            if let member = node.calledExpression.as(MemberAccessExprSyntax.self), member.base == nil,
               member.declName.baseName.text == "package" {
                calls.append(node)
            }
            return .visitChildren
        }
    }
}
