/// Prometheus' name rules for metrics, labels and file-safe namespaces.
public enum RuleNames {
    /// `[a-zA-Z_:][a-zA-Z0-9_:]*`, Prometheus' legacy metric name.
    public static func isValidMetricName(_ name: String) -> Bool {
        var first = true
        for byte in name.utf8 {
            let ok = isLetter(byte) || byte == UInt8(ascii: "_") || byte == UInt8(ascii: ":") || (!first && isDigit(byte))
            if !ok { return false }
            first = false
        }
        return !first
    }

    /// `[a-zA-Z_][a-zA-Z0-9_]*`, Prometheus' legacy label name.
    public static func isValidLabelName(_ name: String) -> Bool {
        var first = true
        for byte in name.utf8 {
            let ok = isLetter(byte) || byte == UInt8(ascii: "_") || (!first && isDigit(byte))
            if !ok { return false }
            first = false
        }
        return !first
    }

    /// A name safe as a file name stem: `[A-Za-z0-9][A-Za-z0-9._-]*`, no `..`.
    public static func isSafeFileStem(_ name: String) -> Bool {
        guard let first = name.utf8.first, isLetter(first) || isDigit(first), !name.contains("..") else { return false }
        return name.utf8.allSatisfy { isLetter($0) || isDigit($0) || $0 == UInt8(ascii: ".") || $0 == UInt8(ascii: "_") || $0 == UInt8(ascii: "-") }
    }

    /// A Kubernetes object name (DNS-1123 subdomain): lowercase alphanumerics, `-` and `.`, at most 253.
    public static func isKubernetesName(_ name: String) -> Bool {
        guard !name.isEmpty, name.utf8.count <= 253, let first = name.utf8.first, let last = name.utf8.last else { return false }
        func alnum(_ byte: UInt8) -> Bool { isDigit(byte) || (byte >= 0x61 && byte <= 0x7A) }
        return alnum(first) && alnum(last) && name.utf8.allSatisfy { alnum($0) || $0 == UInt8(ascii: "-") || $0 == UInt8(ascii: ".") }
    }

    private static func isLetter(_ byte: UInt8) -> Bool { (byte >= 0x41 && byte <= 0x5A) || (byte >= 0x61 && byte <= 0x7A) }
    private static func isDigit(_ byte: UInt8) -> Bool { byte >= 0x30 && byte <= 0x39 }
}
