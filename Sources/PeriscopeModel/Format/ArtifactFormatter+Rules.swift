import PeriscopeDSL

extension ArtifactFormatter {
    /// Id of the warning for a rule file left as it is because rewriting it would drop comments.
    public static let commentsKeptID: DiagnosticID = "fmt-comments-kept"

    /// Where the first document that is not a rule-file shape starts: a map with neither `groups`
    /// nor a Kubernetes `kind`, a list or a scalar other than null. Tells rule files from the other
    /// YAML files of a folder (environment files, CI workflows).
    static func firstNonRuleDocument(_ documents: [YAMLTree]) -> FileLocation? {
        for document in documents {
            switch document.content {
            case .scalar where document.isNull: continue
            case .mapping(let entries) where entries.isEmpty: continue
            case .mapping(let entries) where entries.contains(where: { $0.key == "groups" || $0.key == "kind" }): continue
            default: return document.location
            }
        }
        return nil
    }

    /// Formats a Prometheus rule file, PrometheusRule resource or Mimir namespace file.
    ///
    /// The file keeps its format, documents and unknown keys (`RuleFileWriter`). A file with YAML
    /// comments is left as it is, with a warning: the YAML parser does not keep comments, and
    /// dropping what a person wrote is worse than leaving the layout alone.
    public func formatRuleFile(_ bytes: [UInt8], path: String) -> Output {
        let result = RuleFileReader(path: path).read(bytes)
        let text = String(decoding: bytes, as: UTF8.self)
        // The YAML documents as data: their shapes tell rule files from other YAML, and the
        // formatted text must read back as the same data.
        let reader = YAMLReader(path: path, limits: .ruleFile)
        let documents = reader.readStream(text).documents
        let unreadable = result.diagnostics.contains { $0.id == RuleDiagnosticID.fileUnreadable || $0.id == YAMLDiagnosticID.syntax }
        if !unreadable, let other = Self.firstNonRuleDocument(documents) {
            return Output(kind: nil, formatted: nil, changed: false, diagnostics: [Diagnostic(
                .error, "not a Prometheus rule file: expected 'groups:', a PrometheusRule resource or a Mimir namespace file",
                at: .file(other), id: Self.notAnArtifactID)])
        }
        var diagnostics = result.diagnostics
        guard let formatted = RuleFileWriter.formatted(result) else {
            return Output(kind: .ruleFile, formatted: nil, changed: false, diagnostics: diagnostics)
        }
        if formatted != bytes, let line = YAMLComments.lines(in: text).first {
            diagnostics.append(Diagnostic(
                .warning, "left as it is: it has comments (the first on line \(line)), which rewriting would drop",
                at: .file(FileLocation(path: path, line: line, column: 1)), id: Self.commentsKeptID))
            return Output(kind: .ruleFile, formatted: bytes, changed: false, diagnostics: diagnostics)
        }
        // The data must not change: both texts are the same YAML documents.
        let after = reader.readStream(String(decoding: formatted, as: UTF8.self))
        guard after.diagnostics.isEmpty, documents.count == after.documents.count,
              zip(documents, after.documents).allSatisfy({ $0.hasSameData(as: $1) }) else {
            diagnostics.append(Diagnostic(
                .error, "formatting would change the rule file's data; the file is left as it is (please report this)",
                at: .file(FileLocation(path: path)), id: Self.semanticsChangedID))
            return Output(kind: .ruleFile, formatted: nil, changed: false, diagnostics: diagnostics)
        }
        return Output(kind: .ruleFile, formatted: formatted, changed: formatted != bytes, diagnostics: diagnostics)
    }
}
