/// How a text panel interprets its content (`options.mode`).
public enum TextMode: String, Sendable, Hashable, JSONRepresentable {
    /// Markdown.
    case markdown
    /// HTML.
    case html
    /// Highlighted code.
    case code
}

/// The syntax highlighting of a code text panel (`options.code.language`).
public enum CodeLanguage: String, Sendable, Hashable, JSONRepresentable {
    /// No highlighting.
    case plaintext
    /// JSON.
    case json
    /// YAML.
    case yaml
    /// XML.
    case xml
    /// TypeScript.
    case typescript
    /// SQL.
    case sql
    /// Go.
    case go
    /// Markdown source.
    case markdown
    /// HTML source.
    case html
}

/// Static Markdown, HTML or code (`text`); it has no queries.
///
/// ```swift
/// Text("Runbook", markdown: "Page the on-call: see [the runbook](https://runbooks.example.com/checkout).")
/// ```
public struct Text: PanelConvertible {
    /// The underlying panel model.
    public var panel: Panel

    /// Creates a Markdown text panel.
    public init(_ title: String, markdown: String, fileID: String = #fileID, filePath: String = #filePath, line: UInt = #line, column: UInt = #column) {
        self.init(title, mode: .markdown, content: markdown, location: SourceLocation(fileID: fileID, filePath: filePath, line: line, column: column))
    }

    /// Creates an HTML text panel.
    public init(_ title: String, html: String, fileID: String = #fileID, filePath: String = #filePath, line: UInt = #line, column: UInt = #column) {
        self.init(title, mode: .html, content: html, location: SourceLocation(fileID: fileID, filePath: filePath, line: line, column: column))
    }

    /// Creates a code text panel highlighted as `language`.
    public init(
        _ title: String, code: String, language: CodeLanguage,
        fileID: String = #fileID, filePath: String = #filePath, line: UInt = #line, column: UInt = #column
    ) {
        self.init(title, mode: .code, content: code, location: SourceLocation(fileID: fileID, filePath: filePath, line: line, column: column))
        panel.options[path: "code.language"] = language.jsonValue
    }

    private init(_ title: String, mode: TextMode, content: String, location: SourceLocation) {
        panel = Panel(type: .text, title: title, location: location, queries: [])
        panel.options["mode"] = mode.jsonValue
        panel.options["content"] = .string(content)
    }

    /// Replaces the content.
    public func content(_ text: String) -> Self { settingOption("content", text) }
    /// Shows line numbers and the minimap of a code panel (`options.code`).
    public func codeDisplay(showLineNumbers: Bool? = nil, showMiniMap: Bool? = nil) -> Self {
        with {
            if let showLineNumbers { $0.panel.options[path: "code.showLineNumbers"] = .bool(showLineNumbers) }
            if let showMiniMap { $0.panel.options[path: "code.showMiniMap"] = .bool(showMiniMap) }
        }
    }
}
