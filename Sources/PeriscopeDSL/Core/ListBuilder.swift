/// The shared shape of every Periscope result builder: a flat array of one element type.
///
/// A concrete builder declares its `Element` and the `buildExpression` overloads that lift
/// each DSL type into it; `if`, `if/else`, `switch`, `for` and `#available` come from here.
public protocol ListBuilder {
    /// The element every expression is lifted into.
    associatedtype Element
}

extension ListBuilder {
    public static func buildExpression(_ expression: Element) -> [Element] { [expression] }
    public static func buildExpression(_ expression: [Element]) -> [Element] { expression }
    public static func buildBlock(_ components: [Element]...) -> [Element] { components.flatMap { $0 } }
    public static func buildPartialBlock(first: [Element]) -> [Element] { first }
    public static func buildPartialBlock(accumulated: [Element], next: [Element]) -> [Element] { accumulated + next }
    public static func buildOptional(_ component: [Element]?) -> [Element] { component ?? [] }
    public static func buildEither(first component: [Element]) -> [Element] { component }
    public static func buildEither(second component: [Element]) -> [Element] { component }
    public static func buildArray(_ components: [[Element]]) -> [Element] { components.flatMap { $0 } }
    public static func buildLimitedAvailability(_ component: [Element]) -> [Element] { component }
}

/// Gives value types a `with` helper so modifiers read `with { $0.unit = unit }`.
public protocol Modifiable {}

extension Modifiable {
    /// Returns a copy changed by `body`.
    @inlinable
    public func with(_ body: (inout Self) -> Void) -> Self {
        var copy = self
        body(&copy)
        return copy
    }
}

/// A change applied to a definition only when rendering the given environments.
public struct EnvironmentOverlay<Subject>: Sendable {
    /// The environments the change applies to.
    public var environments: Set<EnvironmentName>
    /// The change.
    public var transform: @Sendable (Subject) -> Subject
    /// Where `.in(…)` was written.
    public var location: SourceLocation

    /// Creates an overlay.
    public init(environments: Set<EnvironmentName>, location: SourceLocation, transform: @escaping @Sendable (Subject) -> Subject) {
        self.environments = environments
        self.transform = transform
        self.location = location
    }
}

/// A definition that can carry per-environment overlays (`.in(.prod) { $0.refresh("10s") }`).
public protocol EnvironmentOverlayable: Modifiable, Sendable {
    /// The overlays in the order they were written.
    var overlays: [EnvironmentOverlay<Self>] { get set }
}

extension EnvironmentOverlayable {
    /// Applies `transform` only when rendering one of `environments`.
    ///
    /// ```swift
    /// Dashboard("API", uid: "api") { … }
    ///     .in(.prod) { $0.refresh("10s") }
    /// ```
    public func `in`(
        _ environments: EnvironmentName..., fileID: String = #fileID, filePath: String = #filePath, line: UInt = #line, column: UInt = #column,
        _ transform: @escaping @Sendable (Self) -> Self
    ) -> Self {
        let location = SourceLocation(fileID: fileID, filePath: filePath, line: line, column: column)
        return with { $0.overlays.append(EnvironmentOverlay(environments: Set(environments), location: location, transform: transform)) }
    }

    /// This definition with the overlays for `environment` applied, in the order written.
    public func resolved(for environment: EnvironmentName) -> Self {
        var result = self
        let pending = result.overlays
        result.overlays = []
        for overlay in pending where overlay.environments.contains(environment) {
            result = overlay.transform(result)
            result.overlays = []
        }
        return result
    }
}
