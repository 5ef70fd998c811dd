/// A definition that remembers where the modifiers a finding can point at were applied.
///
/// Modifiers that a diagnostic may name (`refresh`, `for`, `severity`, …) record the caller's
/// location under their `ModifierKey`, so an error points at the modifier's line rather than
/// the initializer's.
public protocol ModifierLocating: Modifiable {
    /// Where the definition was written.
    var location: SourceLocation { get }
    /// Where modifiers were applied, keyed by what they set.
    var modifierLocations: [ModifierKey<Self>: SourceLocation] { get set }
}

extension ModifierLocating {
    /// The location of the modifier that set `key`, or of the definition when none did.
    @inlinable
    public func location(of key: ModifierKey<Self>) -> SourceLocation { modifierLocations[key] ?? location }

    /// A copy changed by `body` that records the caller's location under `key`.
    func recording(
        _ key: ModifierKey<Self>, _ fileID: String, _ filePath: String, _ line: UInt, _ column: UInt, _ body: (inout Self) -> Void
    ) -> Self {
        with {
            body(&$0)
            $0.modifierLocations[key] = SourceLocation(fileID: fileID, filePath: filePath, line: line, column: column)
        }
    }
}

/// A definition with Prometheus labels set by `.label(_:_:)` and `.labels(_:)`: a rule's own
/// labels, a group's labels (Prometheus 3.x adds them to its rules), the labels of every rule
/// an SLO writes. Each label remembers the line that set it, for diagnostics about it.
public protocol LabelModifiable: ModifierLocating {
    /// The labels, by name.
    var labels: [String: String] { get set }
}

extension ModifierKey where Root: LabelModifiable {
    /// `.label(name, _:)` or `.labels(_:)` for the label `name`.
    public static func label(_ name: String) -> Self { Self("label.\(name)") }
}

extension LabelModifiable {
    /// Sets the label `name` to `value`.
    public func label(_ name: String, _ value: String, fileID: String = #fileID, filePath: String = #filePath, line: UInt = #line, column: UInt = #column) -> Self {
        recording(.label(name), fileID, filePath, line, column) { $0.labels[name] = value }
    }

    /// Sets several labels.
    public func labels(_ labels: [String: String], fileID: String = #fileID, filePath: String = #filePath, line: UInt = #line, column: UInt = #column) -> Self {
        let location = SourceLocation(fileID: fileID, filePath: filePath, line: line, column: column)
        return with {
            for (name, value) in labels {
                $0.labels[name] = value
                $0.modifierLocations[.label(name)] = location
            }
        }
    }
}
