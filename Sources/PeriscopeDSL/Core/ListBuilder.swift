/// The shared shape of every Periscope result builder: a flat array of one element type.
///
/// A builder accepts its ``BuilderContent``: each type that conforms with `Builder` set to the
/// builder (`TimeSeries` for ``PanelBuilder``, `AlertRule` for ``RuleBuilder``). Here, in one
/// place, every builder gets the same expressions:
///
/// - one value of any of its content types, or of the existential ``Content``;
/// - any `Sequence` of one content type (`names.map { TimeSeries($0) { … } }`, a lazy map, a
///   `Set`, an `ArraySlice`), or of ``Content`` (`[any PanelConvertible]`, and an array literal
///   mixing content types);
/// - `if`, `if/else`, `switch`, `for` and `#available` blocks.
///
/// Each value keeps the source location it recorded when it was created; flattening a sequence
/// only moves the values.
public protocol ListBuilder {
    /// The element every expression is lifted into.
    associatedtype Element
    /// The existential of the builder's content: `any BuilderContent<Self>` unless the content
    /// has a protocol of its own (`any PanelConvertible`), which arrays are usually written with.
    associatedtype Content = any BuilderContent<Self>
    /// The elements of one value of `Content`.
    static func elements(of content: Content) -> [Element]
}

/// A DSL value a builder accepts: it stands for `builderElements` in the builder's list.
public protocol BuilderContent<Builder> {
    /// The builder that accepts it.
    associatedtype Builder: ListBuilder
    /// The elements it adds, in order (one for every DSL value: `[.dashboard(self)]`).
    var builderElements: [Builder.Element] { get }
}

extension BuilderContent where Builder.Element == Self {
    /// A builder's element stands for itself.
    public var builderElements: [Self] { [self] }
}

extension ListBuilder where Content == any BuilderContent<Self> {
    /// The elements one existential value adds: its ``BuilderContent/builderElements``.
    public static func elements(of content: Content) -> [Element] { content.builderElements }
}

extension ListBuilder {
    /// Lifts one DSL value written in the builder (`TimeSeries("Requests") { … }`) into its
    /// elements.
    public static func buildExpression<C: BuilderContent>(_ content: C) -> [Element] where C.Builder == Self { content.builderElements }
    /// Lifts a sequence of one content type (`names.map { TimeSeries($0) { … } }`, a `Set`, an
    /// `ArraySlice`) into the elements of its values, in the sequence's order.
    public static func buildExpression<S: Sequence>(_ contents: S) -> [Element] where S.Element: BuilderContent, S.Element.Builder == Self {
        contents.flatMap(\.builderElements)
    }
    /// Lifts a sequence of the existential `Content` (`[any PanelConvertible]`) into the
    /// elements of its values, in order.
    public static func buildExpression<S: Sequence>(_ contents: S) -> [Element] where S.Element == Content { contents.flatMap(elements(of:)) }
    /// Lifts an array literal of `Content`, which may mix content types (`[stat, timeSeries]`),
    /// into the elements of its values, in order.
    public static func buildExpression(_ contents: [Content]) -> [Element] { contents.flatMap(elements(of:)) }
    /// Joins the statements of a block into one list, in the order written; an empty block adds
    /// nothing.
    public static func buildBlock(_ components: [Element]...) -> [Element] { components.flatMap { $0 } }
    /// Starts a block with its first statement; with ``buildPartialBlock(accumulated:next:)``
    /// it lets blocks of any length type-check one statement at a time.
    public static func buildPartialBlock(first: [Element]) -> [Element] { first }
    /// Appends the next statement of a block to the statements before it.
    public static func buildPartialBlock(accumulated: [Element], next: [Element]) -> [Element] { accumulated + next }
    /// An `if` without `else`: its elements when the condition holds, none otherwise.
    public static func buildOptional(_ component: [Element]?) -> [Element] { component ?? [] }
    /// The first branch of an `if/else` or `switch`, taken as it is.
    public static func buildEither(first component: [Element]) -> [Element] { component }
    /// The second branch of an `if/else` or `switch`, taken as it is.
    public static func buildEither(second component: [Element]) -> [Element] { component }
    /// A `for` loop: the elements of every iteration, in order.
    public static func buildArray(_ components: [[Element]]) -> [Element] { components.flatMap { $0 } }
    /// An `if #available` block, taken as it is (elements carry no availability).
    public static func buildLimitedAvailability(_ component: [Element]) -> [Element] { component }
}

/// A builder that also accepts everything an inner builder does, wrapping its elements: a
/// dashboard takes the panels a row takes.
public protocol EnclosingListBuilder: ListBuilder {
    /// The builder whose content is accepted too.
    associatedtype Inner: ListBuilder
    /// The element standing for one of the inner builder's elements.
    static func element(wrapping inner: Inner.Element) -> Element
}

extension EnclosingListBuilder {
    /// Lifts one value of the inner builder's content (a panel written directly in a dashboard)
    /// into elements, each wrapped by ``element(wrapping:)``.
    public static func buildExpression<C: BuilderContent>(_ content: C) -> [Element] where C.Builder == Inner {
        content.builderElements.map(element(wrapping:))
    }
    /// Lifts a sequence of one of the inner builder's content types (`names.map { Stat($0) { … } }`
    /// in a dashboard) into wrapped elements, in order.
    public static func buildExpression<S: Sequence>(_ contents: S) -> [Element] where S.Element: BuilderContent, S.Element.Builder == Inner {
        contents.flatMap(\.builderElements).map(element(wrapping:))
    }
    /// Lifts a sequence of the inner builder's existential content (`[any PanelConvertible]` in a
    /// dashboard) into wrapped elements, in order.
    public static func buildExpression<S: Sequence>(_ contents: S) -> [Element] where S.Element == Inner.Content {
        contents.flatMap(Inner.elements(of:)).map(element(wrapping:))
    }
    /// Lifts an array literal of the inner builder's content, which may mix content types, into
    /// wrapped elements, in order.
    public static func buildExpression(_ contents: [Inner.Content]) -> [Element] { contents.flatMap(Inner.elements(of:)).map(element(wrapping:)) }
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
