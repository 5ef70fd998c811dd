import Foundation

/// PyYAML's safe loader, a YAML 1.1 loader as old Kubernetes tooling and many scripts use, run
/// through `python3` for tests that check how another loader reads our YAML.
public enum PythonYAML {
    /// The prefix of a value that PyYAML did not load as a string.
    public static let nonStringMark = "\u{0}non-string: "

    /// Whether `python3` with PyYAML is installed (`make test` installs it).
    public static let available: Bool = {
        (try? run(script: "import yaml", input: "").status) == 0
    }()

    /// Runs a Python script with `input` on stdin; its status and stdout.
    public static func run(script: String, input: String) throws -> (status: Int32, output: String) {
        try ExternalTool.run(["python3", "-c", script], input: input)
    }

    /// Every scalar of every document of `yaml` whose map key is one of `keys` (or that sits in
    /// a map under such a key), as PyYAML loads it: strings as themselves, anything else as
    /// `nonStringMark` followed by its type and value. Lists the values in document order.
    public static func values(in yaml: String, under keys: [String]) throws -> [String] {
        let script = """
            import json, sys, yaml
            KEYS = set(json.loads(sys.stdin.readline()))
            MARK = "\\u0000non-string: "
            out = []
            def show(v):
                return v if isinstance(v, str) else "%s%s %r" % (MARK, type(v).__name__, v)
            def walk(node):
                if isinstance(node, dict):
                    for k, v in node.items():
                        if k in KEYS and isinstance(v, dict):
                            out.extend(show(x) for x in v.values())
                        elif k in KEYS and isinstance(v, list):
                            out.extend(show(x) for x in v if not isinstance(x, (dict, list)))
                        elif k in KEYS:
                            out.append(show(v))
                        else:
                            walk(v)
                elif isinstance(node, list):
                    for v in node:
                        walk(v)
            for doc in yaml.safe_load_all(sys.stdin.read()):
                walk(doc)
            print(json.dumps(out))
            """
        let header = String(decoding: try JSONEncoder().encode(keys), as: UTF8.self) + "\n"
        let (status, output) = try run(script: script, input: header + yaml)
        guard status == 0 else { throw PythonYAMLError(description: "PyYAML could not load the document") }
        return try JSONDecoder().decode([String].self, from: Data(output.utf8))
    }
}

/// PyYAML failed on a document.
public struct PythonYAMLError: Error, CustomStringConvertible {
    /// What failed.
    public var description: String
}
