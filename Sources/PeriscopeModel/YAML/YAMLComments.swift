import CYaml

/// Finds the comments of a YAML text, which libyaml (and so every reader here) skips.
///
/// A `#` starts a comment when it is not part of a scalar (YAML 1.2, 6.6: a comment is
/// separated from content by white space; inside plain, quoted and block scalars `#` is
/// content). So every `#` outside the spans of the document's scalars, as libyaml reports them,
/// is a comment. `fmt` uses this to refuse rewriting a file whose comments it would drop.
public enum YAMLComments {
    /// The 1-based lines holding a comment, in order; empty when there are none or the text is
    /// not YAML libyaml can parse (the reader reports that).
    public static func lines(in text: String) -> [Int] {
        guard text.utf8.contains(UInt8(ascii: "#")) else { return [] }
        var spans: [(start: (Int, Int), end: (Int, Int))] = []
        var text = text
        let parsed = text.withUTF8 { buffer in
            withLibYAMLParser(buffer) { parser -> Bool in
                var event = yaml_event_t()
                while true {
                    guard yaml_parser_parse(parser, &event) == 1 else { return false }
                    defer { yaml_event_delete(&event) }
                    if event.type == YAML_STREAM_END_EVENT { return true }
                    if event.type == YAML_SCALAR_EVENT {
                        spans.append((
                            (Int(event.start_mark.line), Int(event.start_mark.column)),
                            (Int(event.end_mark.line), Int(event.end_mark.column))))
                    }
                }
            }
        }
        guard parsed else { return [] }
        var result: [Int] = []
        var spanIndex = 0
        for (lineIndex, line) in text.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
            var column = 0
            for scalar in line.unicodeScalars {
                defer { column += 1 }
                guard scalar == "#" else { continue }
                let here = (lineIndex, column)
                // Spans come in document order; skip those that end before this character.
                while spanIndex < spans.count, !precedes(here, spans[spanIndex].end) { spanIndex += 1 }
                let inside = spanIndex < spans.count && !precedes(here, spans[spanIndex].start)
                if !inside {
                    result.append(lineIndex + 1)
                    break
                }
            }
        }
        return result
    }

    private static func precedes(_ a: (Int, Int), _ b: (Int, Int)) -> Bool {
        a.0 < b.0 || (a.0 == b.0 && a.1 < b.1)
    }
}
