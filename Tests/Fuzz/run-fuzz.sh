#!/usr/bin/env bash
# Fuzz the PromQL library with libFuzzer for SECONDS (default 60).
#
#   Tests/Fuzz/run-fuzz.sh SECONDS [extra libFuzzer flags...]
#
# Builds Sources/PromQL/*.swift + Tests/Fuzz/PromQLFuzz.swift with -sanitize=fuzzer,address
# into .build-fuzz/promql-fuzz, seeds .build-fuzz/corpus from the `input` fields of
# ../shared/promql-corpus/*.jsonl (when that folder exists), and runs. Exits non-zero when
# the build fails or libFuzzer finds a crash, a failed property or a leak; the reproducer is
# written to .build-fuzz/crash-* (re-run: .build-fuzz/promql-fuzz .build-fuzz/crash-…).
set -euo pipefail

seconds="${1:-60}"
shift || true
case "$seconds" in
    ''|*[!0-9]*) echo "usage: $0 SECONDS [libFuzzer flags...]" >&2; exit 64 ;;
esac

root="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
out="$root/.build-fuzz"
corpus="$out/corpus"
shared="$root/../shared/promql-corpus"
mkdir -p "$corpus"

# Compile a snapshot of the sources, so edits made while swiftc runs cannot break the build.
rm -rf "$out/src"
mkdir -p "$out/src"
cp "$root"/Sources/PromQL/*.swift "$root/Tests/Fuzz/PromQLFuzz.swift" "$out/src/"
# lld avoids gold's warnings about ASan symbols; libm is linked explicitly because nothing
# else pulls it in without Foundation.
linker=()
if command -v ld.lld >/dev/null 2>&1; then linker=(-use-ld=lld); fi
echo "run-fuzz: building $out/promql-fuzz"
swiftc -sanitize=fuzzer,address -parse-as-library -O -g "${linker[@]}" -lm \
    "$out"/src/*.swift -o "$out/promql-fuzz"

if [ -d "$shared" ]; then
    python3 - "$shared" "$corpus" <<'PY'
import base64, glob, hashlib, json, os, sys
shared, corpus = sys.argv[1], sys.argv[2]
count = 0
for path in sorted(glob.glob(os.path.join(shared, "*.jsonl"))):
    with open(path, encoding="utf-8") as f:
        for line in f:
            if not line.strip():
                continue
            case = json.loads(line)
            if "input_b64" in case:
                data = base64.b64decode(case["input_b64"])
            elif isinstance(case.get("input"), str):
                data = case["input"].encode("utf-8", "surrogatepass")
            else:
                continue
            name = hashlib.sha1(data).hexdigest()
            target = os.path.join(corpus, name)
            if not os.path.exists(target):
                with open(target, "wb") as out:
                    out.write(data)
                count += 1
print("run-fuzz: seeded %d new inputs from %s" % (count, shared))
PY
else
    echo "run-fuzz: $shared not found; skipping corpus seeding (starting from $(ls "$corpus" | wc -l) inputs)"
fi

# Earlier reproducers stay in the corpus as regression inputs.
for crash in "$out"/crash-* "$out"/leak-* "$out"/timeout-*; do
    [ -e "$crash" ] && cp "$crash" "$corpus/$(basename "$crash")"
done
# Swift's own crash backtracer reads the stack in ways ASan reports as an underflow, which
# would bury the real failure message; libFuzzer prints the stack itself.
export SWIFT_BACKTRACE=enable=no

# ASan makes stack frames several times larger; expressions up to the parser's depth limit
# fit in the default 8 MB without it, so the fuzzer runs with a proportionally larger stack
# rather than reporting ASan-only stack overflows.
ulimit -s 65536 2>/dev/null || ulimit -s unlimited 2>/dev/null || true

echo "run-fuzz: fuzzing for ${seconds}s"
cd "$out"
exec ./promql-fuzz -max_total_time="$seconds" -timeout=10 -rss_limit_mb=4096 -max_len=4096 \
    -print_final_stats=1 -artifact_prefix="$out/" "$@" "$corpus"
