#!/usr/bin/env python3
"""Turns the README's Swift examples into an executable target of the scaffold package.

Usage: readme-examples.py README.md PACKAGE_DIR [SCAFFOLD_MANIFEST]

The README's environment files (YAML blocks starting `# environments/<name>.yaml`) are written
over copies of the scaffold's in PACKAGE_DIR/readme-environments.

- A block that starts with `import` is a whole file: written as is; one that starts with a
  declaration (`enum`, `struct`, `extension`, `func`, an attribute) is a file after
  `import Periscope`.
- The block holding `// Package.swift` shows the package lines and the executable's main file:
  its package lines must appear in SCAFFOLD_MANIFEST (default PACKAGE_DIR/Package.swift: the
  scaffold as `init` writes it with the published package), and its main file
  is written without `@main`, so the README's catalog can be read.
- Any other block is an expression of the catalog (a `RuleGroup`, `RuleTests`, ...): it becomes
  a `@CatalogBuilder` function of the environment `env`.

A generated main renders the README's catalog plus every expression block. Exits 1 with the
README line of a block it cannot place.
"""
import re
import sys
from pathlib import Path

readme, package = Path(sys.argv[1]), Path(sys.argv[2])
def fenced(language):
    """The README's ```language blocks, each with its first line number."""
    found, current, start = [], None, 0
    for number, line in enumerate(readme.read_text().splitlines(), 1):
        if current is None and line.strip() == "```" + language:
            current, start = [], number + 1
        elif current is not None and line.strip() == "```":
            found.append((start, "\n".join(current)))
            current = None
        elif current is not None:
            current.append(line)
    return found


environments = package / "readme-environments"
environments.mkdir(exist_ok=True)
for source in (package / "environments").glob("*.yaml"):
    (environments / source.name).write_text(source.read_text())
for start, text in fenced("yaml"):
    match = re.match(r"# environments/([\w.-]+\.yaml)\n", text)
    if match:
        (environments / match.group(1)).write_text(text)

blocks = fenced("swift")

target = package / "Sources" / "ReadmeExamples"
target.mkdir(parents=True, exist_ok=True)
fragments, readme_main = [], None
for start, text in blocks:
    if "// Package.swift" in text:
        manifest, _, main = text.partition("// Sources/Monitoring/Monitoring.swift")
        scaffold_manifest = Path(sys.argv[3]) if len(sys.argv) > 3 else package / "Package.swift"
        scaffold = re.sub(r"\s+", "", scaffold_manifest.read_text())
        for line in manifest.splitlines():
            line = line.strip().rstrip(",")
            if line and not line.startswith("//") and re.sub(r"\s+", "", line) not in scaffold:
                sys.exit(f"README.md:{start}: the package line {line!r} is not in the scaffold's Package.swift")
        readme_main = re.sub(r"^@main\s*$", "", main, flags=re.M)
        (target / f"Readme{start}.swift").write_text(f"// README.md line {start}\n" + readme_main)
    elif text.lstrip().startswith("import "):
        (target / f"Readme{start}.swift").write_text(f"// README.md line {start}\n" + text + "\n")
    elif re.match(r"\s*(enum|struct|extension|func|@)", text):
        (target / f"Readme{start}.swift").write_text(f"// README.md line {start}\nimport Periscope\n\n" + text + "\n")
    else:
        fragments.append((start, text))

if readme_main is None:
    sys.exit("README.md: no block with the package's main file (// Package.swift)")
struct = re.search(r"struct (\w+): CatalogDefinition", readme_main)
if not struct:
    sys.exit("README.md: the main file declares no CatalogDefinition")

functions = "\n".join(
    f"    // README.md line {start}\n    @CatalogBuilder static func block{start}(_ env: Environment) -> [CatalogItem] {{\n{text}\n    }}\n"
    for start, text in fragments)
calls = "\n".join(f"            ReadmeFragments.block{start}(env)" for start, _ in fragments)
(target / "ReadmeFragments.swift").write_text(f"import Periscope\n\nenum ReadmeFragments {{\n{functions}}}\n")
(target / "Main.swift").write_text(f"""import Periscope

@main
struct ReadmeExamples: CatalogDefinition {{
    static func catalog(_ env: Environment) -> Catalog {{
        let readme = {struct.group(1)}.catalog(env)
        return Catalog {{
            readme.dashboards
            readme.ruleGroups
            readme.ruleTests
{calls}
        }}
    }}
}}
""")
manifest = package / "Package.swift"
text = manifest.read_text()
text = text.replace("    targets: [\n", """    targets: [
        .executableTarget(
            name: "ReadmeExamples",
            dependencies: [.product(name: "Periscope", package: "periscope")]
        ),
""", 1)
manifest.write_text(text)
print(f"readme-examples: {len(blocks)} Swift blocks, {len(fragments)} catalog expressions")
