#!/usr/bin/env bash
# `periscope init` end to end: writes the scaffold (templates/, embedded in the binary) into a
# temporary folder with a path dependency on this checkout, builds it, renders every
# environment and runs its promtool unit tests — the execution model end to end: a user's own
# executable hands its catalog to Periscope's entry point and gets the same command line.
# The README's Swift examples become a second executable of the same package.
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
work="$root/.build-template"
rm -rf "$work/monitoring" "$work/published"
mkdir -p "$work"
swift build --package-path "$root" --product periscope
periscope="$(swift build --package-path "$root" --show-bin-path)/periscope"
# The dependency is a link named `periscope`, so the package identity matches the published one.
ln -sfn "$root" "$work/periscope"
"$periscope" init "$work/monitoring" --name monitoring --periscope-path "$work/periscope"
grep -q ".package(path: \"$work/periscope\")" "$work/monitoring/Package.swift"
# The published form, as a user gets it; the README's package lines must match it.
"$periscope" init "$work/published" --name monitoring >/dev/null
grep -q '.package(url: "https://github.com/periscope-dev/periscope", from: "0.1.0")' "$work/published/Package.swift"
# init refuses to overwrite, lists the files, and writes nothing.
if "$periscope" init "$work/published" >"$work/refused.txt" 2>&1; then
    echo "user-package: init overwrote an existing package"; exit 1
fi
grep -q "import-file-exists" "$work/refused.txt"
grep -q "published/Package.swift" "$work/refused.txt"
cd "$work/monitoring"
python3 "$root/Tests/Integration/readme-examples.py" "$root/README.md" . "$work/published/Package.swift"
swift build --product Monitoring
swift build --product ReadmeExamples
bin="$(swift build --show-bin-path)/Monitoring"
"$bin" render --env all --out build
for env in dev staging prod; do
    test -f "build/$env/manifest.json"
    test -f "build/$env/prometheus/rules/my-service.yaml"
    test -f "build/$env/prometheus/rules/slos.yaml"
    test -f "build/$env/prometheus/tests/my-service.yaml"
done
test -f "build/dev/grafana/dashboards/My service/dev-my-service.json"
test -f "build/prod/grafana/dashboards/My service/slo-my-service.json"
grep -q 'env=\\"prod\\"' "build/prod/grafana/dashboards/My service/my-service.json"
"$bin" render --check --out build
# README "Using Periscope in CI" shows the workflow init writes, unchanged.
python3 - "$root/README.md" .github/workflows/monitoring.yml <<'PY'
import sys
readme, workflow = open(sys.argv[1]).read(), open(sys.argv[2]).read()
block = readme.split("<!-- ci-workflow:start -->\n```yaml\n", 1)[1].split("```\n<!-- ci-workflow:end -->", 1)[0]
if block != workflow:
    sys.exit("user-package: README's workflow differs from the one init writes; copy .github/workflows/monitoring.yml of an init with --name Monitoring")
PY
# The scaffold lints clean in every environment: no errors and no warnings (--strict), as its
# workflow runs it; the GitHub format prints no annotation for it.
"$bin" lint build --strict
! "$bin" lint build --format github | grep -q "^::"
"$bin" --help | grep -q "Examples:"
# Help names the user's executable, never `periscope`, in the root and every subcommand.
for command in "" render list environments promql test fmt lint slo "slo generate" "slo validate" init import "import rules" "import dashboard" diff preview inventory; do
    help="$("$bin" $command --help)"
    if echo "$help" | grep -q "periscope "; then
        echo "user-package: '$command --help' names periscope instead of Monitoring:"; echo "$help"; exit 1
    fi
done
"$bin" --help | grep -q "Monitoring render --env all --out build"
"$bin" render --help | grep -q "Monitoring render --check"
readme="$(swift build --show-bin-path)/ReadmeExamples"
"$readme" render --env all --environments readme-environments --out readme-build
if [ "${PERISCOPE_SKIP_PROMTOOL:-}" = "1" ]; then
    echo "user-package: PERISCOPE_SKIP_PROMTOOL=1: the promtool unit tests are skipped"
else
    # The scaffold's alert unit tests and the README's pass in promtool.
    "$bin" test build
    "$readme" test readme-build
fi
echo "user-package: init wrote a package that builds against this checkout, renders dev, staging and prod, lints clean and passes its promtool tests; the README's examples compile, render and pass their tests"
