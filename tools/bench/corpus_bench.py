#!/usr/bin/env python3
"""End-to-end benchmark of extract against the way analysts extract figures today.

Builds a corpus of a given size from the sample reports, generates rule sets of realistic rules
(literal context taken from the corpus, a number, a unit, so they fire), and runs on the same inputs:

  - extract, end to end (decode, normalize, match, values, JSON Lines out);
  - the baseline an analyst writes: Python looping re.finditer over each rule;
  - rg -c -f over the same patterns (counts matching lines only);
  - cat over the same files, for the cost of reading them alone;
  - extract with no rules, for the cost of reading, validating, normalizing and finding structure,
    which every rule set pays before matching;
  - with --stock-rules DIR, extract with those rules over the sample reports as they are (their
    Traditional, PDF and docx artifacts give normalization work) and over the benchmark corpus;
    with --figures as well, the same rules with --figures over the sample reports, run in turn
    with the rules alone, and the ratio of the two throughputs.

It checks that extract and the baseline find the same matches (per rule), and prints throughput as
marginal cost (time difference between a small and a large corpus, so start-up and rule compilation
drop out), ratios, peak memory and rule-compile time.

  tools/bench/corpus_bench.py --extract build-rel/tools/extract/extract --size-mb 100 --rules 100 1000 5000

With --compare-jobs 2, extract and rg also run on two jobs, interleaved with the one-job runs, and
the two-job throughput is printed as a ratio measured side by side.

The corpus is the sample reports' normalized text (extract normalize), so the baseline, which does no
normalization, sees the text extract matches; extract's own normalization still runs on it.
"""
import argparse
import json
import os
import random
import re
import shutil
import statistics
import subprocess
import sys
import tempfile
import time

UNITS = ["户", "人次", "人", "个", "名", "万元", "元", "亩", "公里", "次", "起", "件", "处", "家", "条"]
NUMBER = r"(\d+(?:\.\d+)?)"


def normalized_reports(extract, corpus_dir):
    texts = []
    for name in sorted(os.listdir(corpus_dir)):
        if name.endswith(".txt"):
            out = subprocess.run([extract, "normalize", os.path.join(corpus_dir, name)],
                                 check=True, capture_output=True)
            texts.append(out.stdout.decode("utf-8"))
    return texts


def raw_reports(corpus_dir):
    """The sample reports' bytes as they are: Traditional, PDF and docx artifacts and all."""
    return [open(os.path.join(corpus_dir, name), "rb").read()
            for name in sorted(os.listdir(corpus_dir)) if name.endswith(".txt")]


def build_corpus(reports, directory, size_mb):
    """Writes report-sized files (each a sample report's bytes) until size_mb megabytes."""
    os.makedirs(directory, exist_ok=True)
    total, index = 0, 0
    while total < size_mb * (1 << 20):
        text = reports[index % len(reports)]
        with open(os.path.join(directory, f"r{index:06d}.txt"), "wb") as out:
            out.write(text)
        total += len(text)
        index += 1
    return total, index


def contexts(texts):
    """Literal contexts that precede a figure and unit somewhere in the reports."""
    found = set()
    unit_alternation = "|".join(UNITS)
    for text in texts:
        for match in re.finditer(r"([\u4e00-\u9fff]{2,6})\d+(?:\.\d+)?(?:" + unit_alternation + ")", text):
            word = match.group(1)
            for length in range(2, len(word) + 1):
                found.add(word[-length:])
    return sorted(found)


def generate_rules(texts, count, seed=7):
    """count rules: a context from the corpus + number + unit. Every rule has its own fact type, so
    extract's overlap resolution between rules of one type cannot hide matches the baseline counts."""
    rng = random.Random(seed)
    words = contexts(texts)
    patterns = set()
    # First the pairs that really occur, then random pairs (which mostly do not fire), as a rule
    # library grows.
    for text in texts:
        for match in re.finditer(r"([\u4e00-\u9fff]{2,4})\d+(?:\.\d+)?(" + "|".join(UNITS) + ")", text):
            patterns.add(match.group(1) + NUMBER + match.group(2))
    patterns = sorted(patterns)
    rng.shuffle(patterns)
    patterns = patterns[:count]
    while len(patterns) < count:
        pattern = rng.choice(words) + NUMBER + rng.choice(UNITS)
        if pattern not in patterns:
            patterns.append(pattern)
    return patterns


def write_rules(patterns, path):
    with open(path, "w", encoding="utf-8") as out:
        out.write("rules:\n")
        for i, pattern in enumerate(patterns):
            out.write(f"  - id: bench.r{i}\n    fact: bench_f{i}\n    pattern: '{pattern}'\n")


