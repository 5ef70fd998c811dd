#!/usr/bin/env python3
"""Writes Sources/PeriscopeImport/Package/ScaffoldTemplates.swift from the files under templates/.

`periscope init` and `periscope import` write their scaffolds from this embedded copy, so the
binary works from any folder. Run `make templates` after editing templates/; a test
(ScaffoldTemplateTests) fails when the embedded copy and templates/ differ.
"""
import os
import sys

root = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
templates = os.path.join(root, "templates")
output = os.path.join(root, "Sources", "PeriscopeImport", "Package", "ScaffoldTemplates.swift")

files = []
for folder, dirs, names in os.walk(templates):
    dirs.sort()
    for name in sorted(names):
        path = os.path.join(folder, name)
        relative = os.path.relpath(path, templates).replace(os.sep, "/")
        with open(path, encoding="utf-8") as handle:
            files.append((relative, handle.read()))
files.sort()


def literal(text):
    hashes = "#"
    while ('"""' + hashes) in text or ("\\" + hashes) in text:
        hashes += "#"
    # The line break before the closing delimiter is not part of a multi-line literal.
    return hashes + '"""\n' + text + "\n" + '"""' + hashes


lines = [
    "// Generated from templates/ by Tests/Tools/embed-templates.py (`make templates`); do not edit.",
    "// ScaffoldTemplateTests fails when this copy and templates/ differ.",
    "",
    "/// The files under `templates/`, by path relative to it (`monitoring/Package.swift`).",
    "enum ScaffoldTemplates {",
    "    static let files: [String: String] = [",
]
for relative, text in files:
    lines.append('        "%s": %s,' % (relative, literal(text)))
lines += ["    ]", "}", ""]
with open(output, "w", encoding="utf-8") as handle:
    handle.write("\n".join(lines))
print("embed-templates: %d files from templates/ into %s" % (len(files), os.path.relpath(output, root)))
