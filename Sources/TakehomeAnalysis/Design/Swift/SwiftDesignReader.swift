import Dispatch
import SwiftParser
import SwiftSyntax
import TakehomeCore

/// Reads Swift files into `FileDesign`s through swift-syntax, then finishes what needs every file:
/// an extension's conformances and methods join the type it extends (wherever that is declared),
/// and a class that other classes extend but nothing constructs is an abstraction, like a protocol.
/// Never fails on odd input: what the parser cannot read is left out of the model.
public struct SwiftDesignReader: Sendable {
    public init() {}

    /// The design of each (text, path, kind), in the same order.
    public func read(_ files: [(text: String, path: String, kind: CodeKind)]) -> [FileDesign] {
        // Files are parsed in parallel (bounded by the cores), each on a thread with a large stack.
        let slots = ResultSlots<SwiftFileReading>(count: files.count)
        DispatchQueue.concurrentPerform(iterations: files.count) { index in
            let (text, path, kind) = files[index]
            slots.store(LargeStackThread.run { Self.readOne(text, path: path, kind: kind) }, at: index)
        }
        var readings = slots.values
        Self.joinExtensions(&readings)
        Self.markAbstractClasses(&readings)
        return readings.map(\.design)
    }

    /// One file on its own: its extensions join only the types it declares itself.
    public func read(_ text: String, path: String, kind: CodeKind) -> FileDesign {
        read([(text, path, kind)])[0]
    }

    static func readOne(_ text: String, path: String, kind: CodeKind) -> SwiftFileReading {
        // `Package.swift` (and `Package@swift-6.0.swift`) is the package's manifest, read by `Manifests`.
        let name = path.split(separator: "/").last ?? ""
        if name.hasPrefix("Package") && (name == "Package.swift" || name.hasPrefix("Package@swift")) {
            return SwiftFileReading(design: FileDesign(path: path, kind: kind, language: .swift))
        }
        var parser = Parser(SquareBracketLimiter.limit(text).text, maximumNestingLevel: SwiftAnalyzer.maximumNestingLevel)
        let tree = SourceFileSyntax.parse(from: &parser)
        let visitor = SwiftDesignVisitor(path: path, kind: kind, converter: SourceLocationConverter(fileName: path, tree: tree))
        visitor.walk(tree)
        var reading = visitor.reading
        // A declaration whose name the parser had to invent (`class {`) is not a type of the project.
        let named = reading.design.types.indices.filter { !reading.design.types[$0].name.isEmpty }
        if named.count < reading.design.types.count {
            reading.design.types = named.map { reading.design.types[$0] }
            reading.typeKinds = named.map { reading.typeKinds[$0] }
            reading.hasInitializer = named.map { reading.hasInitializer[$0] }
        }
        reading.extensions.removeAll { $0.name.isEmpty }
        return reading
    }

    /// Adds each extension's bases, methods, references and private members to its type: the one
    /// of that name in the same file, else in a file of the same kind, else anywhere. An extension
    /// of a type the project does not declare (`extension String: Shape`) is left out.
    static func joinExtensions(_ readings: inout [SwiftFileReading]) {
        var declared: [String: [(file: Int, type: Int)]] = [:]
        for (file, reading) in readings.enumerated() {
            for (type, declaration) in reading.design.types.enumerated() { declared[declaration.name, default: []].append((file, type)) }
        }
        for file in readings.indices {
            for extension_ in readings[file].extensions {
                let candidates = declared[extension_.name] ?? []
                guard let target = candidates.first(where: { $0.file == file })
                    ?? candidates.first(where: { readings[$0.file].design.kind == readings[file].design.kind })
                    ?? candidates.first else { continue }
                var type = readings[target.file].design.types[target.type]
                type.bases += extension_.bases.filter { !type.bases.contains($0) }
                type.methods += extension_.methods
                type.references = Set(type.references).union(extension_.references).sorted()
                type.privateMembers += extension_.privateMembers
                if extension_.bases.contains("Error") || extension_.bases.contains("LocalizedError") { type.isValue = true }
                readings[target.file].design.types[target.type] = type
            }
        }
        // A method of a type that conforms to something may have its signature fixed by it.
        var conforming: Set<String> = []
        for reading in readings { for type in reading.design.types where !type.bases.isEmpty { conforming.insert(type.name) } }
        for file in readings.indices {
            for index in readings[file].design.functions.indices {
                if let owner = readings[file].design.functions[index].typeName, conforming.contains(owner) {
                    readings[file].design.functions[index].unusedParameters = []
                }
            }
        }
    }

    /// Classes that another type extends and that nothing constructs (`Foo(…)` anywhere) or that
    /// have a method that only stops the program (`fatalError("subclass must override")`).
    static func markAbstractClasses(_ readings: inout [SwiftFileReading]) {
        var extended: Set<String> = [], constructed: Set<String> = []
        for reading in readings {
            for type in reading.design.types { extended.formUnion(type.bases) }
            constructed.formUnion(reading.design.instantiations.map(\.typeName))
        }
        for file in readings.indices {
            for (index, kind) in readings[file].typeKinds.enumerated() where kind == .class {
                let name = readings[file].design.types[index].name
                if extended.contains(name) { readings[file].design.types[index].isValue = false }
                let stubbed = readings[file].abstractMethodOwners.contains(name)
                if extended.contains(name) && (stubbed || !constructed.contains(name)) {
                    readings[file].design.types[index].isAbstraction = true
                }
            }
        }
    }
}
