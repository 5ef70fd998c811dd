import Foundation
import Yams

/// Splits a promtool test file into one file per test, so that `periscope test` can report
/// pass or fail per test with promtool's own message (promtool reports per file).
public enum PromtoolTestFile {
    /// One test of a file, as a complete promtool test file of its own.
    public struct SingleTest: Sendable, Equatable {
        /// The test's `name:` (or `#<index>` when it has none).
        public var name: String
        /// The YAML of a test file holding only this test.
        public var yaml: String
    }

    /// Why a file cannot be split.
    public struct SplitError: Error, Sendable, CustomStringConvertible {
        /// What is wrong with the file.
        public var description: String
    }

    /// The tests of `yaml`, each as a file of its own whose relative `rule_files` entries are
    /// resolved against `directory` (the folder of the original file; a relative folder is
    /// taken from the current directory), as absolute paths, so they run from anywhere.
    public static func split(_ yaml: String, directory: String) throws(SplitError) -> [SingleTest] {
        let root: Node
        do {
            guard let node = try Yams.compose(yaml: yaml) else { throw SplitError(description: "empty test file") }
            root = node
        } catch let error as SplitError {
            throw error
        } catch {
            throw SplitError(description: "not valid YAML: \(error)")
        }
        guard case .mapping(let mapping) = root else { throw SplitError(description: "a test file is a mapping with rule_files and tests") }
        guard case .sequence(let tests)? = mapping["tests"] else { throw SplitError(description: "no tests: list") }
        let base = URL(fileURLWithPath: directory).standardizedFileURL.path
        var result: [SingleTest] = []
        for (index, test) in tests.enumerated() {
            var pairs: [(Node, Node)] = []
            for (key, value) in mapping {
                switch key.string {
                case "tests":
                    pairs.append((key, .sequence(Node.Sequence([test]))))
                case "rule_files":
                    guard case .sequence(let files) = value else {
                        pairs.append((key, value))
                        continue
                    }
                    let resolved = files.map { file -> Node in
                        guard let path = file.string, !path.hasPrefix("/") else { return file }
                        return Node(base + "/" + path)
                    }
                    pairs.append((key, .sequence(Node.Sequence(resolved))))
                default:
                    pairs.append((key, value))
                }
            }
            let name = test["name"]?.string ?? "#\(index + 1)"
            do {
                let text = try Yams.serialize(node: .mapping(Node.Mapping(pairs)), width: -1)
                result.append(SingleTest(name: name, yaml: text))
            } catch {
                throw SplitError(description: "cannot write test '\(name)': \(error)")
            }
        }
        return result
    }
}
