extension PanelConvertible {
    /// Applies `body` and remembers where the modifier was written, so findings can point at it.
    func recordingOption(_ key: ModifierKey<Panel>, _ location: SourceLocation, _ body: (inout Panel) -> Void) -> Self {
        recording(key, at: location, body)
    }

    /// Sets `options.<path>` to a typed value.
    func settingOption(_ path: OptionPath, _ value: some JSONRepresentable) -> Self {
        with { $0.panel.options[path: path] = value.jsonValue }
    }

    /// Sets `fieldConfig.defaults.custom.<path>` to a typed value.
    func settingFieldOption(_ path: OptionPath, _ value: some JSONRepresentable) -> Self {
        with { $0.panel.fieldDefaults.custom[path: path] = value.jsonValue }
    }
}
