#!/usr/bin/python3
"""Share of a corpus's figures that a named rule claims.

For each folder given: the figures the engine finds (`extract figures --json`), how many of them no
rule claimed (the `builtin.figure` facts of `extract --figures`), and, by rule file, how many
figures a fact of that file overlaps. With --unclaimed N, the N most frequent labels of the
unclaimed figures, with their unit, to show what a new rule would cover.

    tools/bench/rule_coverage.py --extract build/tools/extract/extract --rules rules/ \
        tests/data/corpus tests/data/dev tests/data/provincial
"""
import argparse
import collections
import json
import subprocess
import sys


def run_json_lines(command):
    result = subprocess.run(command, capture_output=True, text=True, check=False)
    if result.returncode != 0:
        sys.exit(f"{' '.join(command)} failed ({result.returncode}): {result.stderr.strip()}")
    return [json.loads(line) for line in result.stdout.splitlines() if line]


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--extract", default="build/tools/extract/extract")
    parser.add_argument("--rules", default="rules/")
    parser.add_argument("--unclaimed", type=int, default=0, metavar="N")
    parser.add_argument("folders", nargs="+")
    args = parser.parse_args()

    total_figures = total_unclaimed = 0
    by_file = collections.Counter()
    unclaimed_labels = collections.Counter()
    for folder in args.folders:
        figures = run_json_lines([args.extract, "figures", "--json", folder])
        facts = run_json_lines(
            [args.extract, "--rules", args.rules, "--figures", "--no-document", folder])
        unclaimed = [fact for fact in facts if fact["rule"] == "builtin.figure"]
        spans = collections.defaultdict(list)
        for fact in facts:
            if fact["rule"] != "builtin.figure":
                spans[fact["doc"]].append((fact["start"], fact["end"], fact["rule"].split(".")[0]))
        files_here = collections.Counter()
        for figure in figures:
            files = {name for start, end, name in spans.get(figure["doc"], [])
                     if start < figure["end"] and figure["start"] < end}
            files_here.update(files)
        by_file.update(files_here)
        for fact in unclaimed:
            fields = fact["fields"]
            unclaimed_labels[(fields["label"]["value"], fields["value"].get("unit", ""))] += 1
        claimed = len(figures) - len(unclaimed)
        share = 100 * claimed / len(figures) if figures else 0
        print(f"{folder}: {len(figures)} figures, {claimed} claimed by a named rule ({share:.1f} %)")
        total_figures += len(figures)
        total_unclaimed += len(unclaimed)
    if len(args.folders) > 1 and total_figures:
        claimed = total_figures - total_unclaimed
        print(f"all: {total_figures} figures, {claimed} claimed ({100 * claimed / total_figures:.1f} %)")
    print("figures claimed, by rule file:")
    for name, count in by_file.most_common():
        print(f"  {name:16} {count}")
    if args.unclaimed:
        print(f"most frequent labels of unclaimed figures:")
        for (label, unit), count in unclaimed_labels.most_common(args.unclaimed):
            print(f"  {count:4}  {label or '(none)'}  {unit}")


if __name__ == "__main__":
    main()
