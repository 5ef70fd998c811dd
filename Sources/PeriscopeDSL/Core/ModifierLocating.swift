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
