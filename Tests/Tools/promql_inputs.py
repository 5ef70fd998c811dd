#!/usr/bin/env python3
"""Write the three PromQL parse-throughput input sets as JSON arrays of strings.

Usage: promql_inputs.py OUTDIR [--shared DIR]

  corpus.json  every `input` of ../shared/promql-corpus/promqltest_exprs.jsonl (2,214)
  w1.json      the 24,000 W1 dashboard queries (w1_spec.all_queries()), `$__rate_interval` -> `5m`
  w2.json      the 12,000 W2 rule expressions (w2_spec.rule_file(env) for every env)

The workload definitions are imported from ../shared/bench (not copied), so the sets are the
ones WORKLOADS.md ("PromQL parse throughput") specifies.
"""
import argparse
import json
import os
import sys

REPO = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))


def corpus_inputs(shared):
    path = os.path.join(shared, "promql-corpus", "promqltest_exprs.jsonl")
    with open(path, encoding="utf-8") as f:
        return [json.loads(line)["input"] for line in f if line.strip()]


def w1_inputs(shared):
    sys.path.insert(0, os.path.join(shared, "bench"))
    import w1_spec
    return [q.replace("$__rate_interval", "5m") for q in w1_spec.all_queries()]


def w2_inputs(shared):
    sys.path.insert(0, os.path.join(shared, "bench"))
    import w2_spec
    exprs = []
    for env in w2_spec.ENVS:
        for group in w2_spec.rule_file(env)["groups"]:
            exprs.extend(rule["expr"] for rule in group["rules"])
    return exprs


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("outdir")
    parser.add_argument("--shared", default=os.path.join(os.path.dirname(REPO), "shared"),
                        help="the shared reference folder (default: <repo>/../shared)")
    args = parser.parse_args()
    if not os.path.isdir(os.path.join(args.shared, "promql-corpus")) or not os.path.isdir(os.path.join(args.shared, "bench")):
        print("promql_inputs.py: %s has no promql-corpus/ or bench/; nothing written" % args.shared, file=sys.stderr)
        return 2
    os.makedirs(args.outdir, exist_ok=True)
    sets = {"corpus": corpus_inputs(args.shared), "w1": w1_inputs(args.shared), "w2": w2_inputs(args.shared)}
    expected = {"w1": 24000, "w2": 12000}
    for name, exprs in sets.items():
        if name in expected and len(exprs) != expected[name]:
            print("promql_inputs.py: %s has %d expressions, expected %d" % (name, len(exprs), expected[name]), file=sys.stderr)
            return 1
        with open(os.path.join(args.outdir, name + ".json"), "w", encoding="utf-8") as f:
            json.dump(exprs, f, ensure_ascii=False)
        print("%s.json: %d expressions" % (name, len(exprs)))
    return 0


if __name__ == "__main__":
    sys.exit(main())
