/// A definition that remembers where the modifiers a finding can point at were applied.
///
/// Modifiers that a diagnostic may name (`refresh`, `for`, `severity`, …) record the caller's
/// location under a key, so an error points at the modifier's line rather than the initializer's.
public protocol ModifierLocating: Modifiable {
    /// Where the definition was written.
    var location: SourceLocation { get }
    /// Where modifiers were applied, keyed by what they set.
    var modifierLocations: [String: SourceLocation] { get set }
}

extension ModifierLocating {
    /// The location of the modifier recorded under `key`, or of the definition.
    public func location(of key: String) -> SourceLocation { modifierLocations[key] ?? location }

    /// A copy changed by `body` that records the caller's location under `key`.
    func recording(
        _ key: String, _ fileID: String, _ filePath: String, _ line: UInt, _ column: UInt, _ body: (inout Self) -> Void
    ) -> Self {
        with {
            body(&$0)
            $0.modifierLocations[key] = SourceLocation(fileID: fileID, filePath: filePath, line: line, column: column)
        }
    }
}
