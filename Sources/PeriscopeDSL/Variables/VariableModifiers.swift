extension VariableConvertible {
    /// Sets the label shown in the variable bar instead of the name.
    public func label(_ text: String) -> Self { with { $0.variable.label = text } }
    /// Sets the tooltip shown next to the label.
    public func description(_ text: String) -> Self { with { $0.variable.description = text } }
    /// Hides the label (`.label`) or the whole variable (`.variable`) in the variable bar.
    public func hide(_ what: VariableHide = .variable) -> Self { with { $0.variable.hide = what } }
    /// Selects one value when the dashboard opens, shown as `text` when given.
    public func current(_ value: String, text: String? = nil) -> Self { with { $0.variable.current = VariableCurrent(value, text: text) } }
    /// Selects several values when the dashboard opens (multi-value variables).
    public func current(values: [String]) -> Self { with { $0.variable.current = VariableCurrent(values: values) } }
    /// Leaves the value out of the dashboard URL (`skipUrlSync`).
    public func skipURLSync(_ value: Bool = true) -> Self { with { $0.variable.skipURLSync = value } }
    /// Sets any field of the variable's JSON by path, for fields without a modifier (the escape
    /// hatch), e.g. `.setting("tagValuesQuery", "")`; merged over the typed fields, objects member
    /// by member.
    public func setting(_ path: OptionPath, _ value: JSONValue) -> Self { with { $0.variable.extra[path: path] = value } }
}

/// A variable whose options the user picks from, so several or "All" can be selected.
public protocol MultiValueVariable: VariableConvertible {}

extension MultiValueVariable {
    /// Allows selecting several values at once (`multi`).
    public func multi(_ value: Bool = true) -> Self { with { $0.variable.multi = value } }
    /// Offers an "All" option (`includeAll`), standing for `allValue` (e.g. `.*`) when given.
    public func includeAll(_ value: Bool = true, allValue: String? = nil) -> Self {
        with {
            $0.variable.includeAll = value
            if let allValue { $0.variable.allValue = allValue }
        }
    }
}