BASELINE = r'''
import os, re, sys, collections
patterns = [line.rstrip("\n") for line in open(sys.argv[1], encoding="utf-8")]
compiled = [re.compile(p) for p in patterns]
counts = collections.Counter()
for root, _, files in os.walk(sys.argv[2]):
    for name in sorted(files):
        text = open(os.path.join(root, name), encoding="utf-8").read()
        for i, rx in enumerate(compiled):
            for m in rx.finditer(text):
                counts[i] += 1
for i in sorted(counts):
    print(i, counts[i])
'''


def timed(command, stdout=subprocess.DEVNULL):
    """Runs a command; returns (seconds, its peak RSS in MB, its stdout if captured). The peak
    comes from GNU time, which starts the command from its own small process: a child forked
    from this script would count the script's memory in its peak."""
    start = time.perf_counter()
    result = subprocess.run(["/usr/bin/time", "-f", "peak-kb %M", *command], stdout=stdout,
                            stderr=subprocess.PIPE)
    seconds = time.perf_counter() - start
    if result.returncode not in (0, 1):
        sys.exit(f"{command[0]} failed ({result.returncode}): {result.stderr.decode()[:500]}")
    peak_kb = int(result.stderr.decode().rsplit("peak-kb ", 1)[1].split()[0])
    return seconds, peak_kb / 1024, result.stdout


def marginal_rates(megabytes, pairs, runs):
    """MB/s of the marginal cost of each (small command, large command) pair: every pair's small
    and large corpus are run in turn, the pairs one after another, `runs` times, and the median of
    each pair's differences taken. Interleaved, a shared machine's drift falls on all of them, so
    their ratios are measured side by side. Returns [(rate, largest peak RSS of the large runs in
    MB)] in the order of `pairs`."""
    differences = [[] for _ in pairs]
    peaks = [0.0 for _ in pairs]
    for _ in range(runs):
        for i, (small_command, large_command) in enumerate(pairs):
            small_seconds, _, _ = timed(small_command)
            large_seconds, large_peak, _ = timed(large_command)
            differences[i].append(large_seconds - small_seconds)
            peaks[i] = max(peaks[i], large_peak)
    rates = []
    for i in range(len(pairs)):
        difference = statistics.median(differences[i])
        rates.append((megabytes / difference if difference > 0 else float("nan"), peaks[i]))
    return rates


def marginal_rate(megabytes, small_command, large_command, runs):
    """marginal_rates for one pair."""
    return marginal_rates(megabytes, [(small_command, large_command)], runs)[0]


def extract_command(extract, rules, corpus, jobs, figures=False):
    return [extract, "--no-document", f"--jobs={jobs}", "--rules", rules] + \
        (["--figures"] if figures else []) + [corpus]


def extract_counts(extract, rules, corpus, jobs):
    seconds, peak, out = timed(extract_command(extract, rules, corpus, jobs), stdout=subprocess.PIPE)
    counts = {}
    for line in out.splitlines():
        rule = json.loads(line)["rule"]
        index = int(rule.split(".r")[1])
        counts[index] = counts.get(index, 0) + 1
    return seconds, peak, counts


def output_lines(command):
    """Runs a command and returns how many lines it printed."""
    result = subprocess.run(command, check=True, stdout=subprocess.PIPE)
    return result.stdout.count(b"\n")


