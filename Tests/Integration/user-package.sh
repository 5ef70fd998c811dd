#!/usr/bin/env bash
# Builds the scaffold in templates/monitoring against this checkout (a path dependency) and
# renders it: the execution model end to end — a user's own executable hands its catalog to
# Periscope's entry point and gets the same command line.
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
work="$root/.build-template"
rm -rf "$work/monitoring"
mkdir -p "$work"
cp -R "$root/templates/monitoring" "$work/monitoring"
cd "$work/monitoring"
# The template's placeholders, as the scaffold writer fills them for `--name monitoring`.
mv Sources/__TARGET__/__TARGET__.swift Sources/__TARGET__/Monitoring.swift
mv Sources/__TARGET__ Sources/Monitoring
for file in Package.swift Makefile Sources/Monitoring/Monitoring.swift; do
    sed -i -e 's|__PERISCOPE_DEPENDENCY__|.package(url: "https://github.com/periscope-dev/periscope", from: "0.1.0")|' \
        -e 's|__PERISCOPE_PACKAGE__|periscope|' -e 's|__PACKAGE__|monitoring|' -e 's|__TARGET__|Monitoring|g' "$file"
done
# The README's examples, as written, become a second executable of the same package.
python3 "$root/Tests/Integration/readme-examples.py" "$root/README.md" .
# Point the dependency at this checkout instead of the published package; the link's name
# gives the package the identity `periscope` that the template's product reference uses.
ln -sfn "$root" "$work/periscope"
sed -i.bak "s|.package(url: \"https://github.com/periscope-dev/periscope\", from: \"0.1.0\")|.package(path: \"$work/periscope\")|" Package.swift
grep -q "path: \"$work/periscope\"" Package.swift
swift build --product Monitoring
swift build --product ReadmeExamples
bin="$(swift build --show-bin-path)/Monitoring"
"$bin" render --env all --out build
for env in dev staging prod; do
    test -f "build/$env/manifest.json"
done
test -f "build/dev/grafana/dashboards/My service/dev-my-service.json"
grep -q 'env=\\"prod\\"' "build/prod/grafana/dashboards/My service/my-service.json"
"$bin" render --check --out build
"$bin" --help | grep -q "Examples:"
# Help names the user's executable, never `periscope`, in the root and every subcommand.
for command in "" render list environments promql test fmt slo "slo generate" "slo validate"; do
    help="$("$bin" $command --help)"
    if echo "$help" | grep -q "periscope "; then
        echo "user-package: '$command --help' names periscope instead of Monitoring:"; echo "$help"; exit 1
    fi
done
"$bin" --help | grep -q "Monitoring render --env all --out build"
"$bin" render --help | grep -q "Monitoring render --check"
# The README's catalog renders every environment, and its alert unit tests pass in promtool.
readme="$(swift build --show-bin-path)/ReadmeExamples"
"$readme" render --env all --environments readme-environments --out readme-build
"$readme" test readme-build
echo "user-package: the template builds against this checkout and renders dev, staging and prod; the README's examples compile, render and pass their tests"
