#!/usr/bin/env python3
"""Parse throughput of the PyPI package `promql-parser` (0.12.0) on the input sets that
promql_inputs.py writes, measured as WORKLOADS.md specifies: in-process, one warm-up pass,
then each round parses the whole set repeatedly until at least 2 s of wall time have passed;
the result is the median over 5 rounds of expressions per second.

Usage: promql_parser_throughput.py INDIR [--sets corpus,w1,w2] [--rounds 5] [--min-seconds 2]
Prints one JSON object: {"tool": "promql-parser", "version": ..., "results": [...]}.
Expressions the package rejects are counted (and reported as `rejected`), not skipped, since
they were parsed too.
"""
import argparse
import json
import os
import statistics
import sys
import time


def measure(parse, exprs, rounds, min_seconds):
    rejected = 0
    for expr in exprs:  # warm-up pass
        try:
            parse(expr)
        except Exception:
            rejected += 1
    rates = []
    for _ in range(rounds):
        parsed = 0
        start = time.perf_counter()
        while True:
            for expr in exprs:
                try:
                    parse(expr)
                except Exception:
                    pass
            parsed += len(exprs)
            elapsed = time.perf_counter() - start
            if elapsed >= min_seconds:
                break
        rates.append(parsed / elapsed)
    return statistics.median(rates), rates, rejected


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("indir")
    parser.add_argument("--sets", default="corpus,w1,w2")
    parser.add_argument("--rounds", type=int, default=5)
    parser.add_argument("--min-seconds", type=float, default=2.0)
    args = parser.parse_args()
    try:
        import promql_parser
    except ImportError:
        print("promql_parser_throughput.py: the promql-parser package is not installed "
              "(pip install promql-parser==0.12.0)", file=sys.stderr)
        return 2
    try:
        from importlib.metadata import version
        package_version = version("promql-parser")
    except Exception:
        package_version = "unknown"
    results = []
    for name in [s for s in args.sets.split(",") if s]:
        path = os.path.join(args.indir, name + ".json")
        with open(path, encoding="utf-8") as f:
            exprs = json.load(f)
        if not exprs:
            print("promql_parser_throughput.py: %s is empty" % path, file=sys.stderr)
            return 1
        median, rates, rejected = measure(promql_parser.parse, exprs, args.rounds, args.min_seconds)
        results.append({
            "set": name, "exprs": len(exprs), "rejected": rejected,
            "exprs_per_second": round(median, 1), "rounds": [round(r, 1) for r in rates],
        })
    print(json.dumps({"tool": "promql-parser", "version": package_version, "results": results}, indent=2))
    return 0


if __name__ == "__main__":
    sys.exit(main())