def measure_stock_rules(args, work, small_dir, large_dir, marginal_mb):
    """The stock rules (or any rule directory) over a corpus of the sample reports as they are,
    which normalization has work on, and over the benchmark corpus: marginal MB/s and peak."""
    reports = raw_reports(args.corpus)
    raw_small, raw_large = os.path.join(work, "raw-small"), os.path.join(work, "raw-large")
    raw_small_bytes, _ = build_corpus(reports, raw_small, args.small_mb)
    raw_large_bytes, raw_files = build_corpus(reports, raw_large, args.size_mb)
    raw_mb = (raw_large_bytes - raw_small_bytes) / 1e6
    command = lambda corpus: extract_command(args.extract, args.stock_rules, corpus, args.jobs)
    facts = output_lines(command(raw_large))  # also a warm-up
    if args.figures:
        # The same with every figure found and the unclaimed ones written (--figures), run in turn
        # with the stock rules alone so that the ratio is measured side by side.
        with_figures = lambda corpus: extract_command(args.extract, args.stock_rules, corpus,
                                                      args.jobs, figures=True)
        figure_facts = output_lines(with_figures(raw_large))
        (raw_rate, raw_peak), (figures_rate, figures_peak) = marginal_rates(
            raw_mb, [(command(raw_small), command(raw_large)),
                     (with_figures(raw_small), with_figures(raw_large))], args.runs)
    else:
        raw_rate, raw_peak = marginal_rate(raw_mb, command(raw_small), command(raw_large), args.runs)
    normalized_rate, _ = marginal_rate(marginal_mb, command(small_dir), command(large_dir), args.runs)
    row = {"stock_rules": args.stock_rules, "raw_MB": raw_large_bytes / 1e6, "raw_files": raw_files,
           "raw_MBps": raw_rate, "raw_peak_MB": raw_peak, "raw_facts": facts,
           "normalized_MBps": normalized_rate}
    if args.figures:
        row.update({"figures_MBps": figures_rate, "figures_peak_MB": figures_peak,
                    "figures_facts": figure_facts, "figures_over_stock": figures_rate / raw_rate})
    print(json.dumps(row, ensure_ascii=False))
    return row


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--extract", default="build-rel/tools/extract/extract")
    parser.add_argument("--corpus", default="tests/data/corpus", help="sample reports")
    parser.add_argument("--size-mb", type=int, default=100, help="large corpus size")
    parser.add_argument("--small-mb", type=int, default=10, help="small corpus size (marginal cost)")
    parser.add_argument("--rules", type=int, nargs="*", default=[100, 1000, 5000],
                        help="generated rule counts (none: only the other measurements)")
    parser.add_argument("--stock-rules", default=None,
                        help="also run these rules (say rules/) over the sample reports as they are, "
                             "and over the benchmark corpus")
    parser.add_argument("--figures", action="store_true",
                        help="with --stock-rules, also run them with --figures (every figure found, "
                             "the unclaimed ones written) over the sample reports, side by side")
    parser.add_argument("--jobs", type=int, default=1)
    parser.add_argument("--compare-jobs", type=int, default=0,
                        help="also run extract and rg with this many jobs, interleaved with the "
                             "--jobs runs, and print the throughput ratio")
    parser.add_argument("--runs", type=int, default=5, help="timed runs per measurement (median)")
    parser.add_argument("--skip-baseline", action="store_true")
    parser.add_argument("--work", default=None, help="scratch directory (default: a temporary one)")
    args = parser.parse_args()

    work = args.work or tempfile.mkdtemp(prefix="glean-bench-")
    texts = normalized_reports(args.extract, args.corpus)
    encoded = [text.encode("utf-8") for text in texts]
    small_bytes, small_files = build_corpus(encoded, os.path.join(work, "small"), args.small_mb)
    large_bytes, large_files = build_corpus(encoded, os.path.join(work, "large"), args.size_mb)
    print(f"corpus: {large_bytes / 1e6:.1f} MB in {large_files} files; small: "
          f"{small_bytes / 1e6:.1f} MB in {small_files} files; jobs {args.jobs}")
    marginal_mb = (large_bytes - small_bytes) / 1e6
    small_dir, large_dir = os.path.join(work, "small"), os.path.join(work, "large")
    # Reading the files alone: the floor under every tool that reads them, rg included.
    read_all = ["sh", "-c", 'find "$1" -type f -print0 | xargs -0 cat > /dev/null', "sh"]
    read_rate, _ = marginal_rate(marginal_mb, read_all + [small_dir], read_all + [large_dir], args.runs)
    print(f"reading the files alone (cat): {read_rate:.1f} MB/s")
    # extract with no rules still reads, validates, normalizes and finds structure: the part of
    # its cost that no matcher can remove.
    no_rules = os.path.join(work, "rules-0.yaml")
    with open(no_rules, "w", encoding="utf-8") as out:
        out.write("rules: []\n")
    floor_rate, _ = marginal_rate(marginal_mb, extract_command(args.extract, no_rules, small_dir, args.jobs),
                                  extract_command(args.extract, no_rules, large_dir, args.jobs), args.runs)
    print(f"extract with no rules (read, validate, normalize, structure): {floor_rate:.1f} MB/s")
    stock = measure_stock_rules(args, work, small_dir, large_dir, marginal_mb) if args.stock_rules else None
    results = {}
    for count in args.rules:
        patterns = generate_rules(texts, count)
        rules = os.path.join(work, f"rules-{count}.yaml")
        write_rules(patterns, rules)
        pattern_file = os.path.join(work, f"patterns-{count}.txt")
        with open(pattern_file, "w", encoding="utf-8") as out:
            out.write("\n".join(patterns) + "\n")

        compile_seconds, _, _ = timed([args.extract, "check", rules])
        _, _, counts = extract_counts(args.extract, rules, large_dir, args.jobs)  # also a warm-up
        job_counts = [args.jobs] + ([args.compare_jobs] if args.compare_jobs else [])
        extract_rates = marginal_rates(
            marginal_mb, [(extract_command(args.extract, rules, small_dir, jobs),
                           extract_command(args.extract, rules, large_dir, jobs)) for jobs in job_counts],
            args.runs)
        rate, peak = extract_rates[0]
        row = {"rules": count, "compile_s": compile_seconds, "extract_MBps": rate,
               "extract_peak_MB": peak, "facts": sum(counts.values())}

        # rg searches files on as many threads as extract runs jobs, so the two are compared
        # on the same cores.
        rg = [["rg", f"-j{jobs}", "-c", "-f", pattern_file] for jobs in job_counts]
        rg_rates = marginal_rates(marginal_mb, [(command + [small_dir], command + [large_dir])
                                                for command in rg], args.runs)
        row["rg_MBps"] = rg_rates[0][0]
        if args.compare_jobs:
            row[f"extract_MBps_jobs{args.compare_jobs}"] = extract_rates[1][0]
            row[f"extract_peak_MB_jobs{args.compare_jobs}"] = extract_rates[1][1]
            row[f"rg_MBps_jobs{args.compare_jobs}"] = rg_rates[1][0]

        if not args.skip_baseline:
            script = os.path.join(work, "baseline.py")
            with open(script, "w") as out:
                out.write(BASELINE)
            # The baseline is slow: measure it on the small corpus, and check counts there.
            base_seconds, _, base_out = timed([sys.executable, script, pattern_file,
                                               small_dir], stdout=subprocess.PIPE)
            base_counts = {int(a): int(b) for a, b in (l.split() for l in base_out.decode().splitlines())}
            _, _, small_counts = extract_counts(args.extract, rules, small_dir, args.jobs)
            if base_counts != small_counts:
                differ = sorted(k for k in set(base_counts) | set(small_counts)
                                if base_counts.get(k) != small_counts.get(k))
                sys.exit(f"{count} rules: extract and the baseline disagree on rules {differ[:10]}")
            row["baseline_MBps"] = small_bytes / 1e6 / base_seconds
            row["matches_checked"] = sum(base_counts.values())
        results[count] = row
        print(json.dumps(row, ensure_ascii=False))

    print(f"\nsummary (reading the files alone: {read_rate:.1f} MB/s; extract with no rules: "
          f"{floor_rate:.1f} MB/s)")
    if stock:
        print(f"  stock rules ({args.stock_rules}): {stock['raw_MBps']:.1f} MB/s over the sample reports as "
              f"they are ({stock['raw_facts']} facts, peak {stock['raw_peak_MB']:.0f} MB), "
              f"{stock['normalized_MBps']:.1f} MB/s over the benchmark corpus")
        if args.figures:
            print(f"  stock rules with --figures: {stock['figures_MBps']:.1f} MB/s over the sample "
                  f"reports ({stock['figures_facts']} facts, peak {stock['figures_peak_MB']:.0f} MB), "
                  f"{stock['figures_over_stock']:.2f} of the stock rules' throughput")
    for count, row in results.items():
        line = (f"{count:>6} rules: extract {row['extract_MBps']:7.1f} MB/s, rg -c -f {row['rg_MBps']:7.1f} MB/s"
                f" (extract/rg {row['extract_MBps'] / row['rg_MBps']:.2f})")
        if "baseline_MBps" in row:
            line += (f", Python baseline {row['baseline_MBps']:6.2f} MB/s"
                     f" (extract/baseline {row['extract_MBps'] / row['baseline_MBps']:.0f}x)")
        line += f", compile {row['compile_s']:.2f} s, peak {row['extract_peak_MB']:.0f} MB, {row['facts']} facts"
        print(line)
        if args.compare_jobs:
            n = args.compare_jobs
            extract_n, rg_n = row[f"extract_MBps_jobs{n}"], row[f"rg_MBps_jobs{n}"]
            print(f"{'':>14}{n} jobs: extract {extract_n:7.1f} MB/s ({extract_n / row['extract_MBps']:.2f}x "
                  f"{args.jobs} job{'s' if args.jobs != 1 else ''}), rg -c -f {rg_n:7.1f} MB/s "
                  f"({rg_n / row['rg_MBps']:.2f}x)")
    first, last = (args.rules[0], args.rules[-1]) if args.rules else (None, None)
    if first != last:
        cost = (1 / results[last]["extract_MBps"]) / (1 / results[first]["extract_MBps"])
        print(f"time of {last} rules / time of {first} rules: {cost:.2f}")
    if not args.work:
        shutil.rmtree(work)


if __name__ == "__main__":
    main()
